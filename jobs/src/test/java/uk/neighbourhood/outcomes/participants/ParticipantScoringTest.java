package uk.neighbourhood.outcomes.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.privacy.PseudonymKey;

class ParticipantScoringTest {
  static final Schemas SCHEMAS = Schemas.bundled();
  static final Scales SCALES = Scales.load(SCHEMAS);
  static final ParticipantHeaders HEADERS = ParticipantHeaders.load(SCHEMAS);

  static ParticipantScorer.Scored score(Sheet s, PseudonymKey key) {
    ParticipantColumns cols = HEADERS.recognise(s).orElseThrow();
    return new ParticipantScorer(SCALES, key).score(s, cols);
  }

  @Test
  void theHeaderRowIsRecognisedWithItsSynonyms() {
    ParticipantColumns cols = HEADERS.recognise(ParticipantSheets.handWorked("Participants")).orElseThrow();
    assertThat(cols.headerRow()).isZero();
    assertThat(cols.col("reference")).isEqualTo(0);
    assertThat(cols.col("followup_date")).isEqualTo(2);
    assertThat(cols.col("swemwbs_baseline_item_1")).isEqualTo(3);
    assertThat(cols.col("swemwbs_followup_item_7")).isEqualTo(16);
    assertThat(cols.col("ons4_followup_anxiety")).isEqualTo(24);
    assertThat(cols.col("ucla_item_3")).isEqualTo(27);
  }

  @Test
  void aSheetOfAggregateFiguresIsNotAParticipantSheet() {
    Sheet s = new Sheet("Return", 0, false);
    s.put(Cell.text(0, 0, "Measure"));
    s.put(Cell.text(0, 1, "Value"));
    s.put(Cell.text(1, 0, "SWEMWBS baseline mean"));
    s.put(Cell.number(1, 1, 21.3));
    assertThat(HEADERS.recognise(s)).isEmpty();
  }

  @Test
  void itemsAreSummedThenConvertedAndIncompleteResponsesAreNotScored() {
    ParticipantScorer.Scored scored = score(ParticipantSheets.handWorked("Participants"), null);
    Map<Integer, ParticipantRow> byRow = scored.rows().stream()
        .collect(Collectors.toMap(ParticipantRow::row, r -> r));
    assertThat(byRow.get(1).swemwbsBaseline()).isEqualTo(19.25);
    assertThat(byRow.get(1).swemwbsFollowup()).isEqualTo(21.54);
    assertThat(byRow.get(2).swemwbsBaseline()).isEqualTo(15.32);
    assertThat(byRow.get(3).swemwbsFollowup()).isEqualTo(27.03);
    assertThat(byRow.get(4).swemwbsBaseline()).isNull();
    assertThat(byRow.get(4).swemwbsFollowup()).isEqualTo(35.00);
    assertThat(byRow.get(2).uclaTotal()).isEqualTo(7);
    assertThat(byRow.get(4).uclaTotal()).isNull();
    assertThat(scored.problems()).extracting(Problem::code)
        .containsExactly("participants.incomplete", "participants.incomplete");
    assertThat(scored.problems()).anySatisfy(p -> assertThat(p.message())
        .startsWith("Cannot score SWEMWBS at baseline for 1 participant (row 5)")
        .contains("Warwick"));
  }

  @Test
  void theHandWorkedExampleAggregatesToTheWellbeingMeasures() {
    Sheet s = ParticipantSheets.handWorked("Participants");
    List<ParticipantRow> rows = score(s, null).rows();
    Map<String, WellbeingFigures.Figure> f = new WellbeingFigures(SCALES)
        .figures(rows, HEADERS.recognise(s).orElseThrow()).stream()
        .collect(Collectors.toMap(WellbeingFigures.Figure::measure, x -> x));
    assertThat(f.get("swemwbs_paired_n").value()).isEqualTo(3);
    assertThat(f.get("swemwbs_baseline_mean").value()).isCloseTo(19.8667, within(0.0001));
    assertThat(f.get("swemwbs_followup_mean").value()).isCloseTo(22.85, within(1e-9));
    assertThat(f.get("swemwbs_meaningful_improvement").value()).isEqualTo(1);
    assertThat(f.get("swemwbs_change_sd").value()).isCloseTo(1.45926, within(0.00001));
    assertThat(f.get("swemwbs_paired_n").sourceCell()).isEqualTo("D2:Q4");
    assertThat(f.get("ons4_paired_n").value()).isEqualTo(2);
    assertThat(f.get("ons4_life_satisfaction_mean").value()).isEqualTo(6.5);
    assertThat(f.get("ons4_worthwhile_mean").value()).isEqualTo(6.5);
    assertThat(f.get("ons4_happiness_mean").value()).isEqualTo(5.5);
    assertThat(f.get("ons4_anxiety_mean").value()).isEqualTo(4.0);
    assertThat(f.get("ons4_paired_n").sourceCell()).isEqualTo("R2:Y3");
    assertThat(f.get("ucla_respondents").value()).isEqualTo(3);
    assertThat(f.get("ucla_lonely").value()).isEqualTo(2);
    assertThat(f.get("ucla_lonely").sourceCell()).isEqualTo("Z2:AB4");
    PairedChange change = new WellbeingFigures(SCALES).swemwbsChange(rows).orElseThrow();
    assertThat(change.mean()).isCloseTo(2.98333, within(0.00001));
  }

  @Test
  void rawTotalsAreConvertedAndImpossibleTotalsAreFlaggedWithoutQuotingThem() {
    Sheet s = new Sheet("Totals", 0, false);
    String[] header = {"Client ID", "Follow up date", "SWEMWBS baseline total", "SWEMWBS follow-up total"};
    for (int c = 0; c < header.length; c++) {
      s.put(Cell.text(0, c, header[c]));
    }
    double[][] values = {{21, 28}, {28, 35}, {40, 30}};
    for (int r = 0; r < values.length; r++) {
      s.put(Cell.text(r + 1, 0, "C" + r));
      s.put(Cell.text(r + 1, 1, "03/12/2025"));
      s.put(Cell.number(r + 1, 2, values[r][0]));
      s.put(Cell.number(r + 1, 3, values[r][1]));
    }
    ParticipantScorer.Scored scored = score(s, null);
    assertThat(scored.rows().get(0).swemwbsBaseline()).isEqualTo(19.25);
    assertThat(scored.rows().get(0).swemwbsFollowup()).isEqualTo(25.03);
    assertThat(scored.rows().get(1).swemwbsFollowup()).isEqualTo(35.00);
    assertThat(scored.rows().get(2).swemwbsBaseline()).isNull();
    assertThat(scored.rows().get(2).followupDate()).hasToString("2025-12-03");
    assertThat(scored.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("participants.invalid_answer");
      assertThat(p.message()).contains("row 4").contains("from 7 to 35").doesNotContain("40");
    });
  }

  @Test
  void responseWordsAreScoredAsTheFormsNumberThem() {
    Sheet s = ParticipantSheets.handWorked("Participants");
    // P2's UCLA answers 3, 2, 2 typed as words; P1's first baseline SWEMWBS item 3 as "Some of the time"
    s.put(Cell.text(2, 25, "Often"));
    s.put(Cell.text(2, 26, "some of the time"));
    s.put(Cell.text(2, 27, "Some of the time"));
    s.put(Cell.text(1, 3, "Some of the time"));
    ParticipantScorer.Scored scored = score(s, null);
    assertThat(scored.rows().get(1).uclaTotal()).isEqualTo(7);
    assertThat(scored.rows().get(0).swemwbsBaseline()).isEqualTo(19.25);
    s.put(Cell.text(2, 25, "Sometimes maybe"));
    assertThat(score(s, null).rows().get(1).uclaTotal()).isNull();
  }

  @Test
  void referencesArePseudonymisedWithTheKeyAndNotKeptWithoutOne() {
    Sheet s = ParticipantSheets.handWorked("Participants");
    assertThat(score(s, null).rows()).allSatisfy(r -> assertThat(r.pseudonym()).isNull());
    PseudonymKey key = PseudonymKey.of("a-test-key-of-thirty-two-bytes!!");
    List<ParticipantRow> rows = score(s, key).rows();
    assertThat(rows).extracting(ParticipantRow::pseudonym).doesNotHaveDuplicates()
        .containsExactly(key.pseudonym(ParticipantSheets.REFS[0]), key.pseudonym(ParticipantSheets.REFS[1]),
            key.pseudonym(ParticipantSheets.REFS[2]), key.pseudonym(ParticipantSheets.REFS[3]));
    assertThat(rows.toString()).doesNotContain("RS-104");
  }

  @Test
  void aRepeatedReferenceIsFlaggedByRowNotByReference() {
    Sheet s = ParticipantSheets.handWorked("Participants");
    s.put(Cell.text(4, 0, ParticipantSheets.REFS[0]));
    List<Problem> problems = score(s, null).problems();
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.code()).isEqualTo("participants.duplicate_reference");
      assertThat(p.message()).contains("rows 2 and 5").doesNotContain("RS-1041");
    });
  }
}
