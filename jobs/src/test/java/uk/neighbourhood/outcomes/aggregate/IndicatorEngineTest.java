package uk.neighbourhood.outcomes.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.neighbourhood.outcomes.aggregate.Fixtures.PERIOD;
import static uk.neighbourhood.outcomes.aggregate.Fixtures.totals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.Indicator;
import uk.neighbourhood.outcomes.catalog.IndicatorCatalog;
import uk.neighbourhood.outcomes.catalog.Registry;

class IndicatorEngineTest {
  private static final IndicatorCatalog INDICATORS = Fixtures.indicators();
  private static final Registry REGISTRY = Fixtures.registry();
  private final IndicatorEngine engine = new IndicatorEngine(INDICATORS, Fixtures.unitCosts());

  private static IndicatorRow find(List<IndicatorRow> rows, String scheme, String indicator) {
    return rows.stream().filter(r -> r.schemeId().equals(scheme) && r.indicator().equals(indicator)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + scheme + " " + indicator));
  }

  private static List<MeasureTotal> threeSchemes() {
    List<MeasureTotal> t = new ArrayList<>();
    t.addAll(totals("riverside-sp", "people_supported", 412, "survey_respondents", 400, "belong_neighbourhood", 320,
        "lonely_often_always", 320, "gp_appointments_before", 300, "gp_appointments_after", 240,
        "ae_attendances_before", 40, "ae_attendances_after", 30, "expenditure_gbp", 60000,
        "swemwbs_paired_n", 50, "swemwbs_baseline_mean", 19.5, "swemwbs_followup_mean", 22.0, "swemwbs_change_sd", 4.0));
    t.addAll(totals("hollins-lac", "people_supported", 96, "survey_respondents", 400, "belong_neighbourhood", 80,
        "lonely_often_always", 80, "gp_appointments_before", 120, "gp_appointments_after", 118,
        "swemwbs_paired_n", 30, "swemwbs_baseline_mean", 20.0, "swemwbs_followup_mean", 21.0, "swemwbs_change_sd", 5.0));
    t.addAll(totals("ashdown-lac", "people_supported", 7, "survey_respondents", 2000, "belong_neighbourhood", 1000,
        "lonely_often_always", 1000, "swemwbs_paired_n", 20, "swemwbs_baseline_mean", 18.0, "swemwbs_followup_mean", 20.0));
    return t;
  }

  @Test
  void englandEqualsTheSumOfItsPartsForAdditiveIndicators() {
    List<IndicatorRow> rows = engine.compute(PERIOD, threeSchemes(), REGISTRY);
    for (Indicator ind : INDICATORS.all()) {
      if (!ind.additive()) {
        continue;
      }
      List<IndicatorRow> parts = rows.stream().filter(r -> r.indicator().equals(ind.code())
          && !r.schemeId().equals(IndicatorRow.ENGLAND) && r.numerator() != null && r.denominator() != null).toList();
      if (parts.isEmpty()) {
        continue;
      }
      IndicatorRow england = find(rows, IndicatorRow.ENGLAND, ind.code());
      assertThat(england.numerator()).as(ind.code()).isEqualTo(parts.stream().mapToDouble(IndicatorRow::numerator).sum());
      assertThat(england.denominator()).as(ind.code()).isEqualTo(parts.stream().mapToDouble(IndicatorRow::denominator).sum());
    }
  }

  @Test
  void ratesPerThousandDivideByTheRegistryPopulationOfSchemesThatReported() {
    List<IndicatorRow> rows = engine.compute(PERIOD, threeSchemes(), REGISTRY);
    IndicatorRow riverside = find(rows, "riverside-sp", "people_supported_per_1000");
    assertThat(riverside.denominator()).isEqualTo(48200.0);
    assertThat(riverside.value()).isCloseTo(412 / 48200.0 * 1000, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(riverside.method()).contains("Byar's method");
    IndicatorRow ashdown = find(rows, "ashdown-lac", "people_supported_per_1000");
    assertThat(ashdown.method()).contains("exact Poisson");
    assertThat(ashdown.lowerCi()).isLessThan(ashdown.value()).isGreaterThanOrEqualTo(0.0);
    IndicatorRow england = find(rows, IndicatorRow.ENGLAND, "people_supported_per_1000");
    assertThat(england.denominator()).isEqualTo(48200.0 + 12600 + 15900);
    // volunteer hours were reported by nobody: no rows at all
    assertThat(rows).noneMatch(r -> r.indicator().equals("volunteer_hours_per_1000"));
  }

  @Test
  void benchmarkFollowsTheIntervalAndThePolarity() {
    // England belonging = (320 + 80 + 1000) / 2800 = 50%. Riverside 80% is above it, Hollins 20% below,
    // Ashdown 50% around it. Belonging: higher is better; loneliness (same counts): lower is better.
    List<IndicatorRow> rows = engine.compute(PERIOD, threeSchemes(), REGISTRY);
    assertThat(find(rows, IndicatorRow.ENGLAND, "belong_neighbourhood_pct").value()).isEqualTo(50.0);
    assertThat(find(rows, "riverside-sp", "belong_neighbourhood_pct").comparison()).isEqualTo("better");
    assertThat(find(rows, "hollins-lac", "belong_neighbourhood_pct").comparison()).isEqualTo("worse");
    assertThat(find(rows, "ashdown-lac", "belong_neighbourhood_pct").comparison()).isEqualTo("similar");
    assertThat(find(rows, "riverside-sp", "lonely_often_always_pct").comparison()).isEqualTo("worse");
    assertThat(find(rows, "hollins-lac", "lonely_often_always_pct").comparison()).isEqualTo("better");
    assertThat(find(rows, "ashdown-lac", "lonely_often_always_pct").comparison()).isEqualTo("similar");
    // no polarity: never compared
    assertThat(find(rows, "riverside-sp", "people_supported_per_1000").comparison()).isEqualTo("not_compared");
    assertThat(find(rows, IndicatorRow.ENGLAND, "belong_neighbourhood_pct").comparison()).isEqualTo("not_compared");
  }

  @Test
  void meanChangeWithoutTheSdOfChangeHasNoInterval() {
    List<IndicatorRow> rows = engine.compute(PERIOD, threeSchemes(), REGISTRY);
    IndicatorRow ashdown = find(rows, "ashdown-lac", "swemwbs_mean_change");
    assertThat(ashdown.value()).isEqualTo(2.0);
    assertThat(ashdown.lowerCi()).isNull();
    assertThat(ashdown.upperCi()).isNull();
    assertThat(ashdown.method()).contains("not computable");
    assertThat(ashdown.comparison()).isEqualTo("not_compared");
    IndicatorRow riverside = find(rows, "riverside-sp", "swemwbs_mean_change");
    Interval expected = StudentMean.interval(2.5, 4.0, 50, 0.95);
    assertThat(riverside.value()).isEqualTo(2.5);
    assertThat(riverside.lowerCi()).isEqualTo(expected.lower());
    assertThat(riverside.method()).contains("t-distribution");
    // England: one scheme lacks the SD, so England has no interval either, only the n-weighted mean
    IndicatorRow england = find(rows, IndicatorRow.ENGLAND, "swemwbs_mean_change");
    assertThat(england.value()).isCloseTo((50 * 2.5 + 30 * 1.0 + 20 * 2.0) / 100, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(england.lowerCi()).isNull();
  }

  @Test
  void beforeAfterChangeIsAPercentageWithAnExactRatioInterval() {
    List<IndicatorRow> rows = engine.compute(PERIOD, threeSchemes(), REGISTRY);
    IndicatorRow gp = find(rows, "riverside-sp", "gp_appointments_change_pct");
    assertThat(gp.value()).isCloseTo(-20.0, org.assertj.core.data.Offset.offset(1e-9));
    Interval ratio = CountRatio.interval(240, 300, 0.95);
    assertThat(gp.lowerCi()).isCloseTo((ratio.lower() - 1) * 100, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(gp.upperCi()).isLessThan(0.0);
    assertThat(gp.comparison()).isIn("better", "similar");
    assertThat(gp.method()).contains("ratio of after to before").contains("indicative");
  }

  @Test
  void teamSuppressedInputSuppressesTheRow() {
    List<MeasureTotal> t = new ArrayList<>(threeSchemes());
    t.addAll(totals("kestrel-hub", "survey_respondents", 40, "belong_neighbourhood", null));
    IndicatorRow k = find(engine.compute(PERIOD, t, REGISTRY), "kestrel-hub", "belong_neighbourhood_pct");
    assertThat(k.suppressed()).isTrue();
    assertThat(k.value()).isNull();
    assertThat(k.numerator()).isNull();
    assertThat(k.lowerCi()).isNull();
    assertThat(k.denominator()).isEqualTo(40.0);
    assertThat(k.comparison()).isEqualTo("not_compared");
  }

  @Test
  void avoidedCostAndBenefitCostRatioAreIndicativeAndCiteTheirCosts() {
    List<IndicatorRow> rows = engine.compute(PERIOD, threeSchemes(), REGISTRY);
    IndicatorRow avoided = find(rows, "riverside-sp", "avoided_cost_gbp");
    // (300 - 240) GP x £44 + (40 - 30) A&E x £148
    assertThat(avoided.value()).isEqualTo(60 * 44.0 + 10 * 148.0);
    assertThat(avoided.note()).startsWith("Indicative only").contains("regression to the mean").contains("2014/15 prices");
    IndicatorRow bcr = find(rows, "riverside-sp", "benefit_cost_ratio");
    assertThat(bcr.value()).isCloseTo((60 * 44.0 + 10 * 148.0) / 60000, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(bcr.comparison()).isEqualTo("not_compared");
    IndicatorRow englandAvoided = find(rows, IndicatorRow.ENGLAND, "avoided_cost_gbp");
    assertThat(englandAvoided.value()).isEqualTo(60 * 44.0 + 10 * 148.0 + 2 * 44.0);
  }

  @Test
  void breakdownsPoolSchemesByModelAndDeprivation() {
    List<BreakdownRow> b = engine.breakdowns(PERIOD, threeSchemes(), REGISTRY);
    BreakdownRow lac = b.stream().filter(r -> r.indicator().equals("belong_neighbourhood_pct")
        && r.groupType().equals("model") && r.group().equals("local_area_coordination")).findFirst().orElseThrow();
    assertThat(lac.numerator()).isEqualTo(80.0 + 1000);
    assertThat(lac.denominator()).isEqualTo(2400.0);
    assertThat(lac.schemes()).isEqualTo(2);
    BreakdownRow q1 = b.stream().filter(r -> r.indicator().equals("belong_neighbourhood_pct")
        && r.groupType().equals("deprivation") && r.group().equals("Q1 most deprived")).findFirst().orElseThrow();
    assertThat(q1.numerator()).isEqualTo(320.0 + 80); // riverside decile 2, hollins decile 1
  }

  @Test
  void funnelLimitsMatchPheIndicatorMethodsTestData() throws IOException {
    // ukhsa-collaboration/PHEindicatormethods tests/testthat/testdata_funnel_prop_outputs.csv: limits around a
    // baseline of 80.642448% for populations 1 to 110,000, in percent, capped at 0 and 100.
    Indicator ind = INDICATORS.get("belong_neighbourhood_pct");
    List<IndicatorRow> rows = List.of(new IndicatorRow(IndicatorRow.ENGLAND, PERIOD, ind.code(), 80.642448, null, null,
        null, null, "", "not_compared", false, null, null, null));
    double[][] published = {
        {1, 3.204264, 100, 0, 100}, {20, 63.326743, 97.958152, 53.341156, 100},
        {102, 72.974925, 88.309971, 68.553233, 92.731663}, {1008, 78.203374, 83.081521, 76.796814, 84.488082},
        {110000, 80.408963, 80.875933, 80.274317, 81.010578}};
    double[] grid = new double[published.length];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = published[i][0];
    }
    FunnelLimits f = Funnel.of(ind, rows, grid, false);
    for (int i = 0; i < grid.length; i++) {
      FunnelLimits.Line l = f.lines().get(i);
      StatisticalMethodsTest.assertSigFigs(l.lower95(), published[i][1]);
      StatisticalMethodsTest.assertSigFigs(l.upper95(), published[i][2]);
      assertThat(l.lower998()).isCloseTo(published[i][3], org.assertj.core.data.Offset.offset(5e-4 * Math.max(1, published[i][3])));
      StatisticalMethodsTest.assertSigFigs(l.upper998(), published[i][4]);
    }
  }

  @Test
  void funnelPointsFlagSchemesOutsideTheLimitsAndOverDispersionWidensThem() {
    List<IndicatorRow> rows = engine.compute(PERIOD, threeSchemes(), REGISTRY);
    Indicator ind = INDICATORS.get("belong_neighbourhood_pct");
    FunnelLimits plain = Funnel.of(ind, rows, new double[] {100, 1000}, false);
    assertThat(plain.points()).filteredOn(p -> p.schemeId().equals("riverside-sp")).singleElement()
        .satisfies(p -> assertThat(p.inside998()).isFalse());
    assertThat(plain.points()).filteredOn(p -> p.schemeId().equals("ashdown-lac")).singleElement()
        .satisfies(p -> assertThat(p.inside95()).isTrue());
    FunnelLimits wide = Funnel.of(ind, rows, new double[] {100, 1000}, true);
    assertThat(wide.phi()).isGreaterThan(1);
    assertThat(wide.lines().get(0).lower95()).isLessThan(plain.lines().get(0).lower95());
    assertThat(wide.method()).contains("over-dispersion");
  }

  @Test
  void trendSeriesRunsOldestFirst() {
    List<IndicatorRow> all = new ArrayList<>();
    for (String p : List.of("2025-26Q2", "2024-25Q4", "2025-26Q1")) {
      List<MeasureTotal> t = totals("riverside-sp", "survey_respondents", 400, "belong_neighbourhood",
          p.equals("2025-26Q2") ? 300 : 200).stream()
          .map(m -> new MeasureTotal(m.schemeId(), p, m.measure(), m.value(), false, null, null)).toList();
      all.addAll(engine.compute(p, t, REGISTRY));
    }
    List<IndicatorRow> s = Trend.series(all, "riverside-sp", "belong_neighbourhood_pct");
    assertThat(s).extracting(IndicatorRow::period).containsExactly("2024-25Q4", "2025-26Q1", "2025-26Q2");
    assertThat(Trend.direction(s)).isEqualTo("up");
  }
}
