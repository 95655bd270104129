package uk.neighbourhood.outcomes.aggregate;

import java.util.Comparator;
import java.util.List;
import uk.neighbourhood.outcomes.model.Period;

/** An indicator for one scheme (or ENGLAND) over several quarters, oldest first, for trend charts. */
public final class Trend {
  private Trend() {}

  public static List<IndicatorRow> series(List<IndicatorRow> rows, String schemeId, String indicator) {
    return rows.stream().filter(r -> r.schemeId().equals(schemeId) && r.indicator().equals(indicator))
        .sorted(Comparator.comparing(r -> Period.parse(r.period()))).toList();
  }

  /**
   * Whether the latest quarter differs from the earliest beyond both intervals' overlap: "up", "down",
   * "no_clear_change", or "not_assessable" when either end lacks a value or interval. Non-overlap is a
   * conservative test; overlapping intervals do not prove there was no change.
   */
  public static String direction(List<IndicatorRow> series) {
    if (series.size() < 2) {
      return "not_assessable";
    }
    IndicatorRow a = series.get(0);
    IndicatorRow b = series.get(series.size() - 1);
    if (a.value() == null || b.value() == null || a.lowerCi() == null || b.lowerCi() == null
        || a.upperCi() == null || b.upperCi() == null) {
      return "not_assessable";
    }
    if (b.lowerCi() > a.upperCi()) {
      return "up";
    }
    if (b.upperCi() < a.lowerCi()) {
      return "down";
    }
    return "no_clear_change";
  }
}
