package uk.neighbourhood.outcomes.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.neighbourhood.outcomes.publish.NationalSummaryWorkbookTest.texts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;

class SchemeComparisonWorkbookTest {
  @TempDir Path dir;

  private XSSFWorkbook written(ReportInputs in) throws Exception {
    return ReportFiles.writeAndOpen(dir.resolve("scheme-comparison.xlsx"),
        out -> SchemeComparisonWorkbook.write(in, ReportFixtures.Q2, out));
  }

  @Test
  void longTableHasOneFilterableRowPerSchemeIndicatorAndPeriod() throws Exception {
    ReportInputs in = ReportFixtures.inputs();
    try (XSSFWorkbook wb = written(in)) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).containsExactly("Contents", "Indicators", "Peer groups");
      XSSFSheet s = wb.getSheet("Indicators");
      long schemeRows = in.indicators().stream().filter(r -> !r.schemeId().equals(IndicatorRow.ENGLAND)).count();
      assertThat(s.getLastRowNum()).isEqualTo((int) schemeRows);
      XSSFTable t = s.getTables().get(0);
      assertThat(t.getCTTable().getAutoFilter()).isNotNull();
      assertThat(t.getEndRowIndex()).isEqualTo((int) schemeRows);
      List<String> cols = new ArrayList<>();
      t.getColumns().forEach(c -> cols.add(c.getName()));
      assertThat(cols).isEqualTo(SchemeComparisonWorkbook.LONG_COLUMNS);
      Row header = s.getRow(0);
      for (int i = 0; i < cols.size(); i++) {
        assertThat(header.getCell(i).getStringCellValue()).isEqualTo(cols.get(i));
      }
      assertThat(s.getSheetConditionalFormatting().getNumConditionalFormattings()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void everyRowCarriesIntervalsComparisonFunnelLimitsAndPeerGroup() throws Exception {
    ReportInputs in = ReportFixtures.inputs();
    try (XSSFWorkbook wb = written(in)) {
      XSSFSheet s = wb.getSheet("Indicators");
      for (IndicatorRow x : in.indicators()) {
        if (x.schemeId().equals(IndicatorRow.ENGLAND)) {
          continue;
        }
        Row row = find(s, x.schemeId(), x.period(), x.indicator());
        if (x.suppressed()) {
          assertThat(row.getCell(8).getStringCellValue()).isEqualTo("[c]");
          assertThat(row.getCell(15).getStringCellValue()).isEqualTo("Not compared");
        } else {
          assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(x.value());
          assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(x.lowerCi());
          assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(x.upperCi());
          assertThat(row.getCell(15).getStringCellValue()).isEqualToIgnoringCase(x.comparison());
        }
        if (x.indicator().equals("belong_neighbourhood_pct")) {
          double lower95 = row.getCell(17).getNumericCellValue();
          double upper95 = row.getCell(18).getNumericCellValue();
          assertThat(row.getCell(19).getNumericCellValue()).isLessThan(lower95);
          assertThat(row.getCell(20).getNumericCellValue()).isGreaterThan(upper95);
          assertThat(row.getCell(21).getStringCellValue()).isIn("Within limits", "Above 95% limit",
              "Above 99.8% limit", "Below 95% limit", "Below 99.8% limit");
        }
      }
      Row hollins = find(s, "hollins-lac", ReportFixtures.Q1, "belong_neighbourhood_pct");
      assertThat(hollins.getCell(3).getStringCellValue()).isEqualTo("Local area coordination");
      assertThat(hollins.getCell(4).getStringCellValue()).isEqualTo("Q1 most deprived");
      assertThat(texts(wb.getSheet("Peer groups"))).contains("Social prescribing", "Big local");
    }
  }

  @Test
  void suppliedFunnelLinesAreUsedForTheReportedPeriod() throws Exception {
    ReportInputs in = ReportFixtures.inputs().withFunnel(List.of(
        new FunnelLine("belong_neighbourhood_pct", 10, 20, 80, 10, 90),
        new FunnelLine("belong_neighbourhood_pct", 1000, 48, 52, 46, 54)));
    try (XSSFWorkbook wb = written(in)) {
      Row riverside = find(wb.getSheet("Indicators"), "riverside-sp", ReportFixtures.Q2, "belong_neighbourhood_pct");
      double n = riverside.getCell(12).getNumericCellValue();
      double t = (n - 10) / 990;
      assertThat(riverside.getCell(17).getNumericCellValue()).isCloseTo(20 + 28 * t,
          org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  static Row find(XSSFSheet s, String scheme, String period, String indicator) {
    for (Row r : s) {
      Cell a = r.getCell(0);
      if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(period)
          && r.getCell(1).getStringCellValue().equals(scheme) && r.getCell(6).getStringCellValue().equals(indicator)) {
        return r;
      }
    }
    throw new AssertionError("no row for " + scheme + " " + period + " " + indicator);
  }
}
