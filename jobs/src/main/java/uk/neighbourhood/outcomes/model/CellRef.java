package uk.neighbourhood.outcomes.model;

import java.io.Serializable;
import java.math.BigDecimal;

/** A cell's address within a return: sheet name plus zero-based row and column, shown in A1 style. */
public record CellRef(String sheet, int row, int col) implements Serializable {

  public String a1() {
    return a1(row, col);
  }

  @Override
  public String toString() {
    return sheet == null ? a1() : sheet + "!" + a1();
  }

  public static String a1(int row, int col) {
    return columnLetters(col) + (row + 1);
  }

  public static String columnLetters(int col) {
    StringBuilder sb = new StringBuilder();
    int c = col + 1;
    while (c > 0) {
      int rem = (c - 1) % 26;
      sb.insert(0, (char) ('A' + rem));
      c = (c - 1) / 26;
    }
    return sb.toString();
  }

  /** Parses "B7" (any case, optional '$') into zero-based {row, col}. */
  public static int[] parseA1(String ref) {
    String s = ref.replace("$", "").trim().toUpperCase();
    int i = 0;
    int col = 0;
    while (i < s.length() && Character.isLetter(s.charAt(i))) {
      col = col * 26 + (s.charAt(i) - 'A' + 1);
      i++;
    }
    if (i == 0 || i == s.length()) {
      throw new IllegalArgumentException("Cannot parse cell reference '" + ref + "': expected a form like B7");
    }
    int row = Integer.parseInt(s.substring(i));
    return new int[] {row - 1, col - 1};
  }

  /** Formats a double without a spurious ".0" or exponent, as people wrote it. */
  public static String formatNumber(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
