package uk.neighbourhood.outcomes.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.map.TemplateLayout;
import uk.neighbourhood.outcomes.publish.TemplateWriter;

/** Generate the template, fill it as a team would, run the job, and find exactly those values and cells. */
class TemplateRoundTripTest {

  @Test
  void filledValuesArePublishedWithTheirCellsAndNothingElse(@TempDir Path dir) throws Exception {
    MeasureCatalog catalog = MeasureCatalog.bundled();
    ByteArrayOutputStream blank = new ByteArrayOutputStream();
    TemplateWriter.write(blank, catalog, "round-trip", "2025-26Q3");
    Map<String, Object> filled = new LinkedHashMap<>();
    filled.put("people_supported", 321.0);
    filled.put("followed_up", 100.0);
    filled.put("gp_appointments_before", 240.0);
    filled.put("gp_appointments_after", "198");          // a number typed as text
    filled.put("volunteer_hours", 45.5);
    filled.put("survey_respondents", 80.0);
    filled.put("lonely_often_always", "<5");             // suppressed by the team
    filled.put("swemwbs_paired_n", 40.0);
    filled.put("swemwbs_baseline_mean", 19.8);
    filled.put("swemwbs_followup_mean", 22.35);
    Map<String, String> cells = new LinkedHashMap<>();
    Path inbox = dir.resolve("inbox");
    Files.createDirectories(inbox.resolve("round-trip"));
    Files.writeString(inbox.resolve("schemes.csv"),
        "scheme_id,name,model,population\nround-trip,Round Trip Hub,community_hub,5000\n");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(blank.toByteArray()));
        OutputStream out = Files.newOutputStream(inbox.resolve("round-trip/return.xlsx"))) {
      var sheet = wb.getSheet(TemplateLayout.RETURN_SHEET);
      for (TemplateLayout.MeasureRow m : TemplateLayout.of(catalog).measures()) {
        Object v = filled.get(m.measure().code());
        if (v == null) {
          continue;
        }
        CellReference ref = new CellReference(m.valueA1());
        var cell = sheet.getRow(ref.getRow()).getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
        if (v instanceof Double d) {
          cell.setCellValue(d);
        } else {
          cell.setCellValue((String) v);
        }
        cells.put(m.measure().code(), m.valueA1());
      }
      wb.write(out);
    }
    SparkSession spark = SharedSpark.spark();
    Path out = dir.resolve("out");
    RunSummary s = new QuarterlyJob(spark, new RunOptions(inbox.toString(), out.toString(), null, List.of(), null,
        null, LocalDate.of(2026, 2, 1), false), Progress.silent()).run();
    assertThat(s.count("accepted")).isEqualTo(1);

    var rows = spark.read().parquet(out.resolve("parquet/observations").toString()).collectAsList();
    Map<String, String> publishedCells = rows.stream().collect(Collectors.toMap(r -> r.getAs("measure"),
        r -> r.getAs("source_sheet") + "!" + r.getAs("source_cell")));
    assertThat(publishedCells).hasSize(filled.size());
    cells.forEach((code, a1) -> assertThat(publishedCells).containsEntry(code, "Return!" + a1));
    Map<String, Object> values = rows.stream().filter(r -> r.getAs("value") != null)
        .collect(Collectors.toMap(r -> r.getAs("measure"), r -> r.getAs("value")));
    assertThat(values).containsEntry("people_supported", 321.0).containsEntry("gp_appointments_after", 198.0)
        .containsEntry("volunteer_hours", 45.5).containsEntry("swemwbs_followup_mean", 22.35)
        .doesNotContainKey("lonely_often_always");
    var lonely = rows.stream().filter(r -> r.getAs("measure").equals("lonely_often_always")).findFirst().orElseThrow();
    assertThat((Boolean) lonely.getAs("suppressed")).isTrue();
    assertThat(rows).allSatisfy(r -> assertThat((String) r.getAs("period")).isEqualTo("2025-26Q3"));
  }
}
