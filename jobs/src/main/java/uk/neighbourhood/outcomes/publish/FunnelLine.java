package uk.neighbourhood.outcomes.publish;

/**
 * One point of the control limits of a funnel plot, at one denominator, for the period being reported.
 * The aggregate stage supplies these when it has them (with over-dispersion); otherwise the reports
 * compute plain limits around the England value.
 */
public record FunnelLine(
    String indicator, double denominator, double lower95, double upper95, double lower998, double upper998)
    implements java.io.Serializable {}
