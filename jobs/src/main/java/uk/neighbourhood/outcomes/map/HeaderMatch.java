package uk.neighbourhood.outcomes.map;

/**
 * A candidate measure for a header text.
 *
 * @param confidence 0 to 1; 1 is an exact synonym after normalising
 * @param percent true when the header says the column holds percentages, not counts
 */
public record HeaderMatch(String measure, double confidence, boolean percent) {

  /** "people_supported (0.91)", as shown in problems and draft profiles. */
  public String describe() {
    return measure + " (" + String.format(java.util.Locale.ROOT, "%.2f", confidence) + ")";
  }
}
