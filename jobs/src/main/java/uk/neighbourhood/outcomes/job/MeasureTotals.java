package uk.neighbourhood.outcomes.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.neighbourhood.outcomes.aggregate.MeasureAggregator;
import uk.neighbourhood.outcomes.aggregate.MeasureTotal;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Observation;

/**
 * Runs inside a Spark task: the observations of one scheme and quarter become measure totals. The
 * observations arrive in whatever order the shuffle delivers them, which depends on how files were spread
 * over tasks; they are put in the order of their source cells first, so that floating-point sums (and
 * everything derived from them) are the same on one core, on many and on a cluster.
 */
final class MeasureTotals {
  static final Comparator<Observation> SOURCE_ORDER = Comparator
      .comparing(Observation::sourceFile, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Observation::sourceSheet, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Observation::sourceCell, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Observation::measure, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Observation::areaCode, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(o -> o.value() == null ? Double.NaN : o.value());
  /** Scheme, period and measure: the order in which the totals reach the indicator engine. */
  static final Comparator<MeasureTotal> TOTAL_ORDER = Comparator.comparing(MeasureTotal::period)
      .thenComparing(MeasureTotal::schemeId).thenComparing(MeasureTotal::measure)
      .thenComparing(MeasureTotal::sourceFile, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(MeasureTotal::sourceCells, Comparator.nullsFirst(Comparator.naturalOrder()));

  private MeasureTotals() {}

  static List<MeasureTotal> of(Iterable<Observation> observations, Schemas schemas) {
    List<Observation> list = new ArrayList<>();
    observations.forEach(list::add);
    list.sort(SOURCE_ORDER);
    return new MeasureAggregator(schemas.measures()).aggregate(list);
  }
}
