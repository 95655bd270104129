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
class LauncherTest {
  @TempDir static Path clone;
  static Path repo = Path.of("..").toAbsolutePath().normalize();

  record Ran(int code, String output) {}

  static Ran run(Path dir, long minutes, String... args) throws IOException, InterruptedException {
    Path log = Files.createTempFile("launcher", ".log");
    Process p = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
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
}
