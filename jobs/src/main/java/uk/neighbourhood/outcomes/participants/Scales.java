package uk.neighbourhood.outcomes.participants;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import uk.neighbourhood.outcomes.catalog.CatalogException;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.catalog.YamlRecords;
import uk.neighbourhood.outcomes.privacy.PrivacyRules;

/**
 * The scoring rules of the wellbeing and loneliness scales, loaded from {@code schemas/scales.yaml}.
 *
 * @param swemwbsConversion SWEMWBS raw total (7-35) to metric score, Warwick's Rasch conversion table
 * @param meaningfulImprovement the individual SWEMWBS change, in metric points, that counts as meaningful
 * @param aggregateTolerance relative difference above which an aggregate value "differs" from the participant one
 */
public record Scales(
    int swemwbsItems,
    int swemwbsItemMin,
    int swemwbsItemMax,
    Map<String, Integer> swemwbsResponses,
    Map<Integer, Double> swemwbsConversion,
    double meaningfulImprovement,
    int ons4Min,
    int ons4Max,
    List<String> ons4Questions,
    int uclaItems,
    int uclaItemMin,
    int uclaItemMax,
    int uclaLonelyAtLeast,
    Map<String, Integer> uclaResponses,
    double aggregateTolerance) implements Serializable {

  public static final String FILE = "scales.yaml";

  public static Scales load(Schemas schemas) {
    try (InputStream in = schemas.open(FILE)) {
      return load("schemas/" + FILE, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Scales load(String file, InputStream in) {
    Map<String, Object> doc = YamlRecords.document(file, in);
    Map<String, Object> sw = section(file, doc, "swemwbs");
    Map<String, Object> ons = section(file, doc, "ons4");
    Map<String, Object> ucla = section(file, doc, "ucla3");
    Map<Integer, Double> table = new TreeMap<>();
    Object conv = sw.get("conversion");
    if (!(conv instanceof Map<?, ?> m)) {
      throw new CatalogException(file + ": Cannot load the scales: swemwbs needs a 'conversion:' table.");
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      table.put(Integer.parseInt(e.getKey().toString()), ((Number) e.getValue()).doubleValue());
    }
    int items = integer(file, sw, "items");
    int min = integer(file, sw, "item_min");
    int max = integer(file, sw, "item_max");
    for (int raw = items * min; raw <= items * max; raw++) {
      if (!table.containsKey(raw)) {
        throw new CatalogException(file + ": Cannot load the scales: the SWEMWBS conversion table has no row for raw"
            + " total " + raw + ".");
      }
    }
    if (sw.get("reverse_scored") instanceof List<?> rev && !rev.isEmpty()) {
      throw new CatalogException(file + ": Cannot load the scales: SWEMWBS has no reverse-scored items.");
    }
    return new Scales(items, min, max, responses(sw), Map.copyOf(table), number(file, sw, "meaningful_improvement"),
        integer(file, ons, "min"), integer(file, ons, "max"),
        ((List<Object>) ons.getOrDefault("questions", List.of())).stream().map(String::valueOf).toList(),
        integer(file, ucla, "items"), integer(file, ucla, "item_min"), integer(file, ucla, "item_max"),
        integer(file, ucla, "lonely_at_least"), responses(ucla), number(file, doc, "aggregate_tolerance"));
  }

  /** Response words ("some of the time") to item scores, keyed by their normalised form. */
  private static Map<String, Integer> responses(Map<String, Object> section) {
    Map<String, Integer> out = new java.util.HashMap<>();
    if (section.get("responses") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(PrivacyRules.normalise(k.toString()), ((Number) v).intValue()));
    }
    return Map.copyOf(out);
  }

  /** The metric score for a raw SWEMWBS total, or empty when the total is outside 7-35. */
  public OptionalDouble swemwbsMetric(int rawTotal) {
    Double v = swemwbsConversion.get(rawTotal);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  public int swemwbsRawMin() {
    return swemwbsItems * swemwbsItemMin;
  }

  public int swemwbsRawMax() {
    return swemwbsItems * swemwbsItemMax;
  }

  public boolean uclaLonely(int total) {
    return total >= uclaLonelyAtLeast;
  }

  public boolean meaningfullyImproved(double baselineMetric, double followupMetric) {
    // the table has two decimals; compare in hundredths so 3.00 is not lost to binary rounding
    return Math.round((followupMetric - baselineMetric) * 100) >= Math.round(meaningfulImprovement * 100);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(String file, Map<String, Object> doc, String key) {
    if (!(doc.get(key) instanceof Map<?, ?> m)) {
      throw new CatalogException(file + ": Cannot load the scales: the section '" + key + ":' is missing.");
    }
    return (Map<String, Object>) m;
  }

  private static double number(String file, Map<String, Object> m, String key) {
    if (!(m.get(key) instanceof Number n)) {
      throw new CatalogException(file + ": Cannot load the scales: '" + key + "' must be a number.");
    }
    return n.doubleValue();
  }

  private static int integer(String file, Map<String, Object> m, String key) {
    return (int) number(file, m, key);
  }
}
