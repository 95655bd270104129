package uk.neighbourhood.outcomes.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.model.Problem;

class ReportProblemTest {
  @Test
  void aRenderedProblemIsReadBackIntoItsParts() {
    Problem p = Problem.error("value.not_a_number", "Cannot read contacts: 'n/a' is not a number.",
        "Type a number or leave the cell empty.").at("Activity Q2", "F14");
    ReportProblem r = ReportProblem.parse(p.render());
    assertThat(r).isEqualTo(new ReportProblem("Error", "Activity Q2", "F14", p.message(), p.fix()));
  }

  @Test
  void problemsWithoutPlaceOrFixKeepTheirMessage() {
    ReportProblem sheetOnly = ReportProblem.parse(
        Problem.warning("sheet.hidden", "Cannot read sheet: it is hidden.", null).at("Old", null).render());
    assertThat(sheetOnly.sheet()).isEqualTo("Old");
    assertThat(sheetOnly.cell()).isNull();
    assertThat(sheetOnly.fix()).isNull();
    assertThat(sheetOnly.severity()).isEqualTo("Warning");
    ReportProblem free = ReportProblem.parse("something odd happened");
    assertThat(free.message()).isEqualTo("something odd happened");
    assertThat(free.isError()).isTrue();
  }
}
