package uk.neighbourhood.outcomes.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.read.Corpus;

/** The whole torture corpus dropped into one scheme's folder: one run, no crash, each file as MANIFEST.csv expects. */
class TortureInboxTest {

  @Test
  void everyTortureFileIsReadOrRefusedInOneRun(@TempDir Path dir) throws IOException {
    Path corpus = Corpus.tortureOrFail();
    Path inbox = dir.resolve("inbox");
    Path scheme = inbox.resolve("torture-scheme");
    Map<String, String> expected = new HashMap<>();
    for (String line : Files.readAllLines(corpus.resolve("MANIFEST.csv")).subList(1, Files.readAllLines(corpus.resolve("MANIFEST.csv")).size())) {
      String path = line.substring(0, line.indexOf(','));
      String verdict = line.substring(line.lastIndexOf(',') + 1).trim();
      Path target = scheme.resolve(path);
      Files.createDirectories(target.getParent());
      Files.copy(corpus.resolve(path), target);
      expected.put("torture-scheme/" + path, verdict);
    }
    Files.writeString(inbox.resolve("schemes.csv"), "scheme_id,name,model,population\n"
        + "torture-scheme,Torture Scheme,other,1000\n");
    SparkSession spark = SharedSpark.spark();
    Path out = dir.resolve("out");
    RunSummary s = new QuarterlyJob(spark, new RunOptions(inbox.toString(), out.toString(), null, List.of(), null,
        null, LocalDate.of(2026, 1, 15), false), Progress.silent()).run();

    assertThat(s.filesSeen()).isEqualTo(expected.size());
    Map<String, Row> returns = spark.read().parquet(out.resolve("parquet/returns").toString()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("file"), r -> r));
    assertThat(returns.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((file, verdict) -> {
      Row r = returns.get(file);
      String status = r.getAs("status");
      List<String> problems = r.getList(r.fieldIndex("problems"));
      switch (verdict) {
        case "quarantine" -> {
          assertThat(status).as(file).isIn("quarantined", "duplicate");
          if (status.equals("quarantined")) {
            assertThat(problems).as(file + " says why").isNotEmpty()
                .allSatisfy(p -> assertThat(p).doesNotContain("Exception"));
          }
        }
        case "readable" -> assertThat(status).as(file + " " + problems).isIn("accepted", "superseded", "duplicate");
        default -> {
          if (status.equals("quarantined")) {
            assertThat(problems).as(file + " says why").isNotEmpty();
          }
        }
      }
    });
    Map<String, Double> values = spark.read().parquet(out.resolve("parquet/observations").toString())
        .where("scheme_id = 'torture-scheme' and period = '2025-26Q2'").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("measure"), r -> r.getAs("value"), (a, b) -> a));
    assertThat(values).containsEntry("people_supported", 1234.0).containsEntry("volunteer_hours", 56.5);
    assertThat(out.resolve("quarantine/torture-scheme/made/zip-bomb-2gib-sheet.xlsx.problems.txt")).exists();
  }
}
