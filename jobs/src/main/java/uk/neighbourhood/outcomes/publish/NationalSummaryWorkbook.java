package uk.neighbourhood.outcomes.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.catalog.Scheme;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.ReturnRecord;

/**
 * {@code national-summary.xlsx}, for national bodies: headlines for England with their trend, every
 * scheme against England, funnel plots, methodology and data quality. Laid out after the Government
 * Statistical Service's guidance for spreadsheets: a contents sheet, one table per sheet starting near
 * A1, no merged cells, symbols explained in notes, and no information carried by colour alone.
 * Every sheet is bounded by the number of schemes, so all are built in memory (see {@link ReportBook}).
 */
public final class NationalSummaryWorkbook {
  private static final int TEXT_WIDTH = 110;
  private static final int CHART_ROWS = 24;

  private final ReportInputs in;
  private final String period;
  private final ReportBook book;
  private final ReportFigures figures;
  private final ReportFunnels funnels;
  private final List<String> indicators;

  private NationalSummaryWorkbook(ReportInputs in, String period) {
    this.in = in;
    this.period = period;
    this.book = new ReportBook(title("national summary"), in.text().publisher());
    this.figures = ReportFigures.of(in);
    this.funnels = new ReportFunnels(figures, period);
    this.indicators = figures.indicators(period);
  }

  public static void write(ReportInputs in, String period, OutputStream out) throws IOException {
    NationalSummaryWorkbook w = new NationalSummaryWorkbook(in, period);
    w.build();
    w.book.write(out);
  }

  private void build() {
    Map<String, String> sheets = new LinkedHashMap<>();
    sheets.put("Headlines", "England's figures for " + ReportFigures.displayPeriod(period)
        + ", with the trend over every published quarter (table and charts).");
    sheets.put("By scheme", "Every scheme's value for each indicator, and whether it is better, similar or worse"
        + " than England.");
    sheets.put("Funnel plots", "Each scheme's value against its size, with 95% and 99.8% control limits.");
    sheets.put("Methodology", "Definitions, statistical methods, suppression and unit-cost sources.");
    sheets.put("Data quality", "Returns expected, received, on time, accepted and refused, by scheme.");
    sheets.put("Revisions", "Figures of quarters already published that later returns changed.");
    contents(sheets);
    headlines();
    byScheme();
    funnelPlots();
    methodology();
    dataQuality();
    revisions();
  }

  private String title(String what) {
    return "Neighbourhood outcomes: " + what + ", " + ReportFigures.displayPeriod(period);
  }

  private void contents(Map<String, String> sheets) {
    XSSFSheet s = book.sheet("Contents");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, title("national summary"), book.title);
    long accepted = in.returns().stream()
        .filter(x -> x.period().equals(period) && ReturnRecord.ACCEPTED.equals(x.status())).count();
    r = book.paragraph(s, r, "Published by " + in.text().publisher() + ". Quarterly figures from " + accepted
        + " accepted returns of " + in.registry().size() + " registered neighbourhood schemes in England.",
        book.wrap, TEXT_WIDTH);
    r++;
    book.header(s, r++, List.of("Sheet", "What it shows"));
    for (Map.Entry<String, String> e : sheets.entrySet()) {
      Row row = ReportBook.row(s, r++);
      book.linkTo(book.text(row, 0, e.getKey()), e.getKey());
      book.text(row, 1, e.getValue(), book.wrap);
    }
    r++;
    book.text(ReportBook.row(s, r++), 0, "Notes", book.subtitle);
    r = note(s, r, ReportBook.SUPPRESSED + " means the figure is suppressed to protect confidentiality (see"
        + " Methodology).");
    r = note(s, r, ReportBook.NOT_AVAILABLE + " means the figure is not available: no return was accepted, or"
        + " the indicator cannot be calculated.");
    note(s, r, "Colours in the tables always sit behind a word (Better, Similar, Worse), so nothing is shown by"
        + " colour alone.");
    book.widths(s, 22, TEXT_WIDTH);
  }

  private int note(XSSFSheet s, int r, String text) {
    Row row = ReportBook.row(s, r);
    book.text(row, 0, "", book.note);
    book.text(row, 1, text, book.note);
    return r + 1;
  }

  private void headlines() {
    XSSFSheet s = book.sheet("Headlines");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, title("headlines for England"), book.title);
    r = book.paragraph(s, r, "Intervals are 95% confidence intervals. 'Previous' is the quarter before in this"
        + " publication; a change is only a change when the intervals do not overlap.", book.note, TEXT_WIDTH);
    r++;
    List<String> head = List.of("Indicator", "Value", "Lower 95% CI", "Upper 95% CI", "Numerator", "Denominator",
        "Unit", "Previous quarter", "Previous value");
    int headerRow = r;
    book.header(s, r++, head);
    ReportBook.row(s, headerRow).setHeightInPoints(30);
    String previous = previousPeriod();
    for (String code : indicators) {
      Row row = ReportBook.row(s, r++);
      Optional<IndicatorRow> e = figures.england(period, code);
      CellStyle fmt = book.numberStyle(figures.format(code));
      book.text(row, 0, figures.label(code));
      book.figure(row, 1, e.map(IndicatorRow::value).orElse(null), e.map(IndicatorRow::suppressed).orElse(false), fmt);
      book.number(row, 2, e.map(IndicatorRow::lowerCi).orElse(null), fmt);
      book.number(row, 3, e.map(IndicatorRow::upperCi).orElse(null), fmt);
      book.number(row, 4, e.map(IndicatorRow::numerator).orElse(null), book.count);
      book.number(row, 5, e.map(IndicatorRow::denominator).orElse(null), book.count);
      book.text(row, 6, figures.unit(code));
      book.text(row, 7, previous == null ? "" : ReportFigures.displayPeriod(previous));
      Optional<IndicatorRow> p = previous == null ? Optional.empty() : figures.england(previous, code);
      book.figure(row, 8, p.map(IndicatorRow::value).orElse(null), p.map(IndicatorRow::suppressed).orElse(false),
          fmt);
    }
    book.table(s, "HeadlinesTable", headerRow, r - 1, head);
    s.createFreezePane(0, headerRow + 1);

    r += 2;
    book.text(ReportBook.row(s, r++), 0, "Trend for England over the published quarters", book.subtitle);
    List<String> trendHead = new ArrayList<>();
    trendHead.add("Quarter");
    Set<String> used = new HashSet<>(trendHead);
    for (String code : indicators) {
      String h = figures.label(code);
      trendHead.add(used.add(h) ? h : h + " (" + code + ")");
    }
    int trendHeader = r;
    book.header(s, r++, trendHead);
    ReportBook.row(s, trendHeader).setHeightInPoints(62);
    List<String> shown = in.periods().stream()
        .filter(p -> Period.parse(p).compareTo(Period.parse(period)) <= 0).toList();
    int firstData = r;
    for (String p : shown) {
      Row row = ReportBook.row(s, r++);
      book.text(row, 0, ReportFigures.displayPeriod(p));
      for (int i = 0; i < indicators.size(); i++) {
        Optional<IndicatorRow> e = figures.england(p, indicators.get(i));
        book.figure(row, i + 1, e.map(IndicatorRow::value).orElse(null), e.map(IndicatorRow::suppressed).orElse(false),
            book.numberStyle(figures.format(indicators.get(i))));
      }
    }
    int lastData = r - 1;
    if (!shown.isEmpty()) {
      book.table(s, "TrendTable", trendHeader, lastData, trendHead);
    }
    r += 1;
    // Two small charts a row: one per indicator, because their units differ.
    int chartRows = 16;
    for (int i = 0; i < indicators.size() && !shown.isEmpty(); i++) {
      int top = r + (i / 2) * (chartRows + 1);
      int left = (i % 2 == 0) ? 0 : 3;
      int right = (i % 2 == 0) ? 3 : 8;
      ReportCharts.trend(s, left, top, right, top + chartRows,
          figures.label(indicators.get(i)) + ", England",
          new CellRangeAddress(firstData, lastData, 0, 0),
          new CellRangeAddress(firstData, lastData, i + 1, i + 1), "England");
    }
    int[] widths = new int[Math.max(head.size(), trendHead.size())];
    java.util.Arrays.fill(widths, 15);
    widths[0] = 46;
    book.widths(s, widths);
  }

  private String previousPeriod() {
    List<String> ps = in.periods();
    int i = ps.indexOf(period);
    return i > 0 ? ps.get(i - 1) : null;
  }

  private void byScheme() {
    XSSFSheet s = book.sheet("By scheme");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, title("each scheme compared with England"), book.title);
    r = book.paragraph(s, r, "For each indicator: the scheme's value, then how it compares with England (Better,"
        + " Similar, Worse or Not compared: the word is always shown, the colour only repeats it). "
        + ReportBook.SUPPRESSED + " = suppressed, " + ReportBook.NOT_AVAILABLE + " = not available.", book.note,
        TEXT_WIDTH);
    r++;
    List<String> head = new ArrayList<>(List.of("Scheme", "Scheme ID", "Model", "Deprivation group"));
    Set<String> used = new HashSet<>(head);
    for (String code : indicators) {
      String label = figures.label(code);
      String h = used.add(label) ? label : label + " (" + code + ")";
      used.add(h + ": vs England");
      head.add(h);
      head.add(h + ": vs England");
    }
    int headerRow = r;
    book.header(s, r++, head);
    ReportBook.row(s, headerRow).setHeightInPoints(88);
    Row eng = ReportBook.row(s, r++);
    book.text(eng, 0, "England", book.bold);
    book.text(eng, 1, IndicatorRow.ENGLAND);
    book.text(eng, 2, "All");
    book.text(eng, 3, "All");
    for (int i = 0; i < indicators.size(); i++) {
      Optional<IndicatorRow> e = figures.england(period, indicators.get(i));
      book.figure(eng, 4 + 2 * i, e.map(IndicatorRow::value).orElse(null),
          e.map(IndicatorRow::suppressed).orElse(false), book.numberStyle(figures.format(indicators.get(i))));
      book.text(eng, 5 + 2 * i, "Benchmark", book.label);
    }
    for (Scheme sc : figures.schemes()) {
      Row row = ReportBook.row(s, r++);
      book.text(row, 0, sc.name());
      book.text(row, 1, sc.id());
      book.text(row, 2, ReportFigures.modelName(sc.model()));
      book.text(row, 3, sc.deprivationGroup());
      for (int i = 0; i < indicators.size(); i++) {
        Optional<IndicatorRow> x = figures.find(sc.id(), period, indicators.get(i));
        book.figure(row, 4 + 2 * i, x.map(IndicatorRow::value).orElse(null),
            x.map(IndicatorRow::suppressed).orElse(false), book.numberStyle(figures.format(indicators.get(i))));
        book.text(row, 5 + 2 * i, ReportFigures.comparisonLabel(x.orElse(null)), book.label);
      }
    }
    int last = r - 1;
    book.table(s, "ByScheme", headerRow, last, head);
    for (int i = 0; i < indicators.size(); i++) {
      book.labelFills(s, new CellRangeAddress(headerRow + 1, last, 5 + 2 * i, 5 + 2 * i), ReportBook.COMPARISON_FILLS);
    }
    s.createFreezePane(1, headerRow + 1);
    book.printTitles(s, headerRow);
    int[] widths = new int[head.size()];
    java.util.Arrays.fill(widths, 14);
    widths[0] = 44;
    widths[1] = 22;
    widths[2] = 26;
    widths[3] = 18;
    book.widths(s, widths);
  }

  private void funnelPlots() {
    XSSFSheet s = book.sheet("Funnel plots");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, title("funnel plots"), book.title);
    r = book.paragraph(s, r, "Each point is a scheme: its value against its denominator (population or survey"
        + " respondents). Points outside the dashed lines (95%) or dotted lines (99.8%) differ from England by more"
        + " than chance would usually explain. The numbers behind each chart are in the two tables below it.", book.note,
        TEXT_WIDTH);
    r++;
    int drawn = 0;
    for (String code : indicators) {
      if (!funnels.has(code)) {
        continue;
      }
      if (drawn > 0) {
        s.setRowBreak(r - 1); // one funnel per printed page
      }
      r = funnelBlock(s, r, code, drawn++) + 1;
    }
    if (drawn == 0) {
      book.text(ReportBook.row(s, r), 0, "No indicator in this period has the data a funnel plot needs.");
    }
    book.widths(s, 40, 14, 12, 22, 3, 14, 14, 14, 14, 14, 14);
  }

  private int funnelBlock(XSSFSheet s, int r, String code, int index) {
    book.text(ReportBook.row(s, r++), 0, figures.label(code), book.subtitle);
    int chartTop = r;
    r += CHART_ROWS + 1;
    List<String> pointHead = List.of("Scheme", "Denominator", "Value", "Position");
    List<String> limitHead = List.of("Denominator", "99.8% lower", "95% lower", "England", "95% upper",
        "99.8% upper");
    int headerRow = r;
    Row hr = ReportBook.row(s, headerRow);
    for (int i = 0; i < pointHead.size(); i++) {
      book.text(hr, i, pointHead.get(i), book.header);
    }
    for (int i = 0; i < limitHead.size(); i++) {
      book.text(hr, 5 + i, limitHead.get(i), book.header);
    }
    CellStyle fmt = book.numberStyle(figures.format(code));
    List<IndicatorRow> points = new ArrayList<>();
    int hidden = 0;
    for (Scheme sc : figures.schemes()) {
      Optional<IndicatorRow> x = figures.find(sc.id(), period, code);
      if (x.isPresent() && !x.get().suppressed() && x.get().value() != null && x.get().denominator() != null) {
        points.add(x.get());
      } else if (x.isPresent()) {
        hidden++;
      }
    }
    double min = points.stream().mapToDouble(IndicatorRow::denominator).min().orElse(10);
    double max = points.stream().mapToDouble(IndicatorRow::denominator).max().orElse(1000);
    List<FunnelLine> curve = funnels.curve(code, min, max);
    Double centre = figures.england(period, code).map(IndicatorRow::value).orElse(null);
    int rows = Math.max(points.size(), curve.size());
    for (int i = 0; i < rows; i++) {
      Row row = ReportBook.row(s, headerRow + 1 + i);
      if (i < points.size()) {
        IndicatorRow p = points.get(i);
        book.text(row, 0, figures.schemeName(p.schemeId()));
        book.number(row, 1, p.denominator(), book.count);
        book.number(row, 2, p.value(), fmt);
        book.text(row, 3, funnels.position(p), book.label);
      }
      if (i < curve.size()) {
        FunnelLine l = curve.get(i);
        book.number(row, 5, l.denominator(), book.count);
        book.number(row, 6, l.lower998(), fmt);
        book.number(row, 7, l.lower95(), fmt);
        book.number(row, 8, centre, fmt);
        book.number(row, 9, l.upper95(), fmt);
        book.number(row, 10, l.upper998(), fmt);
      }
    }
    int end = headerRow + rows;
    book.table(s, "Funnel" + (index + 1) + "Schemes", headerRow, headerRow + points.size(), pointHead);
    book.table(s, "Funnel" + (index + 1) + "Limits", headerRow, headerRow + curve.size(), limitHead, 5);
    int noteRow = end + 1;
    String source = funnels.computed(code) ? "Limits computed around the England value without allowing for"
        + " over-dispersion." : "Limits from the indicator statistics (allowing for over-dispersion where found).";
    int after = book.paragraph(s, noteRow, source + (hidden > 0 ? " " + hidden
        + " scheme(s) not plotted: figure suppressed or not available." : ""), book.note, TEXT_WIDTH);
    if (!curve.isEmpty()) {
      int lastCurve = headerRow + curve.size();
      CellRangeAddress x = new CellRangeAddress(headerRow + 1, lastCurve, 5, 5);
      List<ReportCharts.Limit> limits = List.of(
          new ReportCharts.Limit("99.8% lower", col(headerRow + 1, lastCurve, 6), false, false),
          new ReportCharts.Limit("95% lower", col(headerRow + 1, lastCurve, 7), true, false),
          new ReportCharts.Limit("England", col(headerRow + 1, lastCurve, 8), false, true),
          new ReportCharts.Limit("95% upper", col(headerRow + 1, lastCurve, 9), true, false),
          new ReportCharts.Limit("99.8% upper", col(headerRow + 1, lastCurve, 10), false, false));
      double lowest = Math.min(curve.stream().mapToDouble(FunnelLine::lower998).min().orElse(0),
          points.stream().mapToDouble(IndicatorRow::value).min().orElse(0));
      double highest = Math.max(curve.stream().mapToDouble(FunnelLine::upper998).max().orElse(1),
          points.stream().mapToDouble(IndicatorRow::value).max().orElse(1));
      ReportCharts.funnel(s, 0, chartTop, 7, chartTop + CHART_ROWS, figures.label(code) + ", "
          + ReportFigures.displayPeriod(period), "Denominator", figures.unit(code),
          points.isEmpty() ? null : col(headerRow + 1, headerRow + points.size(), 1),
          points.isEmpty() ? null : col(headerRow + 1, headerRow + points.size(), 2), x, limits,
          lowest, highest);
    }
    return after;
  }

  private static CellRangeAddress col(int first, int last, int c) {
    return new CellRangeAddress(first, last, c, c);
  }

  private void methodology() {
    XSSFSheet s = book.sheet("Methodology");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, title("methodology"), book.title);
    r++;
    List<String> head = List.of("Topic", "Text");
    int headerRow = r;
    book.header(s, r++, head);
    ReportText t = in.text();
    for (String code : indicators) {
      Set<String> methods = new TreeSet<>();
      in.indicators().stream().filter(x -> x.indicator().equals(code) && x.method() != null)
          .forEach(x -> methods.add(x.method()));
      String unit = figures.unit(code);
      r = topic(s, r, figures.label(code), sentence(t.definition(code, figures.label(code))) + " Code: " + code + "."
          + (unit.isEmpty() ? "" : " Unit: " + unit + ".")
          + (methods.isEmpty() ? "" : " Interval method: " + String.join(", ",
              methods.stream().map(NationalSummaryWorkbook::methodName).toList()) + "."));
    }
    r = topic(s, r, "Confidence intervals", t.methods());
    r = topic(s, r, "Comparison with England", t.comparisonMethod());
    r = topic(s, r, "Funnel plots", t.funnelMethod() + (in.funnel().isEmpty()
        ? " In this release the limits are computed around the England value, without allowing for"
            + " over-dispersion." : " Limits supplied by the indicator statistics."));
    r = topic(s, r, "Suppression", t.suppressionRule() + " Suppressed figures are shown as "
        + ReportBook.SUPPRESSED + ".");
    r = topic(s, r, "Symbols", ReportBook.SUPPRESSED + " suppressed to protect confidentiality; "
        + ReportBook.NOT_AVAILABLE + " not available.");
    for (String src : t.unitCostSources()) {
      r = topic(s, r, "Unit-cost source", src);
    }
    r = topic(s, r, "Returns on time", "A return is on time when it arrives on or before "
        + in.dueDate(period) + " for " + ReportFigures.displayPeriod(period) + ".");
    book.table(s, "MethodologyTable", headerRow, r - 1, head);
    s.createFreezePane(0, headerRow + 1);
    book.widths(s, 36, TEXT_WIDTH);
  }

  private static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  /** The published method codes, as a reader would name them. */
  static String methodName(String code) {
    return switch (code.toLowerCase(java.util.Locale.ROOT)) {
      case "wilson" -> "Wilson score interval";
      case "byar", "byars" -> "Byar's method";
      case "exact_poisson", "poisson" -> "exact Poisson";
      case "t", "t_interval", "t interval", "paired_t" -> "t-based interval";
      case "dobson" -> "Dobson's method";
      default -> code.replace('_', ' ');
    };
  }

  private int topic(XSSFSheet s, int r, String topic, String text) {
    Row row = ReportBook.row(s, r);
    book.text(row, 0, topic, book.wrap);
    book.text(row, 1, text, book.wrap);
    int lines = Math.max(1, (int) Math.ceil(text.length() / (TEXT_WIDTH * 1.2)));
    row.setHeightInPoints(Math.max(15, lines * 14.5f));
    return r + 1;
  }

  private void dataQuality() {
    XSSFSheet s = book.sheet("Data quality");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, title("data quality"), book.title);
    List<ReportReturns> all = new ArrayList<>();
    Set<String> ids = new java.util.LinkedHashSet<>();
    figures.schemes().forEach(sc -> ids.add(sc.id()));
    in.returns().stream().filter(x -> x.period().equals(period)).forEach(x -> ids.add(x.schemeId()));
    for (String id : ids) {
      all.add(ReportReturns.of(in, id, period));
    }
    long expected = all.stream().filter(x -> in.registry().find(x.schemeId()).isPresent()).count();
    long received = all.stream().filter(ReportReturns::received).count();
    long onTime = all.stream().filter(ReportReturns::onTime).count();
    long accepted = all.stream().filter(x -> x.count(ReturnRecord.ACCEPTED) > 0).count();
    r = book.paragraph(s, r, "Returns expected: " + expected + ". Received: " + received + " (" + onTime
        + " on or before the due date, " + in.dueDate(period) + "). Schemes with an accepted return: " + accepted
        + ". Counts of files include every version a scheme sent.", book.note, TEXT_WIDTH);
    r++;
    List<String> head = List.of("Scheme", "Scheme ID", "Returns expected", "Received", "On time", "Files received",
        "Accepted", "Quarantined", "Superseded", "Duplicates", "Status");
    int headerRow = r;
    book.header(s, r++, head);
    ReportBook.row(s, headerRow).setHeightInPoints(30);
    for (ReportReturns x : all) {
      Row row = ReportBook.row(s, r++);
      boolean registered = in.registry().find(x.schemeId()).isPresent();
      book.text(row, 0, figures.schemeName(x.schemeId()) + (registered ? "" : " (not registered)"));
      book.text(row, 1, x.schemeId());
      book.number(row, 2, registered ? 1.0 : 0.0, book.count);
      book.number(row, 3, x.received() ? 1.0 : 0.0, book.count);
      book.number(row, 4, x.onTime() ? 1.0 : 0.0, book.count);
      book.number(row, 5, (double) x.files().size(), book.count);
      book.number(row, 6, (double) x.count(ReturnRecord.ACCEPTED), book.count);
      book.number(row, 7, (double) x.count(ReturnRecord.QUARANTINED), book.count);
      book.number(row, 8, (double) x.count(ReturnRecord.SUPERSEDED), book.count);
      book.number(row, 9, (double) x.count(ReturnRecord.DUPLICATE), book.count);
      book.text(row, 10, x.status(), book.label);
    }
    book.table(s, "DataQuality", headerRow, r - 1, head);
    book.printTitles(s, headerRow);
    book.labelFills(s, new CellRangeAddress(headerRow + 1, Math.max(headerRow + 1, r - 1), 10, 10), Map.of(
        "Accepted", "9BD0F5", "Accepted late", "F0E68C", "Quarantined", "F5B971", "Not received", "E3E3E3"));
    s.createFreezePane(0, headerRow + 1);
    book.widths(s, 44, 22, 11, 11, 11, 11, 11, 12, 11, 11, 16);
  }

  /** Every revision recorded so far, newest quarter first, so a reader can see what changed and why. */
  private void revisions() {
    XSSFSheet s = book.sheet("Revisions");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, title("revisions"), book.title);
    r = book.paragraph(s, r, in.revisions().isEmpty()
        ? "No published figure has been revised."
        : "Published figures that changed after a scheme sent a corrected or late return. The revised value is"
            + " the one now published.", book.note, TEXT_WIDTH);
    r++;
    List<String> head = List.of("Quarter", "Scheme", "Scheme ID", "Indicator", "Previously published", "Revised",
        "Why", "Revised on");
    int headerRow = r;
    book.header(s, r++, head);
    List<Revision> sorted = in.revisions().stream()
        .sorted(java.util.Comparator.comparing(Revision::period).reversed()
            .thenComparing(Revision::schemeId).thenComparing(Revision::indicator))
        .toList();
    for (Revision v : sorted) {
      Row row = ReportBook.row(s, r++);
      book.text(row, 0, ReportFigures.displayPeriod(v.period()));
      book.text(row, 1, figures.schemeName(v.schemeId()));
      book.text(row, 2, v.schemeId());
      book.text(row, 3, figures.label(v.indicator()));
      CellStyle fmt = book.numberStyle(figures.format(v.indicator()));
      book.figure(row, 4, v.previous(), v.previous() == null, fmt);
      book.figure(row, 5, v.revised(), v.revised() == null, fmt);
      book.text(row, 6, v.reason(), book.wrap);
      book.text(row, 7, v.revisedOn());
    }
    if (!sorted.isEmpty()) {
      book.table(s, "Revisions", headerRow, r - 1, head);
    }
    s.createFreezePane(0, headerRow + 1);
    book.widths(s, 14, 36, 22, 40, 14, 14, 60, 12);
  }
}
