package uk.neighbourhood.outcomes.catalog;

import java.io.Serializable;

/**
 * One comparable indicator, as declared in {@code schemas/indicators.yaml}.
 *
 * @param denominator a measure code, or {@link #POPULATION} for the registry population
 * @param baseline for {@link Method#T_MEAN_CHANGE}: the measure holding the baseline mean
 * @param sdMeasure for {@link Method#T_MEAN_CHANGE}: the SD of individual change; null when none is collected
 */
public record Indicator(
    String code,
    String label,
    String numerator,
    String denominator,
    String baseline,
    String sdMeasure,
    Method method,
    double multiplier,
    Measure.Polarity polarity,
    String unit,
    boolean core,
    String definition)
    implements Serializable {

  public static final String POPULATION = "population";

  /** How the value and its interval are computed. */
  public enum Method {
    WILSON,
    BYAR,
    T_MEAN_CHANGE,
    BEFORE_AFTER_CHANGE,
    AVOIDED_COST,
    BENEFIT_COST_RATIO;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean perPopulation() {
    return POPULATION.equals(denominator);
  }

  /** True when the indicator is built from counts that add up across schemes (so ENGLAND is their sum). */
  public boolean additive() {
    return method == Method.WILSON || method == Method.BYAR || method == Method.BEFORE_AFTER_CHANGE;
  }
}
