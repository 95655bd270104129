package uk.neighbourhood.outcomes.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;
import uk.neighbourhood.outcomes.participants.ParticipantColumns;
import uk.neighbourhood.outcomes.participants.ParticipantHeaders;
import uk.neighbourhood.outcomes.participants.ParticipantRow;
import uk.neighbourhood.outcomes.participants.ParticipantScorer;
import uk.neighbourhood.outcomes.participants.Scales;
import uk.neighbourhood.outcomes.participants.WellbeingFigures;
import uk.neighbourhood.outcomes.privacy.PseudonymKey;

/**
 * Reads participant-level sheets (one row per participant, recognised by their headers): a sheet of the
 * template or of a free-form workbook, or a CSV on its own. Scores them and adds the wellbeing measures they
 * give to whatever the rest of the return said. When the return also states aggregate wellbeing values,
 * the participant-derived ones are published instead and a warning says so, naming any that differ: the
 * rows are the primary data, and refusing the whole return over a stale summary figure would cost a
 * resubmission for nothing.
 */
public final class ParticipantSheetMapper {
  public static final String LAYOUT = "participants";

  private final PseudonymKey key;

  /** @param key the pseudonym key from configuration, or null to keep no participant reference at all */
  public ParticipantSheetMapper(PseudonymKey key) {
    this.key = key;
  }

  /**
   * The workbook's participant-level sheets with their columns, in workbook order. A sheet whose header row
   * also names an aggregate measure that is not wellbeing ("People supported") is a wide aggregate return,
   * not a participant list, and is left to the other mappers.
   */
  public Map<Sheet, ParticipantColumns> find(Workbook workbook, Schemas schemas) {
    ParticipantHeaders headers = ParticipantHeaders.load(schemas);
    HeaderMatcher measures = HeaderMatcher.of(schemas.measures());
    Map<Sheet, ParticipantColumns> found = new LinkedHashMap<>();
    for (Sheet s : workbook.sheets()) {
      headers.recognise(s).filter(c -> !namesAggregateMeasures(s, c, headers, measures, schemas))
          .ifPresent(c -> found.put(s, c));
    }
    return found;
  }

  private static boolean namesAggregateMeasures(Sheet s, ParticipantColumns c, ParticipantHeaders headers,
      HeaderMatcher measures, Schemas schemas) {
    for (Cell cell : s.row(c.headerRow())) {
      if (cell.kind() != CellKind.TEXT || headers.field(cell.text()).isPresent()) {
        continue;
      }
      boolean aggregate = measures.match(cell.text())
          .flatMap(m -> schemas.measures().find(m.measure()))
          .filter(m -> !"wellbeing".equals(m.domain()))
          .isPresent();
      if (aggregate) {
        return true;
      }
    }
    return false;
  }

  /**
   * Scores the participant sheets and merges their figures into the rest of the return.
   *
   * @param rest what the other sheets gave, or null when the return has no other sheet
   */
  public MappingResult merge(MappingResult rest, Map<Sheet, ParticipantColumns> sheets, ReturnContext context) {
    Schemas schemas = context.schemas();
    Scales scales = Scales.load(schemas);
    ParticipantScorer scorer = new ParticipantScorer(scales, key);
    WellbeingFigures figures = new WellbeingFigures(scales);
    String fixedPeriod = rest != null && rest.periods().size() == 1 ? rest.periods().get(0) : null;

    List<Problem> problems = new ArrayList<>();
    List<Observation> derived = new ArrayList<>();
    for (Map.Entry<Sheet, ParticipantColumns> e : sheets.entrySet()) {
      Sheet sheet = e.getKey();
      ParticipantScorer.Scored scored = scorer.score(sheet, e.getValue());
      problems.addAll(scored.problems());
      Map<String, List<ParticipantRow>> byPeriod = new TreeMap<>();
      List<ParticipantRow> unplaced = new ArrayList<>();
      for (ParticipantRow p : scored.rows()) {
        if (fixedPeriod != null) {
          byPeriod.computeIfAbsent(fixedPeriod, k -> new ArrayList<>()).add(p);
        } else if (p.periodDate() != null) {
          byPeriod.computeIfAbsent(Period.of(p.periodDate()).label(), k -> new ArrayList<>()).add(p);
        } else {
          unplaced.add(p);
        }
      }
      if (!unplaced.isEmpty()) {
        problems.add(Problem.warning("participants.no_period",
            "Cannot place " + unplaced.size() + " participant" + (unplaced.size() == 1 ? "" : "s")
                + " in a quarter: the row has no follow-up or start date and the return states no period.",
            "Fill in the follow-up date (or the start date) of every participant.")
            .at(sheet.name(), null));
      }
      byPeriod.forEach((period, rows) -> {
        for (WellbeingFigures.Figure f : figures.figures(rows, e.getValue())) {
          String unit = schemas.measures().find(f.measure()).map(Measure::unit).orElse(null);
          derived.add(new Observation(context.schemeId(), period, null, f.measure(), f.value(), unit, false,
              context.file(), context.sha256(), sheet.name(), f.sourceCell()));
        }
      });
    }
    if (derived.isEmpty()) {
      problems.add(Problem.warning("participants.nothing_scored",
          "Cannot derive any wellbeing figure from the participant rows: no participant has complete answers"
              + " at both baseline and follow-up.",
          "Check that the item columns are filled in; the participant sheet was otherwise ignored."));
    }
    List<Observation> kept = new ArrayList<>();
    if (rest != null) {
      Map<String, Observation> derivedByKey = derived.stream()
          .collect(Collectors.toMap(o -> o.period() + "|" + o.measure(), o -> o, (a, b) -> a));
      List<String> replaced = new ArrayList<>();
      Set<String> differing = new TreeSet<>();
      for (Observation o : rest.observations()) {
        Observation d = o.areaCode() == null ? derivedByKey.get(o.period() + "|" + o.measure()) : null;
        if (d == null) {
          kept.add(o);
          continue;
        }
        replaced.add(o.measure());
        if (o.value() == null || Math.abs(o.value() - d.value())
            > scales.aggregateTolerance() * Math.max(Math.abs(d.value()), 1e-9)) {
          differing.add(o.measure() + " (" + o.location() + ")");
        }
      }
      if (!replaced.isEmpty()) {
        problems.add(Problem.warning("participants.replace_aggregate",
            "Cannot use both the aggregate wellbeing values and the participant rows: the figures for "
                + String.join(", ", new TreeSet<>(replaced)) + " are computed from the participant rows instead"
                + (differing.isEmpty() ? " (they agree)." : "; these aggregate values differ from them: "
                    + String.join(", ", differing) + "."),
            "Leave the aggregate wellbeing cells empty when you send participant rows, or check which of the"
                + " two is right."));
      }
    }
    kept.addAll(derived);
    Set<String> periods = new TreeSet<>(rest == null ? List.of() : rest.periods());
    derived.forEach(o -> periods.add(o.period()));
    List<Problem> all = new ArrayList<>(rest == null ? List.of() : rest.problems());
    all.addAll(problems);
    return new MappingResult(rest == null ? LAYOUT : rest.layout() + " + " + LAYOUT,
        rest == null ? null : rest.declaredScheme(), List.copyOf(periods), List.copyOf(kept), List.copyOf(all));
  }
}
