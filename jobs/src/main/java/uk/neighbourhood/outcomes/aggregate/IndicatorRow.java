package uk.neighbourhood.outcomes.aggregate;

import java.io.Serializable;

/**
 * One row of the published {@code indicators} table: the contract's columns, then extras.
 *
 * @param comparison better | similar | worse | not_compared
 * @param suppressed when true, value, numerator and intervals are null
 */
public record IndicatorRow(
    String schemeId,
    String period,
    String indicator,
    Double value,
    Double lowerCi,
    Double upperCi,
    Double numerator,
    Double denominator,
    String method,
    String comparison,
    boolean suppressed,
    String label,
    String unit,
    String note)
    implements Serializable {

  public static final String ENGLAND = "ENGLAND";
}
