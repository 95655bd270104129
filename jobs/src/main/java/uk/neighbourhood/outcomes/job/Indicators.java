package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import uk.neighbourhood.outcomes.aggregate.IndicatorEngine;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.aggregate.MeasureTotal;
import uk.neighbourhood.outcomes.catalog.IndicatorCatalog;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.catalog.UnitCosts;

/** On the driver: the small table of measure totals becomes the published indicators, period by period. */
final class Indicators {
  private Indicators() {}

  static IndicatorEngine engine(Schemas schemas) {
    try (InputStream i = schemas.open("indicators.yaml"); InputStream u = schemas.open("unit-costs.yaml")) {
      IndicatorCatalog catalog = IndicatorCatalog.load("schemas/indicators.yaml", i, schemas.measures());
      UnitCosts costs = UnitCosts.load("schemas/unit-costs.yaml", u, schemas.measures());
      return new IndicatorEngine(catalog, costs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<IndicatorRow> compute(Collection<String> periods, List<MeasureTotal> totals, Registry registry,
      Schemas schemas) {
    IndicatorEngine engine = engine(schemas);
    List<IndicatorRow> out = new ArrayList<>();
    for (String p : periods) {
      out.addAll(engine.compute(p, totals.stream().filter(t -> p.equals(t.period())).toList(), registry));
    }
    return out;
  }
}
