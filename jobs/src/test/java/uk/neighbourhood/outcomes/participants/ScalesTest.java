package uk.neighbourhood.outcomes.participants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.Schemas;

class ScalesTest {
  static final Scales SCALES = Scales.load(Schemas.bundled());

  /** Warwick's SWEMWBS raw-to-metric conversion table, raw 7 to 35, as published. */
  static final double[] WARWICK = {7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43,
      17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55,
      35.00};

  @Test
  void everyRawTotalConvertsToWarwicksMetricScore() {
    for (int raw = 7; raw <= 35; raw++) {
      assertThat(SCALES.swemwbsMetric(raw)).as("raw " + raw).hasValue(WARWICK[raw - 7]);
    }
    assertThat(SCALES.swemwbsMetric(6)).isEmpty();
    assertThat(SCALES.swemwbsMetric(36)).isEmpty();
  }

  @Test
  void sevenItemsScoredOneToFiveWithNoneReversed() {
    assertThat(SCALES.swemwbsItems()).isEqualTo(7);
    assertThat(SCALES.swemwbsRawMin()).isEqualTo(7);
    assertThat(SCALES.swemwbsRawMax()).isEqualTo(35);
  }

  @Test
  void aMeaningfulImprovementIsThreeMetricPointsOrMore() {
    assertThat(SCALES.meaningfullyImproved(19.25, 22.35)).isTrue(); // 3.10
    assertThat(SCALES.meaningfullyImproved(20.0, 23.0)).isTrue(); // exactly 3, despite binary rounding
    assertThat(SCALES.meaningfullyImproved(19.98, 22.35)).isFalse(); // 2.37
    assertThat(SCALES.meaningfullyImproved(25.03, 21.54)).isFalse();
  }

  @Test
  void uclaTotalsOfSixOrMoreAreLonely() {
    assertThat(SCALES.uclaLonely(6)).isTrue();
    assertThat(SCALES.uclaLonely(9)).isTrue();
    assertThat(SCALES.uclaLonely(5)).isFalse();
  }
}
