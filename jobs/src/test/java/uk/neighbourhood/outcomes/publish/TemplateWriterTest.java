package uk.neighbourhood.outcomes.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.map.TemplateLayout;

class TemplateWriterTest {
  private static final MeasureCatalog CATALOG = MeasureCatalog.bundled();
  private static final int VALUE = TemplateLayout.VALUE_COL;

  @Test
  void oneRowPerCoreMeasureInCatalogueOrderUnderDomainHeadings() throws IOException {
    try (XSSFWorkbook wb = write("riverside", "2025-26Q1")) {
      XSSFSheet sheet = wb.getSheet("Return");
      List<String> codes = new ArrayList<>();
      List<String> headings = new ArrayList<>();
      for (int r = TemplateLayout.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
        String code = text(sheet, r, TemplateLayout.CODE_COL);
        if (code.isEmpty()) {
          headings.add(text(sheet, r, TemplateLayout.LABEL_COL));
        } else {
          codes.add(code);
          Measure m = CATALOG.get(code);
          assertThat(text(sheet, r, TemplateLayout.LABEL_COL)).isEqualTo(m.label());
          assertThat(text(sheet, r, TemplateLayout.UNIT_COL)).isEqualTo(m.unit());
          assertThat(sheet.getRow(r).getCell(VALUE).getCellType()).hasToString("BLANK");
        }
      }
      assertThat(codes).isEqualTo(CATALOG.core().stream().map(Measure::code).toList());
      assertThat(codes).containsExactlyInAnyOrderElementsOf(MeasureCatalog.CONTRACT_CODES);
      assertThat(headings).hasSize(6).first().isEqualTo("Reach and activity");
      assertThat(text(sheet, 7, TemplateLayout.CODE_COL)).isEqualTo("people_supported");
      assertThat(text(sheet, 41, TemplateLayout.CODE_COL)).isEqualTo("expenditure_gbp");
    }
  }

  @Test
  void everyValueCellHasValidationFittingItsMeasure() throws IOException {
    try (XSSFWorkbook wb = write(null, null)) {
      XSSFSheet sheet = wb.getSheet("Return");
      List<XSSFDataValidation> validations = sheet.getDataValidations();
      for (TemplateLayout.MeasureRow mr : TemplateLayout.of(CATALOG).measures()) {
        Measure m = mr.measure();
        List<XSSFDataValidation> covering = validations.stream()
            .filter(v -> covers(v, mr.row(), VALUE)).toList();
        assertThat(covering).as(m.code()).hasSize(1);
        DataValidation v = covering.get(0);
        assertThat(v.getValidationConstraint().getValidationType())
            .isEqualTo(m.integer() ? ValidationType.INTEGER : ValidationType.DECIMAL);
        assertThat(v.getValidationConstraint().getOperator()).isEqualTo(OperatorType.BETWEEN);
        assertThat(Double.parseDouble(v.getValidationConstraint().getFormula1())).isEqualTo(m.min());
        assertThat(Double.parseDouble(v.getValidationConstraint().getFormula2())).isEqualTo(m.max());
        assertThat(v.getShowErrorBox()).isTrue();
        assertThat(v.getShowPromptBox()).isTrue();
        assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
        assertThat(v.getPromptBoxText()).isNotBlank().hasSizeLessThanOrEqualTo(255);
        assertThat(v.getPromptBoxTitle()).hasSizeLessThanOrEqualTo(32);
        assertThat(v.getErrorBoxText()).isNotBlank();
      }
      DataValidation swemwbs = validations.stream().filter(v -> covers(v, 25, VALUE)).findFirst().orElseThrow();
      assertThat(swemwbs.getValidationConstraint().getFormula1()).isEqualTo("7");
      assertThat(swemwbs.getValidationConstraint().getFormula2()).isEqualTo("35");
    }
  }

  @Test
  void periodCellOffersRecentQuartersButAcceptsFreeText() throws IOException {
    try (XSSFWorkbook wb = write(null, null)) {
      DataValidation period = wb.getSheet("Return").getDataValidations().stream()
          .filter(v -> covers(v, TemplateLayout.PERIOD_ROW, VALUE)).findFirst().orElseThrow();
      assertThat(period.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
      // written on 1 August 2025: the quarter just ended is 2025-26Q1, offered with a year either side
      assertThat(period.getValidationConstraint().getExplicitListValues())
          .contains("2024-25Q1", "2025-26Q1", "2026-27Q1").hasSize(9);
      assertThat(period.getShowErrorBox()).isFalse();
    }
  }

  @Test
  void labelsAndCodesAreLockedAndOnlyInputCellsAreUnlocked() throws IOException {
    try (XSSFWorkbook wb = write("riverside", "2025-26Q1")) {
      XSSFSheet sheet = wb.getSheet("Return");
      assertThat(sheet.getProtect()).isTrue();
      assertThat(sheet.getCTWorksheet().getSheetProtection().isSetPassword()).isFalse();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        for (int c = 0; c <= VALUE; c++) {
          XSSFCell cell = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(c);
          if (cell == null) {
            continue;
          }
          boolean input = c == VALUE && (r == TemplateLayout.SCHEME_ROW || r == TemplateLayout.PERIOD_ROW
              || !text(sheet, r, TemplateLayout.CODE_COL).isEmpty() && r > TemplateLayout.HEADER_ROW);
          assertThat(cell.getCellStyle().getLocked()).as(cell.getAddress().formatAsString()).isEqualTo(!input);
        }
      }
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (TemplateLayout.HEADER_ROW + 1));
      assertThat(sheet.getColumnWidth(TemplateLayout.LABEL_COL)).isGreaterThan(40 * 256);
      assertThat(sheet.getRow(7).getCell(VALUE).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      assertThat(sheet.getRow(25).getCell(VALUE).getCellStyle().getDataFormatString()).isEqualTo("0.00");
    }
  }

  @Test
  void markerSheetIsVeryHiddenNamedAndListsEveryValueCell() throws IOException {
    try (XSSFWorkbook wb = write(null, null)) {
      int marker = wb.getSheetIndex(TemplateLayout.MARKER_SHEET);
      assertThat(wb.getSheetVisibility(marker)).isEqualTo(SheetVisibility.VERY_HIDDEN);
      assertThat(wb.getSheetName(wb.getActiveSheetIndex())).isEqualTo("Return");
      XSSFSheet sheet = wb.getSheetAt(marker);
      assertThat(text(sheet, 0, 0)).isEqualTo("template_id");
      assertThat(text(sheet, 0, 1)).isEqualTo("neighbourhood-outcomes-return");
      assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
      assertThat(text(sheet, 7, 0)).isEqualTo("people_supported");
      assertThat(text(sheet, 7, 1)).isEqualTo("D8");
      assertThat(sheet.getLastRowNum()).isEqualTo(6 + CATALOG.core().size());
      XSSFName name = wb.getName(TemplateLayout.DEFINED_NAME);
      assertThat(name.getRefersToFormula()).isEqualTo("'_template'!$B$2");
    }
  }

  @Test
  void prefillsSchemeAndPeriodOnlyWhenGiven() throws IOException {
    try (XSSFWorkbook given = write("riverside", "Q2 2025/26"); XSSFWorkbook blank = write(null, null)) {
      assertThat(text(given.getSheet("Return"), TemplateLayout.SCHEME_ROW, VALUE)).isEqualTo("riverside");
      assertThat(text(given.getSheet("Return"), TemplateLayout.PERIOD_ROW, VALUE)).isEqualTo("2025-26Q2");
      assertThat(text(blank.getSheet("Return"), TemplateLayout.SCHEME_ROW, VALUE)).isEmpty();
      assertThat(text(blank.getSheet("Return"), TemplateLayout.PERIOD_ROW, VALUE)).isEmpty();
    }
  }

  @Test
  void instructionsSayHowToFillItAndByWhen() throws IOException {
    try (XSSFWorkbook wb = write("riverside", "2025-26Q1")) {
      assertThat(wb.getSheetIndex("Instructions")).isZero();
      StringBuilder all = new StringBuilder();
      XSSFSheet sheet = wb.getSheet("Instructions");
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        all.append(text(sheet, r, 0)).append(' ').append(text(sheet, r, 1)).append('\n');
      }
      assertThat(all.toString())
          .contains("whole numbers", "blank", "<5", "real count")
          .contains(CATALOG.get("gp_appointments_before").label(), CATALOG.get("lonely_often_always").label())
          .contains("30 days", "30 July 2025")
          // the survey section lists the survey counts, not other measures that have a denominator
          .doesNotContain("'" + CATALOG.get("swemwbs_meaningful_improvement").label() + "'");
    }
  }

  @Test
  void refusesASchemeIdOrPeriodThatCannotBeRight() {
    assertThatThrownBy(() -> write("Riverside Trust", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Cannot write the template");
    assertThatThrownBy(() -> write(null, "summer"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2025-26Q1");
  }

  private static boolean covers(DataValidation v, int row, int col) {
    for (CellRangeAddress a : v.getRegions().getCellRangeAddresses()) {
      if (a.isInRange(row, col)) {
        return true;
      }
    }
    return false;
  }

  private static String text(XSSFSheet sheet, int r, int c) {
    XSSFCell cell = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(c);
    return cell == null ? "" : cell.toString();
  }

  private static XSSFWorkbook write(String scheme, String period) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TemplateWriter.write(out, CATALOG, scheme, period, LocalDate.of(2025, 8, 1));
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }
}
