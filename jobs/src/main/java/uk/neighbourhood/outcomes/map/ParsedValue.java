package uk.neighbourhood.outcomes.map;

import uk.neighbourhood.outcomes.model.Problem;

/**
 * What one value cell says once interpreted.
 *
 * @param value the number for NUMBER, null otherwise
 * @param percent true when the cell was written as a percentage ("45%" becomes 0.45): it is a share,
 *     not a count, and the mapper must not publish it as one
 * @param problem why an ERROR cell could not be read, null otherwise
 */
public record ParsedValue(Kind kind, Double value, boolean percent, Problem problem) {

  /** NUMBER is a usable value; ABSENT is blank or "n/a"; SUPPRESSED is a small number hidden on purpose. */
  public enum Kind {
    NUMBER,
    ABSENT,
    SUPPRESSED,
    ERROR
  }

  static final ParsedValue ABSENT = new ParsedValue(Kind.ABSENT, null, false, null);
  static final ParsedValue SUPPRESSED = new ParsedValue(Kind.SUPPRESSED, null, false, null);

  static ParsedValue number(double v, boolean percent) {
    return new ParsedValue(Kind.NUMBER, v, percent, null);
  }

  static ParsedValue error(Problem problem) {
    return new ParsedValue(Kind.ERROR, null, false, problem);
  }

  public boolean isNumber() {
    return kind == Kind.NUMBER;
  }
}
