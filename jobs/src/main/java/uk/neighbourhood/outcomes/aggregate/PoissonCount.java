package uk.neighbourhood.outcomes.aggregate;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Confidence limits for an observed count of events, as PHEindicatormethods' {@code phe_rate} computes
 * them (R/Rates.R): exact Poisson limits from the chi-squared distribution when the count is below 10,
 * Byar's approximation (Breslow and Day 1987) from 10 upwards. Divide by the population for a rate.
 */
public final class PoissonCount {
  /** PHEindicatormethods switches from exact to Byar's method at this count ({@code if_else(x < 10, ...)}). */
  public static final int EXACT_BELOW = 10;

  private PoissonCount() {}

  public static Interval interval(double count, double level) {
    if (count < 0 || Double.isNaN(count)) {
      throw new IllegalArgumentException("Cannot compute a Poisson interval for a negative count " + count);
    }
    return count < EXACT_BELOW ? exact(count, level) : byar(count, level);
  }

  public static String method(double count) {
    return count < EXACT_BELOW ? "exact Poisson (chi-squared) limits, count below " + EXACT_BELOW
        : "Byar's method";
  }

  public static Interval byar(double o, double level) {
    double z = Confidence.z(level);
    double lower = o == 0 ? 0 : o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
    double o1 = o + 1;
    double upper = o1 * Math.pow(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3);
    return new Interval(Math.max(0, lower), upper, level);
  }

  public static Interval exact(double o, double level) {
    double alpha = 1 - level;
    double lower = o == 0 ? 0 : new ChiSquaredDistribution(null, 2 * o).inverseCumulativeProbability(alpha / 2) / 2;
    double upper = new ChiSquaredDistribution(null, 2 * o + 2).inverseCumulativeProbability(1 - alpha / 2) / 2;
    return new Interval(lower, upper, level);
  }
}
