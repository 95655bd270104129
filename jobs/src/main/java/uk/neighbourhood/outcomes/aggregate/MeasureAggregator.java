package uk.neighbourhood.outcomes.aggregate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.model.Observation;

/**
 * Combines the observations of each scheme, quarter and measure (several areas, several months) into one
 * {@link MeasureTotal} by the catalogue's aggregation rule, keeping lineage and suppression: one suppressed
 * contribution makes the total unknown, because adding the rest would publish a figure that is too low.
 */
public final class MeasureAggregator implements Serializable {
  private final MeasureCatalog catalog;

  public MeasureAggregator(MeasureCatalog catalog) {
    this.catalog = catalog;
  }

  /** One total per scheme, period and measure present in the observations, in first-seen order. */
  public List<MeasureTotal> aggregate(Collection<Observation> observations) {
    Map<String, List<Observation>> groups = new LinkedHashMap<>();
    for (Observation o : observations) {
      groups.computeIfAbsent(o.schemeId() + "\u0000" + o.period() + "\u0000" + o.measure(), k -> new ArrayList<>()).add(o);
    }
    List<MeasureTotal> out = new ArrayList<>();
    for (List<Observation> group : groups.values()) {
      out.add(combine(group, observations));
    }
    return out;
  }

  private MeasureTotal combine(List<Observation> group, Collection<Observation> all) {
    Observation first = group.get(0);
    Measure m = catalog.find(first.measure()).orElse(null);
    Measure.Aggregation agg = m == null ? Measure.Aggregation.SUM : m.aggregation();
    boolean suppressed = group.stream().anyMatch(o -> o.suppressed() || o.value() == null);
    Double value = suppressed ? null : switch (agg) {
      case SUM -> Double.valueOf(group.stream().mapToDouble(Observation::value).sum());
      case MAX -> Double.valueOf(group.stream().mapToDouble(Observation::value).max().orElseThrow());
      case LAST -> group.get(group.size() - 1).value();
      case MEAN -> weightedMean(group, m.weightMeasure(), all);
    };
    return new MeasureTotal(first.schemeId(), first.period(), first.measure(), value, suppressed,
        sourceFiles(group), sourceCells(group));
  }

  /**
   * Means from several areas or months are weighted by the count that goes with each (its weight measure
   * for the same area). A single mean stands as it is; several means without their weights cannot be
   * combined honestly, so the total is unknown.
   */
  private static Double weightedMean(List<Observation> group, String weightMeasure, Collection<Observation> all) {
    if (group.size() == 1) {
      return group.get(0).value();
    }
    double sum = 0;
    double weights = 0;
    for (Observation o : group) {
      Double w = all.stream()
          .filter(x -> x.measure().equals(weightMeasure) && x.schemeId().equals(o.schemeId())
              && x.period().equals(o.period()) && Objects.equals(x.areaCode(), o.areaCode())
              && Objects.equals(x.sourceFile(), o.sourceFile()) && x.value() != null && !x.suppressed())
          .map(Observation::value).reduce(Double::sum).orElse(null);
      if (w == null) {
        return null;
      }
      sum += w * o.value();
      weights += w;
    }
    return weights > 0 ? sum / weights : null;
  }

  private static String sourceFiles(List<Observation> group) {
    LinkedHashSet<String> files = new LinkedHashSet<>();
    group.forEach(o -> {
      if (o.sourceFile() != null) {
        files.add(o.sourceFile());
      }
    });
    return files.isEmpty() ? null : String.join(";", files);
  }

  private static String sourceCells(List<Observation> group) {
    String first = group.get(0).location();
    String last = group.get(group.size() - 1).location();
    return group.size() == 1 || first.equals(last) ? first : first + ":" + last;
  }
}
