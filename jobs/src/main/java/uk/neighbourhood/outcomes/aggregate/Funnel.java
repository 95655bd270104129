package uk.neighbourhood.outcomes.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.neighbourhood.outcomes.catalog.Indicator;

/**
 * Funnel plots after Spiegelhalter, "Funnel plots for comparing institutional performance" (Statistics in
 * Medicine 2005): each scheme's indicator against its denominator, with 95% and 99.8% limits around the
 * England value theta0. Proportions use theta0 +/- z sqrt(theta0 (1 - theta0) / n); rates use the Poisson
 * variance theta0 / n (normal approximation to the Poisson). Optionally, over-dispersion phi is estimated
 * from z-scores winsorised at the 10th and 90th centiles and the limits widened by sqrt(phi) when phi > 1.
 */
public final class Funnel {
  private static final double Z95 = Confidence.z(0.95);
  private static final double Z998 = Confidence.z(0.998);

  private Funnel() {}

  /**
   * @param rows the indicator rows of one period (scheme rows and the ENGLAND row); only WILSON and BYAR
   *     indicators have funnels
   * @param grid denominators at which to draw the limit lines
   */
  public static FunnelLimits of(Indicator ind, List<IndicatorRow> rows, double[] grid, boolean overDispersion) {
    if (ind.method() != Indicator.Method.WILSON && ind.method() != Indicator.Method.BYAR) {
      throw new IllegalArgumentException("Cannot draw a funnel for '" + ind.code() + "': only proportions and rates have one");
    }
    IndicatorRow england = rows.stream().filter(r -> r.indicator().equals(ind.code())
        && IndicatorRow.ENGLAND.equals(r.schemeId()) && r.value() != null).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Cannot draw a funnel for '" + ind.code() + "': no England value"));
    double k = ind.multiplier();
    double theta0 = england.value() / k;
    List<IndicatorRow> schemes = rows.stream().filter(r -> r.indicator().equals(ind.code())
        && !IndicatorRow.ENGLAND.equals(r.schemeId()) && r.value() != null && r.denominator() != null
        && r.denominator() > 0).toList();
    double[] z = new double[schemes.size()];
    for (int i = 0; i < z.length; i++) {
      IndicatorRow r = schemes.get(i);
      z[i] = (r.value() / k - theta0) / Math.sqrt(variance(ind, theta0, r.denominator()));
    }
    double phi = overDispersion && z.length >= 3 ? Math.max(1, winsorisedPhi(z)) : 1;
    List<FunnelPoint> points = new ArrayList<>();
    for (int i = 0; i < z.length; i++) {
      IndicatorRow r = schemes.get(i);
      double zi = z[i] / Math.sqrt(phi);
      points.add(new FunnelPoint(r.schemeId(), ind.code(), r.denominator(), r.value(), zi,
          Math.abs(zi) <= Z95, Math.abs(zi) <= Z998));
    }
    List<FunnelLimits.Line> lines = new ArrayList<>();
    for (double n : grid) {
      double sd = Math.sqrt(phi * variance(ind, theta0, n));
      lines.add(new FunnelLimits.Line(n, clamp(ind, theta0 - Z95 * sd) * k, clamp(ind, theta0 + Z95 * sd) * k,
          clamp(ind, theta0 - Z998 * sd) * k, clamp(ind, theta0 + Z998 * sd) * k));
    }
    String method = (ind.method() == Indicator.Method.WILSON ? "proportion: theta0 +/- z sqrt(theta0(1-theta0)/n)"
        : "rate: theta0 +/- z sqrt(theta0/n), normal approximation to the Poisson")
        + "; z = 1.96 (95%) and 3.09 (99.8%); Spiegelhalter 2005"
        + (phi > 1 ? "; widened for over-dispersion phi = " + String.format("%.3f", phi)
            + " from z-scores winsorised at 10%" : "");
    return new FunnelLimits(ind.code(), england.value(), phi, method, lines, points);
  }

  private static double variance(Indicator ind, double theta0, double n) {
    return ind.method() == Indicator.Method.WILSON ? theta0 * (1 - theta0) / n : theta0 / n;
  }

  private static double clamp(Indicator ind, double v) {
    double lo = Math.max(0, v);
    return ind.method() == Indicator.Method.WILSON ? Math.min(1, lo) : lo;
  }

  /** phi = mean of squared z-scores after pulling the lowest and highest 10% in to the 10th and 90th centiles. */
  static double winsorisedPhi(double[] z) {
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    int cut = (int) Math.floor(sorted.length * 0.1);
    double lo = sorted[cut];
    double hi = sorted[sorted.length - 1 - cut];
    double sum = 0;
    for (double v : z) {
      double w = Math.min(hi, Math.max(lo, v));
      sum += w * w;
    }
    return sum / z.length;
  }
}
