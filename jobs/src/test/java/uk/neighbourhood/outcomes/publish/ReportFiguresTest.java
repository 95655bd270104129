package uk.neighbourhood.outcomes.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;

class ReportFiguresTest {
  private static IndicatorRow pct(double value) {
    return new IndicatorRow("ENGLAND", ReportFixtures.Q2, "trust_neighbours_pct", value, null, null, 40.0, 100.0,
        "wilson", "not_compared", false, "Trust neighbours", "%", null);
  }

  private static ReportFigures figures(IndicatorRow... rows) {
    ReportInputs base = ReportFixtures.inputs();
    return new ReportFigures(ReportInputs.of(base.periods(), List.of(rows), List.of(), List.of(), base.registry(),
        base.catalog()));
  }

  @Test
  void aPercentagePublishedAsAProportionUsesExcelsPercentFormat() {
    assertThat(figures(pct(0.4)).format("trust_neighbours_pct")).isEqualTo("0.0%");
    assertThat(figures(pct(40.0)).format("trust_neighbours_pct")).isEqualTo("#,##0.0");
  }

  @Test
  void peersAreTheOtherSchemesOfTheSameModel() {
    ReportInputs in = ReportFixtures.inputs();
    ReportFigures f = new ReportFigures(in);
    double sandy = in.indicators().stream().filter(r -> r.schemeId().equals("sandy-brook-sp")
        && r.period().equals(ReportFixtures.Q2) && r.indicator().equals("belong_neighbourhood_pct")).findFirst()
        .orElseThrow().value();
    double[] peers = f.peerMedian("riverside-sp", ReportFixtures.Q2, "belong_neighbourhood_pct").orElseThrow();
    assertThat(peers).containsExactly(sandy, 1.0);
    assertThat(f.peerMedian("hollins-lac", ReportFixtures.Q2, "belong_neighbourhood_pct")).isEmpty();
  }
}
