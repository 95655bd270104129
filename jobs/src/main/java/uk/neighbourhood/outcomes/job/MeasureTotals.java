package uk.neighbourhood.outcomes.job;

import java.util.ArrayList;
import java.util.List;
import uk.neighbourhood.outcomes.aggregate.MeasureAggregator;
import uk.neighbourhood.outcomes.aggregate.MeasureTotal;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Observation;

/** Runs inside a Spark task: the observations of one scheme and quarter become measure totals. */
final class MeasureTotals {
  private MeasureTotals() {}

  static List<MeasureTotal> of(Iterable<Observation> observations, Schemas schemas) {
    List<Observation> list = new ArrayList<>();
    observations.forEach(list::add);
    return new MeasureAggregator(schemas.measures()).aggregate(list);
  }
}
