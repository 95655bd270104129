package uk.neighbourhood.outcomes.aggregate;

import java.io.Serializable;

/**
 * One measure for one scheme and quarter after combining its observations (areas, months) by the
 * catalogue's aggregation rule.
 *
 * @param value null when any contributing figure was suppressed by the team or none was given
 * @param suppressed true when the team reported the figure as suppressed ({@code <5}, {@code *})
 * @param sourceCells the cells it came from, for lineage ("Return!D12" or "Sheet1!C5:Sheet1!E5")
 */
public record MeasureTotal(String schemeId, String period, String measure, Double value, boolean suppressed,
    String sourceFile, String sourceCells) implements Serializable {}
