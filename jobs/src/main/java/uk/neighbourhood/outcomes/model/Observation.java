package uk.neighbourhood.outcomes.model;

import java.io.Serializable;

/**
 * One value of the common outcome schema, with the lineage that lets any published figure be traced
 * back to its file, sheet and cell.
 *
 * @param areaCode an ONS code for a sub-area, or null for the whole scheme
 * @param value null when the team suppressed the figure ({@code <5}, {@code *})
 * @param sourceCell A1 reference; "first:last" when summed from several cells
 */
public record Observation(
    String schemeId,
    String period,
    String areaCode,
    String measure,
    Double value,
    String unit,
    boolean suppressed,
    String sourceFile,
    String sourceSha256,
    String sourceSheet,
    String sourceCell)
    implements Serializable {

  public Observation withValue(Double newValue, String newCell) {
    return new Observation(schemeId, period, areaCode, measure, newValue, unit, suppressed,
        sourceFile, sourceSha256, sourceSheet, newCell);
  }

  public Observation withUnit(String newUnit) {
    return new Observation(schemeId, period, areaCode, measure, value, newUnit, suppressed,
        sourceFile, sourceSha256, sourceSheet, sourceCell);
  }

  public String location() {
    return (sourceSheet == null ? "" : sourceSheet + "!") + sourceCell;
  }
}
