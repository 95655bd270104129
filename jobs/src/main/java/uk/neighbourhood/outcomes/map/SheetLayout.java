package uk.neighbourhood.outcomes.map;

import java.util.List;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.Problem;

/**
 * How one sheet was understood.
 *
 * @param kind {@code measures-down}, {@code measures-across}, {@code long} or {@code none}
 * @param statedPeriod a quarter written in the sheet's title or "Period:" cells, or null
 * @param declaredScheme text of a "Scheme:" cell, or null
 */
public record SheetLayout(String sheet, String kind, List<HeaderCell> headers, List<RawPoint> points,
    List<Problem> problems, Period statedPeriod, String declaredScheme) {

  public boolean mapsAnything() {
    return !points.isEmpty();
  }
}
