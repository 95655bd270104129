package uk.neighbourhood.outcomes.participants;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One participant as scored. Holds no reference in the clear: {@code pseudonym} is the keyed hash of the
 * team's reference, or null when no pseudonym key is configured.
 *
 * @param row zero-based row of the sheet
 * @param swemwbsBaseline metric score (after conversion), null when absent or not scorable
 * @param ons4Baseline the four answers in {@link Scales#ons4Questions()} order, null unless all four were given
 * @param uclaTotal 3-9, null unless all three items were given
 */
public record ParticipantRow(int row, String pseudonym, LocalDate startDate, LocalDate followupDate,
    Double swemwbsBaseline, Double swemwbsFollowup, double[] ons4Baseline, double[] ons4Followup, Integer uclaTotal)
    implements Serializable {

  public boolean swemwbsPaired() {
    return swemwbsBaseline != null && swemwbsFollowup != null;
  }

  public boolean ons4Paired() {
    return ons4Baseline != null && ons4Followup != null;
  }

  /** The date that places the participant in a quarter: the follow-up, else the start. */
  public LocalDate periodDate() {
    return followupDate != null ? followupDate : startDate;
  }
}
