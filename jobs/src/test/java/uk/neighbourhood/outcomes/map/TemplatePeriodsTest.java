package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.neighbourhood.outcomes.model.Period;

class TemplatePeriodsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2025-26Q1|2025-26Q1", "Q1 2025/26|2025-26Q1", "Q1 2025-26|2025-26Q1", "q2 2025/2026|2025-26Q2",
      "  Q3   2025 / 26 |2025-26Q3", "2025/26 Q4|2025-26Q4", "Q4 2025\u201326|2025-26Q4", "Q1 2099/00|2099-00Q1"})
  void acceptsTheCanonicalLabelAndTheCommonQuarterForms(String written, String label) {
    assertThat(TemplatePeriods.parse(written)).map(Period::label).contains(label);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Q1", "2025", "Q1 2025", "Q1 2025/27", "Q0 2025/26", "Apr-Jun 2025", "2025-26Q5"})
  void refusesAnythingElse(String written) {
    assertThat(TemplatePeriods.parse(written)).isEmpty();
  }
}
