package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.neighbourhood.outcomes.map.Sheets.row;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.CatalogException;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Workbook;

class MappingProfileTest {
  private static final Schemas SCHEMAS = Schemas.bundled();

  private static MappingProfile parse(String yaml) {
    return MappingProfile.parse("profiles/x.yaml", yaml.getBytes(StandardCharsets.UTF_8), SCHEMAS);
  }

  @Test
  void validProfileIsRead() {
    MappingProfile p = parse("""
        scheme_id: x-scheme
        sheet: Data
        header_row: 3
        period: 2025-26Q2
        columns:
          - header: Clients seen
            measure: people_supported
          - column: D
            measure: ignore
        transforms:
          - measure: belong_neighbourhood
            scale_by: survey_respondents
          - skip_rows_matching: "^Sub-?total"
        """);
    assertThat(p.headerRow()).isEqualTo(2);
    assertThat(p.columns()).hasSize(2);
    assertThat(p.choiceFor(0, "clients SEEN")).contains("people_supported");
    assertThat(p.choiceFor(3, "anything")).contains("ignore");
    assertThat(p.skipsRow("Subtotal north")).isTrue();
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    assertThatThrownBy(() -> parse("""
        scheme_id: x-scheme
        header_row: zero
        colour: blue
        columns:
          - header: Clients
            measure: clients_seen
          - column: d
            measure: ignore
        """))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("profiles/x.yaml line 2: 'header_row' value 'zero' must be a whole number")
        .hasMessageContaining("profiles/x.yaml line 3: unknown key 'colour'")
        .hasMessageContaining("profiles/x.yaml line 5: 'measure' value 'clients_seen' is not a measure code")
        .hasMessageContaining("profiles/x.yaml line 7: 'column' value 'd' must match [A-Z]{1,3}");
  }

  @Test
  void missingSchemeIdIsReported() {
    assertThatThrownBy(() -> parse("sheet: Data\n")).hasMessageContaining("the key 'scheme_id' is missing");
  }

  @Test
  void profileOverridesAutomaticMappingAndScalesPercentages() {
    MappingProfile p = parse("""
        scheme_id: x-scheme
        columns:
          - header: Clients seen
            measure: people_supported
          - header: People supported
            measure: ignore
        transforms:
          - measure: belong_neighbourhood
            scale_by: survey_respondents
        """);
    Workbook wb = new Workbook("xlsx", List.of(Sheets.of("Data",
        row("Period: 2025-26Q1"),
        row("Clients seen", "People supported", "Survey respondents", "% feel they belong"),
        row(50, 999, 60, "45%"))));
    MappingResult r = new FreeFormMapper(p).map(wb, new ReturnContext("x-scheme", "x-scheme/a.xlsx", "h", SCHEMAS));
    assertThat(r.problems()).extracting(Problem::code).isEmpty();
    assertThat(r.observations()).extracting(Observation::measure, Observation::value).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("people_supported", 50.0),
        org.assertj.core.groups.Tuple.tuple("survey_respondents", 60.0),
        org.assertj.core.groups.Tuple.tuple("belong_neighbourhood", 27.0));
  }

  @Test
  void profileSheetMayBeHidden() {
    MappingProfile p = parse("scheme_id: x-scheme\nsheet: calc\nperiod: 2025-26Q1\n");
    Workbook wb = new Workbook("xlsx", List.of(Sheets.of("Front", row("People supported", 1)),
        Sheets.hiddenOrNot("calc", true, row("People supported", 42))));
    MappingResult r = new FreeFormMapper(p).map(wb, new ReturnContext("x-scheme", "x-scheme/a.xlsx", "h", SCHEMAS));
    assertThat(r.observations()).extracting(Observation::value).containsExactly(42.0);
  }

  @Test
  void bundledProfilesAreValid() {
    for (String scheme : List.of("millpond-hub")) {
      assertThat(MappingProfile.forScheme(SCHEMAS, scheme)).isPresent();
    }
  }
}
