package uk.neighbourhood.outcomes.aggregate;

/**
 * Wilson score interval for a proportion x/n (Wilson 1927; Newcombe 1998 method 3), the OHID Fingertips
 * and PHEindicatormethods method for proportions. It stays inside [0, 1] and behaves at x = 0 or x = n,
 * where the simple Wald interval collapses.
 */
public final class WilsonScore {
  public static final String METHOD = "Wilson score";

  private WilsonScore() {}

  public static Interval interval(double x, double n, double level) {
    if (n <= 0 || x < 0 || x > n) {
      throw new IllegalArgumentException("Cannot compute a Wilson interval: need 0 <= x <= n and n > 0, not " + x + "/" + n);
    }
    double z = Confidence.z(level);
    double p = x / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), level);
  }
}
