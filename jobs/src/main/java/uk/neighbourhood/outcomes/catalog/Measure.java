package uk.neighbourhood.outcomes.catalog;

import java.io.Serializable;
import java.util.List;

/** One measure of the common outcome schema, as declared in {@code schemas/measures.yaml}. */
public record Measure(
    String code,
    String label,
    String domain,
    String unit,
    boolean integer,
    double min,
    double max,
    Aggregation aggregation,
    String weightMeasure,
    String denominator,
    Polarity good,
    boolean core,
    List<String> synonyms)
    implements Serializable {

  /** How values for one scheme and quarter combine across areas or months. */
  public enum Aggregation {
    SUM,
    MEAN,
    MAX,
    LAST
  }

  /** Which direction is an improvement. */
  public enum Polarity {
    HIGHER,
    LOWER,
    NONE
  }

  public boolean isSurveyCount() {
    return denominator != null;
  }

  public boolean additive() {
    return aggregation == Aggregation.SUM;
  }
}
