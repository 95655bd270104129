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

  @Test
  void peerMediansEqualTheMedianOfTheOtherSchemesValuesComputedDirectly() {
    java.util.Random rnd = new java.util.Random(5);
    for (int round = 0; round < 50; round++) {
      List<uk.neighbourhood.outcomes.catalog.Scheme> schemes = new java.util.ArrayList<>();
      List<IndicatorRow> rows = new java.util.ArrayList<>();
      int n = 1 + rnd.nextInt(12);
      for (int i = 0; i < n; i++) {
        String id = "s" + i;
        String model = List.of("social_prescribing", "local_area_coordination", "community_hub").get(rnd.nextInt(3));
        schemes.add(ReportFixtures.scheme(id, "Scheme " + i, model, 10_000, 1 + rnd.nextInt(10)));
        if (rnd.nextDouble() < 0.8) {
          boolean suppressed = rnd.nextDouble() < 0.15;
          // few distinct values, so ties (and a scheme sharing its value with a peer) are common
          rows.add(new IndicatorRow(id, ReportFixtures.Q2, "trust_neighbours_pct",
              suppressed ? null : (double) rnd.nextInt(5), null, null, 1.0, 10.0, "wilson", "similar", suppressed,
              "Trust", "%", null));
        }
      }
      uk.neighbourhood.outcomes.catalog.Registry registry = new uk.neighbourhood.outcomes.catalog.Registry(schemes);
      ReportFigures f = new ReportFigures(ReportInputs.of(List.of(ReportFixtures.Q2), rows, List.of(), List.of(),
          registry, ReportFixtures.inputs().catalog()));
      for (uk.neighbourhood.outcomes.catalog.Scheme me : schemes) {
        List<Double> others = new java.util.ArrayList<>();
        for (uk.neighbourhood.outcomes.catalog.Scheme s : schemes) {
          if (!s.id().equals(me.id()) && s.model().equals(me.model())) {
            rows.stream().filter(r -> r.schemeId().equals(s.id()) && !r.suppressed() && r.value() != null)
                .forEach(r -> others.add(r.value()));
          }
        }
        others.sort(Double::compare);
        java.util.Optional<double[]> got = f.peerMedian(me.id(), ReportFixtures.Q2, "trust_neighbours_pct");
        if (others.isEmpty()) {
          assertThat(got).isEmpty();
          continue;
        }
        int k = others.size();
        double median = k % 2 == 1 ? others.get(k / 2) : (others.get(k / 2 - 1) + others.get(k / 2)) / 2;
        assertThat(got).as("round %d scheme %s", round, me.id()).isPresent();
        assertThat(got.get()).containsExactly(median, k);
      }
    }
  }
}
