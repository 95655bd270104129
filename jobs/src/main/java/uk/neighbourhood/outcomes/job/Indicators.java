package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.DoubleStream;
import uk.neighbourhood.outcomes.aggregate.BreakdownRow;
import uk.neighbourhood.outcomes.aggregate.DisclosureControl;
import uk.neighbourhood.outcomes.aggregate.Fanout;
import uk.neighbourhood.outcomes.aggregate.Funnel;
import uk.neighbourhood.outcomes.aggregate.FunnelLimits;
import uk.neighbourhood.outcomes.aggregate.IndicatorEngine;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.aggregate.MeasureTotal;
import uk.neighbourhood.outcomes.catalog.Indicator;
import uk.neighbourhood.outcomes.catalog.IndicatorCatalog;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.catalog.UnitCosts;

/**
 * The small table of measure totals becomes what is published about indicators, period by
 * period: the indicator rows and breakdowns after disclosure control, and funnel limits computed from the
 * published (controlled) figures only, so no chart shows what a table hides.
 */
final class Indicators {
  /** Everything published about indicators for the periods of a run. */
  record Results(List<IndicatorRow> rows, List<BreakdownRow> breakdowns, List<PeriodFunnel> funnels)
      implements Serializable {}

  /**
   * A funnel of one period: {@code drawn} has limit lines on a grid for charts; {@code atSchemes} has the
   * same limits evaluated at each scheme's own denominator, for the published table.
   */
  record PeriodFunnel(String period, FunnelLimits drawn, FunnelLimits atSchemes) implements Serializable {}

  private Indicators() {}

  static Results compute(Collection<String> periods, List<MeasureTotal> totals, Registry registry, Schemas schemas,
      Fanout fanout) {
    IndicatorCatalog catalog;
    UnitCosts costs;
    DisclosureControl disclosure;
    try (InputStream i = schemas.open("indicators.yaml"); InputStream u = schemas.open("unit-costs.yaml");
        InputStream d = schemas.open("disclosure.yaml")) {
      catalog = IndicatorCatalog.load("schemas/indicators.yaml", i, schemas.measures());
      costs = UnitCosts.load("schemas/unit-costs.yaml", u, schemas.measures());
      disclosure = DisclosureControl.load("schemas/disclosure.yaml", d, catalog, schemas.measures());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    IndicatorEngine engine = new IndicatorEngine(catalog, costs);
    List<IndicatorRow> computed = new ArrayList<>();
    List<BreakdownRow> grouped = new ArrayList<>();
    for (String p : periods) {
      List<MeasureTotal> ofPeriod = totals.stream().filter(t -> p.equals(t.period())).toList();
      computed.addAll(engine.compute(p, ofPeriod, registry));
      grouped.addAll(engine.breakdowns(p, ofPeriod, registry));
    }
    // disclosure control, the costly part, runs once over every (period, indicator), spread by the fanout
    DisclosureControl.Published published = disclosure.apply(computed, grouped, registry, fanout);
    List<PeriodFunnel> funnels = new ArrayList<>();
    for (String p : periods) {
      funnels.addAll(funnels(p, catalog, published.rows().stream().filter(r -> p.equals(r.period())).toList()));
    }
    return new Results(published.rows(), published.breakdowns(), funnels);
  }

  /** Funnels for every proportion and rate indicator that has an England value this period. */
  private static List<PeriodFunnel> funnels(String period, IndicatorCatalog catalog, List<IndicatorRow> rows) {
    List<PeriodFunnel> out = new ArrayList<>();
    for (Indicator ind : catalog.all()) {
      if (ind.method() != Indicator.Method.WILSON && ind.method() != Indicator.Method.BYAR) {
        continue;
      }
      List<IndicatorRow> mine = rows.stream().filter(r -> r.indicator().equals(ind.code())).toList();
      boolean hasEngland = mine.stream().anyMatch(r -> IndicatorRow.ENGLAND.equals(r.schemeId()) && r.value() != null);
      double max = mine.stream().filter(r -> r.denominator() != null && !IndicatorRow.ENGLAND.equals(r.schemeId()))
          .mapToDouble(IndicatorRow::denominator).max().orElse(0);
      if (!hasEngland || max <= 0) {
        continue;
      }
      FunnelLimits drawn = Funnel.of(ind, mine, grid(max * 1.1), true);
      double[] own = drawn.points().stream().mapToDouble(pt -> pt.denominator()).toArray();
      out.add(new PeriodFunnel(period, drawn, Funnel.of(ind, mine, own, true)));
    }
    return out;
  }

  /** Denominators at which to draw limit lines: dense where the funnel bends, up to the largest scheme. */
  static double[] grid(double max) {
    return DoubleStream.iterate(1, n -> n <= max, n -> n * 1.08).toArray();
  }
}
