package uk.neighbourhood.outcomes.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IndicatorCatalogTest {
  private static final Path SCHEMAS = Path.of("..", "schemas");

  private static MeasureCatalog measures() throws Exception {
    try (InputStream in = Files.newInputStream(SCHEMAS.resolve("measures.yaml"))) {
      return MeasureCatalog.load("measures.yaml", in);
    }
  }

  private static IndicatorCatalog parse(String yaml) throws Exception {
    return IndicatorCatalog.load("indicators.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), measures());
  }

  @Test
  void shippedCatalogueHoldsEveryContractIndicatorWithItsMethod() throws Exception {
    IndicatorCatalog c;
    try (InputStream in = Files.newInputStream(SCHEMAS.resolve("indicators.yaml"))) {
      c = IndicatorCatalog.load("indicators.yaml", in, measures());
    }
    assertThat(c.core()).extracting(Indicator::code).containsExactlyInAnyOrderElementsOf(IndicatorCatalog.CONTRACT_CODES);
    assertThat(c.get("people_supported_per_1000").perPopulation()).isTrue();
    assertThat(c.get("people_supported_per_1000").multiplier()).isEqualTo(1000);
    assertThat(c.get("lonely_often_always_pct").polarity()).isEqualTo(Measure.Polarity.LOWER);
    assertThat(c.get("swemwbs_mean_change").sdMeasure()).isEqualTo("swemwbs_change_sd");
    assertThat(c.get("gp_appointments_change_pct").method()).isEqualTo(Indicator.Method.BEFORE_AFTER_CHANGE);
    assertThat(c.all()).extracting(Indicator::code).contains("chat_neighbours_monthly_pct", "formal_volunteering_pct",
        "civic_participation_pct", "swemwbs_meaningful_improvement_pct", "emergency_admissions_change_pct",
        "new_referrals_per_1000", "avoided_cost_gbp", "benefit_cost_ratio");
  }

  @Test
  void bundledCataloguesLoadFromTheClasspath() {
    assertThat(IndicatorCatalog.bundled().all()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(UnitCosts.bundled().all()).extracting(UnitCosts.UnitCost::code)
        .containsExactly("gp_appointment", "ae_attendance", "emergency_admission");
    assertThat(UnitCosts.bundled().all()).allSatisfy(c -> assertThat(c.priceYear()).isNotBlank());
    assertThat(uk.neighbourhood.outcomes.aggregate.DisclosureControl.bundled().rule().roundTo()).isEqualTo(5);
  }

  @Test
  void unitCostNamingAnUnknownMeasureIsReportedWithItsLine() throws Exception {
    String yaml = "unit_costs:\n  - code: gp\n    label: GP\n    before_measure: gp_before\n    after_measure: gp_appointments_after\n"
        + "    cost_gbp: 44\n    source: s\n    edition: e\n    price_year: p\n    confidence: low\n";
    assertThatThrownBy(() -> UnitCosts.load("unit-costs.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), measures()))
        .hasMessageStartingWith("unit-costs.yaml line 2: Cannot load unit cost 'gp': its before_measure 'gp_before'");
  }

  @Test
  void unknownMeasureIsReportedWithItsLine() {
    String yaml = "indicators:\n"
        + "  - code: x_pct\n    label: X\n    numerator: no_such_measure\n    denominator: survey_respondents\n"
        + "    method: wilson\n    multiplier: 100\n    unit: percent\n    definition: d\n";
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("indicators.yaml line 2: Cannot load indicator 'x_pct': its numerator 'no_such_measure'");
  }

  @Test
  void unknownMethodIsReportedWithTheChoices() {
    String yaml = "indicators:\n"
        + "  - code: x_pct\n    label: X\n    numerator: trust_neighbours\n    denominator: survey_respondents\n"
        + "    method: wald\n    multiplier: 100\n    unit: percent\n    definition: d\n";
    assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("line 2")
        .hasMessageContaining("method 'wald' is not one of [wilson, byar");
  }

  @Test
  void populationDenominatorOnlyForRates() {
    String yaml = "indicators:\n"
        + "  - code: x_pct\n    label: X\n    numerator: trust_neighbours\n    denominator: population\n"
        + "    method: wilson\n    multiplier: 100\n    unit: percent\n    definition: d\n";
    assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("line 2").hasMessageContaining("denominator 'population'");
  }

  @Test
  void missingContractIndicatorIsRefused() {
    String yaml = "indicators:\n"
        + "  - code: trust_neighbours_pct\n    label: X\n    numerator: trust_neighbours\n    denominator: survey_respondents\n"
        + "    method: wilson\n    multiplier: 100\n    unit: percent\n    definition: d\n";
    assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("the contract's core indicator");
  }
}
