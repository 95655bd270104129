package uk.neighbourhood.outcomes.catalog;

import java.io.InputStream;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every indicator the pipeline publishes, loaded from {@code indicators.yaml} and checked against the measures. */
public final class IndicatorCatalog implements Serializable {
  /** The indicator codes the outward contract fixes. */
  public static final Set<String> CONTRACT_CODES = Set.of("people_supported_per_1000", "volunteer_hours_per_1000",
      "belong_neighbourhood_pct", "trust_neighbours_pct", "lonely_often_always_pct", "swemwbs_mean_change",
      "gp_appointments_change_pct", "ae_attendances_change_pct");
  private static final Set<String> UNITS = Set.of("per_1000", "percent", "score_points", "gbp", "ratio");

  private final Map<String, Indicator> byCode;

  private IndicatorCatalog(Map<String, Indicator> byCode) {
    this.byCode = byCode;
  }

  public static IndicatorCatalog bundled() {
    Schemas s = Schemas.bundled();
    return load("schemas/indicators.yaml", s.open("indicators.yaml"), s.measures());
  }

  /** Loads the catalogue and checks every measure it names against {@code measures}. */
  public static IndicatorCatalog load(String file, InputStream in, MeasureCatalog measures) {
    Map<String, Indicator> out = new LinkedHashMap<>();
    for (YamlRecords.Entry e : YamlRecords.list(file, in, "indicators")) {
      Indicator i = toIndicator(e, measures);
      if (out.put(i.code(), i) != null) {
        throw new CatalogException(e.where() + ": Cannot load indicator '" + i.code() + "': the code is declared twice."
            + " Fix: remove or rename one of them.");
      }
    }
    for (String code : CONTRACT_CODES) {
      if (!out.containsKey(code)) {
        throw new CatalogException(file + ": Cannot load catalogue: the contract's core indicator '" + code
            + "' is missing. Fix: restore it; core codes are fixed by the contract.");
      }
    }
    return new IndicatorCatalog(out);
  }

  private static Indicator toIndicator(YamlRecords.Entry e, MeasureCatalog measures) {
    String code = e.requiredString("code");
    String where = e.where() + ": Cannot load indicator '" + code + "': ";
    if (!code.matches("[a-z][a-z0-9_]*")) {
      throw new CatalogException(where + "codes are lower-case words joined by '_'.");
    }
    String methodText = e.requiredString("method");
    Indicator.Method method;
    try {
      method = Indicator.Method.valueOf(methodText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      throw new CatalogException(where + "method '" + methodText + "' is not one of "
          + java.util.Arrays.stream(Indicator.Method.values()).map(Indicator.Method::code).toList() + ".");
    }
    String numerator = e.string("numerator");
    String denominator = e.string("denominator");
    String baseline = e.string("baseline");
    String sd = e.string("sd_measure");
    switch (method) {
      case WILSON, BYAR, BEFORE_AFTER_CHANGE, T_MEAN_CHANGE -> {
        requireMeasure(where, "numerator", e.requiredString("numerator"), measures);
        if (method == Indicator.Method.BYAR && Indicator.POPULATION.equals(e.requiredString("denominator"))) {
          break;
        }
        requireMeasure(where, "denominator", e.requiredString("denominator"), measures);
      }
      case BENEFIT_COST_RATIO -> requireMeasure(where, "denominator", e.requiredString("denominator"), measures);
      default -> { }
    }
    if (Indicator.POPULATION.equals(denominator) && method != Indicator.Method.BYAR) {
      throw new CatalogException(where + "only a 'byar' rate can have the registry population as its denominator.");
    }
    if (method == Indicator.Method.T_MEAN_CHANGE) {
      requireMeasure(where, "baseline", e.requiredString("baseline"), measures);
      if (sd != null) {
        requireMeasure(where, "sd_measure", sd, measures);
      }
    } else if (baseline != null || sd != null) {
      throw new CatalogException(where + "'baseline' and 'sd_measure' belong to t_mean_change indicators only.");
    }
    Double multiplier = e.number("multiplier");
    if (multiplier == null || multiplier <= 0) {
      throw new CatalogException(where + "'multiplier' is required and positive (1000 per 1,000, 100 for %).");
    }
    String polarityText = Optional.ofNullable(e.string("polarity")).orElse("none");
    Measure.Polarity polarity;
    try {
      polarity = Measure.Polarity.valueOf(polarityText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      throw new CatalogException(where + "polarity '" + polarityText + "' is not one of [higher, lower, none].");
    }
    String unit = e.requiredString("unit");
    if (!UNITS.contains(unit)) {
      throw new CatalogException(where + "unit '" + unit + "' is not one of " + new java.util.TreeSet<>(UNITS) + ".");
    }
    return new Indicator(code, e.requiredString("label"), numerator, denominator, baseline, sd, method, multiplier,
        polarity, unit, e.flag("core", false), e.requiredString("definition"));
  }

  private static void requireMeasure(String where, String field, String code, MeasureCatalog measures) {
    if (!measures.contains(code)) {
      throw new CatalogException(where + "its " + field + " '" + code + "' is not a measure in measures.yaml."
          + " Fix: use a code from measures.yaml, or add the measure there first.");
    }
  }

  public Optional<Indicator> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public Indicator get(String code) {
    Indicator i = byCode.get(code);
    if (i == null) {
      throw new IllegalArgumentException("Unknown indicator '" + code + "'");
    }
    return i;
  }

  public Collection<Indicator> all() {
    return byCode.values();
  }

  public List<Indicator> core() {
    return byCode.values().stream().filter(Indicator::core).toList();
  }
}
