package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.model.Cell;

class TemplateValueTest {
  private static final Measure FUNDING = MeasureCatalog.bundled().get("funding_received_gbp");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1,234|1234", "' 56.5 '|56.5", "£1,200.50|1200.5", "0|0", "12 345|12345",
      "1,234,567|1234567", ".5|0.5"})
  void numbersTypedAsTextAreRead(String text, double expected) {
    TemplateValue v = TemplateValue.read(Cell.text(3, 3, text), FUNDING);
    assertThat(v.problem()).isNull();
    assertThat(v.value()).isEqualTo(expected);
    assertThat(v.suppressed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<5", "< 3", "*", "c", "C", "[c]"})
  void suppressionMarksGiveASuppressedValueWithoutANumber(String text) {
    TemplateValue v = TemplateValue.read(Cell.text(3, 3, text), FUNDING);
    assertThat(v.present()).isTrue();
    assertThat(v.suppressed()).isTrue();
    assertThat(v.value()).isNull();
    assertThat(v.problem()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,5", "12 people", "n/a", "TBC", "1.2.3"})
  void junkIsNotANumber(String text) {
    TemplateValue v = TemplateValue.read(Cell.text(3, 3, text), FUNDING);
    assertThat(v.problem()).isNotNull();
    assertThat(v.problem().code()).isEqualTo("value.not_a_number");
    assertThat(v.problem().message()).startsWith("Cannot read").doesNotContain(text);
  }

  @Test
  void blankCellsAreNotValues() {
    assertThat(TemplateValue.read(null, FUNDING).present()).isFalse();
    assertThat(TemplateValue.read(Cell.text(1, 1, "   "), FUNDING).present()).isFalse();
  }
}
