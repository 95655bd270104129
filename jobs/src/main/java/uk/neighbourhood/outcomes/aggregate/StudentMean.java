package uk.neighbourhood.outcomes.aggregate;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * t-based interval for a mean, mean +/- t(n-1) sd / sqrt(n) (PHEindicatormethods {@code phe_mean}). For a
 * paired change the same formula applies to the individual differences, so it needs the SD of the
 * changes: with only the two means and no SD there is no honest interval, and none is made up.
 */
public final class StudentMean {
  public static final String METHOD = "t-distribution (n-1 degrees of freedom)";

  private StudentMean() {}

  public static Interval interval(double mean, double sd, double n, double level) {
    if (n < 2 || sd < 0 || Double.isNaN(sd)) {
      throw new IllegalArgumentException("Cannot compute a t interval: need n >= 2 and sd >= 0, not n=" + n + " sd=" + sd);
    }
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(level + (1 - level) / 2);
    double half = t * sd / Math.sqrt(n);
    return new Interval(mean - half, mean + half, level);
  }

  /** Pools groups' (n, mean, sd) into one: the within-group and between-group sums of squares together. */
  public static double[] pool(double[] n, double[] mean, double[] sd) {
    double total = 0;
    double sum = 0;
    for (int i = 0; i < n.length; i++) {
      total += n[i];
      sum += n[i] * mean[i];
    }
    double grand = sum / total;
    double ss = 0;
    for (int i = 0; i < n.length; i++) {
      ss += (n[i] - 1) * sd[i] * sd[i] + n[i] * (mean[i] - grand) * (mean[i] - grand);
    }
    return new double[] {total, grand, total > 1 ? Math.sqrt(ss / (total - 1)) : Double.NaN};
  }
}
