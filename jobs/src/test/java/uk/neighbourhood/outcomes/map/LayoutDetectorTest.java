package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.neighbourhood.outcomes.map.Sheets.row;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

class LayoutDetectorTest {
  private final LayoutDetector detector = new LayoutDetector(new HeaderMatcher(MeasureCatalog.bundled()));

  @Test
  void detectsMeasuresDownTheRows() {
    SheetLayout l = detector.detect(Sheets.of("S", row("Title"), row("Measure", "Value"), row("People supported", 3),
        row("Contacts", 9)), null);
    assertThat(l.kind()).isEqualTo("measures-down");
    assertThat(l.points()).extracting(RawPoint::measure, RawPoint::a1)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("people_supported", "B3"),
            org.assertj.core.groups.Tuple.tuple("contacts", "B4"));
  }

  @Test
  void detectsMeasuresAcrossWithAreaCodes() {
    SheetLayout l = detector.detect(Sheets.of("S", row("Notes line one"), row("Notes line two"),
        row("LSOA code", "People supported", "Contacts"), row("E01000001", 3, 4), row("E01000002", 5, 6)), null);
    assertThat(l.kind()).isEqualTo("measures-across");
    assertThat(l.points()).extracting(RawPoint::areaCode).containsExactly("E01000001", "E01000001", "E01000002",
        "E01000002");
  }

  @Test
  void detectsTheLongLayout() {
    SheetLayout l = detector.detect(Sheets.of("S", row("Quarter", "Measure", "Value"),
        row("2025-26Q1", "Contacts", 4), row("2025-26Q2", "Contacts", 5)), null);
    assertThat(l.kind()).isEqualTo("long");
    assertThat(l.points()).extracting(p -> p.period().period().label()).containsExactly("2025-26Q1", "2025-26Q2");
  }

  @Test
  void detectsNothingInASheetWithoutMeasures() {
    SheetLayout l = detector.detect(Sheets.of("S", row("Name", "Colour"), row("a", 1)), null);
    assertThat(l.kind()).isEqualTo("none");
    assertThat(l.mapsAnything()).isFalse();
  }

  @Test
  void recognisesInstructionSheetsByNameOrTitle() {
    assertThat(LayoutDetector.isInstructions(Sheets.of("Guidance notes", row("x")))).isTrue();
    assertThat(LayoutDetector.isInstructions(Sheets.of("README", row("x")))).isTrue();
    assertThat(LayoutDetector.isInstructions(Sheets.of("Sheet1", row("Instructions for completing"), row("x")))).isTrue();
    assertThat(LayoutDetector.isInstructions(Sheets.of("Data", row("People supported", 3)))).isFalse();
  }

  @Test
  void readsPeriodAndSchemeLabels() {
    SheetLayout l = detector.detect(Sheets.of("S", row("Scheme name", "Kestrel Community Hub"),
        row("Reporting period:", "July to September 2025"), row("Contacts", 9)), null);
    assertThat(l.statedPeriod().label()).isEqualTo("2025-26Q2");
    assertThat(l.declaredScheme()).isEqualTo("Kestrel Community Hub");
  }

  private static MappingResult map(String file, Sheet sheet) {
    return new FreeFormMapper().map(new Workbook("xlsx", List.of(sheet)),
        new ReturnContext("x", "x/" + file, "h", Schemas.bundled()));
  }

  @Test
  void totalThatIsNotTheSumOfItsPartsIsReportedAndNotPublished() {
    MappingResult r = map("x_2025-26_Q1.xlsx", Sheets.of("S", row("Area code", "Contacts"),
        row("E01000001", 10), row("E01000002", 20), row("Total", 31)));
    assertThat(r.observations()).extracting(Observation::value).containsExactlyInAnyOrder(10.0, 20.0);
    assertThat(r.problems()).extracting(Problem::code, Problem::cell)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("map.total_mismatch", "B4"));
  }

  @Test
  void quarterColumnBesideItsMonthsIsATotalNotASecondFigure() {
    MappingResult r = map("x.xlsx", Sheets.of("S", row("Measure", "Apr-25", "May-25", "Jun-25", "Q1 2025/26"),
        row("Contacts", 1, 2, 3, 6)));
    assertThat(r.observations()).extracting(Observation::value, Observation::sourceCell)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(6.0, "B2:D2"));
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void fileNameDisagreeingWithTheSheetIsFlaggedAndTheSheetWins() {
    MappingResult r = map("x_2025-26_Q1.xlsx", Sheets.of("S", row("Period: Q2 2025/26"), row("Contacts", 9)));
    assertThat(r.periods()).containsExactly("2025-26Q2");
    assertThat(r.problems()).extracting(Problem::code).containsExactly("map.period_conflict");
  }

  @Test
  void repeatedMeasureIsRefusedNotAdded() {
    MappingResult r = map("x_2025-26_Q1.xlsx", Sheets.of("S", row("Contacts", 9), row("Contacts", 4)));
    assertThat(r.observations()).isEmpty();
    assertThat(r.problems()).extracting(Problem::code).contains("map.duplicate_measure");
  }

  @Test
  void quartersOverGroupsOfMeasureColumnsGiveEachColumnItsPeriod() {
    Sheet s = Sheets.of("S",
        row(null, "Q1 2025/26", null, "Q2 2025/26", null),
        row("Area code", "People supported", "Contacts", "People supported", "Contacts"),
        row("E01000001", 10, 30, 12, 35));
    s.addMerged(new uk.neighbourhood.outcomes.model.CellRange(0, 0, 1, 2));
    s.addMerged(new uk.neighbourhood.outcomes.model.CellRange(0, 0, 3, 4));
    MappingResult r = map("x.xlsx", s);
    assertThat(r.problems()).isEmpty();
    assertThat(r.periods()).containsExactly("2025-26Q1", "2025-26Q2");
    assertThat(r.observations()).extracting(Observation::period, Observation::measure, Observation::value)
        .contains(org.assertj.core.groups.Tuple.tuple("2025-26Q2", "contacts", 35.0),
            org.assertj.core.groups.Tuple.tuple("2025-26Q1", "people_supported", 10.0));
  }
}
