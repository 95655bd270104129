package uk.neighbourhood.outcomes.participants;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import uk.neighbourhood.outcomes.model.CellRef;

/**
 * The wellbeing measures of the common outcome schema, aggregated from scored participants: SWEMWBS paired
 * n, baseline and follow-up means of the metric score, meaningful improvements and the SD of individual
 * change (so the indicator engine can give the mean change a t interval); ONS4 paired n and follow-up
 * means; UCLA respondents and those scoring as lonely. A measure without data is left out, not zero.
 */
public final class WellbeingFigures {

  /**
   * One aggregated value with its lineage.
   *
   * @param sourceCell "first:last": the top-left and bottom-right cells of the block of cells used
   */
  public record Figure(String measure, double value, String sourceCell) {}

  private final Scales scales;

  public WellbeingFigures(Scales scales) {
    this.scales = scales;
  }

  public List<Figure> figures(List<ParticipantRow> rows, ParticipantColumns cols) {
    List<Figure> out = new ArrayList<>();
    List<ParticipantRow> sw = rows.stream().filter(ParticipantRow::swemwbsPaired).toList();
    if (!sw.isEmpty()) {
      String cells = range(sw, cols.span("swemwbs"));
      out.add(new Figure("swemwbs_paired_n", sw.size(), cells));
      out.add(new Figure("swemwbs_baseline_mean", mean(sw, ParticipantRow::swemwbsBaseline), cells));
      out.add(new Figure("swemwbs_followup_mean", mean(sw, ParticipantRow::swemwbsFollowup), cells));
      out.add(new Figure("swemwbs_meaningful_improvement",
          count(sw, p -> scales.meaningfullyImproved(p.swemwbsBaseline(), p.swemwbsFollowup())), cells));
      swemwbsChange(rows).ifPresent(c -> out.add(new Figure("swemwbs_change_sd", c.sd(), cells)));
    }
    List<ParticipantRow> ons = rows.stream().filter(ParticipantRow::ons4Paired).toList();
    if (!ons.isEmpty()) {
      String cells = range(ons, cols.span("ons4"));
      out.add(new Figure("ons4_paired_n", ons.size(), cells));
      for (int q = 0; q < scales.ons4Questions().size(); q++) {
        int i = q;
        double m = ons.stream().mapToDouble(p -> p.ons4Followup()[i]).average().orElseThrow();
        out.add(new Figure("ons4_" + scales.ons4Questions().get(q) + "_mean", m, cells));
      }
    }
    List<ParticipantRow> ucla = rows.stream().filter(p -> p.uclaTotal() != null).toList();
    if (!ucla.isEmpty()) {
      String cells = range(ucla, cols.span("ucla"));
      out.add(new Figure("ucla_respondents", ucla.size(), cells));
      out.add(new Figure("ucla_lonely", count(ucla, p -> scales.uclaLonely(p.uclaTotal())), cells));
    }
    return out;
  }

  /** The paired SWEMWBS change (follow-up minus baseline, metric points) with its 95% t interval; needs 2 pairs. */
  public Optional<PairedChange> swemwbsChange(List<ParticipantRow> rows) {
    List<ParticipantRow> sw = rows.stream().filter(ParticipantRow::swemwbsPaired).toList();
    if (sw.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(PairedChange.of(sw.stream().mapToDouble(ParticipantRow::swemwbsBaseline).toArray(),
        sw.stream().mapToDouble(ParticipantRow::swemwbsFollowup).toArray(), 0.95));
  }

  private static double mean(List<ParticipantRow> rows, java.util.function.ToDoubleFunction<ParticipantRow> f) {
    return rows.stream().mapToDouble(f).average().orElseThrow();
  }

  private static double count(List<ParticipantRow> rows, Predicate<ParticipantRow> p) {
    return rows.stream().filter(p).count();
  }

  private static String range(List<ParticipantRow> rows, int[] span) {
    int first = rows.stream().mapToInt(ParticipantRow::row).min().orElseThrow();
    int last = rows.stream().mapToInt(ParticipantRow::row).max().orElseThrow();
    return CellRef.a1(first, span[0]) + ":" + CellRef.a1(last, span[1]);
  }
}
