package uk.neighbourhood.outcomes.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.neighbourhood.outcomes.publish.FaultInjection;

/**
 * Kill the job at each stage: the previous publication must be intact (byte for byte, for a crash before
 * the commit point), and the next run must complete and publish what a clean run publishes.
 */
class CrashSafetyTest {
  static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
  @TempDir static Path work;
  static SparkSession spark;
  static Path inbox;
  static Map<String, String> cleanPublication;

  @BeforeAll
  static void publishOnce() throws IOException {
    spark = SharedSpark.spark();
    inbox = FixtureInbox.copyTo(work.resolve("inbox"));
    Path clean = work.resolve("clean");
    run(clean);
    cleanPublication = tables(clean);
  }

  @AfterEach
  void noFault() {
    System.clearProperty("outcomes.failAt");
  }

  static RunSummary run(Path out) {
    return new QuarterlyJob(spark, new RunOptions(inbox.toString(), out.toString(), null, List.of(), null, null, TODAY,
        false), Progress.silent()).run();
  }

  /** The published tables as sorted text rows, so two publications can be compared whatever the file names. */
  static Map<String, String> tables(Path out) {
    Map<String, String> m = new TreeMap<>();
    for (String t : List.of("returns", "observations", "indicators", "breakdowns", "funnels")) {
      var df = spark.read().parquet(out.resolve("parquet/" + t).toString());
      m.put(t, String.join("\n", df.toJSON().collectAsList().stream().sorted().toList()));
    }
    return m;
  }

  /** Every published file with its size and content hash (excluding the run manifests, which accumulate). */
  static Map<String, String> files(Path out) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = out.relativize(p).toString();
        if (Files.isRegularFile(p) && !rel.startsWith("runs/") && !rel.equals(".lock")) {
          m.put(rel, Long.toString(Files.size(p)) + ":" + Long.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))));
        }
      }
    }
    return m;
  }

  @ParameterizedTest
  @EnumSource(FaultInjection.Stage.class)
  void aCrashAtAnyStageLeavesThePreviousPublicationAndTheNextRunCompletes(FaultInjection.Stage stage,
      @TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    run(out);
    Map<String, String> before = files(out);

    System.setProperty("outcomes.failAt", stage.name().toLowerCase());
    assertThatThrownBy(() -> run(out)).hasStackTraceContaining("Injected fault at " + stage.name().toLowerCase());
    System.clearProperty("outcomes.failAt");

    if (stage != FaultInjection.Stage.COMMITTING) {
      Map<String, String> after = files(out);
      after.keySet().removeIf(k -> k.startsWith(".staging/") || k.startsWith(".trash/"));
      assertThat(after).as("previous publication untouched after a crash while " + stage).isEqualTo(before);
    } else {
      assertThat(out.resolve("_COMMITTING")).as("the commit journal survives the crash").exists();
    }
    assertThat(out.resolve(".lock")).as("the lock is released or recognised as stale").doesNotExist();

    run(out);
    assertThat(tables(out)).isEqualTo(cleanPublication);
    assertThat(out.resolve("_COMMITTING")).doesNotExist();
    assertThat(out.resolve(".staging")).doesNotExist();
  }
}
