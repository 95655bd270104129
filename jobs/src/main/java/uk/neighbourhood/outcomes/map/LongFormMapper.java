package uk.neighbourhood.outcomes.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellRef;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * The long CSV form of the contract: a header {@code scheme_id,period,measure,value[,area_code]} and one
 * row per measure. It is a machine format, so codes must be exact; values may still carry thousands
 * separators or suppression markers, because people edit these files in Excel too.
 */
public final class LongFormMapper implements ReturnMapper {
  public static final String LAYOUT = "long csv";
  private static final List<String> REQUIRED = List.of("scheme_id", "period", "measure", "value");

  @Override
  public boolean recognises(Workbook workbook) {
    return headerSheet(workbook).isPresent();
  }

  @Override
  public MappingResult map(Workbook workbook, ReturnContext context) {
    Optional<Header> found = headerSheet(workbook);
    if (found.isEmpty()) {
      return MappingResult.refused(LAYOUT, Problem.error("longform.no_header",
          "Cannot read this file as the long CSV form: its first row is not scheme_id,period,measure,value.",
          "Start the file with the header row scheme_id,period,measure,value (area_code optional)."));
    }
    Header h = found.get();
    Sheet sheet = h.sheet();
    MeasureCatalog catalog = context.schemas().measures();
    List<Observation> observations = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Set<String> periods = new LinkedHashSet<>();
    Set<String> declared = new LinkedHashSet<>();
    for (int row : sheet.rowIndexes()) {
      if (row <= h.row()) {
        continue;
      }
      String scheme = sheet.text(row, h.col("scheme_id")).trim();
      String periodText = sheet.text(row, h.col("period")).trim();
      String code = sheet.text(row, h.col("measure")).trim().toLowerCase(Locale.ROOT);
      if (scheme.isEmpty() && periodText.isEmpty() && code.isEmpty() && sheet.text(row, h.col("value")).isBlank()) {
        continue;
      }
      if (!scheme.isEmpty()) {
        declared.add(scheme);
      }
      Optional<Period> period = Period.tryParse(periodText).or(() -> PeriodParser.quarterIn(periodText));
      if (period.isEmpty()) {
        problems.add(Problem.error("longform.bad_period",
            "Cannot read the period '" + periodText + "': it is not a quarter label.",
            "Write the period as 2025-26Q1 (Q1 is April to June).").at(sheet.name(), CellRef.a1(row, h.col("period"))));
        continue;
      }
      Optional<Measure> measure = catalog.find(code);
      if (measure.isEmpty()) {
        problems.add(Problem.error("longform.unknown_measure",
            "Cannot map the measure '" + code + "': it is not a code of the measure catalogue.",
            "Use one of the codes in docs/data-dictionary.md, e.g. people_supported.")
            .at(sheet.name(), CellRef.a1(row, h.col("measure"))));
        continue;
      }
      int valueCol = h.col("value");
      Cell cell = sheet.cell(row, valueCol);
      if (cell == null) {
        continue;
      }
      ParsedValue v = ValueParser.parse(cell, sheet.name());
      String area = h.has("area_code") ? emptyToNull(sheet.text(row, h.col("area_code"))) : null;
      String a1 = CellRef.a1(row, valueCol);
      switch (v.kind()) {
        case ABSENT -> { }
        case ERROR -> problems.add(v.problem());
        case SUPPRESSED -> observations.add(new Observation(context.schemeId(), period.get().label(), area, code, null,
            measure.get().unit(), true, context.file(), context.sha256(), sheet.name(), a1));
        case NUMBER -> {
          if (v.percent()) {
            problems.add(Problem.error("value.percentage",
                "Cannot use the percentage " + cell.display() + " for " + code + ": the long form takes counts.",
                "Give the count of people, not a percentage.").at(sheet.name(), a1));
          } else {
            observations.add(new Observation(context.schemeId(), period.get().label(), area, code, v.value(),
                measure.get().unit(), false, context.file(), context.sha256(), sheet.name(), a1));
          }
        }
        default -> throw new IllegalStateException(v.kind().toString());
      }
      periods.add(period.get().label());
    }
    if (observations.isEmpty() && problems.isEmpty()) {
      problems.add(Problem.error("longform.no_rows", "Cannot accept this return: it has a header but no values.",
          "Add one row per measure under the header."));
    }
    String declaredScheme = declared.size() == 1 ? declared.iterator().next() : null;
    if (declared.size() > 1) {
      problems.add(Problem.error("longform.several_schemes",
          "Cannot accept this return: it names several schemes (" + String.join(", ", declared) + ").",
          "Send one file per scheme."));
    }
    return new MappingResult(LAYOUT, declaredScheme, List.copyOf(periods), observations, problems);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private record Header(Sheet sheet, int row, Map<String, Integer> cols) {
    int col(String name) {
      return cols.get(name);
    }

    boolean has(String name) {
      return cols.containsKey(name);
    }
  }

  /** The first non-blank row of the first sheet, if it is the long-form header. */
  private static Optional<Header> headerSheet(Workbook workbook) {
    if (workbook.sheets().isEmpty()) {
      return Optional.empty();
    }
    Sheet sheet = workbook.sheets().get(0);
    List<Integer> rows = sheet.rowIndexes();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    int first = rows.get(0);
    Map<String, Integer> cols = new LinkedHashMap<>();
    for (Cell c : sheet.row(first)) {
      String name = c.display().replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
      cols.putIfAbsent(name, c.col());
    }
    return cols.keySet().containsAll(REQUIRED) ? Optional.of(new Header(sheet, first, cols)) : Optional.empty();
  }
}
