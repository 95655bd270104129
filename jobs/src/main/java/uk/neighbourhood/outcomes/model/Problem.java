package uk.neighbourhood.outcomes.model;

import java.io.Serializable;

/**
 * Something wrong with a return, said so that a local team can fix it: where (sheet and cell, when
 * known), what ("Cannot X: reason") and how to fix it. Problems never quote personal identifiers.
 *
 * @param code a stable machine-readable code, e.g. {@code value.not_a_number}
 */
public record Problem(Severity severity, String code, String sheet, String cell, String message, String fix)
    implements Serializable {

  public static Problem error(String code, String message, String fix) {
    return new Problem(Severity.ERROR, code, null, null, message, fix);
  }

  public static Problem warning(String code, String message, String fix) {
    return new Problem(Severity.WARNING, code, null, null, message, fix);
  }

  public Problem at(String sheetName, String a1) {
    return new Problem(severity, code, sheetName, a1, message, fix);
  }

  public Problem at(CellRef ref) {
    return at(ref.sheet(), ref.a1());
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public String location() {
    if (sheet == null && cell == null) {
      return "";
    }
    if (cell == null) {
      return "sheet '" + sheet + "'";
    }
    return sheet == null ? "cell " + cell : "sheet '" + sheet + "' cell " + cell;
  }

  /** One line, as printed by {@code outcomes check} and stored in the returns table. */
  public String render() {
    String where = location();
    return severity + (where.isEmpty() ? "" : " at " + where) + ": " + message
        + (fix == null || fix.isBlank() ? "" : " Fix: " + fix);
  }

  @Override
  public String toString() {
    return render();
  }
}
