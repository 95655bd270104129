package uk.neighbourhood.outcomes.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;

/**
 * Funnel limits for one period: the aggregate stage's own lines when the inputs carry them, otherwise
 * plain limits around the England value (Spiegelhalter 2005) for proportions and per-1,000 rates.
 * Plain limits take no account of over-dispersion; they are a fallback, and the Methodology sheet
 * says which were used.
 *
 * <p>The England value's scale (per cent, per 1,000) is read from its own numerator and denominator,
 * so the limits follow whatever scale the indicator is published on.
 */
final class ReportFunnels {
  static final double Z95 = 1.959964;
  static final double Z998 = 3.090232;

  private final ReportFigures figures;
  private final String period;
  private final boolean useSupplied;

  /** Limits for the period being written: the supplied lines apply to it. */
  ReportFunnels(ReportFigures figures, String period) {
    this(figures, period, true);
  }

  /** Limits for another period of the publication: always computed, as supplied lines are for one period. */
  ReportFunnels(ReportFigures figures, String period, boolean useSupplied) {
    this.figures = figures;
    this.period = period;
    this.useSupplied = useSupplied;
  }

  /** True when there is something to draw for the indicator. */
  boolean has(String indicator) {
    return !supplied(indicator).isEmpty() || baseline(indicator).isPresent();
  }

  boolean computed(String indicator) {
    return supplied(indicator).isEmpty() && baseline(indicator).isPresent();
  }

  private List<FunnelLine> supplied(String indicator) {
    if (!useSupplied) {
      return List.of();
    }
    return figures.inputs().funnel().stream().filter(l -> l.indicator().equals(indicator))
        .sorted(Comparator.comparingDouble(FunnelLine::denominator)).toList();
  }

  /** The limits drawn as curves, across the range of denominators [from, to]. */
  List<FunnelLine> curve(String indicator, double from, double to) {
    List<FunnelLine> given = supplied(indicator);
    if (!given.isEmpty()) {
      return given;
    }
    List<FunnelLine> out = new ArrayList<>();
    double lo = Math.max(1, from * 0.8);
    double hi = Math.max(lo * 2, to * 1.2);
    int steps = 24;
    for (int i = 0; i <= steps; i++) {
      double n = lo * Math.pow(hi / lo, i / (double) steps);
      at(indicator, Math.rint(n)).ifPresent(out::add);
    }
    return out;
  }

  /** The limits at one denominator: computed exactly, or interpolated between the supplied points. */
  Optional<FunnelLine> at(String indicator, double n) {
    List<FunnelLine> given = supplied(indicator);
    if (!given.isEmpty()) {
      return interpolate(given, n);
    }
    Optional<Baseline> b = baseline(indicator);
    if (b.isEmpty() || n <= 0) {
      return Optional.empty();
    }
    Baseline base = b.get();
    double[] l95 = base.limits(n, Z95);
    double[] l998 = base.limits(n, Z998);
    return Optional.of(new FunnelLine(indicator, n, l95[0], l95[1], l998[0], l998[1]));
  }

  /** Where a scheme's value falls against the limits at its own denominator, in words. */
  String position(IndicatorRow r) {
    if (r == null || r.suppressed() || r.value() == null || r.denominator() == null) {
      return "Not plotted";
    }
    Optional<FunnelLine> l = at(r.indicator(), r.denominator());
    if (l.isEmpty()) {
      return "No limits";
    }
    FunnelLine f = l.get();
    double v = r.value();
    if (v > f.upper998()) {
      return "Above 99.8% limit";
    }
    if (v > f.upper95()) {
      return "Above 95% limit";
    }
    if (v < f.lower998()) {
      return "Below 99.8% limit";
    }
    if (v < f.lower95()) {
      return "Below 95% limit";
    }
    return "Within limits";
  }

  private static Optional<FunnelLine> interpolate(List<FunnelLine> lines, double n) {
    FunnelLine below = null;
    for (FunnelLine l : lines) {
      if (l.denominator() == n) {
        return Optional.of(l);
      }
      if (l.denominator() < n) {
        below = l;
      } else {
        if (below == null) {
          return Optional.of(l);
        }
        double t = (n - below.denominator()) / (l.denominator() - below.denominator());
        return Optional.of(new FunnelLine(l.indicator(), n, lerp(below.lower95(), l.lower95(), t),
            lerp(below.upper95(), l.upper95(), t), lerp(below.lower998(), l.lower998(), t),
            lerp(below.upper998(), l.upper998(), t)));
      }
    }
    return Optional.ofNullable(below);
  }

  private static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }

  private Optional<Baseline> baseline(String indicator) {
    boolean proportion = indicator.endsWith("_pct") && !indicator.contains("change");
    boolean rate = indicator.endsWith("_per_1000");
    if (!proportion && !rate) {
      return Optional.empty();
    }
    return figures.england(period, indicator)
        .filter(e -> e.value() != null && e.numerator() != null && e.denominator() != null)
        .filter(e -> e.denominator() > 0 && e.numerator() > 0)
        .map(e -> {
          double theta = e.numerator() / e.denominator();
          return new Baseline(proportion, theta, e.value() / theta);
        });
  }

  /**
   * @param theta the England ratio (a proportion, or events per person)
   * @param scale the factor from theta to the published value (100 for per cent, 1,000 for per 1,000)
   */
  private record Baseline(boolean proportion, double theta, double scale) {
    double[] limits(double n, double z) {
      if (proportion) {
        double half = z * Math.sqrt(theta * (1 - theta) / n);
        return new double[] {Math.max(0, theta - half) * scale, Math.min(1, theta + half) * scale};
      }
      // Poisson on the square-root scale, where the variance is stable even for small expected counts.
      double root = Math.sqrt(theta * n);
      double lower = root > z / 2 ? Math.pow(root - z / 2, 2) / n : 0;
      double upper = Math.pow(root + z / 2, 2) / n;
      return new double[] {lower * scale, upper * scale};
    }
  }
}
