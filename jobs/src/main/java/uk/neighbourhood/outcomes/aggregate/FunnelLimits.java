package uk.neighbourhood.outcomes.aggregate;

import java.io.Serializable;
import java.util.List;

/**
 * Control limits around the England value for a funnel plot, at a grid of denominators for drawing.
 *
 * @param target England's value (theta0, on the published scale)
 * @param phi the over-dispersion factor applied (1 when none)
 */
public record FunnelLimits(String indicator, double target, double phi, String method, List<Line> lines,
    List<FunnelPoint> points) implements Serializable {

  /** Limits at one denominator, on the published scale. */
  public record Line(double denominator, double lower95, double upper95, double lower998, double upper998)
      implements Serializable {}
}
