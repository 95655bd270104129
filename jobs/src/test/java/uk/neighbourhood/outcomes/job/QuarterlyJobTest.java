package uk.neighbourhood.outcomes.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.fixtures.SpineFixtures;

/** The whole quarterly job on the bundled fixture inbox, checked through the published Parquet. */
class QuarterlyJobTest {
  static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  @TempDir static Path work;
  static SparkSession spark;
  static Path out;
  static RunSummary summary;

  @BeforeAll
  static void runOnFixtures() {
    spark = SharedSpark.spark();
    Path inbox = FixtureInbox.copyTo(work.resolve("inbox"));
    out = work.resolve("out");
    summary = run(inbox, out);
  }

  static RunSummary run(Path inbox, Path out) {
    RunOptions o = new RunOptions(inbox.toString(), out.toString(), null, List.of(), null, null, TODAY, false);
    return new QuarterlyJob(spark, o, Progress.silent()).run();
  }

  static Dataset<Row> table(Path out, String name) {
    return spark.read().parquet(out.resolve("parquet/" + name).toString());
  }

  @Test
  void publishesTheContractTablesWithTheirColumns() {
    assertThat(table(out, "returns").columns()).startsWith(
        "scheme_id", "file", "sha256", "status", "problems", "observations");
    assertThat(List.of(table(out, "returns").columns())).contains("period");
    assertThat(List.of(table(out, "observations").columns())).containsAll(List.of("scheme_id", "period", "area_code",
        "measure", "value", "unit", "source_file", "source_sha256", "source_sheet", "source_cell"));
    assertThat(List.of(table(out, "indicators").columns())).containsAll(List.of("scheme_id", "period", "indicator",
        "value", "lower_ci", "upper_ci", "numerator", "denominator", "method", "comparison", "suppressed"));
    assertThat(summary.periods()).containsExactly("2025-26Q1", "2025-26Q2");
  }

  @Test
  void everyFixtureValueIsPublishedWithItsCell() {
    List<Row> obs = table(out, "observations").collectAsList();
    for (SpineFixtures.Spec s : SpineFixtures.SPECS) {
      for (int q = 0; q < 2; q++) {
        String period = SpineFixtures.PERIODS.get(q);
        Map<String, Double> expected = SpineFixtures.values(s, q);
        Map<String, Double> published = obs.stream()
            .filter(r -> r.getAs("scheme_id").equals(s.scheme()) && r.getAs("period").equals(period))
            .collect(Collectors.toMap(r -> r.getAs("measure"), r -> r.getAs("value")));
        assertThat(published).as(s.scheme() + " " + period).isEqualTo(expected);
      }
    }
    assertThat(obs).allSatisfy(r -> {
      assertThat((String) r.getAs("source_cell")).matches("[A-Z]+[0-9]+(:[A-Z]+[0-9]+)?");
      assertThat((String) r.getAs("source_sha256")).hasSize(64);
    });
  }

  @Test
  void peopleSupportedPer1000IsComputedPerSchemeAndForEngland() {
    List<Row> ind = table(out, "indicators").where("indicator = 'people_supported_per_1000' and period = '2025-26Q1'")
        .collectAsList();
    Map<String, Row> byScheme = ind.stream().collect(Collectors.toMap(r -> r.getAs("scheme_id"), r -> r));
    for (SpineFixtures.Spec s : SpineFixtures.SPECS) {
      double p = SpineFixtures.values(s, 0).get("people_supported");
      Row r = byScheme.get(s.scheme());
      assertThat(r).as(s.scheme()).isNotNull();
      if (!(Boolean) r.getAs("suppressed")) {
        assertThat((Double) r.getAs("value")).isCloseTo(p / s.population() * 1000, within(1e-9));
        assertThat((Double) r.getAs("lower_ci")).isLessThan(r.getAs("value"));
        assertThat((Double) r.getAs("upper_ci")).isGreaterThan(r.getAs("value"));
      }
    }
    // England: every scheme that reported, summed, over the registry populations of those schemes
    Map<String, Long> population = Map.ofEntries(
        Map.entry("riverside-sp", 48200L), Map.entry("hollins-lac", 12600L), Map.entry("marsh-lane-big-local", 6100L),
        Map.entry("oakbridge-chw", 9400L), Map.entry("fenwick-int", 31500L), Map.entry("kestrel-hub", 800L),
        Map.entry("sandy-brook-sp", 22800L), Map.entry("tollgate-big-local", 7300L), Map.entry("ashdown-lac", 15900L),
        Map.entry("millpond-hub", 3200L), Map.entry("greyfield-chw", 5600L), Map.entry("harbourside-int", 41000L));
    List<Row> reported = table(out, "observations")
        .where("measure = 'people_supported' and period = '2025-26Q1' and value is not null").collectAsList();
    double people = reported.stream().mapToDouble(r -> r.getAs("value")).sum();
    double populationSum = reported.stream().mapToDouble(r -> population.get((String) r.getAs("scheme_id"))).sum();
    Row england = byScheme.get("ENGLAND");
    assertThat((Double) england.getAs("value")).isCloseTo(people / populationSum * 1000, within(1e-9));
    assertThat((String) england.getAs("comparison")).isEqualTo("not_compared");
  }

  @Test
  void aBrokenReturnIsQuarantinedWithReasonsAndTheRestIsPublished() throws IOException {
    List<Row> returns = table(out, "returns").collectAsList();
    Row draft = returns.stream().filter(r -> ((String) r.getAs("file")).endsWith("2025-26Q2-draft.csv")).findFirst().orElseThrow();
    assertThat((String) draft.getAs("status")).isEqualTo("quarantined");
    List<String> problems = draft.getList(draft.fieldIndex("problems"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("peeple_helped").contains("C3"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("people_supported").contains("-12"));
    Path copy = out.resolve("quarantine/hollins-lac/drafts/2025-26Q2-draft.csv");
    assertThat(copy).exists();
    assertThat(Files.readString(Path.of(copy + ".problems.txt"))).contains("How to fix");
    for (SpineFixtures.Spec s : SpineFixtures.SPECS) {
      assertThat(returns.stream().filter(r -> r.getAs("scheme_id").equals(s.scheme()) && r.getAs("status").equals("accepted")))
          .as("accepted returns of " + s.scheme()).hasSize(2);
    }
  }

  @Test
  void writesTheNationalSummaryWorkbookForEachPeriod() throws IOException {
    for (String p : List.of("2025-26Q1", "2025-26Q2")) {
      Path xlsx = out.resolve("excel/" + p + "/national-summary.xlsx");
      assertThat(xlsx).exists();
      try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
        assertThat(wb.getNumberOfSheets()).isGreaterThan(1);
      }
    }
    assertThat(out.resolve("runs/" + summary.runId() + ".json")).exists();
  }

  @Test
  void runningTheSameInboxTwicePublishesTheSameTables(@TempDir Path again) {
    Path inbox = FixtureInbox.copyTo(again.resolve("inbox"));
    Path out2 = again.resolve("out");
    run(inbox, out2);
    RunSummary second = run(inbox, out2);
    assertThat(second.filesRead()).as("unchanged files come from the ledger, not read again").isZero();
    for (String t : List.of("returns", "observations", "indicators")) {
      SharedSpark.base().assertDataFrameNoOrderEquals(table(out, t), table(out2, t));
    }
  }

  @Test
  void aLaterReturnSupersedesAndAByteIdenticalCopyCountsOnce(@TempDir Path dir) throws IOException {
    Path inbox = FixtureInbox.copyTo(dir.resolve("inbox"));
    Path original = inbox.resolve("hollins-lac/2025-26Q1.csv");
    String revised = Files.readString(original).replaceFirst("people_supported,\\d+", "people_supported,777");
    Path resubmission = inbox.resolve("hollins-lac/2025-26Q1-revised.csv");
    Files.writeString(resubmission, revised);
    Files.setLastModifiedTime(resubmission, FileTime.from(Instant.parse("2025-11-01T09:00:00Z")));
    Path copy = inbox.resolve("hollins-lac/copy of 2025-26Q1.csv");
    Files.copy(original, copy);
    Files.setLastModifiedTime(copy, FileTime.from(Instant.parse("2025-10-25T09:00:00Z")));
    Path o = dir.resolve("out");
    RunSummary s = run(inbox, o);
    assertThat(s.count("duplicate")).isEqualTo(1);
    Map<String, String> status = table(o, "returns").where("scheme_id = 'hollins-lac'").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("file"), r -> r.getAs("status")));
    assertThat(status).containsEntry("hollins-lac/2025-26Q1-revised.csv", "accepted")
        .containsEntry("hollins-lac/2025-26Q1.csv", "superseded")
        .containsEntry("hollins-lac/copy of 2025-26Q1.csv", "duplicate");
    double people = table(o, "observations")
        .where("scheme_id = 'hollins-lac' and period = '2025-26Q1' and measure = 'people_supported'")
        .collectAsList().get(0).getAs("value");
    assertThat(people).isEqualTo(777.0);
  }

  @Test
  void aCorrectionToAPublishedQuarterIsListedAsARevision(@TempDir Path dir) throws IOException {
    Path inbox = FixtureInbox.copyTo(dir.resolve("inbox"));
    Path o = dir.resolve("out");
    run(inbox, o);
    assertThat(table(o, "revisions").count()).as("nothing is a revision on a first publication").isZero();

    Path original = inbox.resolve("hollins-lac/2025-26Q1.csv");
    Path corrected = inbox.resolve("hollins-lac/2025-26Q1-corrected.csv");
    Files.writeString(corrected, Files.readString(original).replaceFirst("people_supported,\\d+", "people_supported,400"));
    Files.setLastModifiedTime(corrected, FileTime.from(Instant.parse("2025-12-01T09:00:00Z")));
    run(inbox, o);

    List<Row> revisions = table(o, "revisions").where("indicator = 'people_supported_per_1000'").collectAsList();
    Row scheme = revisions.stream().filter(r -> r.getAs("scheme_id").equals("hollins-lac")).findFirst().orElseThrow();
    assertThat((String) scheme.getAs("period")).isEqualTo("2025-26Q1");
    assertThat((Double) scheme.getAs("revised")).isCloseTo(400.0 / 12600 * 1000, within(1e-9));
    assertThat((Double) scheme.getAs("previous")).isNotEqualTo(scheme.getAs("revised"));
    assertThat((String) scheme.getAs("reason")).contains("hollins-lac/2025-26Q1-corrected.csv");
    assertThat(revisions).anySatisfy(r -> assertThat((String) r.getAs("scheme_id")).isEqualTo("ENGLAND"));
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(o.resolve("excel/2025-26Q1/national-summary.xlsx")))) {
      var sheet = wb.getSheet("Revisions");
      assertThat(sheet).isNotNull();
      boolean listed = false;
      for (var row : sheet) {
        for (var cell : row) {
          listed |= cell.toString().contains("2025-26Q1-corrected.csv");
        }
      }
      assertThat(listed).as("the national summary lists the revision with its reason").isTrue();
    }

    long recorded = table(o, "revisions").count();
    run(inbox, o);
    assertThat(table(o, "revisions").count()).as("an unchanged re-run adds no revision and keeps the history")
        .isEqualTo(recorded);
  }

  @Test
  void theNationalSummaryShowsEveryEnglandFigureOfTheIndicatorsTable() throws IOException {
    List<Row> england = table(out, "indicators")
        .where("scheme_id = 'ENGLAND' and period = '2025-26Q2' and value is not null and not suppressed").collectAsList();
    assertThat(england).isNotEmpty();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("excel/2025-26Q2/national-summary.xlsx")))) {
      List<Double> shown = new java.util.ArrayList<>();
      for (var row : wb.getSheet("Headlines")) {
        for (var cell : row) {
          if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
            shown.add(cell.getNumericCellValue());
          }
        }
      }
      for (Row r : england) {
        double v = r.getAs("value");
        assertThat(shown).as("England's " + r.getAs("indicator") + " on the Headlines sheet")
            .anySatisfy(x -> assertThat(x).isCloseTo(v, within(1e-6 * Math.max(1, Math.abs(v)))));
      }
    }
  }

  @Test
  void theReportCommandRendersTheWorkbooksAgainFromTheParquet() throws IOException {
    Path xlsx = out.resolve("excel/2025-26Q1/national-summary.xlsx");
    Files.delete(xlsx);
    List<String> rendered = new ReportJob(spark).render(out.toString(), List.of("2025-26Q1"), null);
    assertThat(rendered).containsExactly("2025-26Q1");
    assertThat(xlsx).exists();
    assertThat(out.resolve("excel/2025-26Q1/scheme-comparison.xlsx")).exists();
    assertThat(out.resolve("excel/2025-26Q1/feedback/kestrel-hub.xlsx")).exists();
    // the re-rendered feedback still lists, cell by cell, what was published for the scheme
    Dataset<Row> obs = table(out, "observations");
    long published = obs.filter(obs.col("scheme_id").equalTo("kestrel-hub").and(obs.col("period").equalTo("2025-26Q1")))
        .count();
    try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(out.resolve("excel/2025-26Q1/feedback/kestrel-hub.xlsx")))) {
      assertThat(published).isPositive();
      assertThat(book.getSheet("What we read").getLastRowNum()).isEqualTo((int) published);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new ReportJob(spark).render(out.toString(), List.of("2019-20Q1"), null))
        .hasMessageContaining("not published");
  }

  @Test
  void eachFeedbackWorkbookWrittenInATaskListsExactlyItsSchemesPublishedObservations() throws IOException {
    Dataset<Row> obs = table(out, "observations");
    List<Row> schemes = obs.select("scheme_id", "period").distinct().collectAsList();
    assertThat(schemes).hasSizeGreaterThan(10);
    for (Row key : schemes) {
      String scheme = key.getString(0);
      String period = key.getString(1);
      java.util.Set<String> published = obs
          .filter(obs.col("scheme_id").equalTo(scheme).and(obs.col("period").equalTo(period)))
          .collectAsList().stream()
          .map(r -> r.getAs("source_file") + "!" + r.getAs("source_sheet") + "!" + r.getAs("source_cell"))
          .collect(Collectors.toSet());
      java.util.Set<String> listed = new java.util.HashSet<>();
      int rows = 0;
      try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(
          out.resolve("excel/" + period + "/feedback/" + scheme + ".xlsx")))) {
        org.apache.poi.ss.usermodel.Sheet s = book.getSheet("What we read");
        for (org.apache.poi.ss.usermodel.Row r : s) {
          if (r.getRowNum() == 0) {
            continue;
          }
          rows++;
          listed.add(r.getCell(5).getStringCellValue() + "!" + r.getCell(6).getStringCellValue() + "!"
              + r.getCell(7).getStringCellValue());
        }
      }
      assertThat(rows).as(scheme + " " + period + " rows").isEqualTo(published.size());
      assertThat(listed).as(scheme + " " + period).isEqualTo(published);
    }
  }

  @Test
  void theRunManifestSaysWhereTheTimeWent() throws IOException {
    Path manifest = Files.list(out.resolve("runs")).filter(p -> p.toString().endsWith(".json")).findFirst()
        .orElseThrow();
    Map<?, ?> stages = (Map<?, ?>) new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(manifest.toFile(), Map.class).get("stages_ms");
    assertThat(new java.util.ArrayList<Object>(stages.keySet())).containsSubsequence("before_job", "catalogues", "read", "aggregate", "write", "commit");
    assertThat(stages.values()).allSatisfy(v -> assertThat(((Number) v).longValue()).isNotNegative());
    assertThat(((Number) stages.get("read")).longValue()).isPositive();
    for (String part : List.of("write.parquet.observations", "write.parquet.indicators", "write.excel", "write.ledger")) {
      assertThat(stages.containsKey(part)).as(part).isTrue();
    }
  }
}
