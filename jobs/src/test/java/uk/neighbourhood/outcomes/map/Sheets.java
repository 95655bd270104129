package uk.neighbourhood.outcomes.map;

import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.Sheet;

/** Builds small sheets in code: rows of values, where Strings become text cells and Numbers numbers. */
final class Sheets {
  private Sheets() {}

  static Sheet of(String name, Object[]... rows) {
    return hiddenOrNot(name, false, rows);
  }

  static Sheet hiddenOrNot(String name, boolean hidden, Object[]... rows) {
    Sheet s = new Sheet(name, 0, hidden);
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < rows[r].length; c++) {
        Object v = rows[r][c];
        if (v instanceof Number n) {
          s.put(Cell.number(r, c, n.doubleValue()));
        } else if (v instanceof Cell cell) {
          s.put(new Cell(r, c, cell.kind(), cell.number(), cell.text(), cell.date()));
        } else if (v != null) {
          s.put(Cell.text(r, c, v.toString()));
        }
      }
    }
    return s;
  }

  static Object[] row(Object... cells) {
    return cells;
  }
}
