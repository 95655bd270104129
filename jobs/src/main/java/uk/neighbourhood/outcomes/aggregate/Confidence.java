package uk.neighbourhood.outcomes.aggregate;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Confidence levels and their normal quantiles; Fingertips uses 95% and 99.8%. */
public final class Confidence {
  public static final double NINETY_FIVE = 0.95;
  public static final double NINETY_NINE_POINT_EIGHT = 0.998;
  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

  private Confidence() {}

  /** The two-sided z for a level: 1.959964 at 95%, 3.090232 at 99.8% (as R's qnorm, which PHE uses). */
  public static double z(double level) {
    check(level);
    return STANDARD.inverseCumulativeProbability(level + (1 - level) / 2);
  }

  static void check(double level) {
    if (!(level >= 0.5 && level < 1)) {
      throw new IllegalArgumentException("Cannot use confidence level " + level + ": give it as a fraction such as 0.95");
    }
  }
}
