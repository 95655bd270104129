package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;

class HeaderMatcherTest {
  private final HeaderMatcher matcher = new HeaderMatcher(MeasureCatalog.bundled());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "People supported|people_supported", "No. of clients supported|people_supported",
      "Number of people supported (Q2)|people_supported", "Volunteer hrs|volunteer_hours",
      "Total volunteer hours|volunteer_hours", "A&E attendances (before)|ae_attendances_before",
      "A and E attendances after|ae_attendances_after", "Funding received (£)|funding_received_gbp",
      "Spend GBP|expenditure_gbp", "SWEMWBS baseline mean|swemwbs_baseline_mean",
      "Mean SWEMWBS at follow-up|swemwbs_followup_mean", "Survey respondents|survey_respondents",
      "GP appointments before|gp_appointments_before", "GP appointments after|gp_appointments_after"})
  void exactSynonymsAfterNormalisingScoreOne(String header, String code) {
    HeaderMatch m = matcher.match(header).orElseThrow();
    assertThat(m.measure()).isEqualTo(code);
    assertThat(m.confidence()).isEqualTo(1.0);
  }

  @Test
  void smallTyposStillMatchAboveTheThreshold() {
    HeaderMatch m = matcher.match("Volunteers hours").orElseThrow();
    assertThat(m.measure()).isEqualTo("volunteer_hours");
    assertThat(m.confidence()).isBetween(HeaderMatcher.THRESHOLD, 0.999);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GP appointments before", "GP appts pre", "gp visits before support", "GP appointments (pre)"})
  void beforeIsNeverMatchedToAfter(String header) {
    assertThat(matcher.rank(header, 50)).noneMatch(m -> m.measure().endsWith("_after"));
    matcher.match(header).ifPresent(m -> assertThat(m.measure()).isEqualTo("gp_appointments_before"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GP appointments after", "GP appts post", "GP appointments (after support)"})
  void afterIsNeverMatchedToBefore(String header) {
    assertThat(matcher.rank(header, 50)).noneMatch(m -> m.measure().endsWith("_before"));
  }

  @Test
  void headerWithoutBeforeOrAfterIsNotGivenEither() {
    assertThat(matcher.match("GP appointments")).isEmpty();
  }

  @Test
  void meansAreNotMatchedToCountsNorCountsToMeans() {
    assertThat(matcher.rank("Average volunteers", 50)).noneMatch(m -> m.measure().equals("volunteers_active"));
    assertThat(matcher.rank("Number SWEMWBS baseline", 50)).noneMatch(m -> m.measure().equals("swemwbs_baseline_mean"));
  }

  @Test
  void belowThresholdHeadersAreNotMatchedButRanked() {
    assertThat(matcher.match("Referals recd from GPs")).isEmpty();
    assertThat(matcher.rank("Referals recd from GPs", 3)).hasSize(3)
        .first().satisfies(m -> {
          assertThat(m.measure()).isEqualTo("new_referrals");
          assertThat(m.confidence()).isLessThan(HeaderMatcher.THRESHOLD);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"Comments", "Area", "Staff sickness days", "Postcode"})
  void unrelatedHeadersMatchNothing(String header) {
    assertThat(matcher.match(header)).isEmpty();
  }

  @Test
  void percentageHeadersAreFlagged() {
    assertThat(matcher.match("% feel they belong").orElseThrow().percent()).isTrue();
  }

  @Test
  void normaliseStripsUnitsAndFillers() {
    assertThat(HeaderMatcher.normalise("No. of A&E attendances (before)")).isEqualTo("ae attendances before");
    assertThat(HeaderMatcher.normalise("Total Volunteer Hrs")).isEqualTo("volunteer hours");
  }
}
