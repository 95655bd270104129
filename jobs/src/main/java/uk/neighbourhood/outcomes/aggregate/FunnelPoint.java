package uk.neighbourhood.outcomes.aggregate;

import java.io.Serializable;

/** One scheme on a funnel plot: its indicator against its denominator, with its z-score against England. */
public record FunnelPoint(String schemeId, String indicator, double denominator, double value, double zScore,
    boolean inside95, boolean inside998) implements Serializable {}
