package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.neighbourhood.outcomes.model.Cell;

class PeriodParserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2025-26Q1|2025-26Q1", "Q2 2025/26|2025-26Q2", "2025/26 Q2|2025-26Q2", "Q2 2025-26|2025-26Q2",
      "Quarterly return Q2 2025/26|2025-26Q2", "Jul-Sep 2025|2025-26Q2", "July to September 2025|2025-26Q2",
      "01/07/2025 - 30/09/2025|2025-26Q2", "Jan-Mar 2026|2025-26Q4", "Period: Apr - Jun 2025|2025-26Q1",
      "Quarter 1 2025/2026|2025-26Q1", "2025-04-01 to 2025-06-30|2025-26Q1"})
  void quartersAreReadInTheirUsualForms(String text, String label) {
    assertThat(PeriodParser.quarterIn(text)).hasValueSatisfying(p -> assertThat(p.label()).isEqualTo(label));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Q2 2025", "2025/27 Q1", "Jul-Oct 2025", "01/07/2025 - 31/12/2025", "Quarterly return",
      "12/07/2025 - 30/09/2025", "Q5 2025/26"})
  void textThatIsNotExactlyOneQuarterIsNoPeriod(String text) {
    assertThat(PeriodParser.quarterIn(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Jul-25|2025-07", "July 2025|2025-07", "2025-07|2025-07", "Sept 2025|2025-09",
      "Jan-26|2026-01", "01/03/2026|2026-03"})
  void monthHeadersGiveMonthAndQuarter(String text, String month) {
    ParsedPeriod p = PeriodParser.header(text).orElseThrow();
    assertThat(p.month()).isEqualTo(YearMonth.parse(month));
    assertThat(p.period()).isEqualTo(uk.neighbourhood.outcomes.model.Period.of(YearMonth.parse(month).atDay(1)));
  }

  @Test
  void januaryBelongsToQuarterFourOfTheYearBefore() {
    assertThat(PeriodParser.header("Jan-26").orElseThrow().period().label()).isEqualTo("2025-26Q4");
  }

  @Test
  void dateCellsAreMonths() {
    ParsedPeriod p = PeriodParser.header(Cell.date(0, 1, LocalDateTime.of(2025, 8, 1, 0, 0))).orElseThrow();
    assertThat(p.month()).isEqualTo(YearMonth.of(2025, 8));
    assertThat(p.period().label()).isEqualTo("2025-26Q2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Total", "Q2 total", "Jul-25 target", "People supported", "2025-26", "2025-13"})
  void headersThatAreNotPeriods(String text) {
    assertThat(PeriodParser.header(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"riverside_2025-26_Q2.xlsx|2025-26Q2", "Q2-2025-26.csv|2025-26Q2",
      "tollgate Q1 2025-26 return.ods|2025-26Q1", "return_2025-26Q1_resubmission.csv|2025-26Q1"})
  void fileNamesGiveQuarters(String name, String label) {
    assertThat(PeriodParser.fromFileName(name)).hasValueSatisfying(p -> assertThat(p.label()).isEqualTo(label));
  }

  @Test
  void fileNameWithoutQuarterGivesNothing() {
    assertThat(PeriodParser.fromFileName("latest figures.xlsx")).isEmpty();
  }
}
