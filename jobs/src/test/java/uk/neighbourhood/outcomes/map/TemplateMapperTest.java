package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellRef;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Severity;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;
import uk.neighbourhood.outcomes.publish.TemplateWriter;
import uk.neighbourhood.outcomes.read.ReadLimits;
import uk.neighbourhood.outcomes.read.Readers;

class TemplateMapperTest {
  private static final String FILE = "riverside/2025-26Q1.xlsx";
  private static final String SHA = "0f1e2d3c";
  private static final ReturnContext CONTEXT = new ReturnContext("riverside", FILE, SHA, Schemas.bundled());
  private static final int VALUE = TemplateLayout.VALUE_COL;
  private static final Map<String, byte[]> WRITTEN = new ConcurrentHashMap<>();
  private final TemplateMapper mapper = new TemplateMapper();
  @TempDir
  Path dir;
  private int saved;

  @Test
  void filledTemplateGivesExactlyTheFilledValuesWithTheirCells() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q1")) {
      set(wb, "D8", 120);           // people_supported
      set(wb, "D9", "1,234");       // new_referrals, a number typed as text
      set(wb, "D12", " 56.5 ");     // volunteer_hours, text with spaces
      set(wb, "D21", "<5");         // ae_attendances_after, suppressed although we asked not to
      set(wb, "D26", 21.4);         // swemwbs_baseline_mean, a decimal mean

      Workbook model = saveAndRead(wb);
      MappingResult result = mapper.map(model, CONTEXT);

      assertThat(model.sheet(TemplateLayout.MARKER_SHEET).orElseThrow().hidden()).isTrue();
      assertThat(mapper.recognises(model)).isTrue();
      assertThat(result.problems()).isEmpty();
      assertThat(result.layout()).isEqualTo("template v1");
      assertThat(result.declaredScheme()).isEqualTo("riverside");
      assertThat(result.periods()).containsExactly("2025-26Q1");
      assertThat(result.observations()).containsExactly(
          obs("people_supported", 120.0, "people", false, "D8"),
          obs("new_referrals", 1234.0, "people", false, "D9"),
          obs("volunteer_hours", 56.5, "hours", false, "D12"),
          obs("ae_attendances_after", null, "count", true, "D21"),
          obs("swemwbs_baseline_mean", 21.4, "score", false, "D26"));
    }
  }

  @Test
  void schemeAndPeriodTypedByTheTeamAreRead() throws IOException {
    try (XSSFWorkbook wb = template(null, null)) {
      set(wb, "D3", " another-scheme ");
      set(wb, "D4", "Q1 2025/26");
      set(wb, "D42", 2500.5);       // expenditure_gbp, the last row

      MappingResult result = mapper.map(saveAndRead(wb), CONTEXT);

      assertThat(result.problems()).isEmpty();
      // the folder decides the scheme; what the return declares is handed on for comparison
      assertThat(result.declaredScheme()).isEqualTo("another-scheme");
      assertThat(result.periods()).containsExactly("2025-26Q1");
      assertThat(result.observations()).containsExactly(obs("expenditure_gbp", 2500.5, "gbp", false, "D42"));
    }
  }

  @Test
  void untouchedTemplateGivesNoObservationsAndNoProblems() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q2")) {
      MappingResult result = mapper.map(saveAndRead(wb), CONTEXT);
      assertThat(result.observations()).isEmpty();
      assertThat(result.problems()).isEmpty();
      assertThat(result.periods()).containsExactly("2025-26Q2");
    }
  }

  @Test
  void recognisesTheTemplateReSavedAsXlsWithTheMarkerMerelyHidden() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q1"); HSSFWorkbook xls = copyToXls(wb)) {
      xls.getSheet("Return").getRow(7).getCell(3).setCellValue(42);
      xls.setSheetVisibility(xls.getSheetIndex(TemplateLayout.MARKER_SHEET), SheetVisibility.HIDDEN);
      Workbook model = saveAndRead(xls, "xls");
      assertThat(model.sheet(TemplateLayout.MARKER_SHEET).orElseThrow().hidden()).isTrue();

      assertThat(mapper.recognises(model)).isTrue();
      MappingResult result = mapper.map(model, CONTEXT);
      assertThat(result.problems()).isEmpty();
      assertThat(result.observations()).containsExactly(obs("people_supported", 42.0, "people", false, "D8"));
    }
  }

  /**
   * A template written by version 1 of the writer, filled and saved by another library (openpyxl 3,
   * Debian's python3-openpyxl) with the period typed loosely: files already out with teams must keep
   * reading whatever the writer becomes.
   */
  @Test
  void readsAVersionOneTemplateReSavedByAnotherTool() throws Exception {
    Path file = Path.of(getClass().getResource("template-v1-resaved-by-openpyxl.xlsx").toURI());
    Workbook model = Readers.read(file, "template-v1-resaved-by-openpyxl.xlsx", ReadLimits.defaults());

    assertThat(mapper.recognises(model)).isTrue();
    MappingResult result = mapper.map(model, CONTEXT);
    assertThat(result.problems()).isEmpty();
    assertThat(result.declaredScheme()).isEqualTo("riverside");
    assertThat(result.periods()).containsExactly("2025-26Q1");
    assertThat(result.observations()).containsExactly(
        obs("people_supported", 5.0, "people", false, "D8"),
        obs("new_referrals", null, "people", true, "D9"),
        obs("volunteer_hours", 56.5, "hours", false, "D12"),
        obs("swemwbs_baseline_mean", 21.4, "score", false, "D26"));
  }

  @Test
  void doesNotRecogniseOtherWorkbooks() {
    Sheet data = new Sheet("Return", 0, false);
    data.put(Cell.text(0, 0, "People supported"));
    data.put(Cell.number(0, 1, 12));
    Sheet otherMarker = new Sheet(TemplateLayout.MARKER_SHEET, 1, true);
    otherMarker.put(Cell.text(0, 0, TemplateLayout.KEY_TEMPLATE_ID));
    otherMarker.put(Cell.text(0, 1, "some-other-template"));

    assertThat(mapper.recognises(new Workbook("xlsx", List.of(data)))).isFalse();
    assertThat(mapper.recognises(new Workbook("xlsx", List.of(data, otherMarker)))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Spring 2025", "Q5 2025/26", "Q1 2025/27", "2025 Q1", "April 2025"})
  void periodInAnUnknownFormIsAnErrorAtThePeriodCell(String written) throws IOException {
    try (XSSFWorkbook wb = template("riverside", null)) {
      set(wb, "D4", written);
      set(wb, "D8", 10);
      MappingResult result = mapper.map(saveAndRead(wb), CONTEXT);

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.code()).isEqualTo("template.bad_period");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.sheet()).isEqualTo("Return");
        assertThat(p.cell()).isEqualTo("D4");
        assertThat(p.message()).startsWith("Cannot read the period");
        assertThat(p.fix()).contains("2025-26Q1");
      });
      assertThat(result.periods()).isEmpty();
    }
  }

  @Test
  void emptyPeriodIsAnErrorAtThePeriodCell() throws IOException {
    try (XSSFWorkbook wb = template("riverside", null)) {
      MappingResult result = mapper.map(saveAndRead(wb), CONTEXT);
      assertThat(result.problems()).extracting(Problem::code, Problem::cell)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("template.missing_period", "D4"));
    }
  }

  @Test
  void errorCellIsReportedAtItsCell() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q1")) {
      set(wb, "D8", 7);
      cell(wb, "D10").setCellErrorValue(FormulaError.DIV0.getCode());
      MappingResult result = mapper.map(saveAndRead(wb), CONTEXT);

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.code()).isEqualTo("value.error_cell");
        assertThat(p.cell()).isEqualTo("D10");
        assertThat(p.sheet()).isEqualTo("Return");
        assertThat(p.message()).contains("#DIV/0!").contains("contacts");
      });
      assertThat(result.observations()).extracting(Observation::measure).containsExactly("people_supported");
    }
  }

  @Test
  void junkTextIsNotANumberAtItsCellAndIsNotQuoted() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q1")) {
      set(wb, "D17", "Mrs Jones and family");
      MappingResult result = mapper.map(saveAndRead(wb), CONTEXT);

      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.code()).isEqualTo("value.not_a_number");
        assertThat(p.cell()).isEqualTo("D17");
        assertThat(p.message()).contains("followed_up").doesNotContain("Jones");
        assertThat(p.fix()).isNotBlank();
      });
      assertThat(result.observations()).isEmpty();
    }
  }

  @Test
  void insertedRowsAreFollowedByCodeWithAWarning() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q1")) {
      XSSFSheet sheet = wb.getSheet("Return");
      sheet.shiftRows(1, sheet.getLastRowNum(), 1);          // a row above everything: scheme and period move too
      sheet.shiftRows(9, sheet.getLastRowNum(), 2);          // two rows between people_supported and the rest
      set(wb, "D9", 120);                                    // people_supported, was D8
      set(wb, "D12", 30);                                    // new_referrals, was D9
      set(wb, "D45", 99.5);                                  // expenditure_gbp, was D42

      MappingResult result = mapper.map(saveAndRead(wb), CONTEXT);

      assertThat(result.declaredScheme()).isEqualTo("riverside");
      assertThat(result.periods()).containsExactly("2025-26Q1");
      assertThat(result.observations()).containsExactly(
          obs("people_supported", 120.0, "people", false, "D9"),
          obs("new_referrals", 30.0, "people", false, "D12"),
          obs("expenditure_gbp", 99.5, "gbp", false, "D45"));
      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.code()).isEqualTo("template.moved_rows");
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.cell()).isEqualTo("D4");               // the first cell found away from its place
      });
    }
  }

  @Test
  void insertedColumnsAreFollowedWithAWarning() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q1")) {
      XSSFSheet sheet = wb.getSheet("Return");
      sheet.shiftColumns(2, 3, 1);                           // a notes column between code and unit
      set(wb, "E3", "Riverside");                            // scheme id, was D3, typed in capitals
      set(wb, "E8", 120);                                    // people_supported, was D8
      set(wb, "D9", "referrals from GPs only");              // the team's note, not a value

      MappingResult first = mapper.map(saveAndRead(wb), CONTEXT);
      sheet.shiftColumns(0, 4, 1);                           // and a column before everything
      MappingResult second = mapper.map(saveAndRead(wb), CONTEXT);

      assertThat(first.declaredScheme()).isEqualTo("riverside");
      assertThat(first.observations()).containsExactly(obs("people_supported", 120.0, "people", false, "E8"));
      assertThat(second.observations()).containsExactly(obs("people_supported", 120.0, "people", false, "F8"));
      assertThat(second.periods()).containsExactly("2025-26Q1");
      for (MappingResult result : List.of(first, second)) {
        assertThat(result.problems()).singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo("template.moved_rows");
          assertThat(p.severity()).isEqualTo(Severity.WARNING);
          assertThat(p.message()).contains("columns were inserted or deleted");
        });
      }
    }
  }

  @Test
  void deletedMeasureRowIsAnErrorAtWhereItsCodeWas() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q1")) {
      XSSFSheet sheet = wb.getSheet("Return");
      sheet.removeRow(sheet.getRow(9));                      // contacts, row 10
      sheet.shiftRows(10, sheet.getLastRowNum(), -1);
      set(wb, "D8", 5);

      MappingResult result = mapper.map(saveAndRead(wb), CONTEXT);

      assertThat(result.observations()).containsExactly(obs("people_supported", 5.0, "people", false, "D8"));
      assertThat(result.problems()).extracting(Problem::code, Problem::cell).containsExactly(
          org.assertj.core.groups.Tuple.tuple("template.missing_row", "B10"),
          org.assertj.core.groups.Tuple.tuple("template.moved_rows", "D10"));
    }
  }

  @Test
  void copiedMeasureRowIsAnErrorRatherThanAGuess() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q1")) {
      XSSFSheet sheet = wb.getSheet("Return");
      sheet.shiftRows(8, sheet.getLastRowNum(), 1);          // a blank row below people_supported
      Row copy = sheet.createRow(8);
      copy.createCell(TemplateLayout.CODE_COL).setCellValue("new_referrals");
      copy.createCell(VALUE).setCellValue(3);
      set(wb, "D10", 4);                                     // the template's own new_referrals row, moved

      MappingResult result = mapper.map(saveAndRead(wb), CONTEXT);

      assertThat(result.observations()).extracting(Observation::measure).doesNotContain("new_referrals");
      assertThat(result.problems()).extracting(Problem::code, Problem::cell)
          .contains(org.assertj.core.groups.Tuple.tuple("template.duplicate_row", "B10"));
    }
  }

  @Test
  void renamedReturnSheetIsRefusedWithTheNameToRestore() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q1")) {
      wb.setSheetName(wb.getSheetIndex("Return"), "Q1 figures");
      MappingResult result = mapper.map(saveAndRead(wb), CONTEXT);
      assertThat(result.observations()).isEmpty();
      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.code()).isEqualTo("template.missing_sheet");
        assertThat(p.fix()).contains("'Return'");
      });
    }
  }

  @Test
  void unknownTemplateVersionIsRefused() throws IOException {
    try (XSSFWorkbook wb = template("riverside", "2025-26Q1")) {
      wb.getSheet(TemplateLayout.MARKER_SHEET).getRow(1).getCell(1).setCellValue(2);
      set(wb, "D8", 5);
      Workbook model = saveAndRead(wb);

      assertThat(mapper.recognises(model)).isTrue();
      MappingResult result = mapper.map(model, CONTEXT);
      assertThat(result.observations()).isEmpty();
      assertThat(result.problems()).singleElement().satisfies(p -> {
        assertThat(p.code()).isEqualTo("template.unknown_version");
        assertThat(p.isError()).isTrue();
        assertThat(p.sheet()).isEqualTo(TemplateLayout.MARKER_SHEET);
        assertThat(p.cell()).isEqualTo("B2");
        assertThat(p.message()).contains("'2'");
      });
    }
  }

  private static Observation obs(String measure, Double value, String unit, boolean suppressed, String cell) {
    return new Observation("riverside", "2025-26Q1", null, measure, value, unit, suppressed, FILE, SHA, "Return", cell);
  }

  /** Each test fills its own copy of a template written once per scheme and period. */
  static XSSFWorkbook template(String scheme, String period) throws IOException {
    byte[] bytes = WRITTEN.computeIfAbsent(scheme + "|" + period, k -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TemplateWriter.write(out, Schemas.bundled().measures(), scheme, period, LocalDate.of(2025, 8, 1));
      return out.toByteArray();
    });
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  private static org.apache.poi.ss.usermodel.Cell cell(XSSFWorkbook wb, String a1) {
    int[] rc = CellRef.parseA1(a1);
    XSSFSheet sheet = wb.getSheet("Return");
    Row row = sheet.getRow(rc[0]) == null ? sheet.createRow(rc[0]) : sheet.getRow(rc[0]);
    return row.getCell(rc[1]) == null ? row.createCell(rc[1]) : row.getCell(rc[1]);
  }

  private static void set(XSSFWorkbook wb, String a1, Object value) {
    if (value instanceof Number n) {
      cell(wb, a1).setCellValue(n.doubleValue());
    } else {
      cell(wb, a1).setCellValue((String) value);
    }
  }

  /** Saves the filled workbook, as a team would, and reads the saved file with the pipeline's readers. */
  private Workbook saveAndRead(org.apache.poi.ss.usermodel.Workbook wb, String extension) throws IOException {
    Path file = dir.resolve("return-" + (++saved) + "." + extension);
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    }
    return Readers.read(file, file.getFileName().toString(), ReadLimits.defaults());
  }

  private Workbook saveAndRead(XSSFWorkbook wb) throws IOException {
    return saveAndRead(wb, "xlsx");
  }

  /** What LibreOffice's "save as xls" keeps that matters here: sheets, their visibility, cell values. */
  private static HSSFWorkbook copyToXls(XSSFWorkbook wb) {
    HSSFWorkbook xls = new HSSFWorkbook();
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      org.apache.poi.ss.usermodel.Sheet from = wb.getSheetAt(i);
      org.apache.poi.ss.usermodel.Sheet to = xls.createSheet(from.getSheetName());
      for (Row row : from) {
        Row copy = to.createRow(row.getRowNum());
        for (org.apache.poi.ss.usermodel.Cell c : row) {
          org.apache.poi.ss.usermodel.Cell d = copy.createCell(c.getColumnIndex());
          switch (c.getCellType()) {
            case NUMERIC -> d.setCellValue(c.getNumericCellValue());
            case STRING -> d.setCellValue(c.getStringCellValue());
            default -> { }
          }
        }
      }
      xls.setSheetVisibility(i, wb.getSheetVisibility(i));
    }
    return xls;
  }
}
