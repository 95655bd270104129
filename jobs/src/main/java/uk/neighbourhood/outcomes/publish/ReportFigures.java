package uk.neighbourhood.outcomes.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.catalog.Scheme;
import uk.neighbourhood.outcomes.model.Period;

/** The look-ups every report makes over the indicator rows: by scheme, period and indicator. */
final class ReportFigures {
  /** The contract's core indicators, in the order the reports show them; others follow by code. */
  static final List<String> CORE = List.of("people_supported_per_1000", "volunteer_hours_per_1000",
      "belong_neighbourhood_pct", "trust_neighbours_pct", "lonely_often_always_pct", "swemwbs_mean_change",
      "gp_appointments_change_pct", "ae_attendances_change_pct");

  private final ReportInputs in;
  private final Map<String, IndicatorRow> byKey = new HashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> units = new HashMap<>();
  private final Map<String, Boolean> proportionScale = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, List<String>> indicatorsOf = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, double[]> peerValues = new java.util.concurrent.ConcurrentHashMap<>();

  /** The figures last built, shared while the inputs they read are the same objects (see {@link #of}). */
  private static ReportFigures last;

  /**
   * The figures of {@code in}. A run writes hundreds of feedback workbooks from one set of indicator rows,
   * each with other observations; the look-ups read only the indicators, registry and funnel, so while
   * those are the very same objects the figures built for the previous workbook are reused.
   */
  static synchronized ReportFigures of(ReportInputs in) {
    ReportFigures f = last;
    if (f == null || f.in.indicators() != in.indicators() || f.in.registry() != in.registry()
        || f.in.funnel() != in.funnel()) {
      f = new ReportFigures(in);
      last = f;
    }
    return f;
  }

  ReportFigures(ReportInputs in) {
    this.in = in;
    for (IndicatorRow r : in.indicators()) {
      byKey.put(key(r.schemeId(), r.period(), r.indicator()), r);
      if (r.label() != null && !r.label().isBlank()) {
        labels.putIfAbsent(r.indicator(), r.label());
      }
      if (r.unit() != null && !r.unit().isBlank()) {
        units.putIfAbsent(r.indicator(), r.unit());
      }
    }
  }

  private static String key(String scheme, String period, String indicator) {
    return scheme + "\u0000" + period + "\u0000" + indicator;
  }

  /** The inputs the figures were built from: use for indicators, registry and funnel only (see {@link #of}). */
  ReportInputs inputs() {
    return in;
  }

  /** Indicators published for the period (or for any period when none match), core first. */
  List<String> indicators(String period) {
    return indicatorsOf.computeIfAbsent(period, this::indicatorsIn);
  }

  private List<String> indicatorsIn(String period) {
    Set<String> codes = new LinkedHashSet<>();
    for (IndicatorRow r : in.indicators()) {
      if (r.period().equals(period)) {
        codes.add(r.indicator());
      }
    }
    List<String> out = new ArrayList<>(codes);
    out.sort(Comparator.comparingInt((String c) -> CORE.contains(c) ? CORE.indexOf(c) : CORE.size())
        .thenComparing(c -> c));
    return List.copyOf(out);
  }

  Optional<IndicatorRow> find(String scheme, String period, String indicator) {
    return Optional.ofNullable(byKey.get(key(scheme, period, indicator)));
  }

  Optional<IndicatorRow> england(String period, String indicator) {
    return find(IndicatorRow.ENGLAND, period, indicator);
  }

  String label(String indicator) {
    return labels.getOrDefault(indicator, indicator);
  }

  String unit(String indicator) {
    return units.getOrDefault(indicator, "");
  }

  /**
   * Number format by the kind of indicator: rates and percentages to one decimal, score changes to two.
   * A percentage published as a proportion (value equal to numerator / denominator) gets Excel's
   * percent format, so it reads as 61.6% either way.
   */
  String format(String indicator) {
    if (indicator.startsWith("swemwbs")) {
      return "0.00";
    }
    if (indicator.endsWith("_pct") && publishedAsProportion(indicator)) {
      return "0.0%";
    }
    return "#,##0.0";
  }

  private boolean publishedAsProportion(String indicator) {
    return proportionScale.computeIfAbsent(indicator, code -> in.indicators().stream()
        .filter(r -> r.indicator().equals(code) && r.value() != null && r.numerator() != null
            && r.denominator() != null && r.denominator() > 0 && r.numerator() > 0)
        .findFirst()
        .map(r -> Math.abs(r.value() / (r.numerator() / r.denominator()) - 1) < 0.01)
        .orElse(false));
  }

  static String comparisonLabel(IndicatorRow r) {
    if (r == null || r.suppressed() || r.comparison() == null) {
      return "Not compared";
    }
    return switch (r.comparison()) {
      case "better" -> "Better";
      case "worse" -> "Worse";
      case "similar" -> "Similar";
      default -> "Not compared";
    };
  }

  /** Registered schemes in name order, then any scheme that published figures but is not registered. */
  List<Scheme> schemes() {
    List<Scheme> out = new ArrayList<>(in.registry().all());
    out.sort(Comparator.comparing(s -> s.name() == null ? s.id() : s.name(), String.CASE_INSENSITIVE_ORDER));
    Set<String> known = new java.util.HashSet<>();
    out.forEach(s -> known.add(s.id()));
    Set<String> extra = new java.util.TreeSet<>();
    for (IndicatorRow r : in.indicators()) {
      if (!IndicatorRow.ENGLAND.equals(r.schemeId()) && !known.contains(r.schemeId())) {
        extra.add(r.schemeId());
      }
    }
    for (String id : extra) {
      out.add(new Scheme(id, id, "unknown", 0, null, null, null, List.of(), null, null));
    }
    return out;
  }

  String schemeName(String id) {
    if (IndicatorRow.ENGLAND.equals(id)) {
      return "England";
    }
    return in.registry().find(id).map(Scheme::name).orElse(id);
  }

  /** The scheme's model from the registry, or "unknown". */
  String model(String id) {
    return in.registry().find(id).map(Scheme::model).orElse("unknown");
  }

  /** Median of the published values of the other schemes with the same model; empty when none. */
  Optional<double[]> peerMedian(String schemeId, String period, String indicator) {
    String model = model(schemeId);
    // every feedback workbook asks this for every indicator: the model's values are sorted once, and the
    // scheme's own value is then left out by position
    double[] all = peerValues.computeIfAbsent(model + "\u0000" + period + "\u0000" + indicator, k -> {
      List<Double> values = new ArrayList<>();
      for (Scheme s : in.registry().all()) {
        if (model.equals(s.model())) {
          published(s.id(), period, indicator).ifPresent(values::add);
        }
      }
      return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    });
    int skip = -1;
    if (in.registry().find(schemeId).map(s -> model.equals(s.model())).orElse(false)) {
      Double own = published(schemeId, period, indicator).orElse(null);
      if (own != null) {
        skip = java.util.Arrays.binarySearch(all, own);
      }
    }
    int n = skip >= 0 ? all.length - 1 : all.length;
    if (n == 0) {
      return Optional.empty();
    }
    double median = n % 2 == 1 ? without(all, skip, n / 2)
        : (without(all, skip, n / 2 - 1) + without(all, skip, n / 2)) / 2;
    return Optional.of(new double[] {median, n});
  }

  private Optional<Double> published(String scheme, String period, String indicator) {
    return find(scheme, period, indicator).filter(r -> !r.suppressed() && r.value() != null).map(IndicatorRow::value);
  }

  /** The k-th of {@code sorted} once the element at {@code skip} (if any) is taken out. */
  private static double without(double[] sorted, int skip, int k) {
    return skip >= 0 && k >= skip ? sorted[k + 1] : sorted[k];
  }

  static String displayPeriod(String period) {
    return Period.tryParse(period).map(Period::displayName).orElse(period);
  }

  static String modelName(String model) {
    if (model == null) {
      return "";
    }
    String s = model.replace('_', ' ');
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
