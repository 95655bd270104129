package uk.neighbourhood.outcomes.publish;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes text from returns into report cells so that it can never become a formula. Scheme names,
 * file names and problem messages come from outside; a text such as {@code =HYPERLINK(...)} must stay
 * text when a reader opens the file, edits the cell or exports it to CSV (formula injection).
 * POI's {@code setCellValue(String)} already stores a string; the quote-prefix style additionally tells
 * Excel to keep it text if someone re-enters the cell.
 */
public final class SafeCells {
  private final Workbook workbook;
  private final Map<Integer, CellStyle> quoted = new HashMap<>();

  public SafeCells(Workbook workbook) {
    this.workbook = workbook;
  }

  /** True when a spreadsheet would read the text as the start of a formula or a command. */
  public static boolean looksLikeFormula(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** Sets the cell to the text (empty for null), quote-prefixed when it looks like a formula. */
  public void text(Cell cell, String text) {
    cell.setCellValue(text == null ? "" : text);
    if (looksLikeFormula(text)) {
      cell.setCellStyle(quotedStyle(cell.getCellStyle()));
    }
  }

  private CellStyle quotedStyle(CellStyle base) {
    return quoted.computeIfAbsent((int) base.getIndex(), i -> {
      CellStyle s = workbook.createCellStyle();
      s.cloneStyleFrom(base);
      s.setQuotePrefixed(true);
      return s;
    });
  }
}
