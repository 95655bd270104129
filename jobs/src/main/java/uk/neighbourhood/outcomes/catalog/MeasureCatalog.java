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

/** Every measure the schema knows, loaded from {@code measures.yaml} and checked on load. */
public final class MeasureCatalog implements Serializable {
  /** The codes the outward contract fixes; the catalogue must declare every one of them. */
  public static final Set<String> CONTRACT_CODES = Set.of(
      "people_supported", "new_referrals", "contacts", "volunteers_active", "volunteer_hours",
      "community_groups_supported", "community_events", "event_attendances", "followed_up",
      "gp_appointments_before", "gp_appointments_after", "ae_attendances_before", "ae_attendances_after",
      "emergency_admissions_before", "emergency_admissions_after", "swemwbs_paired_n",
      "swemwbs_baseline_mean", "swemwbs_followup_mean", "swemwbs_meaningful_improvement",
      "survey_respondents", "belong_neighbourhood", "trust_neighbours", "chat_neighbours_monthly",
      "formal_volunteering_12m", "civic_participation_12m", "lonely_often_always", "into_employment",
      "into_education_training", "funding_received_gbp", "expenditure_gbp");

  private static final Set<String> DOMAINS = Set.of("reach", "health_use", "wellbeing", "social_capital", "employment", "money");
  private static final Set<String> UNITS = Set.of("people", "count", "hours", "score", "gbp");

  private final Map<String, Measure> byCode;

  private MeasureCatalog(Map<String, Measure> byCode) {
    this.byCode = byCode;
  }

  public static MeasureCatalog load(String file, InputStream in) {
    Map<String, Measure> out = new LinkedHashMap<>();
    for (YamlRecords.Entry e : YamlRecords.list(file, in, "measures")) {
      Measure m = toMeasure(e);
      if (out.put(m.code(), m) != null) {
        throw new CatalogException(e.where() + ": Cannot load measure '" + m.code() + "': the code is declared twice."
            + " Fix: remove or rename one of them.");
      }
    }
    for (Measure m : out.values()) {
      checkReference(file, m, m.denominator(), "denominator", out);
      checkReference(file, m, m.weightMeasure(), "weight_measure", out);
      if (m.aggregation() == Measure.Aggregation.MEAN && m.weightMeasure() == null) {
        throw new CatalogException(file + ": Cannot load measure '" + m.code() + "': a mean needs 'weight_measure'"
            + " so that means from several areas or months can be combined.");
      }
    }
    for (String code : CONTRACT_CODES) {
      if (!out.containsKey(code)) {
        throw new CatalogException(file + ": Cannot load catalogue: the contract's core measure '" + code
            + "' is missing. Fix: restore it; core codes are fixed by the contract.");
      }
    }
    return new MeasureCatalog(out);
  }

  public static MeasureCatalog bundled() {
    return Schemas.bundled().measures();
  }

  private static void checkReference(String file, Measure m, String ref, String field, Map<String, Measure> all) {
    if (ref != null && !all.containsKey(ref)) {
      throw new CatalogException(file + ": Cannot load measure '" + m.code() + "': its " + field + " '" + ref
          + "' is not a measure in the catalogue.");
    }
  }

  private static Measure toMeasure(YamlRecords.Entry e) {
    String code = e.requiredString("code");
    if (!code.matches("[a-z][a-z0-9_]*")) {
      throw new CatalogException(e.where() + ": Cannot load measure '" + code + "': codes are lower-case words joined by '_'.");
    }
    String domain = e.requiredString("domain");
    if (!DOMAINS.contains(domain)) {
      throw new CatalogException(e.where() + ": Cannot load measure '" + code + "': domain '" + domain
          + "' is not one of " + DOMAINS + ".");
    }
    String unit = e.requiredString("unit");
    if (!UNITS.contains(unit)) {
      throw new CatalogException(e.where() + ": Cannot load measure '" + code + "': unit '" + unit
          + "' is not one of " + UNITS + ".");
    }
    Double min = e.number("min");
    Double max = e.number("max");
    if (min == null || max == null || min > max) {
      throw new CatalogException(e.where() + ": Cannot load measure '" + code + "': 'min' and 'max' are required and min <= max.");
    }
    Measure.Aggregation agg = enumOf(Measure.Aggregation.class, e, "aggregation", "sum");
    Measure.Polarity good = enumOf(Measure.Polarity.class, e, "good", "none");
    return new Measure(code, e.requiredString("label"), domain, unit, e.flag("integer", false), min, max, agg,
        e.string("weight_measure"), e.string("denominator"), good, e.flag("core", false),
        List.copyOf(e.strings("synonyms")));
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, YamlRecords.Entry e, String key, String dflt) {
    String v = Optional.ofNullable(e.string(key)).orElse(dflt);
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      throw new CatalogException(e.where() + ": Cannot load '" + key + "': '" + v + "' is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ".");
    }
  }

  public Optional<Measure> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public Measure get(String code) {
    Measure m = byCode.get(code);
    if (m == null) {
      throw new IllegalArgumentException("Unknown measure '" + code + "'");
    }
    return m;
  }

  public boolean contains(String code) {
    return byCode.containsKey(code);
  }

  public Collection<Measure> all() {
    return byCode.values();
  }

  public List<Measure> core() {
    return byCode.values().stream().filter(Measure::core).toList();
  }
}
