package uk.neighbourhood.outcomes.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.CellRange;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;

/**
 * Finds where the figures are in one sheet and ties each value cell to a measure. Four layouts:
 * measures down the rows (with one value column, or months or quarters across), measures across the
 * columns (one row per area or month), and the long layout (a measure column and a value column).
 * Title, note, blank and totals rows are passed over, so a total is never counted beside its parts.
 */
public final class LayoutDetector {
  private static final int SCAN_ROWS = 40;
  private static final int SCAN_DOWN_ROWS = 300;
  private static final Pattern PERCENT_WORD =
      Pattern.compile("\\b(percent|percentage|pct|proportion)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern AREA_CODE = Pattern.compile("[EWSN]\\d{8}");
  private static final Pattern FOOTNOTE =
      Pattern.compile("^(notes?\\b|source\\b|footnote|\\*|\u2020|nb\\b|please note|key\\b).*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TOTAL = Pattern.compile(
      "^(grand total|sub ?total|totals?|all areas|all wards|overall|overall total|scheme total|total all areas"
          + "|total for scheme|sum|q[1-4] total|quarter total|total for quarter)\\b.*|.*\\btotals?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_A_VALUE_COLUMN = Pattern.compile(
      ".*\\b(notes?|comments?|narrative|target|targets|previous|last quarter|ytd|year to date|rag|status"
          + "|change|variance|plan|forecast|definition|description|explanation|source)\\b.*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL_HEADER = Pattern.compile(
      "^(area|area name|area code|ons code|lsoa|lsoa code|lsoa name|ward|ward code|ward name|locality|neighbourhood"
          + "|month|period|quarter|date|name|code|site|team|measure|indicator|metric|item)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LONG_MEASURE = Pattern.compile("^(measure|measure name|indicator|metric|item|outcome)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LONG_VALUE = Pattern.compile("^(value|count|number|figure|amount|result|actual)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LONG_PERIOD = Pattern.compile("^(month|period|quarter|date|reporting month|month ending)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LONG_AREA = Pattern.compile("^(area|area code|ons code|lsoa|lsoa code|ward code)$",
      Pattern.CASE_INSENSITIVE);

  private final HeaderMatcher matcher;

  public LayoutDetector(HeaderMatcher matcher) {
    this.matcher = matcher;
  }

  /** True for a sheet people read rather than data: named or titled instructions, notes, guidance, readme. */
  public static boolean isInstructions(Sheet sheet) {
    String name = sheet.name().toLowerCase(Locale.ROOT);
    if (name.matches(".*\\b(instructions?|notes|guidance|read ?me|how to complete|contents|about|definitions)\\b.*")) {
      return true;
    }
    for (int r : sheet.rowIndexes()) {
      List<Cell> cells = sheet.row(r);
      if (!cells.isEmpty()) {
        String first = cells.get(0).display().toLowerCase(Locale.ROOT);
        return first.matches("^(instructions?|guidance|notes|read ?me|how to complete)\\b.*");
      }
    }
    return false;
  }

  /** True for headers of label columns (area, month, measure name...), which hold no figures. */
  static boolean isLabelHeader(String text) {
    return LABEL_HEADER.matcher(text.trim()).matches() || NOT_A_VALUE_COLUMN.matcher(text).matches();
  }

  public SheetLayout detect(Sheet sheet, MappingProfile profile) {
    Context cx = new Context(sheet, profile);
    cx.labels = ReturnLabels.scan(sheet, SCAN_ROWS);
    Optional<Integer> longHeader = findLongHeader(cx);
    if (longHeader.isPresent()) {
      readLong(cx, longHeader.get());
      return cx.result("long");
    }
    int[] across = bestAcrossRow(cx);
    int[] down = bestDownColumn(cx);
    boolean profileHeader = profile != null && profile.headerRow() != null;
    if (across[1] > 0 && (profileHeader || (across[1] >= 2 || down[1] == 0) && across[1] >= down[1])) {
      readAcross(cx, across[0]);
      return cx.result("measures-across");
    }
    if (down[1] > 0) {
      readDown(cx, down[0]);
      return cx.result("measures-down");
    }
    reportUnmappedCandidates(cx);
    return cx.result("none");
  }

  // ---- header resolution ----

  /** Resolves the header of a column or row, profile first; records it for problems and drafts. */
  private HeaderCell resolve(Context cx, int row, int col, String text, String key) {
    if (cx.profile != null) {
      Optional<String> chosen = cx.profile.choiceFor(col, text);
      if (chosen.isEmpty() && !key.matches("[A-Z]{1,3}")) {
        chosen = cx.profile.choiceFor(-1, text);
      }
      if (chosen.isPresent()) {
        String m = chosen.get().equals(MappingProfile.IGNORE) ? null : chosen.get();
        return new HeaderCell(a1(row, col), key, text, m, 1.0, true, List.of());
      }
    }
    // a data sheet repeats a few hundred texts down 100,000 rows: match each distinct text once
    Optional<HeaderMatch> match = cx.matches.computeIfAbsent(text, matcher::match);
    if (match.isPresent()) {
      return new HeaderCell(a1(row, col), key, text, match.get().measure(), match.get().confidence(), false, List.of());
    }
    return new HeaderCell(a1(row, col), key, text, null, 0, false, matcher.rank(text, 3));
  }

  private static boolean percentHeader(String text) {
    return text.contains("%") || PERCENT_WORD.matcher(text).find();
  }

  /** Header text of a column, combining a parent header (merged over several columns) above it. */
  private String columnHeader(Context cx, int row, int col) {
    String child = cx.text(row, col);
    if (row == 0 || cx.profileHeaderRowSingle()) {
      return child;
    }
    String parent = parentText(cx, row - 1, col);
    if (parent.isEmpty()) {
      return child;
    }
    if (child.isEmpty()) {
      return parent;
    }
    if (matcher.match(child).isPresent() && matcher.match(parent + " " + child).isEmpty()) {
      return child;
    }
    return parent + " " + child;
  }

  /** The text over a column in the row above, only when it is a group header (not a title spanning all). */
  private String parentText(Context cx, int row, int col) {
    Cell c = cx.sheet.cellOrMerged(row, col);
    if (c == null || c.kind() != CellKind.TEXT) {
      return "";
    }
    for (CellRange m : cx.sheet.merged()) {
      if (m.contains(row, col) && m.firstCol() == 0 && m.lastCol() >= cx.lastCol) {
        return "";
      }
    }
    String t = c.display().trim();
    if (PeriodParser.quarterIn(t).isPresent() || t.endsWith(":")) {
      return "";
    }
    // a lone text cell with nothing else on its row is a title or a note, not a group header
    return cx.sheet.row(row).size() == 1 && !isMergedAcross(cx, row, col) ? "" : t;
  }

  private boolean isMergedAcross(Context cx, int row, int col) {
    return cx.sheet.merged().stream().anyMatch(m -> m.contains(row, col) && m.lastCol() > m.firstCol());
  }

  // ---- measures across the columns ----

  private int[] bestAcrossRow(Context cx) {
    int best = -1;
    int bestScore = 0;
    for (int r : cx.candidateRows()) {
      int score = 0;
      for (int c = 0; c <= cx.lastCol; c++) {
        Cell own = cx.sheet.cell(r, c);
        if (own != null && own.kind() != CellKind.TEXT) {
          continue; // a number or a date is a figure or a period, never a measure's name
        }
        String h = columnHeader(cx, r, c);
        if (!h.isEmpty() && resolve(cx, r, c, h, letter(c)).mapped()) {
          score++;
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = r;
      }
    }
    return new int[] {best, bestScore};
  }

  private void readAcross(Context cx, int headerRow) {
    Map<Integer, HeaderCell> measureCols = new LinkedHashMap<>();
    int firstMeasureCol = Integer.MAX_VALUE;
    List<HeaderCell> unmapped = new ArrayList<>();
    for (int c = 0; c <= cx.lastCol; c++) {
      String h = columnHeader(cx, headerRow, c);
      if (h.isEmpty()) {
        continue;
      }
      HeaderCell hc = resolve(cx, headerRow, c, h, letter(c));
      cx.headers.add(hc);
      if (hc.mapped()) {
        measureCols.put(c, hc);
        firstMeasureCol = Math.min(firstMeasureCol, c);
      } else if (!hc.fromProfile()) {
        unmapped.add(hc);
      }
    }
    for (HeaderCell hc : unmapped) {
      int col = uk.neighbourhood.outcomes.model.CellRef.parseA1(hc.a1())[1];
      if (col > firstMeasureCol && !LABEL_HEADER.matcher(hc.text()).matches()
          && !NOT_A_VALUE_COLUMN.matcher(hc.text()).matches()) {
        cx.unmapped(hc);
      }
    }
    // quarters or months across in two rows: a period over a group of measure columns
    Map<Integer, ParsedPeriod> columnPeriods = new java.util.HashMap<>();
    if (headerRow > 0) {
      for (int c : measureCols.keySet()) {
        PeriodParser.header(cx.sheet.cellOrMerged(headerRow - 1, c)).ifPresent(p -> columnPeriods.put(c, p));
      }
    }
    Set<Integer> percentCols = new java.util.HashSet<>();
    measureCols.forEach((c, hc) -> {
      if (percentHeader(hc.text())) {
        percentCols.add(c);
      }
    });
    int start = cx.profile != null && cx.profile.firstDataRow() != null ? cx.profile.firstDataRow() : headerRow + 1;
    for (int r : cx.sheet.rowIndexes()) {
      if (r < start) {
        continue;
      }
      String label = rowLabel(cx, r, firstMeasureCol);
      if (isTotalRow(cx, r, firstMeasureCol) && !(cx.profile != null && cx.profile.skipsRow(label))) {
        for (Map.Entry<Integer, HeaderCell> e : measureCols.entrySet()) {
          Cell cell = cx.sheet.cell(r, e.getKey());
          ParsedValue v = ValueParser.parse(cell, cx.sheet.name());
          if (v.isNumber()) {
            cx.total(e.getValue().measure(), null, r, e.getKey(), cell, v);
          }
        }
        continue;
      }
      if (skipRow(cx, r, label, firstMeasureCol)) {
        continue;
      }
      String area = null;
      ParsedPeriod period = null;
      boolean named = false;
      for (Cell c : cx.sheet.row(r)) {
        if (c.col() >= firstMeasureCol) {
          break;
        }
        String t = c.display().trim();
        if (AREA_CODE.matcher(t).matches()) {
          area = t;
        } else if (period == null && PeriodParser.header(c).isPresent()) {
          period = PeriodParser.header(c).get();
        } else if (!t.isEmpty()) {
          named = true;
        }
      }
      for (Map.Entry<Integer, HeaderCell> e : measureCols.entrySet()) {
        Cell cell = cx.sheet.cell(r, e.getKey());
        ParsedValue v = ValueParser.parse(cell, cx.sheet.name());
        if (v.kind() == ParsedValue.Kind.ABSENT) {
          continue;
        }
        ParsedPeriod p = period != null ? period : columnPeriods.get(e.getKey());
        cx.point(e.getValue().measure(), area, p, r, e.getKey(), cell, v, named && area == null,
            percentCols.contains(e.getKey()));
      }
    }
  }

  // ---- measures down the rows ----

  private int[] bestDownColumn(Context cx) {
    int best = -1;
    int bestScore = 0;
    for (int c = 0; c <= Math.min(cx.lastCol, 4); c++) {
      int score = 0;
      // measures down the rows are a short list near the top; a sample decides, so a long
      // table of areas is not matched row by row against every measure
      for (int r : cx.sheet.rowIndexes().stream().limit(SCAN_DOWN_ROWS).toList()) {
        Cell cell = cx.sheet.cell(r, c);
        if (cell != null && cell.kind() == CellKind.TEXT && !AREA_CODE.matcher(cell.text().trim()).matches()
            && hasValueRight(cx, r, c)
            && resolve(cx, r, c, cell.text(), cell.text()).mapped()) {
          score++;
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return new int[] {best, bestScore};
  }

  /** True when a cell right of column {@code c} holds a figure (a number, a suppression, an error cell). */
  private boolean hasValueRight(Context cx, int r, int c) {
    for (Cell x : cx.sheet.row(r)) {
      if (x.col() > c) {
        ParsedValue.Kind k = ValueParser.parse(x, cx.sheet.name()).kind();
        if (k == ParsedValue.Kind.NUMBER || k == ParsedValue.Kind.SUPPRESSED || x.kind() == CellKind.ERROR) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean anyRight(Context cx, int r, int c) {
    return cx.sheet.row(r).stream().anyMatch(x -> x.col() > c);
  }

  /** A column's role when measures run down the rows. */
  private record ValueColumn(int col, ParsedPeriod period, String header) {}

  private void readDown(Context cx, int measureCol) {
    List<Integer> measureRows = new ArrayList<>();
    Map<Integer, HeaderCell> rowHeaders = new LinkedHashMap<>();
    for (int r : cx.sheet.rowIndexes()) {
      Cell cell = cx.sheet.cell(r, measureCol);
      if (cell == null || cell.kind() != CellKind.TEXT || !anyRight(cx, r, measureCol)) {
        continue;
      }
      HeaderCell hc = resolve(cx, r, measureCol, cell.text(), cell.text());
      if (!hc.mapped() && !hasValueRight(cx, r, measureCol)) {
        continue;
      }
      rowHeaders.put(r, hc);
      if (hc.mapped()) {
        measureRows.add(r);
      }
    }
    int firstRow = measureRows.get(0);
    int headerRow = cx.profile != null && cx.profile.headerRow() != null ? cx.profile.headerRow() : -1;
    if (headerRow < 0) {
      for (int r = firstRow - 1; r >= Math.max(0, firstRow - 4) && headerRow < 0; r--) {
        for (Cell c : cx.sheet.row(r)) {
          if (c.col() > measureCol) {
            headerRow = r;
            break;
          }
        }
      }
    }
    Set<Integer> used = new LinkedHashSet<>();
    for (int r : rowHeaders.keySet()) {
      for (Cell c : cx.sheet.row(r)) {
        if (c.col() > measureCol) {
          used.add(c.col());
        }
      }
    }
    List<ValueColumn> periodCols = new ArrayList<>();
    List<ValueColumn> plainCols = new ArrayList<>();
    List<Integer> totalCols = new ArrayList<>();
    for (int c : used.stream().sorted().toList()) {
      String h = headerRow < 0 ? "" : columnHeader(cx, headerRow, c);
      Cell hcell = headerRow < 0 ? null : cx.sheet.cell(headerRow, c);
      if (cx.profile != null && cx.profile.choiceFor(c, h).filter(MappingProfile.IGNORE::equals).isPresent()) {
        continue;
      }
      Optional<ParsedPeriod> p = hcell != null ? PeriodParser.header(hcell) : PeriodParser.header(h);
      if (p.isEmpty() && !h.isEmpty()) {
        p = PeriodParser.header(h);
      }
      if (p.isPresent()) {
        periodCols.add(new ValueColumn(c, p.get(), h));
      } else if (TOTAL.matcher(h).matches()) {
        totalCols.add(c);
      } else if (!NOT_A_VALUE_COLUMN.matcher(h).matches() && mostlyNumeric(cx, rowHeaders.keySet(), c)) {
        plainCols.add(new ValueColumn(c, null, h));
      }
    }
    // a quarter column beside that quarter's months is the team's total of them
    List<ValueColumn> quarterTotals = periodCols.stream().filter(q -> !q.period().isMonth() && periodCols.stream()
        .anyMatch(m -> m.period().isMonth() && m.period().period().equals(q.period().period()))).toList();
    periodCols.removeAll(quarterTotals);
    Set<Period> monthQuarters = new java.util.HashSet<>();
    periodCols.stream().filter(v -> v.period().isMonth()).forEach(v -> monthQuarters.add(v.period().period()));
    ParsedPeriod totalPeriod = monthQuarters.size() == 1 ? ParsedPeriod.quarter(monthQuarters.iterator().next()) : null;
    List<ValueColumn> valueCols;
    if (!periodCols.isEmpty()) {
      valueCols = periodCols;
    } else if (plainCols.size() == 1) {
      valueCols = plainCols;
    } else {
      cx.problems.add(Problem.error("map.ambiguous_value_column",
          "Cannot tell which column holds the figures: " + plainCols.size() + " columns of numbers beside the measures"
              + " and none is headed by a period.",
          "Keep one column of figures for the quarter, head it with the quarter (e.g. Q2 2025/26), or add a"
              + " mapping profile that ignores the other columns (columns: - column: C, measure: ignore).").at(cx.sheet.name(), headerRow < 0 ? null : a1(headerRow, measureCol + 1)));
      return;
    }
    for (Map.Entry<Integer, HeaderCell> e : rowHeaders.entrySet()) {
      int r = e.getKey();
      HeaderCell hc = e.getValue();
      cx.headers.add(hc);
      if (!hc.mapped()) {
        if (!hc.fromProfile() && !TOTAL.matcher(hc.text().trim()).matches() && !FOOTNOTE.matcher(hc.text().trim()).matches()
            && !(cx.profile != null && cx.profile.skipsRow(hc.text()))) {
          cx.unmapped(hc);
        }
        continue;
      }
      if (cx.profile != null && cx.profile.skipsRow(hc.text())) {
        continue;
      }
      if (totalPeriod != null && valueCols == periodCols) {
        List<Integer> totals = new ArrayList<>(totalCols);
        quarterTotals.forEach(q -> totals.add(q.col()));
        for (int tc : totals) {
          Cell cell = cx.sheet.cell(r, tc);
          ParsedValue v = ValueParser.parse(cell, cx.sheet.name());
          if (v.isNumber()) {
            cx.total(hc.measure(), totalPeriod, r, tc, cell, v);
          }
        }
      }
      for (ValueColumn vc : valueCols) {
        Cell cell = cx.sheet.cell(r, vc.col());
        ParsedValue v = ValueParser.parse(cell, cx.sheet.name());
        if (v.kind() == ParsedValue.Kind.ABSENT) {
          if (vc.period() != null && vc.period().isMonth()) {
            cx.point(hc.measure(), null, vc.period(), r, vc.col(), cell, v, false, percentHeader(hc.text()));
          }
          continue;
        }
        cx.point(hc.measure(), null, vc.period(), r, vc.col(), cell, v, false, percentHeader(hc.text()));
      }
    }
  }

  private boolean mostlyNumeric(Context cx, Set<Integer> rows, int col) {
    int numbers = 0;
    int text = 0;
    for (int r : rows) {
      ParsedValue v = ValueParser.parse(cx.sheet.cell(r, col), cx.sheet.name());
      if (v.kind() == ParsedValue.Kind.NUMBER || v.kind() == ParsedValue.Kind.SUPPRESSED) {
        numbers++;
      } else if (v.kind() == ParsedValue.Kind.ERROR && cx.sheet.cell(r, col).kind() == CellKind.TEXT) {
        text++;
      }
    }
    return numbers > 0 && numbers >= text;
  }

  // ---- long layout ----

  private Optional<Integer> findLongHeader(Context cx) {
    for (int r : cx.candidateRows()) {
      boolean measure = false;
      boolean value = false;
      for (Cell c : cx.sheet.row(r)) {
        String t = c.display().trim();
        measure |= LONG_MEASURE.matcher(t).matches();
        value |= LONG_VALUE.matcher(t).matches();
      }
      if (measure && value) {
        int mc = -1;
        for (Cell c : cx.sheet.row(r)) {
          if (LONG_MEASURE.matcher(c.display().trim()).matches()) {
            mc = c.col();
          }
        }
        // "Measure | Value" over measures down the rows is layout (a); long means one row per measure
        // per period or area, so the measure names repeat or a period/area column exists
        for (Cell c : cx.sheet.row(r)) {
          String t = c.display().trim();
          if (LONG_PERIOD.matcher(t).matches() || LONG_AREA.matcher(t).matches()) {
            return Optional.of(r);
          }
        }
        if (mc >= 0 && repeats(cx, r, mc)) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  private boolean repeats(Context cx, int headerRow, int col) {
    Set<String> seen = new java.util.HashSet<>();
    for (int r : cx.sheet.rowIndexes()) {
      if (r > headerRow && !cx.text(r, col).isEmpty() && !seen.add(cx.text(r, col).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private void readLong(Context cx, int headerRow) {
    int measureCol = -1;
    int valueCol = -1;
    int periodCol = -1;
    int areaCol = -1;
    for (Cell c : cx.sheet.row(headerRow)) {
      String t = c.display().trim();
      if (LONG_MEASURE.matcher(t).matches() && measureCol < 0) {
        measureCol = c.col();
      } else if (LONG_VALUE.matcher(t).matches() && valueCol < 0) {
        valueCol = c.col();
      } else if (LONG_PERIOD.matcher(t).matches() && periodCol < 0) {
        periodCol = c.col();
      } else if (LONG_AREA.matcher(t).matches() && areaCol < 0) {
        areaCol = c.col();
      }
    }
    Map<String, HeaderCell> seen = new LinkedHashMap<>();
    for (int r : cx.sheet.rowIndexes()) {
      if (r <= headerRow) {
        continue;
      }
      String name = cx.text(r, measureCol);
      if (name.isEmpty() || TOTAL.matcher(name).matches() || FOOTNOTE.matcher(name).matches()
          || (cx.profile != null && cx.profile.skipsRow(name))) {
        continue;
      }
      HeaderCell hc = seen.get(name.toLowerCase(Locale.ROOT));
      if (hc == null) {
        hc = resolve(cx, r, measureCol, name, name);
        seen.put(name.toLowerCase(Locale.ROOT), hc);
        cx.headers.add(hc);
        if (!hc.mapped() && !hc.fromProfile()) {
          cx.unmapped(hc);
        }
      }
      if (!hc.mapped()) {
        continue;
      }
      ParsedPeriod period = null;
      if (periodCol >= 0) {
        Cell pc = cx.sheet.cell(r, periodCol);
        period = PeriodParser.header(pc).orElse(null);
        if (period == null && pc != null) {
          cx.problems.add(Problem.error("map.bad_period", "Cannot read the period '" + pc.display()
              + "' on this row: it is not one month or one quarter.",
              "Write the month as Jul-25 or the quarter as 2025-26Q2.").at(cx.sheet.name(), pc.a1()));
          continue;
        }
      }
      String area = areaCol >= 0 && AREA_CODE.matcher(cx.text(r, areaCol)).matches() ? cx.text(r, areaCol) : null;
      Cell cell = cx.sheet.cell(r, valueCol);
      ParsedValue v = ValueParser.parse(cell, cx.sheet.name());
      if (v.kind() == ParsedValue.Kind.ABSENT && (period == null || !period.isMonth())) {
        continue;
      }
      cx.point(hc.measure(), area, period, r, valueCol, cell, v, false, percentHeader(name));
    }
  }

  // ---- shared ----

  private void reportUnmappedCandidates(Context cx) {
    // nothing mapped: name the texts that looked most like headers so the team can see why
    for (int r : cx.candidateRows()) {
      for (Cell c : cx.sheet.row(r)) {
        if (c.kind() == CellKind.TEXT && c.text().length() <= 60 && !c.text().contains(":")) {
          HeaderCell hc = resolve(cx, r, c.col(), c.text(), letter(c.col()));
          if (!hc.suggestions().isEmpty() && hc.suggestions().get(0).confidence() >= 0.5) {
            cx.unmapped(hc);
          }
        }
      }
    }
  }

  private String rowLabel(Context cx, int r, int beforeCol) {
    StringBuilder sb = new StringBuilder();
    for (Cell c : cx.sheet.row(r)) {
      if (c.col() >= beforeCol) {
        break;
      }
      sb.append(sb.length() == 0 ? "" : " ").append(c.display().trim());
    }
    return sb.toString();
  }

  private boolean isTotalRow(Context cx, int r, int firstValueCol) {
    for (Cell c : cx.sheet.row(r)) {
      if (c.col() >= firstValueCol) {
        return false;
      }
      if (TOTAL.matcher(c.display().trim()).matches()) {
        return true;
      }
    }
    return false;
  }

  private boolean skipRow(Context cx, int r, String label, int firstValueCol) {
    List<Cell> cells = cx.sheet.row(r);
    if (cells.isEmpty()) {
      return true;
    }
    String first = cells.get(0).display().trim();
    if (FOOTNOTE.matcher(first).matches() && cells.get(0).kind() == CellKind.TEXT
        && (cells.get(0).col() < firstValueCol || cells.size() == 1)) {
      return true;
    }
    for (Cell c : cells) {
      if (c.col() >= firstValueCol) {
        break;
      }
      if (TOTAL.matcher(c.display().trim()).matches()) {
        return true;
      }
    }
    return cx.profile != null && cx.profile.skipsRow(label);
  }

  private static String a1(int row, int col) {
    return uk.neighbourhood.outcomes.model.CellRef.a1(row, col);
  }

  private static String letter(int col) {
    return uk.neighbourhood.outcomes.model.CellRef.columnLetters(col);
  }

  /** What is being gathered for one sheet. */
  private final class Context {
    final Sheet sheet;
    final MappingProfile profile;
    /** Sheet.lastCol() walks every row; asked inside loops it made detection quadratic. */
    final int lastCol;
    final List<HeaderCell> headers = new ArrayList<>();
    final List<RawPoint> points = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final Map<String, Optional<HeaderMatch>> matches = new java.util.HashMap<>();
    ReturnLabels labels;

    Context(Sheet sheet, MappingProfile profile) {
      this.sheet = sheet;
      this.profile = profile;
      this.lastCol = sheet.lastCol();
    }

    String text(int r, int c) {
      Cell cell = sheet.cellOrMerged(r, c);
      return cell == null ? "" : cell.display().trim();
    }

    boolean profileHeaderRowSingle() {
      return false;
    }

    List<Integer> candidateRows() {
      if (profile != null && profile.headerRow() != null) {
        return List.of(profile.headerRow());
      }
      return sheet.rowIndexes().stream().limit(SCAN_ROWS).toList();
    }

    void unmapped(HeaderCell hc) {
      StringBuilder s = new StringBuilder();
      for (HeaderMatch m : hc.suggestions()) {
        s.append(s.length() == 0 ? "" : ", ").append(m.describe());
      }
      problems.add(Problem.warning("map.unmapped_header",
          "Cannot map the header '" + hc.text() + "' to a measure: no known measure matches it closely enough"
              + (s.length() == 0 ? "." : "; closest: " + s + "."),
          "Rename it to a measure name from the return template, or map it in a profile"
              + " (outcomes map FILE --scheme ID drafts one); its figures are not used until then.")
          .at(sheet.name(), hc.a1()));
    }

    void point(String measure, String area, ParsedPeriod period, int r, int c, Cell cell, ParsedValue v,
        boolean areaRow, boolean percentHeader) {
      if (v.kind() == ParsedValue.Kind.ERROR) {
        problems.add(v.problem());
      }
      points.add(new RawPoint(measure, area, period, r, c, cell, v, areaRow, percentHeader || v.percent(), false));
    }

    void total(String measure, ParsedPeriod period, int r, int c, Cell cell, ParsedValue v) {
      points.add(new RawPoint(measure, null, period, r, c, cell, v, false, false, true));
    }

    SheetLayout result(String kind) {
      return new SheetLayout(sheet.name(), kind, List.copyOf(headers), List.copyOf(points), List.copyOf(problems),
          labels.period(), labels.scheme());
    }
  }
}
