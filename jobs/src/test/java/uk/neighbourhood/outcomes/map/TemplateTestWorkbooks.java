package uk.neighbourhood.outcomes.map;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * TEST ONLY: turns a POI workbook into the model the readers produce, until the readers branch lands
 * and the tests can call {@code read.Readers.read} on the saved file instead. Formula cells give their
 * cached value, as the readers do.
 */
final class TemplateTestWorkbooks {
  private TemplateTestWorkbooks() {}

  static Workbook toModel(org.apache.poi.ss.usermodel.Workbook poi, String format) {
    List<Sheet> sheets = new ArrayList<>();
    for (int i = 0; i < poi.getNumberOfSheets(); i++) {
      org.apache.poi.ss.usermodel.Sheet ps = poi.getSheetAt(i);
      Sheet sheet = new Sheet(ps.getSheetName(), i, poi.isSheetHidden(i) || poi.isSheetVeryHidden(i));
      for (Row row : ps) {
        for (org.apache.poi.ss.usermodel.Cell pc : row) {
          Cell c = convert(pc, pc.getCellType() == CellType.FORMULA ? pc.getCachedFormulaResultType() : pc.getCellType());
          if (c != null) {
            sheet.put(c);
          }
        }
      }
      sheets.add(sheet);
    }
    return new Workbook(format, List.copyOf(sheets));
  }

  private static Cell convert(org.apache.poi.ss.usermodel.Cell pc, CellType type) {
    int r = pc.getRowIndex();
    int c = pc.getColumnIndex();
    return switch (type) {
      case NUMERIC -> DateUtil.isCellDateFormatted(pc)
          ? Cell.date(r, c, pc.getLocalDateTimeCellValue()) : Cell.number(r, c, pc.getNumericCellValue());
      case STRING -> Cell.text(r, c, pc.getStringCellValue());
      case BOOLEAN -> Cell.bool(r, c, pc.getBooleanCellValue());
      case ERROR -> Cell.error(r, c, FormulaError.forInt(pc.getErrorCellValue()).getString());
      default -> null;
    };
  }
}
