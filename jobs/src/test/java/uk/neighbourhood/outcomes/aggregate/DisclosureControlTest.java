package uk.neighbourhood.outcomes.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.neighbourhood.outcomes.aggregate.Fixtures.PERIOD;
import static uk.neighbourhood.outcomes.aggregate.Fixtures.totals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.Registry;

class DisclosureControlTest {
  private static final Registry REGISTRY = Fixtures.registry();
  private final IndicatorEngine engine = new IndicatorEngine(Fixtures.indicators(), Fixtures.unitCosts());
  private final DisclosureControl control = Fixtures.disclosure();

  private DisclosureControl.Published publish(List<MeasureTotal> t) {
    return control.apply(engine.compute(PERIOD, t, REGISTRY), engine.breakdowns(PERIOD, t, REGISTRY), REGISTRY);
  }

  private static IndicatorRow find(List<IndicatorRow> rows, String scheme, String indicator) {
    return rows.stream().filter(r -> r.schemeId().equals(scheme) && r.indicator().equals(indicator)).findFirst().orElseThrow();
  }

  @Test
  void ruleIsReadFromTheDataFile() {
    assertThat(control.rule().suppressMin()).isEqualTo(1);
    assertThat(control.rule().suppressMax()).isEqualTo(7);
    assertThat(control.rule().roundTo()).isEqualTo(5);
    assertThat(control.rule().nationalCode()).isEqualTo("ENGLAND");
  }

  @Test
  void smallCountsAreSuppressedOthersRoundedAndEnglandLeftExact() {
    List<MeasureTotal> t = new ArrayList<>();
    t.addAll(totals("riverside-sp", "survey_respondents", 203, "trust_neighbours", 3));
    t.addAll(totals("hollins-lac", "survey_respondents", 151, "trust_neighbours", 41));
    t.addAll(totals("ashdown-lac", "survey_respondents", 98, "trust_neighbours", 52));
    t.addAll(totals("kestrel-hub", "survey_respondents", 77, "trust_neighbours", 0));
    t.addAll(totals("fenwick-int", "survey_respondents", 112, "trust_neighbours", 37));
    DisclosureControl.Published controlled = publish(t);
    List<IndicatorRow> rows = controlled.rows();
    IndicatorRow small = find(rows, "riverside-sp", "trust_neighbours_pct");
    assertThat(small.suppressed()).isTrue();
    assertThat(small.value()).isNull();
    assertThat(small.numerator()).isNull();
    assertThat(small.lowerCi()).isNull();
    assertThat(small.upperCi()).isNull();
    assertThat(small.denominator()).isEqualTo(205.0);
    assertThat(small.comparison()).isEqualTo("not_compared");
    IndicatorRow zero = find(rows, "kestrel-hub", "trust_neighbours_pct");
    assertThat(zero.suppressed()).isFalse();
    assertThat(zero.numerator()).isEqualTo(0.0);
    IndicatorRow england = find(rows, IndicatorRow.ENGLAND, "trust_neighbours_pct");
    assertThat(england.numerator()).isEqualTo(133.0);
    assertThat(england.denominator()).isEqualTo(641.0);
    // the lone small count would be ENGLAND minus the others: at least one more count (a scheme or a
    // breakdown group other than Riverside's own one-scheme model group) is suppressed with it
    long secondary = rows.stream().filter(r -> r.indicator().equals("trust_neighbours_pct") && r.suppressed()
        && !r.schemeId().equals("riverside-sp")).count()
        + controlled.breakdowns().stream().filter(b -> b.indicator().equals("trust_neighbours_pct") && b.suppressed()
        && !b.group().equals("social_prescribing")).count();
    assertThat(secondary).isPositive();
    // every published count is rounded to the nearest 5, with the percentage from the unrounded counts
    java.util.Map<String, double[]> truth = java.util.Map.of("hollins-lac", new double[] {41, 151},
        "ashdown-lac", new double[] {52, 98}, "fenwick-int", new double[] {37, 112});
    List<IndicatorRow> published = rows.stream().filter(r -> r.indicator().equals("trust_neighbours_pct")
        && truth.containsKey(r.schemeId()) && !r.suppressed()).toList();
    assertThat(published).isNotEmpty();
    for (IndicatorRow r : published) {
      double[] xn = truth.get(r.schemeId());
      assertThat(r.numerator()).isEqualTo(Math.round(xn[0] / 5) * 5.0);
      assertThat(r.denominator()).isEqualTo(Math.round(xn[1] / 5) * 5.0);
      assertThat(r.value()).isCloseTo(xn[0] / xn[1] * 100, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void aLoneReportingSchemeWithASmallCountHidesTheNationalFigureToo() {
    List<IndicatorRow> rows = publish(totals("riverside-sp", "survey_respondents", 120, "lonely_often_always", 4)).rows();
    assertThat(find(rows, "riverside-sp", "lonely_often_always_pct").suppressed()).isTrue();
    assertThat(find(rows, IndicatorRow.ENGLAND, "lonely_often_always_pct").suppressed()).isTrue();
  }

  @Test
  void smallDenominatorsHideTheWholeRowAndSmallMeansAreSuppressed() {
    List<MeasureTotal> t = new ArrayList<>();
    t.addAll(totals("riverside-sp", "survey_respondents", 6, "belong_neighbourhood", 0,
        "swemwbs_paired_n", 5, "swemwbs_baseline_mean", 20, "swemwbs_followup_mean", 22, "swemwbs_change_sd", 3));
    t.addAll(totals("hollins-lac", "survey_respondents", 300, "belong_neighbourhood", 150,
        "swemwbs_paired_n", 40, "swemwbs_baseline_mean", 20, "swemwbs_followup_mean", 21, "swemwbs_change_sd", 3));
    t.addAll(totals("ashdown-lac", "survey_respondents", 250, "belong_neighbourhood", 100,
        "swemwbs_paired_n", 60, "swemwbs_baseline_mean", 19, "swemwbs_followup_mean", 21, "swemwbs_change_sd", 4));
    List<IndicatorRow> rows = publish(t).rows();
    IndicatorRow belong = find(rows, "riverside-sp", "belong_neighbourhood_pct");
    assertThat(belong.suppressed()).isTrue();
    assertThat(belong.denominator()).isNull();
    IndicatorRow mean = find(rows, "riverside-sp", "swemwbs_mean_change");
    assertThat(mean.suppressed()).isTrue();
    assertThat(mean.value()).isNull();
    assertThat(mean.denominator()).isNull();
  }

  @Test
  void valueForMoneyIsSuppressedWhenAnInputCountIsAndRoundedOtherwise() {
    List<MeasureTotal> t = new ArrayList<>();
    t.addAll(totals("riverside-sp", "gp_appointments_before", 300, "gp_appointments_after", 240, "expenditure_gbp", 50000));
    t.addAll(totals("hollins-lac", "gp_appointments_before", 9, "gp_appointments_after", 5, "expenditure_gbp", 20000));
    t.addAll(totals("ashdown-lac", "gp_appointments_before", 120, "gp_appointments_after", 100, "expenditure_gbp", 30000));
    t.addAll(totals("fenwick-int", "gp_appointments_before", 220, "gp_appointments_after", 200, "expenditure_gbp", 30000));
    List<IndicatorRow> rows = publish(t).rows();
    assertThat(find(rows, "hollins-lac", "gp_appointments_change_pct").suppressed()).isTrue();
    assertThat(find(rows, "hollins-lac", "avoided_cost_gbp").suppressed()).isTrue();
    assertThat(find(rows, "hollins-lac", "benefit_cost_ratio").suppressed()).isTrue();
    IndicatorRow riverside = find(rows, "riverside-sp", "avoided_cost_gbp");
    if (!find(rows, "riverside-sp", "gp_appointments_change_pct").suppressed()) {
      assertThat(riverside.value()).isEqualTo(2600.0); // 60 x £44 = £2,640, to the nearest £100
    }
    assertThat(find(rows, IndicatorRow.ENGLAND, "avoided_cost_gbp").value()).isEqualTo((60 + 4 + 20 + 20) * 44.0);
  }
}
