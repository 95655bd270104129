package uk.neighbourhood.outcomes.aggregate;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The ratio of two Poisson counts, after / before, with the exact conditional interval: given the total
 * a + b, the after count is binomial with p = R / (1 + R), so Clopper-Pearson limits for p transform to
 * limits for R = p / (1 - p). For service use of one followed-up cohort this ignores the correlation
 * between a person's before and after counts and any over-dispersion between people, so the interval is
 * indicative; the method text says so.
 */
public final class CountRatio {
  public static final String METHOD = "ratio of after to before counts for the same followed-up cohort;"
      + " exact conditional (binomial) interval treating the counts as Poisson, which ignores"
      + " within-person correlation and over-dispersion, so the interval is indicative";

  private CountRatio() {}

  /** Interval for after / before; null when before and after are both zero (no information). */
  public static Interval interval(double after, double before, double level) {
    if (after < 0 || before < 0) {
      throw new IllegalArgumentException("Cannot compute a count ratio from negative counts");
    }
    double total = after + before;
    if (total == 0 || before == 0) {
      return null;
    }
    double alpha = 1 - level;
    double pLow = after == 0 ? 0 : new BetaDistribution(null, after, before + 1).inverseCumulativeProbability(alpha / 2);
    double pHigh = new BetaDistribution(null, after + 1, before).inverseCumulativeProbability(1 - alpha / 2);
    double upper = pHigh >= 1 ? Double.POSITIVE_INFINITY : pHigh / (1 - pHigh);
    return new Interval(pLow / (1 - pLow), upper, level);
  }

  /** Clopper-Pearson exact interval for x successes in n trials. */
  public static Interval clopperPearson(double x, double n, double level) {
    double alpha = 1 - level;
    double lo = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1).inverseCumulativeProbability(alpha / 2);
    double hi = x == n ? 1 : new BetaDistribution(null, x + 1, n - x).inverseCumulativeProbability(1 - alpha / 2);
    return new Interval(lo, hi, level);
  }
}
