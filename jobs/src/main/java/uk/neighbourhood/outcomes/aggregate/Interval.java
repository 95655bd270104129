package uk.neighbourhood.outcomes.aggregate;

import java.io.Serializable;

/** A two-sided confidence interval at a stated level (0.95 or 0.998). */
public record Interval(double lower, double upper, double level) implements Serializable {

  public Interval {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException("Cannot make an interval: lower " + lower + " is above upper " + upper);
    }
  }

  public boolean contains(double x) {
    return x >= lower && x <= upper;
  }

  public double width() {
    return upper - lower;
  }

  public Interval scaled(double factor) {
    return factor >= 0 ? new Interval(lower * factor, upper * factor, level)
        : new Interval(upper * factor, lower * factor, level);
  }
}
