package uk.neighbourhood.outcomes.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;

class NationalSummaryWorkbookTest {
  @TempDir Path dir;

  private XSSFWorkbook written(ReportInputs in) throws Exception {
    return ReportFiles.writeAndOpen(dir.resolve("national-summary.xlsx"),
        out -> NationalSummaryWorkbook.write(in, ReportFixtures.Q2, out));
  }

  static List<String> texts(XSSFSheet s) {
    List<String> out = new ArrayList<>();
    DataFormatter f = new DataFormatter();
    for (Row r : s) {
      for (Cell c : r) {
        out.add(f.formatCellValue(c));
      }
    }
    return out;
  }

  static List<Double> numbers(XSSFSheet s) {
    List<Double> out = new ArrayList<>();
    for (Row r : s) {
      for (Cell c : r) {
        if (c.getCellType() == CellType.NUMERIC) {
          out.add(c.getNumericCellValue());
        }
      }
    }
    return out;
  }

  @Test
  void sheetsFollowTheContentsWithLinksToEach() throws Exception {
    try (XSSFWorkbook wb = written(ReportFixtures.inputs())) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).containsExactly("Contents", "Headlines", "By scheme", "Funnel plots", "Methodology",
          "Data quality", "Revisions");
      List<String> links = new ArrayList<>();
      wb.getSheet("Contents").getHyperlinkList().forEach(h -> links.add(h.getAddress()));
      assertThat(links).contains("'Headlines'!A1", "'By scheme'!A1", "'Data quality'!A1");
    }
  }

  @Test
  void everyPublishedValueOfThePeriodIsInTheBySchemeSheetAndSuppressedShowsC() throws Exception {
    ReportInputs in = ReportFixtures.inputs();
    try (XSSFWorkbook wb = written(in)) {
      XSSFSheet s = wb.getSheet("By scheme");
      List<Double> numbers = numbers(s);
      for (IndicatorRow r : in.indicators()) {
        if (r.period().equals(ReportFixtures.Q2) && !r.suppressed()) {
          assertThat(numbers).as(r.schemeId() + " " + r.indicator()).anySatisfy(
              n -> assertThat(n).isCloseTo(r.value(), org.assertj.core.data.Offset.offset(1e-9)));
        }
      }
      Row kestrel = rowOf(s, "kestrel-hub");
      assertThat(kestrel.getCell(4).getStringCellValue()).isEqualTo("[c]");
      assertThat(kestrel.getCell(5).getStringCellValue()).isEqualTo("Not compared");
      assertThat(texts(s)).contains("Better", "Similar", "Worse");
      assertThat(s.getSheetConditionalFormatting().getNumConditionalFormattings()).isGreaterThanOrEqualTo(3);
      assertThat(s.getTables()).hasSize(1);
      assertThat(s.getPaneInformation().isFreezePane()).isTrue();
      assertThat(texts(wb.getSheet("Contents"))).anySatisfy(t -> assertThat(t).startsWith("[c] means"));
    }
  }

  static Row rowOf(XSSFSheet s, String id) {
    for (Row r : s) {
      for (Cell c : r) {
        if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(id)) {
          return r;
        }
      }
    }
    throw new AssertionError("no row for " + id);
  }

  @Test
  void aSchemeNameThatLooksLikeAFormulaStaysText() throws Exception {
    try (XSSFWorkbook wb = written(ReportFixtures.inputs())) {
      Cell name = rowOf(wb.getSheet("By scheme"), "kestrel-hub").getCell(0);
      assertThat(name.getCellType()).isEqualTo(CellType.STRING);
      assertThat(name.getStringCellValue()).isEqualTo(ReportFixtures.FORMULA_NAME);
      assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
    }
  }

  @Test
  void headlinesHaveTrendChartsAndFunnelPlotsHaveScatterCharts() throws Exception {
    ReportInputs in = ReportFixtures.inputs();
    try (XSSFWorkbook wb = written(in)) {
      XSSFSheet head = wb.getSheet("Headlines");
      assertThat(head.getDrawingPatriarch().getCharts()).hasSize(3);
      assertThat(head.getDrawingPatriarch().getCharts().get(0).getCTChart().getPlotArea().getLineChartList())
          .hasSize(1);
      List<Double> numbers = numbers(head);
      for (String p : List.of(ReportFixtures.Q1, ReportFixtures.Q2)) {
        double eng = in.indicators().stream().filter(r -> r.schemeId().equals(IndicatorRow.ENGLAND)
            && r.period().equals(p) && r.indicator().equals("people_supported_per_1000")).findFirst().orElseThrow()
            .value();
        assertThat(numbers).contains(eng);
      }
      XSSFSheet funnel = wb.getSheet("Funnel plots");
      // the two proportion/rate indicators get a funnel; the score change does not
      assertThat(funnel.getDrawingPatriarch().getCharts()).hasSize(2);
      assertThat(funnel.getDrawingPatriarch().getCharts().get(0).getCTChart().getPlotArea().getScatterChartList()
          .get(0).getSerList()).hasSize(6);
      // the numbers behind each funnel sit beside it as two tables: the schemes, and the limits
      assertThat(funnel.getTables()).hasSize(4);
    }
  }

  @Test
  void aPeriodWithoutIndicatorsStillWritesEverySheet() throws Exception {
    ReportInputs base = ReportFixtures.inputs();
    ReportInputs in = ReportInputs.of(base.periods(), List.of(), base.returns(), List.of(), base.registry(),
        base.catalog());
    try (XSSFWorkbook wb = written(in)) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(7);
      assertThat(texts(wb.getSheet("Funnel plots")))
          .contains("No indicator in this period has the data a funnel plot needs.");
      assertThat(rowOf(wb.getSheet("Data quality"), "hollins-lac").getCell(10).getStringCellValue())
          .isEqualTo("Quarantined");
    }
  }

  @Test
  void dataQualityCountsExpectedReceivedOnTimeAndRefused() throws Exception {
    try (XSSFWorkbook wb = written(ReportFixtures.inputs())) {
      XSSFSheet s = wb.getSheet("Data quality");
      Row hollins = rowOf(s, "hollins-lac");
      assertThat(hollins.getCell(7).getNumericCellValue()).isEqualTo(1.0);
      assertThat(hollins.getCell(10).getStringCellValue()).isEqualTo("Quarantined");
      Row riverside = rowOf(s, "riverside-sp");
      assertThat(riverside.getCell(5).getNumericCellValue()).isEqualTo(2.0);
      assertThat(riverside.getCell(8).getNumericCellValue()).isEqualTo(1.0);
      Row greyfield = rowOf(s, "greyfield-chw");
      assertThat(greyfield.getCell(4).getNumericCellValue()).isEqualTo(0.0);
      assertThat(greyfield.getCell(10).getStringCellValue()).isEqualTo("Accepted late");
      assertThat(s.getTables()).hasSize(1);
    }
  }
}
