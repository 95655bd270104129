package uk.neighbourhood.outcomes.aggregate;

import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.neighbourhood.outcomes.catalog.CatalogException;
import uk.neighbourhood.outcomes.catalog.Indicator;
import uk.neighbourhood.outcomes.catalog.IndicatorCatalog;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Scheme;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.catalog.YamlRecords;

/**
 * Applies the disclosure rule of {@code schemas/disclosure.yaml} to everything published below national
 * level: primary suppression of small counts, rounding of the rest, and secondary suppression until no
 * hidden count can be recovered from ENGLAND, the breakdown groups and the other schemes
 * ({@link SuppressionAudit}). Rates and percentages are left as computed from unrounded counts.
 */
public final class DisclosureControl implements Serializable {
  static final String SUPPRESSED_NOTE = "Suppressed to protect small numbers (disclosure control).";

  /** The rule as data. */
  public record Rule(String nationalCode, int suppressMin, int suppressMax, int roundTo, Set<String> controlledUnits,
      boolean controlDenominators, int suppressMeansBelowN, int moneyRoundTo) implements Serializable {}

  /** What may be published: the indicator rows and the breakdown rows after control. */
  public record Published(List<IndicatorRow> rows, List<BreakdownRow> breakdowns) implements Serializable {}

  private final Rule rule;
  private final IndicatorCatalog indicators;
  private final MeasureCatalog measures;

  public DisclosureControl(Rule rule, IndicatorCatalog indicators, MeasureCatalog measures) {
    this.rule = rule;
    this.indicators = indicators;
    this.measures = measures;
  }

  public static DisclosureControl bundled() {
    Schemas s = Schemas.bundled();
    return load("schemas/disclosure.yaml", s.open("disclosure.yaml"), IndicatorCatalog.bundled(), s.measures());
  }

  public static DisclosureControl load(String file, InputStream in, IndicatorCatalog indicators, MeasureCatalog measures) {
    Map<String, Object> doc = YamlRecords.document(file, in);
    if (!(doc.get("disclosure") instanceof Map<?, ?> raw)) {
      throw new CatalogException(file + " line 1: Cannot load disclosure rule: no 'disclosure:' mapping.");
    }
    @SuppressWarnings("unchecked")
    YamlRecords.Entry e = new YamlRecords.Entry(file, 1, (Map<String, Object>) raw);
    int min = whole(e, "suppress_min");
    int max = whole(e, "suppress_max");
    if (min < 1 || max < min) {
      throw new CatalogException(file + ": Cannot load disclosure rule: need 1 <= suppress_min <= suppress_max.");
    }
    return new DisclosureControl(new Rule(e.requiredString("national_code"), min, max, whole(e, "round_to"),
        Set.copyOf(e.strings("controlled_units")), e.flag("control_denominators", true),
        whole(e, "suppress_means_below_n"), whole(e, "money_round_to")), indicators, measures);
  }

  private static int whole(YamlRecords.Entry e, String key) {
    Double v = e.number(key);
    if (v == null || v < 0 || v != Math.rint(v)) {
      throw new CatalogException(e.where() + ": Cannot load disclosure rule: '" + key + "' must be a whole number >= 0.");
    }
    return v.intValue();
  }

  public Rule rule() {
    return rule;
  }

  public Published apply(List<IndicatorRow> rows, List<BreakdownRow> breakdowns, Registry registry) {
    return apply(rows, breakdowns, registry, Fanout.LOCAL);
  }

  /** One (period, indicator) to control: its rows and its breakdown groups. */
  private record Work(List<IndicatorRow> rows, List<BreakdownRow> groups) implements Serializable {}

  /**
   * Controls every (period, indicator) of {@code rows}, which may span several periods; each is controlled on
   * its own, spread by {@code fanout}.
   */
  public Published apply(List<IndicatorRow> rows, List<BreakdownRow> breakdowns, Registry registry, Fanout fanout) {
    Map<String, List<IndicatorRow>> rowsByKey = new LinkedHashMap<>();
    rows.forEach(r -> rowsByKey.computeIfAbsent(r.period() + "|" + r.indicator(), k -> new ArrayList<>()).add(r));
    Map<String, List<BreakdownRow>> groupsByKey = new HashMap<>();
    breakdowns.forEach(b -> groupsByKey.computeIfAbsent(b.period() + "|" + b.indicator(), k -> new ArrayList<>()).add(b));

    // each (period, indicator) is controlled on its own, and the secondary-suppression search is the
    // costly part of a national run: the fanout spreads the keys over cores or executors
    List<Map.Entry<String, List<IndicatorRow>>> keys = new ArrayList<>(rowsByKey.entrySet());
    List<Work> work = keys.stream()
        .map(e -> new Work(List.copyOf(e.getValue()), List.copyOf(groupsByKey.getOrDefault(e.getKey(), List.of()))))
        .toList();
    List<Controlled> controlled = fanout.map(work, w -> {
      Controlled c = new Controlled(new HashMap<>(), new HashMap<>());
      Indicator ind = indicators.find(w.rows().get(0).indicator()).orElse(null);
      if (ind != null && !isMoney(ind)) {
        control(ind, w.rows(), w.groups(), registry, c.rows(), c.groups());
      }
      return c;
    });

    Map<IndicatorRow, IndicatorRow> rowOut = new HashMap<>();
    Map<BreakdownRow, BreakdownRow> groupOut = new HashMap<>();
    Set<String> suppressedChange = new HashSet<>();
    for (int k = 0; k < keys.size(); k++) {
      Map.Entry<String, List<IndicatorRow>> entry = keys.get(k);
      rowOut.putAll(controlled.get(k).rows());
      groupOut.putAll(controlled.get(k).groups());
      Indicator ind = indicators.find(entry.getValue().get(0).indicator()).orElse(null);
      List<BreakdownRow> groups = groupsByKey.getOrDefault(entry.getKey(), List.of());
      if (ind != null && ind.method() == Indicator.Method.BEFORE_AFTER_CHANGE) {
        for (IndicatorRow r : entry.getValue()) {
          if (rowOut.getOrDefault(r, r).suppressed()) {
            suppressedChange.add(r.period() + "|" + r.schemeId());
          }
        }
        for (BreakdownRow b : groups) {
          if (groupOut.getOrDefault(b, b).suppressed()) {
            suppressedChange.add(b.period() + "|" + b.groupType() + ":" + b.group());
          }
        }
      }
    }
    List<IndicatorRow> outRows = new ArrayList<>();
    for (IndicatorRow r : rows) {
      IndicatorRow c = rowOut.getOrDefault(r, r);
      Indicator ind = indicators.find(r.indicator()).orElse(null);
      if (ind != null && isMoney(ind) && !IndicatorRow.ENGLAND.equals(r.schemeId())) {
        c = suppressedChange.contains(r.period() + "|" + r.schemeId()) ? suppress(r, false) : roundMoney(ind, r);
      }
      outRows.add(c);
    }
    List<BreakdownRow> outGroups = new ArrayList<>();
    for (BreakdownRow b : breakdowns) {
      BreakdownRow c = groupOut.getOrDefault(b, b);
      Indicator ind = indicators.find(b.indicator()).orElse(null);
      if (ind != null && isMoney(ind)) {
        c = groupHasSuppressedMember(b, rows, registry, suppressedChange) ? b.suppressedCopy() : roundMoney(ind, b);
      }
      outGroups.add(c);
    }
    return new Published(outRows, outGroups);
  }

  /** What controlling one (period, indicator) changed. */
  private record Controlled(Map<IndicatorRow, IndicatorRow> rows, Map<BreakdownRow, BreakdownRow> groups)
      implements Serializable {}

  private static boolean isMoney(Indicator ind) {
    return ind.method() == Indicator.Method.AVOIDED_COST || ind.method() == Indicator.Method.BENEFIT_COST_RATIO;
  }

  private boolean groupHasSuppressedMember(BreakdownRow b, List<IndicatorRow> rows, Registry registry, Set<String> suppressedChange) {
    if (suppressedChange.contains(b.period() + "|" + b.groupType() + ":" + b.group())) {
      return true;
    }
    return rows.stream().filter(r -> r.period().equals(b.period()) && !IndicatorRow.ENGLAND.equals(r.schemeId()))
        .map(IndicatorRow::schemeId).distinct()
        .anyMatch(id -> b.group().equals(groupOf(registry, id, b.groupType())) && suppressedChange.contains(b.period() + "|" + id));
  }

  private void control(Indicator ind, List<IndicatorRow> rows, List<BreakdownRow> groups, Registry registry,
      Map<IndicatorRow, IndicatorRow> rowOut, Map<BreakdownRow, BreakdownRow> groupOut) {
    boolean mean = ind.method() == Indicator.Method.T_MEAN_CHANGE;
    boolean numeratorControlled = !mean && controlled(ind.numerator());
    boolean denominatorControlled = rule.controlDenominators() && !ind.perPopulation() && controlled(ind.denominator());
    Set<String> hiddenNumerator = numeratorControlled
        ? hide(rows, groups, registry, r -> r.numerator(), b -> b.numerator(), rule.suppressMin(), rule.suppressMax(),
            ind.method() == Indicator.Method.WILSON)
        : Set.of();
    Set<String> hiddenDenominator = denominatorControlled
        ? hide(rows, groups, registry, r -> contributes(r, mean) ? r.denominator() : null,
            b -> b.denominator(), rule.suppressMin(), mean ? Math.max(rule.suppressMax(), rule.suppressMeansBelowN() - 1) : rule.suppressMax(),
            false)
        : Set.of();
    for (IndicatorRow r : rows) {
      if (IndicatorRow.ENGLAND.equals(r.schemeId())) {
        if (hiddenNumerator.contains(rule.nationalCode()) || hiddenDenominator.contains(rule.nationalCode())) {
          rowOut.put(r, suppress(r, hiddenDenominator.contains(rule.nationalCode())));
        }
        continue;
      }
      boolean smallDenominator = denominatorControlled && r.denominator() != null && small(r.denominator(), mean);
      if (hiddenDenominator.contains(r.schemeId()) || smallDenominator) {
        rowOut.put(r, suppress(r, true));
      } else if (hiddenNumerator.contains(r.schemeId())) {
        IndicatorRow sup = suppress(r, false);
        rowOut.put(r, withCounts(sup, null, denominatorControlled ? round(r.denominator()) : r.denominator()));
      } else {
        rowOut.put(r, withCounts(r, numeratorControlled ? round(r.numerator()) : r.numerator(),
            denominatorControlled ? round(r.denominator()) : r.denominator()));
      }
    }
    for (BreakdownRow b : groups) {
      String id = b.groupType() + ":" + b.group();
      boolean smallDenominator = denominatorControlled && b.denominator() != null && small(b.denominator(), mean);
      if (hiddenDenominator.contains(id) || smallDenominator) {
        groupOut.put(b, b.suppressedCopy().withCounts(null, null));
      } else if (hiddenNumerator.contains(id)) {
        groupOut.put(b, b.suppressedCopy().withCounts(null, denominatorControlled ? round(b.denominator()) : b.denominator()));
      } else {
        groupOut.put(b, b.withCounts(numeratorControlled ? round(b.numerator()) : b.numerator(),
            denominatorControlled ? round(b.denominator()) : b.denominator()));
      }
    }
  }

  private static boolean contributes(IndicatorRow r, boolean mean) {
    return mean ? r.value() != null : r.numerator() != null;
  }

  private boolean small(double v, boolean mean) {
    int max = mean ? Math.max(rule.suppressMax(), rule.suppressMeansBelowN() - 1) : rule.suppressMax();
    return v >= rule.suppressMin() && v <= max;
  }

  private boolean controlled(String measure) {
    return measure != null && measures.find(measure).map(m -> rule.controlledUnits().contains(m.unit())).orElse(false);
  }

  /**
   * The ids (scheme ids, "type:group", or the national code) whose count must be hidden: primary cells in
   * the small range, then secondary cells until the audit finds nothing recoverable.
   */
  private Set<String> hide(List<IndicatorRow> rows, List<BreakdownRow> groups, Registry registry,
      java.util.function.Function<IndicatorRow, Double> count, java.util.function.Function<BreakdownRow, Double> groupCount,
      int min, int max, boolean upperBounded) {
    SuppressionAudit audit = new SuppressionAudit(min, max);
    List<SuppressionAudit.Cell> schemeCells = new ArrayList<>();
    Map<String, String> modelOf = new HashMap<>();
    Map<String, String> deprivationOf = new HashMap<>();
    SuppressionAudit.Cell england = null;
    for (IndicatorRow r : rows) {
      Double v = r.suppressed() ? null : count.apply(r);
      if (v == null) {
        continue;
      }
      if (IndicatorRow.ENGLAND.equals(r.schemeId())) {
        england = audit.cell(rule.nationalCode(), v);
      } else {
        SuppressionAudit.Cell c = audit.cell(r.schemeId(), v);
        c.hidden = c.primary = v >= min && v <= max;
        if (upperBounded && r.denominator() != null) {
          c.upperBound = r.denominator();
        }
        schemeCells.add(c);
        modelOf.put(r.schemeId(), BreakdownRow.MODEL + ":" + groupOf(registry, r.schemeId(), BreakdownRow.MODEL));
        deprivationOf.put(r.schemeId(), BreakdownRow.DEPRIVATION + ":" + groupOf(registry, r.schemeId(), BreakdownRow.DEPRIVATION));
      }
    }
    if (england != null) {
      audit.sum(england, schemeCells);
    }
    Map<String, SuppressionAudit.Cell> groupCells = new HashMap<>();
    for (BreakdownRow b : groups) {
      Double v = b.suppressed() ? null : groupCount.apply(b);
      if (v == null) {
        continue;
      }
      String id = b.groupType() + ":" + b.group();
      SuppressionAudit.Cell g = audit.cell(id, v);
      g.hidden = g.primary = v >= min && v <= max;
      if (upperBounded && b.denominator() != null) {
        g.upperBound = b.denominator();
      }
      groupCells.put(id, g);
      List<SuppressionAudit.Cell> members = schemeCells.stream()
          .filter(c -> id.equals(modelOf.get(c.id)) || id.equals(deprivationOf.get(c.id))).toList();
      audit.sum(g, members);
    }
    for (int guard = 0; guard <= audit.cells().size(); guard++) {
      List<SuppressionAudit.Cell> pinned = audit.recoverable();
      if (pinned.isEmpty()) {
        break;
      }
      SuppressionAudit.Cell extra = secondary(audit, pinned, england);
      if (extra == null) {
        break;
      }
      extra.hidden = true;
    }
    Set<String> hidden = new HashSet<>();
    audit.cells().stream().filter(c -> c.hidden).forEach(c -> hidden.add(c.id));
    return hidden;
  }

  /**
   * The published cell to hide next: the smallest non-zero count that shares a sum with an exposed cell,
   * preferring schemes over groups; then any published group; ENGLAND only when nothing else is left (for
   * instance a lone reporting scheme with a small count).
   */
  private static SuppressionAudit.Cell secondary(SuppressionAudit audit, List<SuppressionAudit.Cell> pinned,
      SuppressionAudit.Cell england) {
    List<SuppressionAudit.Cell> sameGroup = new ArrayList<>();
    List<SuppressionAudit.Cell> sameNation = new ArrayList<>();
    for (SuppressionAudit.Sum s : audit.sums()) {
      boolean involves = pinned.contains(s.total()) || s.members().stream().anyMatch(pinned::contains);
      if (involves) {
        List<SuppressionAudit.Cell> into = s.total() == england ? sameNation : sameGroup;
        into.addAll(s.members());
        if (s.total() != england) {
          into.add(s.total());
        }
      }
    }
    java.util.function.Predicate<SuppressionAudit.Cell> open = c -> !c.hidden && c != england && c.value > 0;
    List<SuppressionAudit.Cell> candidates = java.util.stream.Stream.concat(sameGroup.stream(), sameNation.stream())
        .filter(open).distinct().toList();
    if (candidates.isEmpty()) {
      candidates = audit.cells().stream().filter(open).toList();
    }
    // greedy: the candidate that leaves the fewest cells exposed, then the smallest count, then the first.
    // Trying candidates from the smallest count up gives the same choice sooner: one that exposes nothing
    // cannot be beaten, and counting a candidate's exposure can stop where it stops being better.
    List<SuppressionAudit.Cell> bySize = new ArrayList<>(candidates);
    bySize.sort(java.util.Comparator.comparingDouble(c -> c.value));
    SuppressionAudit.Cell best = null;
    int bestExposed = Integer.MAX_VALUE;
    for (SuppressionAudit.Cell c : bySize) {
      c.hidden = true;
      int exposed = audit.recoverable(bestExposed).size();
      c.hidden = false;
      if (exposed < bestExposed) {
        best = c;
        bestExposed = exposed;
        if (exposed == 0) {
          break;
        }
      }
    }
    if (best != null) {
      return best;
    }
    return england != null && !england.hidden ? england : null;
  }

  static String groupOf(Registry registry, String schemeId, String type) {
    Scheme s = registry.find(schemeId).orElse(null);
    if (s == null) {
      return "unknown";
    }
    return BreakdownRow.MODEL.equals(type) ? s.model() : s.deprivationGroup();
  }

  private Double round(Double v) {
    if (v == null || rule.roundTo() <= 1) {
      return v;
    }
    return (double) Math.round(v / rule.roundTo()) * rule.roundTo();
  }

  private static IndicatorRow withCounts(IndicatorRow r, Double numerator, Double denominator) {
    return new IndicatorRow(r.schemeId(), r.period(), r.indicator(), r.value(), r.lowerCi(), r.upperCi(), numerator,
        denominator, r.method(), r.comparison(), r.suppressed(), r.label(), r.unit(), r.note());
  }

  private static IndicatorRow suppress(IndicatorRow r, boolean withDenominator) {
    return new IndicatorRow(r.schemeId(), r.period(), r.indicator(), null, null, null, null,
        withDenominator ? null : r.denominator(), r.method(), IndicatorEngine.NOT_COMPARED, true, r.label(), r.unit(),
        SUPPRESSED_NOTE);
  }

  private IndicatorRow roundMoney(Indicator ind, IndicatorRow r) {
    if (r.suppressed() || r.value() == null) {
      return r;
    }
    double step = rule.moneyRoundTo();
    Double avoided = r.numerator() == null ? null : Math.round(r.numerator() / step) * step;
    Double value = ind.method() == Indicator.Method.AVOIDED_COST ? avoided : r.value();
    return new IndicatorRow(r.schemeId(), r.period(), r.indicator(), value, r.lowerCi(), r.upperCi(), avoided,
        r.denominator(), r.method(), r.comparison(), false, r.label(), r.unit(), r.note());
  }

  private BreakdownRow roundMoney(Indicator ind, BreakdownRow b) {
    if (b.suppressed() || b.value() == null) {
      return b;
    }
    double step = rule.moneyRoundTo();
    Double avoided = b.numerator() == null ? null : Math.round(b.numerator() / step) * step;
    Double value = ind.method() == Indicator.Method.AVOIDED_COST ? avoided : b.value();
    return new BreakdownRow(b.period(), b.indicator(), b.groupType(), b.group(), value, b.lowerCi(), b.upperCi(),
        avoided, b.denominator(), b.schemes(), b.method(), b.comparison(), false);
  }
}
