package uk.neighbourhood.outcomes.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;

class ReportFunnelsTest {
  private final ReportInputs in = ReportFixtures.inputs();
  private final ReportFunnels funnels = new ReportFunnels(new ReportFigures(in), ReportFixtures.Q2);

  private double england(String indicator) {
    return in.indicators().stream().filter(r -> r.schemeId().equals(IndicatorRow.ENGLAND)
        && r.period().equals(ReportFixtures.Q2) && r.indicator().equals(indicator)).findFirst().orElseThrow().value();
  }

  @Test
  void computedLimitsNarrowAroundEnglandAsTheDenominatorGrows() {
    for (String code : List.of("belong_neighbourhood_pct", "people_supported_per_1000")) {
      double centre = england(code);
      FunnelLine small = funnels.at(code, 500).orElseThrow();
      FunnelLine large = funnels.at(code, 500_000).orElseThrow();
      for (FunnelLine l : List.of(small, large)) {
        assertThat(l.lower998()).isLessThan(l.lower95());
        assertThat(l.lower95()).isLessThan(centre);
        assertThat(l.upper95()).isGreaterThan(centre).isLessThan(l.upper998());
      }
      assertThat(large.upper95() - large.lower95()).isLessThan((small.upper95() - small.lower95()) / 10);
    }
  }

  @Test
  void proportionLimitsFollowThePublishedScale() {
    // England publishes belonging in per cent; a 95% limit at n = 100 is about 9.5 points from 61.6%.
    FunnelLine l = funnels.at("belong_neighbourhood_pct", 100).orElseThrow();
    double p = england("belong_neighbourhood_pct") / 100;
    assertThat(l.upper95() - england("belong_neighbourhood_pct"))
        .isCloseTo(100 * 1.959964 * Math.sqrt(p * (1 - p) / 100), within(1e-6));
  }

  @Test
  void scoreChangesHaveNoFunnel() {
    assertThat(funnels.has("swemwbs_mean_change")).isFalse();
    assertThat(funnels.at("swemwbs_mean_change", 100)).isEmpty();
  }

  @Test
  void positionSaysWhichLimitAValueCrosses() {
    IndicatorRow high = new IndicatorRow("x", ReportFixtures.Q2, "belong_neighbourhood_pct", 99.0, null, null, 99.0,
        100.0, "wilson", "better", false, null, "%", null);
    IndicatorRow suppressed = new IndicatorRow("x", ReportFixtures.Q2, "belong_neighbourhood_pct", null, null, null,
        null, 100.0, "wilson", "not_compared", true, null, "%", null);
    assertThat(funnels.position(high)).isEqualTo("Above 99.8% limit");
    assertThat(funnels.position(suppressed)).isEqualTo("Not plotted");
  }
}
