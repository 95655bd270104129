package uk.neighbourhood.outcomes.model;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * One typed cell with its zero-based coordinates. Formula cells carry their cached value, never the
 * formula: we publish what the team saw, and never evaluate anything a return contains.
 *
 * @param number the value for NUMBER and BOOLEAN (1 or 0) cells, NaN otherwise
 * @param text the string for TEXT, the error code for ERROR, the formatted value otherwise (may be null)
 * @param date the value for DATE cells, already resolved for the 1900 or 1904 date system
 */
public record Cell(int row, int col, CellKind kind, double number, String text, LocalDateTime date)
    implements Serializable {

  public static Cell number(int row, int col, double value) {
    return new Cell(row, col, CellKind.NUMBER, value, null, null);
  }

  public static Cell text(int row, int col, String value) {
    return new Cell(row, col, CellKind.TEXT, Double.NaN, value, null);
  }

  public static Cell bool(int row, int col, boolean value) {
    return new Cell(row, col, CellKind.BOOLEAN, value ? 1 : 0, Boolean.toString(value).toUpperCase(), null);
  }

  /** The text of a date is made when asked, not stored: a sheet of dates would otherwise hold a string per cell. */
  public static Cell date(int row, int col, LocalDateTime value) {
    return new Cell(row, col, CellKind.DATE, Double.NaN, null, value);
  }

  @Override
  public String text() {
    return text == null && kind == CellKind.DATE ? date.toString() : text;
  }

  public static Cell error(int row, int col, String code) {
    return new Cell(row, col, CellKind.ERROR, Double.NaN, code, null);
  }

  public boolean isBlank() {
    return kind == CellKind.BLANK || (kind == CellKind.TEXT && (text == null || text.isBlank()));
  }

  /** The cell as a person would read it, for headers, messages and text-shaped numbers. */
  public String display() {
    return switch (kind) {
      case BLANK -> "";
      case NUMBER -> CellRef.formatNumber(number);
      case DATE -> date.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
          ? date.toLocalDate().toString() : date.toString();
      default -> text == null ? "" : text;
    };
  }

  public String a1() {
    return CellRef.a1(row, col);
  }
}
