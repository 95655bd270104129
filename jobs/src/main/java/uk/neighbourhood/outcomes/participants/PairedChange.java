package uk.neighbourhood.outcomes.participants;

import uk.neighbourhood.outcomes.aggregate.Interval;
import uk.neighbourhood.outcomes.aggregate.StudentMean;

/**
 * The mean of paired changes (after minus before) with its t interval: mean +/- t(n-1) sd / sqrt(n) on the
 * individual differences, the paired t method.
 *
 * @param sd the sample standard deviation of the individual changes (n - 1 denominator)
 */
public record PairedChange(int n, double mean, double sd, double lower, double upper, double level) {

  public static PairedChange of(double[] before, double[] after, double level) {
    if (before.length != after.length) {
      throw new IllegalArgumentException("Cannot pair " + before.length + " values with " + after.length);
    }
    double[] d = new double[before.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = after[i] - before[i];
    }
    return ofDifferences(d, level);
  }

  public static PairedChange ofDifferences(double[] differences, double level) {
    int n = differences.length;
    if (n < 2) {
      throw new IllegalArgumentException("Cannot give a paired change an interval: need at least 2 pairs, not " + n);
    }
    double mean = 0;
    for (double x : differences) {
      mean += x;
    }
    mean /= n;
    double ss = 0;
    for (double x : differences) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    Interval ci = StudentMean.interval(mean, sd, n, level);
    return new PairedChange(n, mean, sd, ci.lower(), ci.upper(), level);
  }
}
