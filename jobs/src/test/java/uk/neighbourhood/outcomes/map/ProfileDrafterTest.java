package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.neighbourhood.outcomes.map.Sheets.row;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Workbook;

class ProfileDrafterTest {

  @Test
  void draftNamesEachColumnWithConfidenceAndListsUnmappedWithSuggestions() {
    Workbook wb = new Workbook("xlsx", List.of(Sheets.of("Data",
        row("Quarterly return Q2 2025/26"),
        row("Area", "People supported", "Volunteers hours", "Referals recd from GPs"),
        row("North", 10, 20, 30))));
    ReturnContext cx = new ReturnContext("x-scheme", "x-scheme/q2.xlsx", "h", Schemas.bundled());
    String yaml = ProfileDrafter.draft(wb, cx);
    assertThat(yaml).contains("scheme_id: x-scheme", "sheet: \"Data\"", "# period: 2025-26Q2",
        "header: \"People supported\"   # B2", "measure: people_supported   # confidence 1.00",
        "measure: volunteer_hours   # confidence 0.9",
        "#  - header: \"Referals recd from GPs\"   # D2", "#    measure: new_referrals   # suggestions: new_referrals (0.");
    // the draft is itself a valid profile
    MappingProfile p = MappingProfile.parse("profiles/x-scheme.yaml", yaml.getBytes(StandardCharsets.UTF_8),
        Schemas.bundled());
    assertThat(p.columns()).hasSize(2);
  }
}
