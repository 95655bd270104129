package uk.neighbourhood.outcomes.map;

import uk.neighbourhood.outcomes.model.Cell;

/**
 * One value cell the layout detector tied to a measure, before periods are settled and months rolled
 * up into quarters.
 *
 * @param areaCode the ONS code on the value's row, or null
 * @param period what the value's header or row says about its period, or null (the return's period)
 * @param areaRow true when the value sits on a row for a named sub-area without a code, so rows are
 *     combined into the scheme's figure by the measure's aggregation rule
 * @param percent true when the value is a share (a "%" header or a "45%" cell), not a count
 * @param total true for a team's own total (a totals row or column): never published, only checked
 *     against the sum of its parts
 */
record RawPoint(String measure, String areaCode, ParsedPeriod period, int row, int col, Cell cell,
    ParsedValue value, boolean areaRow, boolean percent, boolean total) {

  RawPoint withPeriod(ParsedPeriod p) {
    return new RawPoint(measure, areaCode, p, row, col, cell, value, areaRow, percent, total);
  }

  RawPoint withValue(double v) {
    return new RawPoint(measure, areaCode, period, row, col, cell, ParsedValue.number(v, false), areaRow, false, total);
  }

  String a1() {
    return uk.neighbourhood.outcomes.model.CellRef.a1(row, col);
  }
}
