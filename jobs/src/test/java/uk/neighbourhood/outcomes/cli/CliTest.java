package uk.neighbourhood.outcomes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.job.FixtureInbox;

/** The command line as a user meets it: help, usage errors, and the commands that need no Spark. */
class CliTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = OutcomesCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void helpListsEveryCommand() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("run", "check", "template", "map", "report");
  }

  @Test
  void everyCommandHasHelp() {
    for (String c : new String[] {"run", "check", "template", "map", "report"}) {
      Result r = run(c, "--help");
      assertThat(r.code()).as(c).isZero();
      assertThat(r.out()).as(c).contains("Usage: outcomes " + c);
    }
  }

  @Test
  void versionNamesTheProductAndSpark() {
    Result r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("outcomes").contains("Spark 3.5");
  }

  @Test
  void usageErrorsExitWithTwoAndSayWhatIsWrong() {
    assertThat(run().code()).isEqualTo(2);
    Result missing = run("run", "--inbox", "x");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--out");
    Result badPeriod = run("run", "--inbox", "x", "--out", "y", "--period", "Q5 2025");
    assertThat(badPeriod.code()).isEqualTo(2);
    assertThat(badPeriod.err()).contains("2025-26Q1");
    assertThat(run("template", "--out", "t.xlsx", "--period", "2025Q1").code()).isEqualTo(2);
    assertThat(run("nonsense").code()).isEqualTo(2);
  }

  @Test
  void checkAcceptsATemplateReturnAndShowsEachValueWithItsCell() {
    Path file = FixtureInbox.bundled().resolve("riverside-sp/riverside-sp_2025-26Q1.xlsx");
    Result r = run("check", file.toString(), "--today", "2026-01-15");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("WOULD BE ACCEPTED").contains("template v1").contains("people_supported")
        .contains("Return!D8");
  }

  @Test
  void checkRefusesABrokenReturnWithEveryProblemAndExitsOne() {
    Path file = FixtureInbox.bundled().resolve("hollins-lac/drafts/2025-26Q2-draft.csv");
    Result r = run("check", file.toString(), "--scheme", "hollins-lac", "--today", "2026-01-15");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("WOULD BE REFUSED").contains("peeple_helped").contains("C3")
        .contains("-12").contains("Fix:");
  }

  @Test
  void checkNamesAFileThatIsNotASpreadsheet(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("return.xlsx");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    Result r = run("check", png.toString(), "--scheme", "kestrel-hub");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("WOULD BE REFUSED").containsIgnoringCase("not a spreadsheet");
  }

  @Test
  void templateIsWrittenAndAnEmptyTemplateIsNotAccepted(@TempDir Path dir) {
    Path t = dir.resolve("sub/return.xlsx");
    Result w = run("template", "--out", t.toString(), "--scheme", "kestrel-hub", "--period", "2025-26Q2");
    assertThat(w.code()).isZero();
    assertThat(t).exists();
    Result c = run("check", t.toString(), "--scheme", "kestrel-hub", "--today", "2026-01-15");
    assertThat(c.code()).as("a blank template has no values to accept").isEqualTo(1);
  }

  @Test
  void mapDraftsAProfileWithConfidences() {
    Path file = FixtureInbox.bundled().resolve("sandy-brook-sp/sandy_brook_2025-26_Q1.xlsx");
    Result r = run("map", file.toString(), "--scheme", "sandy-brook-sp");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("people_supported").containsIgnoringCase("confidence");
  }
}
