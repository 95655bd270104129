package uk.neighbourhood.outcomes.map;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;

/**
 * Turns the value cells of one sheet into observations: one per measure, area and quarter. Months
 * and unnamed-code area rows combine by the measure's catalogue rule (sum, max, last, or a mean
 * weighted by its weight measure); a quarter missing a month, a suppressed part or an error cell stops
 * a total being published as if it were whole.
 */
final class QuarterRollup {
  private final MeasureCatalog catalog;
  private final MappingProfile profile;
  private final ReturnContext context;
  private final List<Problem> problems;
  /** Period.label() formats a string; a big return asks for the same few labels many times. */
  private final Map<uk.neighbourhood.outcomes.model.Period, String> labels = new java.util.HashMap<>();

  /** One observation to be: a measure for an area (or the whole scheme) and a quarter. */
  private record GroupKey(String measure, String areaCode, uk.neighbourhood.outcomes.model.Period period) {}

  QuarterRollup(MeasureCatalog catalog, MappingProfile profile, ReturnContext context, List<Problem> problems) {
    this.catalog = catalog;
    this.profile = profile;
    this.context = context;
    this.problems = problems;
  }

  List<Observation> observations(String sheet, List<RawPoint> all) {
    List<RawPoint> raw = all.stream().filter(p -> !p.total()).toList();
    List<RawPoint> points = applyTransforms(sheet, raw);
    checkTotals(sheet, all.stream().filter(RawPoint::total).toList(), points);
    Map<GroupKey, List<RawPoint>> groups = new LinkedHashMap<>();
    for (RawPoint p : points) {
      groups.computeIfAbsent(new GroupKey(p.measure(), p.areaCode(), p.period().period()), k -> new ArrayList<>()).add(p);
    }
    List<Observation> out = new ArrayList<>();
    for (List<RawPoint> group : groups.values()) {
      combine(sheet, group, points).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Observation> combine(String sheet, List<RawPoint> group, List<RawPoint> all) {
    RawPoint first = group.get(0);
    Measure m = catalog.get(first.measure());
    String label = label(first.period().period());
    List<RawPoint> months = group.stream().filter(p -> p.period().isMonth()).toList();
    if (!months.isEmpty() && months.size() != group.size()
        || months.isEmpty() && group.size() > 1 && !group.stream().allMatch(RawPoint::areaRow)) {
      problems.add(Problem.error("map.duplicate_measure", "Cannot map " + m.code() + " for " + label
          + ": it is given more than once on this sheet (" + group.stream().map(RawPoint::a1).toList() + ").",
          "Give each measure once per quarter and area (remove repeated rows or columns).")
          .at(sheet, group.get(1).a1()));
      return Optional.empty();
    }
    if (!months.isEmpty()) {
      Set<YearMonth> distinct = new HashSet<>();
      for (RawPoint p : months) {
        if (!distinct.add(p.period().month())) {
          problems.add(Problem.error("map.duplicate_measure", "Cannot map " + m.code() + " for " + label
              + ": the month " + p.period().month() + " appears twice.", "Give each month once.").at(sheet, p.a1()));
          return Optional.empty();
        }
      }
      List<RawPoint> present = months.stream().filter(p -> p.value().kind() != ParsedValue.Kind.ABSENT).toList();
      if (present.isEmpty()) {
        return Optional.empty();
      }
      if (present.size() < 3) {
        Set<YearMonth> given = new TreeSet<>(present.stream().map(p -> p.period().month()).toList());
        problems.add(Problem.warning("map.incomplete_quarter", "Cannot total " + m.code() + " for "
            + first.period().period().displayName() + ": only " + given.size() + " of its 3 months have a figure ("
            + given + "); the quarter is left out rather than published short.",
            "Give a figure (0 if none) for every month of the quarter.").at(sheet, present.get(0).a1()));
        return Optional.empty();
      }
      group = present;
    }
    List<RawPoint> cells = group.stream().sorted(Comparator.comparingInt(RawPoint::row).thenComparingInt(RawPoint::col))
        .toList();
    String source = cells.size() == 1 ? cells.get(0).a1() : cells.get(0).a1() + ":" + cells.get(cells.size() - 1).a1();
    if (group.stream().anyMatch(p -> p.value().kind() == ParsedValue.Kind.ERROR)) {
      return Optional.empty();
    }
    if (group.stream().anyMatch(p -> p.value().kind() == ParsedValue.Kind.SUPPRESSED)) {
      return Optional.of(observation(m, first, null, true, sheet, source));
    }
    Double value = switch (m.aggregation()) {
      case SUM -> group.stream().mapToDouble(p -> p.value().value()).sum();
      case MAX -> group.stream().mapToDouble(p -> p.value().value()).max().orElseThrow();
      case LAST -> latest(group).value().value();
      case MEAN -> weightedMean(sheet, m, group, all);
    };
    return value == null ? Optional.empty() : Optional.of(observation(m, first, round(value), false, sheet, source));
  }

  private static RawPoint latest(List<RawPoint> group) {
    return group.stream().max(Comparator.comparing((RawPoint p) -> p.period().month() == null ? YearMonth.of(1, 1)
        : p.period().month()).thenComparingInt(RawPoint::row)).orElseThrow();
  }

  private Double weightedMean(String sheet, Measure m, List<RawPoint> group, List<RawPoint> all) {
    if (group.size() == 1) {
      return group.get(0).value().value();
    }
    double sum = 0;
    double weights = 0;
    for (RawPoint p : group) {
      Optional<RawPoint> w = all.stream().filter(q -> q.measure().equals(m.weightMeasure())
          && Objects.equals(q.areaCode(), p.areaCode()) && q.value().isNumber()
          && (p.period().isMonth() ? Objects.equals(q.period().month(), p.period().month()) : q.row() == p.row()))
          .findFirst();
      if (w.isEmpty()) {
        problems.add(Problem.error("map.mean_without_weight", "Cannot combine the means of " + m.code()
            + ": the " + m.weightMeasure() + " beside " + p.a1() + " is missing or suppressed, so the parts cannot"
            + " be weighted.", "Give " + m.weightMeasure() + " for every month or area, or give the quarter's mean.")
            .at(sheet, p.a1()));
        return null;
      }
      sum += p.value().value() * w.get().value().value();
      weights += w.get().value().value();
    }
    return weights == 0 ? null : sum / weights;
  }

  /**
   * A team's totals are never published (that would count them twice) but they are a free check: a
   * total that is not the sum of its parts means a part or the total is wrong, and the team should know.
   */
  private void checkTotals(String sheet, List<RawPoint> totals, List<RawPoint> parts) {
    for (RawPoint t : totals) {
      Measure m = catalog.get(t.measure());
      if (m.aggregation() != Measure.Aggregation.SUM || t.percent()) {
        continue;
      }
      List<RawPoint> mine = parts.stream().filter(p -> p.measure().equals(t.measure())
          && p.period().period().equals(t.period().period()) && p.value().kind() != ParsedValue.Kind.ABSENT).toList();
      if (mine.isEmpty() || mine.stream().anyMatch(p -> !p.value().isNumber())) {
        continue;
      }
      double sum = mine.stream().mapToDouble(p -> p.value().value()).sum();
      if (Math.abs(sum - t.value().value()) > 0.005) {
        problems.add(Problem.warning("map.total_mismatch", "Cannot reconcile the total for " + m.code() + ": the sheet"
            + " says " + uk.neighbourhood.outcomes.model.CellRef.formatNumber(t.value().value()) + " but its parts add up"
            + " to " + uk.neighbourhood.outcomes.model.CellRef.formatNumber(round(sum)) + "; the parts are used, the total"
            + " is not.", "Check the figures that make up this total, and the total itself.").at(sheet, t.a1()));
      }
    }
  }

  /** Percentages become counts only through a profile's scale; otherwise they are refused. */
  private List<RawPoint> applyTransforms(String sheet, List<RawPoint> raw) {
    List<RawPoint> out = new ArrayList<>();
    Set<String> refused = new HashSet<>();
    for (RawPoint p : raw) {
      Optional<MappingProfile.Transform> t = profile == null ? Optional.empty() : profile.scaleFor(p.measure());
      if (t.isEmpty() || !p.value().isNumber()) {
        if (p.percent() && p.value().kind() != ParsedValue.Kind.ABSENT) {
          if (refused.add(p.measure())) {
            problems.add(Problem.warning("map.percentage", "Cannot use the figures for " + p.measure()
                + " as counts: they are percentages.", "Give the number of people, or ask for a profile that"
                + " scales the percentage by the number of respondents.").at(sheet, p.a1()));
          }
          continue;
        }
        out.add(p);
        continue;
      }
      double v = p.value().value();
      if (t.get().scaleBy() != null) {
        double share = p.value().percent() || v <= 1 ? v : v / 100.0;
        Optional<RawPoint> base = raw.stream().filter(q -> q.measure().equals(t.get().scaleBy())
            && Objects.equals(q.areaCode(), p.areaCode()) && q.value().isNumber()
            && (q.row() == p.row() || Objects.equals(q.period(), p.period()))).findFirst();
        if (base.isEmpty()) {
          problems.add(Problem.error("map.scale_without_base", "Cannot turn the percentage for " + p.measure()
              + " into a count: no " + t.get().scaleBy() + " beside it.", "Give " + t.get().scaleBy() + " too.")
              .at(sheet, p.a1()));
          continue;
        }
        v = Math.round(share * base.get().value().value());
      }
      if (t.get().factor() != null) {
        v = v * t.get().factor();
      }
      out.add(p.withValue(v));
    }
    return out;
  }

  private String label(uk.neighbourhood.outcomes.model.Period p) {
    return labels.computeIfAbsent(p, uk.neighbourhood.outcomes.model.Period::label);
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private Observation observation(Measure m, RawPoint p, Double value, boolean suppressed, String sheet, String cell) {
    return new Observation(context.schemeId(), label(p.period().period()), p.areaCode(), m.code(), value, m.unit(),
        suppressed, context.file(), context.sha256(), sheet, cell);
  }
}
