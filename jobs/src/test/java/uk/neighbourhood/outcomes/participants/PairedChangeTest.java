package uk.neighbourhood.outcomes.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedChangeTest {

  /**
   * Student's (1908) sleep data, Cushny and Peebles: extra hours of sleep for ten patients on two drugs.
   * R, {@code t.test(extra[group == 1], extra[group == 2], paired = TRUE)}: mean of the differences -1.58,
   * 95% CI -2.4598858 to -0.7001142, t = -4.0621, df = 9. We take drug 2 minus drug 1, so the signs flip.
   */
  @Test
  void reproducesThePublishedPairedTExampleOnStudentsSleepData() {
    double[] drug1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    double[] drug2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
    PairedChange c = PairedChange.of(drug1, drug2, 0.95);
    assertThat(c.n()).isEqualTo(10);
    assertThat(c.mean()).isCloseTo(1.58, within(0.005));
    assertThat(c.lower()).isCloseTo(0.700, within(0.0005));
    assertThat(c.upper()).isCloseTo(2.46, within(0.005));
    // t = mean / (sd / sqrt(n)) = 4.0621
    assertThat(c.mean() / (c.sd() / Math.sqrt(10))).isCloseTo(4.06, within(0.005));
  }

  @Test
  void theHandWorkedSwemwbsChangesGiveTheirMeanAndSd() {
    PairedChange c = PairedChange.ofDifferences(new double[] {2.29, 4.66, 2.00}, 0.95);
    assertThat(c.mean()).isCloseTo(2.98333, within(0.00001));
    assertThat(c.sd()).isCloseTo(1.45926, within(0.00001));
    // t(0.975, 2) = 4.302653: half-width 4.302653 * 1.45926 / sqrt(3) = 3.62500
    assertThat(c.upper() - c.mean()).isCloseTo(3.625, within(0.0005));
  }

  @Test
  void oneParticipantHasNoInterval() {
    assertThatThrownBy(() -> PairedChange.ofDifferences(new double[] {3.0}, 0.95))
        .hasMessageContaining("at least 2 pairs");
  }
}
