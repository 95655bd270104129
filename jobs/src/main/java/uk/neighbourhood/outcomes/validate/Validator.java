package uk.neighbourhood.outcomes.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Scheme;
import uk.neighbourhood.outcomes.map.MappingResult;
import uk.neighbourhood.outcomes.model.CellRef;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.Problem;

/**
 * Applies a {@link RuleSet} to one mapped return and gathers every problem at once, so a local team
 * can fix everything in one sitting.
 */
public final class Validator {
  private final RuleSet rules;
  private final MeasureCatalog catalog;
  private final Registry registry;
  private final LocalDate today;

  public Validator(RuleSet rules, MeasureCatalog catalog, Registry registry, LocalDate today) {
    this.rules = rules;
    this.catalog = catalog;
    this.registry = registry;
    this.today = today;
  }

  /** Problems found in the mapped return of the scheme whose folder it was uploaded to. */
  public List<Problem> validate(String folderScheme, MappingResult mapped) {
    List<Problem> out = new ArrayList<>();
    Optional<Scheme> scheme = registry.find(folderScheme);
    List<Duplicate> duplicates = new ArrayList<>();
    Map<String, Map<String, Observation>> groups = group(mapped.observations(), duplicates);
    for (Rule rule : rules.rules()) {
      switch (rule.kind()) {
        case REGISTERED_SCHEME -> {
          if (scheme.isEmpty()) {
            out.add(problem(rule, Map.of("scheme", folderScheme), null));
          }
        }
        case SCHEME_MATCHES_FOLDER -> {
          String declared = mapped.declaredScheme();
          if (declared != null && !declared.isBlank() && !namesScheme(declared, folderScheme, scheme)) {
            out.add(problem(rule, Map.of("declared", declared.trim(), "scheme", folderScheme), null));
          }
        }
        case HAS_VALUES -> {
          boolean refusedAlready = mapped.problems().stream().anyMatch(Problem::isError);
          if (mapped.observations().isEmpty() && !refusedAlready) {
            out.add(problem(rule, Map.of(), null));
          }
        }
        case PERIOD_PRESENT -> {
          if (mapped.periods().isEmpty() && !mapped.observations().isEmpty()) {
            out.add(problem(rule, Map.of(), null));
          }
        }
        case PERIOD_NOT_FUTURE -> {
          for (String p : mapped.periods()) {
            Period.tryParse(p).filter(per -> per.start().isAfter(today))
                .ifPresent(per -> out.add(problem(rule, Map.of("period", p), null)));
          }
        }
        case PERIOD_NOT_BEFORE_START -> {
          LocalDate start = scheme.map(Scheme::startDate).orElse(null);
          if (start != null) {
            for (String p : mapped.periods()) {
              Period.tryParse(p).filter(per -> per.end().isBefore(start))
                  .ifPresent(per -> out.add(problem(rule, Map.of("period", p, "start_date", start.toString()), null)));
            }
          }
        }
        case NO_CONFLICTING_DUPLICATES -> duplicates.forEach(d -> out.add(problem(rule, d.values(), d.obs())));
        default -> groups.values().forEach(g -> checkGroup(rule, g, scheme, out));
      }
    }
    return out;
  }

  /** A return may name its scheme by id or by its registered name, in any case and spacing. */
  static boolean namesScheme(String declared, String folderScheme, Optional<Scheme> scheme) {
    String d = normalise(declared);
    return d.equals(normalise(folderScheme)) || scheme.map(s -> normalise(s.name()).equals(d)).orElse(false);
  }

  private static String normalise(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
  }

  private record Duplicate(Map<String, String> values, Observation obs) {}

  /** Observations by (period, area), then by measure; the second of two differing values is a conflict. */
  private static Map<String, Map<String, Observation>> group(List<Observation> obs, List<Duplicate> duplicates) {
    Map<String, Map<String, Observation>> groups = new LinkedHashMap<>();
    for (Observation o : obs) {
      String key = o.period() + "|" + Objects.toString(o.areaCode(), "");
      Map<String, Observation> g = groups.computeIfAbsent(key, k -> new LinkedHashMap<>());
      Observation prev = g.putIfAbsent(o.measure(), o);
      if (prev != null && !Objects.equals(prev.value(), o.value())) {
        duplicates.add(new Duplicate(Map.of("measure", o.measure(), "period", String.valueOf(o.period()),
            "value", fmt(prev.value()) + " at " + prev.location(), "other", fmt(o.value()) + " at " + o.location()), o));
      }
    }
    return groups;
  }

  private void checkGroup(Rule rule, Map<String, Observation> g, Optional<Scheme> scheme, List<Problem> out) {
    switch (rule.kind()) {
      case IN_RANGE -> g.values().forEach(o -> catalog.find(o.measure()).ifPresent(m -> {
        if (o.value() != null && (o.value() < m.min() || o.value() > m.max())) {
          out.add(problem(rule, values(o, m, null), o));
        }
      }));
      case WHOLE_NUMBER -> g.values().forEach(o -> catalog.find(o.measure()).ifPresent(m -> {
        if (m.integer() && o.value() != null && o.value() != Math.rint(o.value())) {
          out.add(problem(rule, values(o, m, null), o));
        }
      }));
      case NOT_GREATER_THAN -> compare(rule, g.get(rule.measure()), g.get(rule.than()), out);
      case WITHIN_DENOMINATOR -> g.values().forEach(o -> catalog.find(o.measure())
          .filter(Measure::isSurveyCount)
          .ifPresent(m -> compare(rule, o, g.get(m.denominator()), out)));
      case REQUIRES -> {
        if (!g.containsKey(rule.requires())) {
          rule.measures().stream().filter(g::containsKey).findFirst()
              .ifPresent(m -> out.add(problem(rule, Map.of("measure", m), g.get(m))));
        }
      }
      case NOT_ABOVE_POPULATION -> scheme.ifPresent(s -> rule.measures().stream().map(g::get).filter(Objects::nonNull)
          .filter(o -> o.areaCode() == null && o.value() != null && o.value() > s.population() * rule.factor())
          .forEach(o -> out.add(problem(rule, Map.of("measure", o.measure(), "value", fmt(o.value()),
              "population", Long.toString(s.population())), o))));
      default -> { }
    }
  }

  private void compare(Rule rule, Observation o, Observation other, List<Problem> out) {
    if (o == null || other == null || o.value() == null || other.value() == null) {
      return;
    }
    if (o.value() > other.value()) {
      Map<String, String> v = new HashMap<>(values(o, null, null));
      v.put("other", fmt(other.value()));
      v.put("other_measure", other.measure());
      out.add(problem(rule, v, o));
    }
  }

  private static Map<String, String> values(Observation o, Measure m, String other) {
    Map<String, String> v = new HashMap<>();
    v.put("measure", o.measure());
    v.put("value", fmt(o.value()));
    v.put("period", String.valueOf(o.period()));
    if (m != null) {
      v.put("min", fmt(m.min()));
      v.put("max", fmt(m.max()));
    }
    if (other != null) {
      v.put("other", other);
    }
    return v;
  }

  private static String fmt(Double d) {
    return d == null ? "suppressed" : CellRef.formatNumber(d);
  }

  private static Problem problem(Rule rule, Map<String, String> values, Observation at) {
    Problem p = new Problem(rule.severity(), rule.id(), null, null, rule.say(values), rule.fix());
    return at == null || at.sourceCell() == null ? p : p.at(at.sourceSheet(), at.sourceCell());
  }
}
