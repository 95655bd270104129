package uk.neighbourhood.outcomes.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.CellRange;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Our readers agree with POI's usermodel (WorkbookFactory), cell by cell, on ordinary workbooks from
 * the readxl and POI test corpora: same sheets in the same order, same hidden flags, same cells with
 * the same kinds, numbers, texts, dates and error codes, and the same merged regions.
 */
class PoiAgreementTest {
  private static final Comparator<Cell> BY_POSITION = Comparator.comparingInt(Cell::row).thenComparingInt(Cell::col);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "readxl/types.xlsx", "readxl/types.xls", "readxl/dates-1904.xls", "readxl/dates-1900.xls",
      "readxl/dates-1900-LibreOffice.xlsx", "readxl/dates-leap-year-1900-xlsx.xlsx",
      "readxl/dates-leap-year-1900-xls.xls", "readxl/datetime-rounding.xlsx", "readxl/geometry.xlsx",
      "readxl/geometry.xls", "readxl/missing-values-xlsx.xlsx", "readxl/missing-values-xls.xls",
      "readxl/missing-v-node-xlsx.xlsx", "readxl/inlineStr.xlsx",
      "readxl/new_line_errors.xlsx", "readxl/color-date-xlsx.xlsx",
      "readxl/embedded-chartsheet.xlsx", "readxl/Ekaterinburg_IP_9.xlsx",
      "readxl/no-styles-or-sharedStrings-parts.xlsx", "readxl/nonstandard-xml-ns-prefix.xlsx",
      "readxl/sheet-xml-lookup.xlsx", "readxl/utf8-sheet-names.xlsx", "readxl/whitespace-xlsx.xlsx",
      "poi/TwoSheetsOneHidden.xlsx", "poi/TwoSheetsOneHidden.xls", "poi/57893-many-merges.xlsx",
      "poi/59746_NoRowNums.xlsx", "poi/InlineStrings.xlsx", "poi/FormulaEvalTestData_Copy.xlsx",
      "poi/1904DateWindowing.xls", "poi/chart_sheet.xlsx",
      "poi/at.gv.land-oberoesterreich.www_cps_rde_xbcr_SID-4A1B954F-5C07F98E_ooe_stat_download_bp10.xls"})
  void readerAgreesWithPoiUsermodelCellByCell(String path) throws Exception {
    Path file = Corpus.tortureOrFail().resolve(path);
    ReadGuard guard = new ReadGuard(path, ReadLimits.defaults());
    Workbook ours = path.endsWith(".xls") ? XlsReader.read(file, guard) : XlsxReader.read(file, guard);

    try (org.apache.poi.ss.usermodel.Workbook poi = WorkbookFactory.create(file.toFile(), null, true)) {
      List<String> poiSheets = new ArrayList<>();
      for (int i = 0; i < poi.getNumberOfSheets(); i++) {
        if (!(poi.getSheetAt(i) instanceof XSSFChartSheet)) {
          poiSheets.add(poi.getSheetName(i));
        }
      }
      assertThat(ours.sheets()).extracting(Sheet::name).containsExactlyElementsOf(poiSheets);
      int compared = 0;
      for (Sheet sheet : ours.sheets()) {
        int index = poi.getSheetIndex(sheet.name());
        assertThat(sheet.hidden()).as("hidden %s", sheet.name())
            .isEqualTo(poi.isSheetHidden(index) || poi.isSheetVeryHidden(index));
        org.apache.poi.ss.usermodel.Sheet src = poi.getSheetAt(index);
        List<Cell> expected = new ArrayList<>();
        for (Row row : src) {
          for (org.apache.poi.ss.usermodel.Cell c : row) {
            Cell e = expectedCell(c);
            if (e != null && !e.isBlank()) {
              expected.add(e);
            }
          }
        }
        List<Cell> actual = new ArrayList<>();
        sheet.rowIndexes().forEach(r -> actual.addAll(sheet.row(r)));
        expected.sort(BY_POSITION);
        // records compare doubles with Double.compare, so NaN (no number) equals NaN
        assertThat(actual).as("cells of %s!%s", path, sheet.name()).isEqualTo(expected);
        List<CellRange> merged = new ArrayList<>();
        for (CellRangeAddress m : src.getMergedRegions()) {
          merged.add(new CellRange(m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn()));
        }
        assertThat(sheet.merged()).as("merged regions of %s", sheet.name()).containsExactlyInAnyOrderElementsOf(merged);
        compared += expected.size();
      }
      System.out.printf("%-60s %d sheets, %d cells agree%n", path, ours.sheets().size(), compared);
    }
  }

  /**
   * HSSF refuses Excel 95; POI's OldExcelExtractor gives text without positions. Ours keeps the
   * positions: this sample lists numbers in column B and their squares (cached formulas) in C.
   */
  @Test
  void excel95CellsKeepTheirPositionsAndCachedFormulaResults() throws Exception {
    Path file = Corpus.tortureOrFail().resolve("poi/testEXCEL_95.xls");
    Workbook wb = Readers.read(file, "testEXCEL_95.xls", ReadLimits.defaults());
    Sheet s = wb.sheets().get(0);
    assertThat(wb.sheets()).extracting(Sheet::name).containsExactly("Feuil1", "Feuil2", "Feuil3");
    assertThat(s.text(3, 1)).isEqualTo("Number");
    assertThat(s.text(3, 2)).isEqualTo("Square");
    int rows = 0;
    for (int r = 5; r <= 19; r++) {
      double n = s.cell(r, 1).number();
      assertThat(n).isEqualTo(r - 4);
      assertThat(s.cell(r, 2).number()).as("square in row %d", r + 1).isEqualTo(n * n);
      rows++;
    }
    assertThat(rows).isEqualTo(15);
    try (var extractor = new org.apache.poi.hssf.extractor.OldExcelExtractor(file.toFile())) {
      String text = extractor.getText();
      s.rowIndexes().forEach(r -> s.row(r).stream().filter(c -> c.kind() == CellKind.TEXT)
          .forEach(c -> assertThat(text).contains(c.text().strip())));
    }
  }

  /** POI's usermodel refuses Strict OOXML; ours reads it the same as the sample saved as ODS. */
  @Test
  void strictOoxmlReadsTheSameAsTheSampleSavedAsOds() {
    Path root = Corpus.tortureOrFail();
    Workbook strict = Readers.read(root.resolve("poi/SampleSS.strict.xlsx"), "SampleSS.strict.xlsx",
        ReadLimits.defaults());
    Workbook ods = Readers.read(root.resolve("poi/SampleSS.ods"), "SampleSS.ods", ReadLimits.defaults());
    assertThat(strict.sheets()).extracting(Sheet::name).containsExactly("First Sheet", "Sheet Number 2", "Sheet3");
    assertThat(strict.sheets()).extracting(Sheet::name).isEqualTo(ods.sheets().stream().map(Sheet::name).toList());
    for (int i = 0; i < strict.sheets().size(); i++) {
      Sheet a = strict.sheets().get(i);
      Sheet b = ods.sheets().get(i);
      assertThat(a.rowIndexes()).isEqualTo(b.rowIndexes());
      for (int r : a.rowIndexes()) {
        assertThat(a.row(r)).as("row %d of %s", r, a.name()).isEqualTo(b.row(r));
      }
    }
    assertThat(strict.sheets().get(1).cellCount()).isGreaterThan(5);
  }

  /**
   * The one deliberate difference: a string item may hold plain text before its formatted runs
   * ({@code <t>Before</t><r>..</r>}, allowed by the schema). POI's usermodel returns the runs only;
   * we keep all the text, so nothing a team typed is lost.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"readxl/richtext-coloured.xlsx", "readxl/inlineStr2.xlsx",
      "readxl/los-angeles-arrests-xlsx.xlsx"})
  void textBesideRichTextRunsIsKeptWherePoiDropsIt(String path) throws Exception {
    Path file = Corpus.tortureOrFail().resolve(path);
    Workbook ours = XlsxReader.read(file, new ReadGuard(path, ReadLimits.defaults()));
    int differing = 0;
    try (org.apache.poi.ss.usermodel.Workbook poi = WorkbookFactory.create(file.toFile(), null, true)) {
      for (Sheet sheet : ours.sheets()) {
        org.apache.poi.ss.usermodel.Sheet src = poi.getSheet(sheet.name());
        for (Row row : src) {
          for (org.apache.poi.ss.usermodel.Cell c : row) {
            Cell expected = expectedCell(c);
            Cell actual = sheet.cell(c.getRowIndex(), c.getColumnIndex());
            if (expected == null || expected.isBlank()) {
              continue;
            }
            if (expected.equals(actual)) {
              continue;
            }
            assertThat(actual.kind()).isEqualTo(CellKind.TEXT);
            assertThat(actual.text()).endsWith(expected.text()).isNotEqualTo(expected.text());
            differing++;
          }
        }
      }
    }
    assertThat(differing).as("cells with text beside their runs in %s", path).isPositive();
  }

  /** What POI's usermodel says a cell holds, in our terms; written out here rather than shared. */
  private static Cell expectedCell(org.apache.poi.ss.usermodel.Cell c) {
    int r = c.getRowIndex();
    int col = c.getColumnIndex();
    CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    switch (type) {
      case NUMERIC:
        if (DateUtil.isCellDateFormatted(c) && DateUtil.isValidExcelDate(c.getNumericCellValue())) {
          return Cell.date(r, col, c.getLocalDateTimeCellValue());
        }
        return Cell.number(r, col, c.getNumericCellValue());
      case STRING:
        return Cell.text(r, col, c.getStringCellValue());
      case BOOLEAN:
        return Cell.bool(r, col, c.getBooleanCellValue());
      case ERROR:
        return Cell.error(r, col, FormulaError.forInt(c.getErrorCellValue()).getString());
      default:
        return null;
    }
  }
}
