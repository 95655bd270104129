package uk.neighbourhood.outcomes.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.aggregate.MeasureTotal;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Observation;

class MeasureTotalsTest {

  @Test
  void totalsDoNotDependOnTheOrderTheShuffleDeliversObservationsIn() {
    // decimals whose floating-point sum changes with the order of addition, as hours per area do
    List<Observation> observations = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 60; i++) {
      double hours = Math.round(random.nextDouble() * 10_000) / 10.0;
      observations.add(new Observation("kestrel-hub", "2025-26Q1", "E0100" + (1000 + i), "volunteer_hours", hours,
          "hours", false, "kestrel-hub/q1.xlsx", "sha", "Areas", "C" + (i + 2)));
    }
    Schemas schemas = Schemas.bundled();
    List<MeasureTotal> first = MeasureTotals.of(observations, schemas);
    assertThat(first).isNotEmpty();
    boolean orderMattersToPlainSums = false;
    for (int k = 0; k < 20; k++) {
      List<Observation> shuffled = new ArrayList<>(observations);
      Collections.shuffle(shuffled, random);
      double plain = shuffled.stream().mapToDouble(Observation::value).reduce(0, Double::sum);
      orderMattersToPlainSums |= plain != observations.stream().mapToDouble(Observation::value).reduce(0, Double::sum);
      assertThat(MeasureTotals.of(shuffled, schemas)).isEqualTo(first);
    }
    // the test means something only if the shuffles would have changed a naive sum
    assertThat(orderMattersToPlainSums).isTrue();
  }
}
