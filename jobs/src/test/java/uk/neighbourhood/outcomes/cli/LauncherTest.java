package uk.neighbourhood.outcomes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/outcomes} on a clean copy of the repository (the files git tracks, nothing built): the first
 * call builds the jar through the Maven wrapper, then commands run with the right exit codes.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class LauncherTest {
  @TempDir static Path clone;
  static Path repo = Path.of("..").toAbsolutePath().normalize();

  record Ran(int code, String output) {}

  static Ran run(Path dir, long minutes, String... args) throws IOException, InterruptedException {
    return run(dir, minutes, java.util.Map.of(), args);
  }

  static Ran run(Path dir, long minutes, java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("launcher", ".log");
    ProcessBuilder pb = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", args) + "\n" + Files.readString(log));
    }
    return new Ran(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void copyTrackedFiles() throws Exception {
    Ran files = run(repo, 1, "git", "ls-files", "-z");
    assertThat(files.code()).as("git ls-files in " + repo).isZero();
    for (String f : files.output().split("\0")) {
      if (f.isBlank()) {
        continue;
      }
      Path src = repo.resolve(f);
      if (!Files.exists(src)) {
        continue; // deleted in the working tree
      }
      Path dst = clone.resolve(f);
      Files.createDirectories(dst.getParent());
      Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
    }
    assertThat(clone.resolve("jobs/target")).doesNotExist();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void firstCallBuildsTheJarThenCommandsRunWithTheirExitCodes() throws Exception {
    Ran version = run(clone, 15, "bin/outcomes", "--version");
    assertThat(version.code()).as(version.output()).isZero();
    assertThat(version.output()).contains("building the jar").contains("outcomes ").contains("Spark 3.5");
    assertThat(clone.resolve("jobs/target/outcomes.jar")).exists();

    Ran again = run(clone, 2, "bin/outcomes", "--version");
    assertThat(again.output()).as("no rebuild when nothing changed").doesNotContain("building the jar");

    Ran template = run(clone, 2, "bin/outcomes", "template", "--out", "t/return.xlsx");
    assertThat(template.code()).as(template.output()).isZero();
    assertThat(clone.resolve("t/return.xlsx")).exists();

    Ran usage = run(clone, 2, "bin/outcomes", "run", "--inbox", "fixtures/inbox");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.output()).contains("--out");

    Ran refused = run(clone, 2, "bin/outcomes", "check", "fixtures/inbox/hollins-lac/drafts/2025-26Q2-draft.csv",
        "--scheme", "hollins-lac");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(List.of(refused.output().split("\n"))).anySatisfy(l -> assertThat(l).contains("WOULD BE REFUSED"));
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void aRunKilledWhileCommittingIsFinishedByTheNextRun() throws Exception {
    Path out = clone.resolve("killed-out");
    Ran first = run(clone, 10, "bin/outcomes", "run", "--inbox", "fixtures/inbox", "--out", out.toString(), "-q");
    assertThat(first.code()).as(first.output()).isZero();
    // the first clean run after a build leaves the class-data archive the next commands start from
    assertThat(clone.resolve("jobs/target/outcomes.jsa")).isNotEmptyFile();

    // the JVM halts in the middle of the commit, as a power cut would: no cleanup, no finally blocks
    Ran killed = run(clone, 10, java.util.Map.of("OUTCOMES_FAIL_AT", "committing:halt"),
        "bin/outcomes", "run", "--inbox", "fixtures/inbox", "--out", out.toString(), "-q");
    assertThat(killed.code()).as(killed.output()).isEqualTo(137);
    assertThat(out.resolve("_COMMITTING")).exists();
    assertThat(out.resolve(".lock")).as("the dead run's lock is left behind").exists();

    Ran next = run(clone, 10, "bin/outcomes", "run", "--inbox", "fixtures/inbox", "--out", out.toString(), "-q");
    assertThat(next.code()).as(next.output()).isZero();
    assertThat(out.resolve("_COMMITTING")).doesNotExist();
    assertThat(out.resolve(".staging")).doesNotExist();
    assertThat(out.resolve("excel/2025-26Q1/national-summary.xlsx")).exists();
    try (var left = java.nio.file.Files.list(clone.resolve("jobs/target"))) {
      assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("outcomes.jsa.")).toList())
          .as("no half-written archive is left behind").isEmpty();
    }
  }
}
