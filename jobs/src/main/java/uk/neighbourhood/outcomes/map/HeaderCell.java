package uk.neighbourhood.outcomes.map;

import java.util.List;

/**
 * A header (column header or row label) the detector looked at, kept for problems and draft profiles.
 *
 * @param a1 where the header text is
 * @param key how a profile refers to it: the column letter for column headers, the text for row labels
 * @param measure the measure chosen, or null when left unmapped
 * @param confidence of the chosen measure (1 when a profile chose it)
 * @param suggestions the best candidates, for an unmapped header
 */
public record HeaderCell(String a1, String key, String text, String measure, double confidence,
    boolean fromProfile, List<HeaderMatch> suggestions) {

  public boolean mapped() {
    return measure != null;
  }
}
