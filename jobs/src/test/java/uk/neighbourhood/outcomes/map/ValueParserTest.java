package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.model.Cell;

class ValueParserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1,234|1234", "1 234|1234", "£1,234.50|1234.5", "1234 GBP|1234", "GBP 250|250", "12,5|12.5",
      "1.234,5|1234.5", "  42 |42", "(15)|-15", "0.5|0.5", "12,345,678|12345678"})
  void textNumbersAreRead(String text, double expected) {
    ParsedValue v = ValueParser.parse(Cell.text(0, 1, text), "S");
    assertThat(v.kind()).isEqualTo(ParsedValue.Kind.NUMBER);
    assertThat(v.value()).isEqualTo(expected);
    assertThat(v.percent()).isFalse();
  }

  @Test
  void percentagesBecomeSharesAndAreFlagged() {
    ParsedValue v = ValueParser.parse(Cell.text(0, 0, "45%"), "S");
    assertThat(v.value()).isEqualTo(0.45);
    assertThat(v.percent()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<5", "< 5", "<10", "*", "c", "[c]", "x", "[x]", "C"})
  void suppressionMarkersAreNeverNumbers(String marker) {
    ParsedValue v = ValueParser.parse(Cell.text(3, 2, marker), "S");
    assertThat(v.kind()).isEqualTo(ParsedValue.Kind.SUPPRESSED);
    assertThat(v.value()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", "n/a", "N/A", "", "  ", "\u2013"})
  void placeholdersAreAbsent(String text) {
    assertThat(ValueParser.parse(Cell.text(0, 0, text), "S").kind()).isEqualTo(ParsedValue.Kind.ABSENT);
  }

  @Test
  void nullCellIsAbsent() {
    assertThat(ValueParser.parse(null, "S").kind()).isEqualTo(ParsedValue.Kind.ABSENT);
  }

  @Test
  void errorCellsAreProblemsWithTheirCellNeverZero() {
    ParsedValue v = ValueParser.parse(Cell.error(4, 2, "#DIV/0!"), "Data");
    assertThat(v.kind()).isEqualTo(ParsedValue.Kind.ERROR);
    assertThat(v.value()).isNull();
    assertThat(v.problem().code()).isEqualTo("value.error_cell");
    assertThat(v.problem().location()).isEqualTo("sheet 'Data' cell C5");
  }

  @Test
  void errorCodesWrittenAsTextInCsvAreErrorsToo() {
    assertThat(ValueParser.parse(Cell.text(0, 0, "#REF!"), "S").problem().code()).isEqualTo("value.error_cell");
  }

  @ParameterizedTest
  @ValueSource(strings = {"twelve", "12 people", "approx 40", "1,23,4", "TBC"})
  void junkIsNotANumber(String text) {
    ParsedValue v = ValueParser.parse(Cell.text(1, 1, text), "S");
    assertThat(v.kind()).isEqualTo(ParsedValue.Kind.ERROR);
    assertThat(v.problem().code()).isEqualTo("value.not_a_number");
    assertThat(v.problem().cell()).isEqualTo("B2");
  }

  @Test
  void datesAndBooleansInValueCellsAreNotNumbers() {
    assertThat(ValueParser.parse(Cell.date(0, 0, LocalDateTime.of(2025, 7, 1, 0, 0)), "S").problem().code())
        .isEqualTo("value.not_a_number");
    assertThat(ValueParser.parse(Cell.bool(0, 0, true), "S").kind()).isEqualTo(ParsedValue.Kind.ERROR);
  }

  @Test
  void realNumbersPassThrough() {
    assertThat(ValueParser.parse(Cell.number(0, 0, 17.25), "S").value()).isEqualTo(17.25);
  }
}
