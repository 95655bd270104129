package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.neighbourhood.outcomes.map.Sheets.row;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellRange;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

class FreeFormMapperTest {
  private static final ReturnContext CONTEXT =
      new ReturnContext("test-scheme", "test-scheme/return.xlsx", "abc123", Schemas.bundled());

  private static MappingResult map(Sheet... sheets) {
    return new FreeFormMapper().map(new Workbook("xlsx", List.of(sheets)), CONTEXT);
  }

  private static Observation only(MappingResult r, String measure) {
    List<Observation> found = r.observations().stream().filter(o -> o.measure().equals(measure)).toList();
    assertThat(found).as(measure + " in " + r.observations()).hasSize(1);
    return found.get(0);
  }

  @Test
  void measuresDownTheRowsWithOneValueColumnAndNotesAbove() {
    MappingResult r = map(Sheets.of("Return",
        row("Sandy Brook quarterly monitoring"),
        row("Period:", "Q2 2025/26"),
        row("Scheme:", "sandy-brook-sp"),
        row(),
        row("Measure", "Value"),
        row("People supported", 412),
        row("New referrals", "1,020"),
        row("Volunteer hours", 312.5)));
    assertThat(r.problems()).isEmpty();
    assertThat(r.declaredScheme()).isEqualTo("sandy-brook-sp");
    assertThat(r.periods()).containsExactly("2025-26Q2");
    Observation ref = only(r, "new_referrals");
    assertThat(ref.value()).isEqualTo(1020.0);
    assertThat(ref.sourceCell()).isEqualTo("B7");
    assertThat(ref.sourceSheet()).isEqualTo("Return");
    assertThat(ref.sourceFile()).isEqualTo("test-scheme/return.xlsx");
    assertThat(ref.sourceSha256()).isEqualTo("abc123");
    assertThat(ref.schemeId()).isEqualTo("test-scheme");
    assertThat(ref.unit()).isEqualTo("people");
    assertThat(only(r, "volunteer_hours").unit()).isEqualTo("hours");
  }

  @Test
  void totalsRowIsNotCountedTwice() {
    MappingResult r = map(Sheets.of("Areas",
        row("Quarterly return Q1 2025/26"),
        row("Area code", "Area", "People supported", "New referrals"),
        row("E01000701", "North", 120, 40),
        row("E01000702", "South", 80, 25),
        row("", "Total", 200, 65),
        row("Note: South figures are provisional")));
    assertThat(r.observations()).extracting(Observation::measure, Observation::areaCode, Observation::value)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("new_referrals", "E01000701", 40.0),
            org.assertj.core.groups.Tuple.tuple("new_referrals", "E01000702", 25.0),
            org.assertj.core.groups.Tuple.tuple("people_supported", "E01000701", 120.0),
            org.assertj.core.groups.Tuple.tuple("people_supported", "E01000702", 80.0));
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void namedAreasWithoutCodesAreCombinedAndTheirTotalSkipped() {
    MappingResult r = map(Sheets.of("Areas",
        row("Period: Jul-Sep 2025"),
        row("Ward", "People supported", "Active volunteers"),
        row("North", 120, 12),
        row("South", 80, 15),
        row("Grand total", 200, 27)));
    Observation people = only(r, "people_supported");
    assertThat(people.value()).isEqualTo(200.0);
    assertThat(people.sourceCell()).isEqualTo("B3:B4");
    assertThat(only(r, "volunteers_active").value()).as("max, not sum").isEqualTo(15.0);
  }

  @Test
  void monthsAcrossRollUpByTheCatalogueRule() {
    MappingResult r = map(Sheets.of("Monthly",
        row("Measure", "Jul-25", "Aug-25", "Sep-25", "Q2 total"),
        row("People supported", 10, 12, 14, 36),
        row("Active volunteers", 7, 9, 8, 24),
        row("SWEMWBS paired n", 10, 30, 0, 40),
        row("SWEMWBS baseline mean", 20, 24, 0, 23)));
    Observation people = only(r, "people_supported");
    assertThat(people.value()).isEqualTo(36.0);
    assertThat(people.sourceCell()).isEqualTo("B2:D2");
    assertThat(people.period()).isEqualTo("2025-26Q2");
    assertThat(only(r, "volunteers_active").value()).isEqualTo(9.0);
    assertThat(only(r, "swemwbs_baseline_mean").value()).isEqualTo(23.0);
  }

  @Test
  void aQuarterMissingAMonthIsFlaggedNotSummed() {
    MappingResult r = map(Sheets.of("Monthly",
        row("Measure", "July 2025", "August 2025", "September 2025"),
        row("People supported", 10, 12, null),
        row("New referrals", 5, 6, 7)));
    assertThat(r.observations()).extracting(Observation::measure).containsExactly("new_referrals");
    assertThat(r.problems()).extracting(Problem::code).containsExactly("map.incomplete_quarter");
    assertThat(r.hasErrors()).isFalse();
  }

  @Test
  void suppressedMonthMakesTheQuarterSuppressed() {
    MappingResult r = map(Sheets.of("Monthly",
        row("Measure", "Apr-25", "May-25", "Jun-25"),
        row("Into employment", 6, "<5", 7)));
    Observation o = only(r, "into_employment");
    assertThat(o.suppressed()).isTrue();
    assertThat(o.value()).isNull();
    assertThat(o.sourceCell()).isEqualTo("B2:D2");
  }

  @Test
  void dateCellHeadersAreMonths() {
    MappingResult r = map(Sheets.of("Monthly",
        row("Measure", Cell.date(0, 0, LocalDateTime.of(2025, 4, 1, 0, 0)), Cell.date(0, 0, LocalDateTime.of(2025, 5, 1, 0, 0)),
            Cell.date(0, 0, LocalDateTime.of(2025, 6, 1, 0, 0))),
        row("Contacts", 100, 110, 120)));
    assertThat(only(r, "contacts").value()).isEqualTo(330.0);
    assertThat(r.periods()).containsExactly("2025-26Q1");
  }

  @Test
  void mergedTwoRowHeadersCombineParentAndChild() {
    Sheet s = Sheets.of("Data",
        row("Health use", "GP appointments", null, "A&E attendances", null),
        row("Followed up", "Before", "After", "Before", "After"),
        row(40, 96, 71, 12, 7));
    s.addMerged(new CellRange(0, 0, 1, 2));
    s.addMerged(new CellRange(0, 0, 3, 4));
    MappingResult r = new FreeFormMapper().map(new Workbook("xlsx", List.of(s)),
        new ReturnContext("x-scheme", "x-scheme/x_2025-26_Q1.xlsx", "h", Schemas.bundled()));
    assertThat(only(r, "gp_appointments_before").value()).isEqualTo(96.0);
    assertThat(only(r, "gp_appointments_after").value()).isEqualTo(71.0);
    assertThat(only(r, "ae_attendances_before").value()).isEqualTo(12.0);
    assertThat(only(r, "ae_attendances_after").sourceCell()).isEqualTo("E3");
    assertThat(only(r, "followed_up").value()).isEqualTo(40.0);
    assertThat(r.periods()).containsExactly("2025-26Q1");
  }

  @Test
  void longLayoutOneRowPerMonthPerMeasure() {
    MappingResult r = map(Sheets.of("long",
        row("month", "measure", "value"),
        row("2025-07", "contacts", 50), row("2025-08", "contacts", 60), row("2025-09", "contacts", 70),
        row("2025-07", "community events", 2), row("2025-08", "community events", 3),
        row("2025-09", "community events", 1)));
    assertThat(only(r, "contacts").value()).isEqualTo(180.0);
    assertThat(only(r, "contacts").sourceCell()).isEqualTo("C2:C4");
    assertThat(only(r, "community_events").value()).isEqualTo(6.0);
  }

  @Test
  void belowThresholdHeaderIsReportedWithSuggestions() {
    MappingResult r = map(Sheets.of("Return",
        row("Period", "2025-26Q1"),
        row("People supported", 30),
        row("Referals recd from GPs", 12)));
    assertThat(r.observations()).extracting(Observation::measure).containsExactly("people_supported");
    Problem p = r.problems().get(0);
    assertThat(p.code()).isEqualTo("map.unmapped_header");
    assertThat(p.severity()).isEqualTo(uk.neighbourhood.outcomes.model.Severity.WARNING);
    assertThat(p.cell()).isEqualTo("A3");
    assertThat(p.message()).contains("Referals recd from GPs").contains("new_referrals (0.");
    assertThat(p.message().split("\\(0\\.")).hasSize(4);
  }

  @Test
  void nothingMappedIsAnErrorNamingTheProblem() {
    MappingResult r = map(Sheets.of("Data", row("Colour", "Size"), row("red", 3)));
    assertThat(r.observations()).isEmpty();
    assertThat(r.problems()).extracting(Problem::code).contains("map.no_measures");
    assertThat(r.hasErrors()).isTrue();
  }

  @Test
  void noPeriodAnywhereIsAnError() {
    MappingResult r = new FreeFormMapper().map(new Workbook("xlsx", List.of(Sheets.of("Data",
            row("People supported", 30)))),
        new ReturnContext("x", "x/latest.xlsx", "h", Schemas.bundled()));
    assertThat(r.problems()).extracting(Problem::code).containsExactly("map.no_period");
    assertThat(r.observations()).isEmpty();
  }

  @Test
  void periodFallsBackToTheFileName() {
    MappingResult r = new FreeFormMapper().map(new Workbook("csv", List.of(Sheets.of("x",
            row("People supported", 30)))),
        new ReturnContext("x", "x/x_2025-26_Q2.csv", "h", Schemas.bundled()));
    assertThat(r.periods()).containsExactly("2025-26Q2");
  }

  @Test
  void instructionsAndHiddenSheetsAreSkipped() {
    Sheet instructions = Sheets.of("Instructions", row("People supported", 999));
    Sheet hidden = Sheets.hiddenOrNot("lookup", true, row("People supported", 777));
    Sheet titled = Sheets.of("Sheet3", row("Guidance for completing this return"), row("People supported", 555));
    Sheet data = Sheets.of("Data", row("Period: 2025-26Q1"), row("People supported", 30));
    MappingResult r = map(instructions, hidden, titled, data);
    assertThat(only(r, "people_supported").value()).isEqualTo(30.0);
    assertThat(only(r, "people_supported").sourceSheet()).isEqualTo("Data");
  }

  @Test
  void errorCellsAreReportedAndNotPublished() {
    MappingResult r = map(Sheets.of("Data", row("Period: 2025-26Q1"), row("People supported", Cell.error(0, 0, "#DIV/0!")),
        row("Contacts", "lots"), row("Volunteer hours", 20)));
    assertThat(r.observations()).extracting(Observation::measure).containsExactly("volunteer_hours");
    assertThat(r.problems()).extracting(Problem::code, Problem::cell)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("value.error_cell", "B2"),
            org.assertj.core.groups.Tuple.tuple("value.not_a_number", "B3"));
  }

  @Test
  void percentageColumnsAreNotPublishedAsCounts() {
    MappingResult r = map(Sheets.of("Survey", row("Period: 2025-26Q1"),
        row("Survey respondents", "% feel they belong"), row(60, "45%")));
    assertThat(r.observations()).extracting(Observation::measure).containsExactly("survey_respondents");
    assertThat(r.problems()).extracting(Problem::code).containsExactly("map.percentage");
  }

  @Test
  void twoPlainValueColumnsAreAmbiguous() {
    MappingResult r = map(Sheets.of("Data", row("Period: 2025-26Q1"), row("Measure", "Actual", "Other"),
        row("People supported", 30, 40)));
    assertThat(r.problems()).extracting(Problem::code).contains("map.ambiguous_value_column");
    assertThat(r.observations()).isEmpty();
  }

  @Test
  void targetColumnBesideTheValueIsIgnored() {
    MappingResult r = map(Sheets.of("Data", row("Period: 2025-26Q1"), row("Measure", "Actual", "Target"),
        row("People supported", 30, 40)));
    assertThat(only(r, "people_supported").value()).isEqualTo(30.0);
  }
}
