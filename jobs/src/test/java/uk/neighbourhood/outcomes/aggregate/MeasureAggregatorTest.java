package uk.neighbourhood.outcomes.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.model.Observation;

class MeasureAggregatorTest {
  private static MeasureAggregator aggregator;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("..", "schemas", "measures.yaml"))) {
      aggregator = new MeasureAggregator(MeasureCatalog.load("measures.yaml", in));
    }
  }

  private static Observation obs(String area, String measure, Double value, boolean suppressed, String cell) {
    return new Observation("riverside-sp", "2025-26Q1", area, measure, value, "people", suppressed,
        "q1.xlsx", "abc", "Return", cell);
  }

  private static MeasureTotal only(List<MeasureTotal> totals, String measure) {
    return totals.stream().filter(t -> t.measure().equals(measure)).findFirst().orElseThrow();
  }

  @Test
  void countsFromSeveralAreasAreSummedWithTheirFirstAndLastCell() {
    List<MeasureTotal> t = aggregator.aggregate(List.of(
        obs("E01000101", "people_supported", 40.0, false, "C5"),
        obs("E01000102", "people_supported", 25.0, false, "C6"),
        obs("E01000103", "people_supported", 10.0, false, "C7")));
    MeasureTotal total = only(t, "people_supported");
    assertThat(total.value()).isEqualTo(75.0);
    assertThat(total.suppressed()).isFalse();
    assertThat(total.sourceFile()).isEqualTo("q1.xlsx");
    assertThat(total.sourceCells()).isEqualTo("Return!C5:Return!C7");
  }

  @Test
  void oneSuppressedContributionMakesTheTotalUnknown() {
    List<MeasureTotal> t = aggregator.aggregate(List.of(
        obs("E01000101", "people_supported", 40.0, false, "C5"),
        obs("E01000102", "people_supported", null, true, "C6")));
    MeasureTotal total = only(t, "people_supported");
    assertThat(total.value()).isNull();
    assertThat(total.suppressed()).isTrue();
  }

  @Test
  void meansAreWeightedByTheirCountsAndMaximaTakeTheLargest() {
    List<MeasureTotal> t = aggregator.aggregate(List.of(
        obs("E01000101", "swemwbs_paired_n", 30.0, false, "D5"),
        obs("E01000101", "swemwbs_baseline_mean", 20.0, false, "E5"),
        obs("E01000102", "swemwbs_paired_n", 10.0, false, "D6"),
        obs("E01000102", "swemwbs_baseline_mean", 24.0, false, "E6"),
        obs("E01000101", "volunteers_active", 12.0, false, "F5"),
        obs("E01000102", "volunteers_active", 15.0, false, "F6")));
    assertThat(only(t, "swemwbs_baseline_mean").value()).isEqualTo((30 * 20.0 + 10 * 24.0) / 40);
    assertThat(only(t, "swemwbs_paired_n").value()).isEqualTo(40.0);
    assertThat(only(t, "volunteers_active").value()).isEqualTo(15.0);
  }

  @Test
  void severalMeansWithoutWeightsAreNotCombined() {
    List<MeasureTotal> t = aggregator.aggregate(List.of(
        obs("E01000101", "swemwbs_baseline_mean", 20.0, false, "E5"),
        obs("E01000102", "swemwbs_baseline_mean", 24.0, false, "E6")));
    assertThat(only(t, "swemwbs_baseline_mean").value()).isNull();
    assertThat(only(t, "swemwbs_baseline_mean").suppressed()).isFalse();
  }

  @Test
  void lastTakesTheLastReportedFigure() {
    List<MeasureTotal> t = aggregator.aggregate(List.of(
        obs(null, "swemwbs_change_sd", 4.0, false, "G5"),
        obs(null, "swemwbs_change_sd", 4.5, false, "G9")));
    assertThat(only(t, "swemwbs_change_sd").value()).isEqualTo(4.5);
  }
}
