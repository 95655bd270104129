package uk.neighbourhood.outcomes.aggregate;

import java.io.Serializable;

/**
 * An indicator for a group of schemes (by registry {@code model} or by deprivation group), pooled the same
 * way as ENGLAND: numerators and denominators summed over the group's schemes that reported.
 *
 * @param groupType "model" or "deprivation"
 * @param schemes how many schemes contributed
 */
public record BreakdownRow(String period, String indicator, String groupType, String group, Double value,
    Double lowerCi, Double upperCi, Double numerator, Double denominator, int schemes, String method,
    String comparison, boolean suppressed) implements Serializable {

  public static final String MODEL = "model";
  public static final String DEPRIVATION = "deprivation";

  BreakdownRow suppressedCopy() {
    return new BreakdownRow(period, indicator, groupType, group, null, null, null, null, denominator, schemes,
        method, IndicatorEngine.NOT_COMPARED, true);
  }

  BreakdownRow withCounts(Double newNumerator, Double newDenominator) {
    return new BreakdownRow(period, indicator, groupType, group, value, lowerCi, upperCi, newNumerator,
        newDenominator, schemes, method, comparison, suppressed);
  }
}
