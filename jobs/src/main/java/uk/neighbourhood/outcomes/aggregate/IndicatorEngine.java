package uk.neighbourhood.outcomes.aggregate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import uk.neighbourhood.outcomes.catalog.Indicator;
import uk.neighbourhood.outcomes.catalog.IndicatorCatalog;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Scheme;
import uk.neighbourhood.outcomes.catalog.UnitCosts;
import uk.neighbourhood.outcomes.model.CellRef;

/**
 * Turns per-scheme measure totals into comparable indicators: one row per scheme and indicator for the
 * schemes that reported, the national ENGLAND row (the sum of the schemes' numerators and denominators,
 * so it equals the sum of its parts), benchmarking against England, and breakdowns by model and by
 * deprivation group pooled the same way. Disclosure control is a separate step ({@link DisclosureControl}).
 */
public final class IndicatorEngine implements Serializable {
  public static final String BETTER = "better";
  public static final String SIMILAR = "similar";
  public static final String WORSE = "worse";
  public static final String NOT_COMPARED = "not_compared";
  static final String VFM_CAVEAT = "Indicative only: before/after change in the same people with no control"
      + " group, so it includes regression to the mean (people are often referred at a peak of need) and is not"
      + " a measured saving.";

  /** @param level the confidence level of the published interval and the benchmark (0.95) */
  public record Options(double level) implements Serializable {
    public static Options defaults() {
      return new Options(Confidence.NINETY_FIVE);
    }
  }

  private final IndicatorCatalog indicators;
  private final UnitCosts unitCosts;
  private final Options options;

  public IndicatorEngine(IndicatorCatalog indicators, UnitCosts unitCosts, Options options) {
    this.indicators = indicators;
    this.unitCosts = unitCosts;
    this.options = options;
  }

  public IndicatorEngine(IndicatorCatalog indicators, UnitCosts unitCosts) {
    this(indicators, unitCosts, Options.defaults());
  }

  /** The engine over the catalogues bundled in the jar, at 95%. */
  public static IndicatorEngine bundled() {
    return new IndicatorEngine(IndicatorCatalog.bundled(), UnitCosts.bundled());
  }

  /** What one scheme reported for a quarter, with its registry population. */
  record SchemeInputs(String schemeId, Scheme scheme, Map<String, MeasureTotal> totals) {
    boolean reportedAny(Collection<String> measures) {
      return measures.stream().anyMatch(totals::containsKey);
    }

    boolean suppressedAny(Collection<String> measures) {
      return measures.stream().anyMatch(m -> totals.containsKey(m) && totals.get(m).suppressed());
    }

    Double value(String measure) {
      MeasureTotal t = totals.get(measure);
      return t == null ? null : t.value();
    }
  }

  /** The result for one unit (a scheme, a group, England) before it becomes a row. */
  record Estimate(Double value, Double lower, Double upper, Double numerator, Double denominator, String method,
      boolean suppressed, String note, int schemes) {}

  public List<IndicatorRow> compute(String period, List<MeasureTotal> totals, Registry registry) {
    Map<String, SchemeInputs> schemes = inputs(period, totals, registry);
    List<IndicatorRow> out = new ArrayList<>();
    for (Indicator ind : indicators.all()) {
      List<SchemeInputs> reporting = schemes.values().stream().filter(s -> s.reportedAny(inputsOf(ind))).toList();
      if (reporting.isEmpty()) {
        continue;
      }
      Estimate england = estimate(ind, reporting);
      Double englandValue = england.value();
      for (SchemeInputs s : reporting) {
        Estimate e = estimate(ind, List.of(s));
        out.add(row(s.schemeId(), period, ind, e, compare(ind, e, englandValue)));
      }
      out.add(row(IndicatorRow.ENGLAND, period, ind, england, NOT_COMPARED));
    }
    return out;
  }

  /** Breakdown rows by registry model and by deprivation group, each compared with ENGLAND. */
  public List<BreakdownRow> breakdowns(String period, List<MeasureTotal> totals, Registry registry) {
    Map<String, SchemeInputs> schemes = inputs(period, totals, registry);
    List<BreakdownRow> out = new ArrayList<>();
    for (Indicator ind : indicators.all()) {
      List<SchemeInputs> reporting = schemes.values().stream().filter(s -> s.reportedAny(inputsOf(ind))).toList();
      if (reporting.isEmpty()) {
        continue;
      }
      Double englandValue = estimate(ind, reporting).value();
      addGroups(out, period, ind, BreakdownRow.MODEL, reporting, s -> s.scheme() == null ? "unknown" : s.scheme().model(), englandValue);
      addGroups(out, period, ind, BreakdownRow.DEPRIVATION, reporting,
          s -> s.scheme() == null ? "unknown" : s.scheme().deprivationGroup(), englandValue);
    }
    return out;
  }

  private void addGroups(List<BreakdownRow> out, String period, Indicator ind, String type, List<SchemeInputs> reporting,
      Function<SchemeInputs, String> key, Double englandValue) {
    Map<String, List<SchemeInputs>> groups = new TreeMap<>();
    for (SchemeInputs s : reporting) {
      groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
    }
    groups.forEach((group, members) -> {
      Estimate e = estimate(ind, members);
      out.add(new BreakdownRow(period, ind.code(), type, group, e.value(), e.lower(), e.upper(), e.numerator(),
          e.denominator(), e.schemes(), e.method(), compare(ind, e, englandValue), e.suppressed()));
    });
  }

  private static Map<String, SchemeInputs> inputs(String period, List<MeasureTotal> totals, Registry registry) {
    Map<String, Map<String, MeasureTotal>> byScheme = new LinkedHashMap<>();
    for (MeasureTotal t : totals) {
      if (period.equals(t.period())) {
        byScheme.computeIfAbsent(t.schemeId(), k -> new LinkedHashMap<>()).put(t.measure(), t);
      }
    }
    Map<String, SchemeInputs> out = new LinkedHashMap<>();
    byScheme.forEach((id, m) -> out.put(id, new SchemeInputs(id, registry.find(id).orElse(null), m)));
    return out;
  }

  /** The measures an indicator reads. */
  Set<String> inputsOf(Indicator ind) {
    Set<String> m = new LinkedHashSet<>();
    switch (ind.method()) {
      case AVOIDED_COST, BENEFIT_COST_RATIO -> unitCosts.all().forEach(c -> {
        m.add(c.beforeMeasure());
        m.add(c.afterMeasure());
      });
      default -> { }
    }
    for (String s : new String[] {ind.numerator(), ind.denominator(), ind.baseline(), ind.sdMeasure()}) {
      if (s != null && !Indicator.POPULATION.equals(s)) {
        m.add(s);
      }
    }
    return m;
  }

  /** The indicator for a set of schemes: one scheme, a breakdown group or all of England. */
  Estimate estimate(Indicator ind, List<SchemeInputs> units) {
    Set<String> used = inputsOf(ind);
    if (units.size() == 1 && units.get(0).suppressedAny(required(ind))) {
      return new Estimate(null, null, null, null, denominatorOf(ind, units.get(0)), methodText(ind, null),
          true, "Suppressed by the scheme in its return.", 1);
    }
    return switch (ind.method()) {
      case WILSON, BYAR, BEFORE_AFTER_CHANGE -> counts(ind, units);
      case T_MEAN_CHANGE -> meanChange(ind, units);
      case AVOIDED_COST, BENEFIT_COST_RATIO -> valueForMoney(ind, units, used);
    };
  }

  private Set<String> required(Indicator ind) {
    Set<String> r = new LinkedHashSet<>(inputsOf(ind));
    if (ind.sdMeasure() != null) {
      r.remove(ind.sdMeasure());
    }
    if (ind.method() == Indicator.Method.AVOIDED_COST || ind.method() == Indicator.Method.BENEFIT_COST_RATIO) {
      return Set.of();
    }
    return r;
  }

  private static Double denominatorOf(Indicator ind, SchemeInputs s) {
    if (ind.perPopulation()) {
      return s.scheme() == null ? null : (double) s.scheme().population();
    }
    return ind.denominator() == null ? null : s.value(ind.denominator());
  }

  private Estimate counts(Indicator ind, List<SchemeInputs> units) {
    double x = 0;
    double n = 0;
    int used = 0;
    for (SchemeInputs s : units) {
      Double num = s.value(ind.numerator());
      Double den = denominatorOf(ind, s);
      if (num == null || den == null) {
        continue;
      }
      x += num;
      n += den;
      used++;
    }
    if (used == 0) {
      String why = units.size() == 1 ? missingNote(ind, units.get(0)) : "No scheme reported both numerator and denominator.";
      return new Estimate(null, null, null, null, units.size() == 1 ? denominatorOf(ind, units.get(0)) : null,
          methodText(ind, null), false, why, 0);
    }
    double level = options.level();
    Double value;
    Interval ci;
    String note = units.size() > 1 ? "Pooled over " + used + " scheme(s) that reported." : null;
    switch (ind.method()) {
      case WILSON -> {
        if (n <= 0 || x > n) {
          return new Estimate(null, null, null, x, n, methodText(ind, null), false,
              "Cannot compute a percentage: the numerator is larger than the denominator or the denominator is zero.", used);
        }
        value = x / n * ind.multiplier();
        ci = WilsonScore.interval(x, n, level).scaled(ind.multiplier());
      }
      case BYAR -> {
        if (n <= 0) {
          return new Estimate(null, null, null, x, n, methodText(ind, null), false, "The population is zero.", used);
        }
        value = x / n * ind.multiplier();
        ci = PoissonCount.interval(x, level).scaled(ind.multiplier() / n);
      }
      default -> {
        if (n == 0) {
          return new Estimate(null, null, null, x, n, methodText(ind, null), false,
              "No use recorded in the quarter before, so a percentage change cannot be computed.", used);
        }
        value = (x / n - 1) * ind.multiplier();
        Interval ratio = CountRatio.interval(x, n, level);
        ci = ratio == null ? null : new Interval((ratio.lower() - 1) * ind.multiplier(),
            Double.isInfinite(ratio.upper()) ? Double.MAX_VALUE : (ratio.upper() - 1) * ind.multiplier(), level);
      }
    }
    Double upper = ci == null || ci.upper() == Double.MAX_VALUE ? null : ci.upper();
    return new Estimate(value, ci == null ? null : ci.lower(), upper, x, n, methodText(ind, x), false, note, used);
  }

  private static String missingNote(Indicator ind, SchemeInputs s) {
    List<String> missing = new ArrayList<>();
    if (s.value(ind.numerator()) == null) {
      missing.add(ind.numerator());
    }
    if (denominatorOf(ind, s) == null) {
      missing.add(ind.perPopulation() ? "registry population" : ind.denominator());
    }
    return "Not computed: " + String.join(" and ", missing) + " not reported.";
  }

  private Estimate meanChange(Indicator ind, List<SchemeInputs> units) {
    List<double[]> parts = new ArrayList<>();
    boolean allSd = true;
    for (SchemeInputs s : units) {
      Double follow = s.value(ind.numerator());
      Double base = s.value(ind.baseline());
      Double n = s.value(ind.denominator());
      if (follow == null || base == null || n == null || n <= 0) {
        continue;
      }
      Double sd = ind.sdMeasure() == null ? null : s.value(ind.sdMeasure());
      allSd &= sd != null;
      parts.add(new double[] {n, follow - base, sd == null ? Double.NaN : sd});
    }
    if (parts.isEmpty()) {
      return new Estimate(null, null, null, null, null, methodText(ind, null), false,
          "Not computed: the baseline mean, follow-up mean or paired n was not reported.", 0);
    }
    double[] n = parts.stream().mapToDouble(p -> p[0]).toArray();
    double[] d = parts.stream().mapToDouble(p -> p[1]).toArray();
    double[] sd = parts.stream().mapToDouble(p -> p[2]).toArray();
    double[] pooled = allSd ? StudentMean.pool(n, d, sd) : new double[] {sum(n), weighted(n, d), Double.NaN};
    Interval ci = allSd && pooled[0] >= 2 ? StudentMean.interval(pooled[1], pooled[2], pooled[0], options.level()) : null;
    String method = ci != null
        ? "mean change (follow-up minus baseline) with a " + pct(options.level()) + " t-distribution interval from the"
            + " SD of individual change" + (parts.size() > 1 ? ", pooled within and between schemes" : "")
        : "mean change (follow-up minus baseline); no interval: the SD of individual change ("
            + ind.sdMeasure() + ") was not reported" + (parts.size() > 1 ? " by every scheme" : "")
            + ", so an interval is not computable";
    return new Estimate(pooled[1], ci == null ? null : ci.lower(), ci == null ? null : ci.upper(), null, pooled[0],
        method, false, parts.size() > 1 ? "Weighted by paired n over " + parts.size() + " scheme(s)." : null, parts.size());
  }

  private Estimate valueForMoney(Indicator ind, List<SchemeInputs> units, Set<String> used) {
    double avoided = 0;
    double spend = 0;
    int schemes = 0;
    for (SchemeInputs s : units) {
      Double a = avoidedCost(s);
      if (a == null) {
        continue;
      }
      if (ind.method() == Indicator.Method.BENEFIT_COST_RATIO) {
        Double e = s.value(ind.denominator());
        if (e == null || e <= 0) {
          continue;
        }
        spend += e;
      }
      avoided += a;
      schemes++;
    }
    String citation = String.join("; ", unitCosts.all().stream().map(UnitCosts.UnitCost::citation).toList());
    String note = VFM_CAVEAT + " Unit costs: " + citation + ".";
    if (schemes == 0) {
      boolean suppressed = units.size() == 1 && units.get(0).suppressedAny(used);
      return new Estimate(null, null, null, null, null, methodText(ind, null), suppressed,
          suppressed ? "Suppressed: an input count was suppressed by the scheme." : "Not computed: "
              + "no service had both before and after counts" + (ind.method() == Indicator.Method.BENEFIT_COST_RATIO
              ? ", or expenditure_gbp was not reported." : "."), 0);
    }
    if (ind.method() == Indicator.Method.AVOIDED_COST) {
      return new Estimate(avoided, null, null, avoided, null, methodText(ind, null), false, note, schemes);
    }
    return new Estimate(avoided / spend, null, null, avoided, spend, methodText(ind, null), false, note, schemes);
  }

  /** Sum over services with both counts of (before - after) x unit cost; null when no service has both or any is suppressed. */
  Double avoidedCost(SchemeInputs s) {
    double total = 0;
    boolean any = false;
    for (UnitCosts.UnitCost c : unitCosts.all()) {
      MeasureTotal before = s.totals().get(c.beforeMeasure());
      MeasureTotal after = s.totals().get(c.afterMeasure());
      if (before == null || after == null) {
        continue;
      }
      if (before.suppressed() || after.suppressed() || before.value() == null || after.value() == null) {
        return null;
      }
      total += (before.value() - after.value()) * c.costGbp();
      any = true;
    }
    return any ? total : null;
  }

  String methodText(Indicator ind, Double count) {
    String level = pct(options.level());
    return switch (ind.method()) {
      case WILSON -> "proportion x " + CellRef.formatNumber(ind.multiplier()) + " with " + level + " Wilson score interval";
      case BYAR -> "crude rate per " + String.format("%,d", (long) ind.multiplier())
          + (ind.perPopulation() ? " registry population" : "") + " with " + level + " confidence interval by "
          + (count == null ? "exact Poisson limits below " + PoissonCount.EXACT_BELOW + " events, Byar's method from "
          + PoissonCount.EXACT_BELOW : PoissonCount.method(count));
      case T_MEAN_CHANGE -> "mean change (follow-up minus baseline) with t interval when the SD of change is reported";
      case BEFORE_AFTER_CHANGE -> "percentage change (after / before - 1) x 100; " + level + " interval: " + CountRatio.METHOD;
      case AVOIDED_COST -> "indicative: sum of (before - after) x national unit cost over GP appointments, A&E"
          + " attendances and emergency admissions; no interval";
      case BENEFIT_COST_RATIO -> "indicative: avoided cost / expenditure_gbp for the same quarter; no interval";
    };
  }

  private static String pct(double level) {
    return CellRef.formatNumber(level * 100) + "%";
  }

  /** better / similar / worse from the interval and polarity; not_compared when that cannot be said. */
  static String compare(Indicator ind, Estimate e, Double englandValue) {
    if (e.suppressed() || e.value() == null || englandValue == null || e.lower() == null || e.upper() == null
        || ind.polarity() == Measure.Polarity.NONE) {
      return NOT_COMPARED;
    }
    if (e.lower() > englandValue) {
      return ind.polarity() == Measure.Polarity.HIGHER ? BETTER : WORSE;
    }
    if (e.upper() < englandValue) {
      return ind.polarity() == Measure.Polarity.HIGHER ? WORSE : BETTER;
    }
    return SIMILAR;
  }

  private static IndicatorRow row(String schemeId, String period, Indicator ind, Estimate e, String comparison) {
    return new IndicatorRow(schemeId, period, ind.code(), e.suppressed() ? null : e.value(),
        e.suppressed() ? null : e.lower(), e.suppressed() ? null : e.upper(), e.suppressed() ? null : e.numerator(),
        e.denominator(), e.method(), comparison, e.suppressed(), ind.label(), ind.unit(), e.note());
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  private static double weighted(double[] w, double[] v) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * v[i];
    }
    return s / sum(w);
  }
}
