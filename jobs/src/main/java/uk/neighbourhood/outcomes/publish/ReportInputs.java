package uk.neighbourhood.outcomes.publish;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.ReturnRecord;

/**
 * Everything the Excel reports read, as plain values (no Spark): the job collects its small, already
 * aggregated tables to the driver and hands them over here.
 *
 * @param periods every published period, in any order (the reports sort them)
 * @param indicators indicator rows for all published periods, including the {@code ENGLAND} rows
 * @param funnel control limits for the period being written; empty means "compute plain limits"
 * @param dueDates period label to the date by which a return is on time; absent periods use the
 *     quarter's end plus {@link ReportText#dueDays()}
 * @param revisions published figures of earlier quarters that later returns changed
 */
public record ReportInputs(
    List<String> periods,
    List<IndicatorRow> indicators,
    List<ReturnRecord> returns,
    List<Observation> observations,
    Registry registry,
    MeasureCatalog catalog,
    List<FunnelLine> funnel,
    ReportText text,
    Map<String, LocalDate> dueDates,
    List<Revision> revisions) implements java.io.Serializable {

  public ReportInputs {
    periods = periods.stream().distinct().sorted((a, b) -> Period.parse(a).compareTo(Period.parse(b))).toList();
    indicators = List.copyOf(indicators);
    returns = List.copyOf(returns);
    observations = List.copyOf(observations);
    funnel = List.copyOf(funnel);
    dueDates = Map.copyOf(dueDates);
    revisions = List.copyOf(revisions);
  }

  public static ReportInputs of(List<String> periods, List<IndicatorRow> indicators, List<ReturnRecord> returns,
      List<Observation> observations, Registry registry, MeasureCatalog catalog) {
    return new ReportInputs(periods, indicators, returns, observations, registry, catalog, List.of(),
        ReportText.defaults(), Map.of(), List.of());
  }

  public ReportInputs withFunnel(List<FunnelLine> lines) {
    return new ReportInputs(periods, indicators, returns, observations, registry, catalog, lines, text, dueDates, revisions);
  }

  public ReportInputs withText(ReportText newText) {
    return new ReportInputs(periods, indicators, returns, observations, registry, catalog, funnel, newText, dueDates, revisions);
  }

  public ReportInputs withDueDates(Map<String, LocalDate> dates) {
    return new ReportInputs(periods, indicators, returns, observations, registry, catalog, funnel, text, dates, revisions);
  }

  /** The same inputs with other observations: a feedback task holds only its own scheme's. */
  public ReportInputs withObservations(List<Observation> list) {
    return new ReportInputs(periods, indicators, returns, list, registry, catalog, funnel, text, dueDates, revisions);
  }

  public ReportInputs withRevisions(List<Revision> list) {
    return new ReportInputs(periods, indicators, returns, observations, registry, catalog, funnel, text, dueDates, list);
  }

  public LocalDate dueDate(String period) {
    LocalDate d = dueDates.get(period);
    return d != null ? d : Period.parse(period).end().plusDays(text.dueDays());
  }
}
