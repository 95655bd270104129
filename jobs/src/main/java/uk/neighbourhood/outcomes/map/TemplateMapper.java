package uk.neighbourhood.outcomes.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.CellRef;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Reads a return made from the official template ({@code outcomes template}). The hidden marker sheet
 * says where each value is, so nothing is guessed; only when a team has inserted or deleted rows does
 * the mapper fall back to finding each measure by its code, and says so with a warning.
 */
public final class TemplateMapper implements ReturnMapper {
  public static final String LAYOUT = "template v" + TemplateLayout.VERSION;

  @Override
  public boolean recognises(Workbook workbook) {
    return TemplateMarker.find(workbook).isPresent();
  }

  @Override
  public MappingResult map(Workbook workbook, ReturnContext context) {
    Optional<Sheet> markerSheet = TemplateMarker.find(workbook);
    if (markerSheet.isEmpty()) {
      return MappingResult.refused("template", Problem.error("template.not_recognised",
          "Cannot read this file as the official template: its hidden '" + TemplateLayout.MARKER_SHEET
              + "' sheet is missing.",
          "Copy your figures into a fresh template from 'outcomes template', without deleting any sheet."));
    }
    TemplateMarker marker = TemplateMarker.read(markerSheet.get());
    if (!marker.version().equals(Integer.toString(TemplateLayout.VERSION))) {
      return MappingResult.refused("template v" + marker.version(), Problem.error("template.unknown_version",
          "Cannot read this return: it was made from template version '" + marker.version()
              + "', and this pipeline knows version " + TemplateLayout.VERSION + " only.",
          "Download the current template (outcomes template) and copy your figures into it.")
          .at(TemplateLayout.MARKER_SHEET, "B2"));
    }
    Optional<Sheet> returnSheet = workbook.sheet(marker.returnSheet());
    if (returnSheet.isEmpty()) {
      return MappingResult.refused(LAYOUT, Problem.error("template.missing_sheet",
          "Cannot read this return: its '" + marker.returnSheet() + "' sheet has been deleted or renamed.",
          "Rename the sheet back to '" + marker.returnSheet() + "', or copy your figures into a fresh template."));
    }
    return new Reading(returnSheet.get(), marker, context).run();
  }

  /** The state of mapping one return, so that every problem in it is reported together. */
  private static final class Reading {
    private final Sheet sheet;
    private final TemplateMarker marker;
    private final ReturnContext context;
    private final MeasureCatalog catalog;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> moved = new ArrayList<>();
    private Map<String, List<Integer>> codeRows;
    /** Columns inserted (positive) or deleted (negative) before the code column, found from the codes. */
    private final int shift;
    private final int codeCol;
    /** The same for the value column, which also moves when a column is inserted after the codes. */
    private final int valueShift;

    Reading(Sheet sheet, TemplateMarker marker, ReturnContext context) {
      this.sheet = sheet;
      this.marker = marker;
      this.context = context;
      this.catalog = context.schemas().measures();
      this.shift = columnShift();
      this.codeCol = marker.codeCol() + shift;
      this.valueShift = valueShift();
    }

    MappingResult run() {
      int[] schemeAt = headerCell(marker.schemeCell(), TemplateLayout.SCHEME_ROW, TemplateLayout.SCHEME_LABEL);
      int[] periodAt = headerCell(marker.periodCell(), TemplateLayout.PERIOD_ROW, TemplateLayout.PERIOD_LABEL);
      // scheme ids are lower-case in the registry; 'Riverside' is the same scheme, not another one
      String declared = sheet.text(schemeAt[0], schemeAt[1]).trim().toLowerCase(Locale.ROOT);
      Period period = period(periodAt);
      String label = period == null ? null : period.label();

      List<Observation> observations = new ArrayList<>();
      for (TemplateMarker.Entry entry : marker.entries()) {
        Optional<Measure> measure = catalog.find(entry.code());
        if (measure.isEmpty()) {
          problems.add(Problem.error("template.unknown_measure",
              "Cannot read the row for measure '" + entry.code() + "': the measure catalogue no longer has it.",
              "Copy your figures into a fresh template from 'outcomes template'.")
              .at(TemplateLayout.MARKER_SHEET, null));
          continue;
        }
        Integer row = measureRow(entry, measure.get());
        if (row == null) {
          continue;
        }
        int col = entry.col() + valueShift;
        String a1 = CellRef.a1(row, col);
        TemplateValue v = TemplateValue.read(sheet.cell(row, col), measure.get());
        if (v.problem() != null) {
          problems.add(v.problem().at(sheet.name(), a1));
        } else if (v.present()) {
          observations.add(new Observation(context.schemeId(), label, null, measure.get().code(), v.value(),
              measure.get().unit(), v.suppressed(), context.file(), context.sha256(), sheet.name(), a1));
        }
      }
      boolean columnsMoved = shift != 0 || valueShift != 0;
      if (!moved.isEmpty() || columnsMoved) {
        String first = moved.isEmpty() ? CellRef.a1(TemplateLayout.HEADER_ROW, codeCol) : moved.get(0);
        String what = !columnsMoved ? "rows were" : moved.isEmpty() ? "columns were" : "rows and columns were";
        problems.add(Problem.warning("template.moved_rows",
            "Cannot find the figures where the template put them: " + what
                + " inserted or deleted on the '" + sheet.name() + "' sheet, so measures were found by their code"
                + " in column " + CellRef.columnLetters(codeCol) + " instead (the first moved cell is " + first + ").",
            "Check the figures in your feedback; next quarter, use a fresh template and do not insert or"
                + " delete rows or columns.")
            .at(sheet.name(), first));
      }
      return new MappingResult(LAYOUT, declared.isEmpty() ? null : declared,
          label == null ? List.of() : List.of(label), List.copyOf(observations), List.copyOf(problems));
    }

    /** The scheme or period cell: where the marker says, unless its label has moved to another row. */
    private int[] headerCell(String a1, int defaultRow, String label) {
      int[] at = TemplateMarker.parse(a1);
      if (at == null) {
        at = new int[] {defaultRow, TemplateLayout.VALUE_COL};
      }
      int[] shifted = {at[0], at[1] + valueShift};
      if (labelled(at[0], label)) {
        return shifted;
      }
      for (int r : sheet.rowIndexes()) {
        if (labelled(r, label)) {
          moved.add(CellRef.a1(r, shifted[1]));
          return new int[] {r, shifted[1]};
        }
      }
      return shifted;
    }

    /** True when the row holds the label left of the code column, where the template puts it. */
    private boolean labelled(int row, String label) {
      for (int c = 0; c < codeCol; c++) {
        if (sheet.text(row, c).trim().equalsIgnoreCase(label)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Zero unless none of the marker's codes is in the code column any more; then the offset to the
     * column that now holds most of them (a team inserted or deleted a column), with a warning.
     */
    private int columnShift() {
      int best = marker.codeCol();
      int bestCount = codesIn(best);
      if (bestCount > 0) {
        return 0;
      }
      for (int c = 0; c <= sheet.lastCol(); c++) {
        int n = codesIn(c);
        if (n > bestCount) {
          best = c;
          bestCount = n;
        }
      }
      return best - marker.codeCol();
    }

    /** Where the 'Value' heading is now, relative to the template's value column; 0 when not found. */
    private int valueShift() {
      for (int r : sheet.rowIndexes()) {
        if (sheet.text(r, codeCol).trim().equalsIgnoreCase(TemplateLayout.HEADER_CODE)) {
          for (int c = codeCol + 1; c <= sheet.lastCol(); c++) {
            if (sheet.text(r, c).trim().equalsIgnoreCase(TemplateLayout.HEADER_VALUE)) {
              return c - (marker.entries().isEmpty() ? TemplateLayout.VALUE_COL : marker.entries().get(0).col());
            }
          }
        }
      }
      return shift;
    }

    private int codesIn(int col) {
      Set<String> codes = new HashSet<>();
      marker.entries().forEach(e -> codes.add(e.code().toLowerCase(Locale.ROOT)));
      int n = 0;
      for (int r : sheet.rowIndexes()) {
        if (codes.contains(sheet.text(r, col).trim().toLowerCase(Locale.ROOT))) {
          n++;
        }
      }
      return n;
    }

    private Period period(int[] at) {
      String a1 = CellRef.a1(at[0], at[1]);
      Cell cell = sheet.cell(at[0], at[1]);
      if (cell == null || cell.isBlank()) {
        problems.add(Problem.error("template.missing_period",
            "Cannot tell which quarter this return covers: the period cell is empty.",
            "Pick the quarter from the list in cell " + a1 + " (for example 2025-26Q1 for April to June 2025).")
            .at(sheet.name(), a1));
        return null;
      }
      Optional<Period> p = cell.kind() == CellKind.TEXT ? TemplatePeriods.parse(cell.text()) : Optional.empty();
      if (p.isEmpty()) {
        String shown = cell.display().trim();
        problems.add(Problem.error("template.bad_period",
            "Cannot read the period '" + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown)
                + "': it is not a quarter written as 2025-26Q1, Q1 2025/26 or Q1 2025-26.",
            "Pick the quarter from the list in cell " + a1 + ", or type it as 2025-26Q1 (financial year"
                + " 2025-26, quarter 1 = April to June).")
            .at(sheet.name(), a1));
        return null;
      }
      return p.get();
    }

    /**
     * The measure's row: the marker's, or where its code now is; null (with a problem) when the code
     * is gone or appears twice, since two rows for one measure would make any choice a guess.
     */
    private Integer measureRow(TemplateMarker.Entry entry, Measure measure) {
      List<Integer> rows = codeRows().getOrDefault(entry.code().toLowerCase(Locale.ROOT), List.of());
      String codeColumn = CellRef.columnLetters(codeCol);
      String what = "'" + measure.label() + "' (" + measure.code() + ")";
      if (rows.size() > 1) {
        int extra = rows.stream().filter(r -> r != entry.row()).findFirst().orElse(rows.get(1));
        problems.add(Problem.error("template.duplicate_row",
            "Cannot tell which row holds " + what + ": its code is on rows "
                + rows.stream().map(r -> Integer.toString(r + 1)).collect(Collectors.joining(" and ")) + ".",
            "Delete the extra row so the code appears once, or copy your figures into a fresh template.")
            .at(sheet.name(), CellRef.a1(extra, codeCol)));
        return null;
      }
      if (rows.isEmpty()) {
        problems.add(Problem.error("template.missing_row",
            "Cannot find the row for " + what + ": its code is no longer in column " + codeColumn + ".",
            "Put the row back as it was in the template (code in column " + codeColumn
                + "), or copy your figures into a fresh template.")
            .at(sheet.name(), CellRef.a1(entry.row(), codeCol)));
        return null;
      }
      if (rows.get(0) != entry.row()) {
        moved.add(CellRef.a1(rows.get(0), entry.col()));
      }
      return rows.get(0);
    }

    private Map<String, List<Integer>> codeRows() {
      if (codeRows == null) {
        codeRows = new HashMap<>();
        for (int r : sheet.rowIndexes()) {
          String code = sheet.text(r, codeCol).trim().toLowerCase(Locale.ROOT);
          if (!code.isEmpty()) {
            codeRows.computeIfAbsent(code, c -> new ArrayList<>()).add(r);
          }
        }
      }
      return codeRows;
    }
  }
}
