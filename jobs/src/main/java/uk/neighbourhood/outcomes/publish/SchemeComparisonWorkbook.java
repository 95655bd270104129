package uk.neighbourhood.outcomes.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.catalog.Scheme;

/**
 * {@code scheme-comparison.xlsx}, for evaluators: every indicator for every scheme and published period
 * as one long, filterable Excel table (with intervals, the comparison with England, funnel limits and
 * peer group), and a peer-group summary for the period. The long table grows with schemes x indicators
 * x periods, so it is streamed (SXSSF); the small sheets are built in memory (see {@link ReportBook}).
 */
public final class SchemeComparisonWorkbook {
  static final List<String> LONG_COLUMNS = List.of("Period", "Scheme ID", "Scheme", "Model", "Deprivation group",
      "Region", "Indicator", "Indicator name", "Value", "Lower 95% CI", "Upper 95% CI", "Numerator", "Denominator",
      "Unit", "Method", "Compared with England", "England value", "Funnel 95% lower", "Funnel 95% upper",
      "Funnel 99.8% lower", "Funnel 99.8% upper", "Funnel position", "Suppressed", "Note");

  private final ReportInputs in;
  private final String period;
  private final ReportBook book;
  private final ReportFigures figures;

  private SchemeComparisonWorkbook(ReportInputs in, String period) {
    this.in = in;
    this.period = period;
    this.book = new ReportBook("Neighbourhood outcomes: scheme comparison, " + ReportFigures.displayPeriod(period), in.text().publisher());
    this.figures = ReportFigures.of(in);
  }

  public static void write(ReportInputs in, String period, OutputStream out) throws IOException {
    SchemeComparisonWorkbook w = new SchemeComparisonWorkbook(in, period);
    w.contents();
    w.peerGroups();
    w.longTable();
    w.book.sheetOrder("Indicators", 1);
    w.book.write(out);
  }

  private void contents() {
    XSSFSheet s = book.sheet("Contents");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, "Neighbourhood outcomes: scheme comparison, "
        + ReportFigures.displayPeriod(period), book.title);
    r = book.paragraph(s, r, "For evaluators. One row per scheme, published quarter and indicator, with 95%"
        + " confidence intervals, the comparison with England, funnel-plot control limits at the scheme's own"
        + " denominator, and peer groups (model of working and deprivation group). Use the filter buttons in the"
        + " header row to select.", book.wrap, 110);
    r++;
    book.header(s, r++, List.of("Sheet", "What it shows"));
    Row a = ReportBook.row(s, r++);
    book.linkTo(book.text(a, 0, "Indicators"), "Indicators");
    book.text(a, 1, "Every indicator by scheme and quarter (" + in.periods().size() + " quarters), as one table.",
        book.wrap);
    Row b = ReportBook.row(s, r++);
    book.linkTo(book.text(b, 0, "Peer groups"), "Peer groups");
    book.text(b, 1, "For " + ReportFigures.displayPeriod(period) + ": each indicator summarised by model of"
        + " working, with how many schemes are better, similar or worse than England.", book.wrap);
    r++;
    book.text(ReportBook.row(s, r++), 0, "Notes", book.subtitle);
    for (String note : List.of(
        ReportBook.SUPPRESSED + " = suppressed to protect confidentiality; " + ReportBook.NOT_AVAILABLE
            + " = not available.",
        "Funnel limits are computed at each scheme's own denominator around the England value of the same"
            + " quarter. " + in.text().funnelMethod(),
        in.text().comparisonMethod(),
        "Deprivation group: quintile of the scheme's Index of Multiple Deprivation decile in the registry"
            + " (Q1 most deprived).")) {
      r = book.paragraph(s, r, note, book.note, 110) + 1;
    }
    book.widths(s, 22, 110);
  }

  private void peerGroups() {
    XSSFSheet s = book.sheet("Peer groups");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, "Indicators by model of working, " + ReportFigures.displayPeriod(period),
        book.title);
    r = book.paragraph(s, r, "Medians and ranges exclude suppressed and missing figures. Counts of Better, Similar"
        + " and Worse are against England.", book.note, 110);
    r++;
    List<String> head = List.of("Indicator", "Model", "Schemes with a value", "Median", "Lowest", "Highest",
        "Better", "Similar", "Worse", "Not compared", "England");
    int headerRow = r;
    book.header(s, r++, head);
    ReportBook.row(s, headerRow).setHeightInPoints(30);
    for (String code : figures.indicators(period)) {
      Map<String, List<IndicatorRow>> byModel = new java.util.TreeMap<>();
      for (Scheme sc : figures.schemes()) {
        figures.find(sc.id(), period, code)
            .ifPresent(x -> byModel.computeIfAbsent(sc.model(), k -> new ArrayList<>()).add(x));
      }
      CellStyle fmt = book.numberStyle(figures.format(code));
      Double eng = figures.england(period, code).filter(e -> !e.suppressed()).map(IndicatorRow::value).orElse(null);
      for (Map.Entry<String, List<IndicatorRow>> e : byModel.entrySet()) {
        List<Double> values = e.getValue().stream().filter(x -> !x.suppressed() && x.value() != null)
            .map(IndicatorRow::value).sorted().toList();
        Map<String, Integer> counts = new HashMap<>();
        e.getValue().forEach(x -> counts.merge(ReportFigures.comparisonLabel(x), 1, Integer::sum));
        Row row = ReportBook.row(s, r++);
        book.text(row, 0, figures.label(code));
        book.text(row, 1, ReportFigures.modelName(e.getKey()));
        book.number(row, 2, (double) values.size(), book.count);
        book.number(row, 3, median(values), fmt);
        book.number(row, 4, values.isEmpty() ? null : values.get(0), fmt);
        book.number(row, 5, values.isEmpty() ? null : values.get(values.size() - 1), fmt);
        book.number(row, 6, (double) counts.getOrDefault("Better", 0), book.count);
        book.number(row, 7, (double) counts.getOrDefault("Similar", 0), book.count);
        book.number(row, 8, (double) counts.getOrDefault("Worse", 0), book.count);
        book.number(row, 9, (double) counts.getOrDefault("Not compared", 0), book.count);
        book.number(row, 10, eng, fmt);
      }
    }
    book.table(s, "PeerGroups", headerRow, r - 1, head);
    s.createFreezePane(0, headerRow + 1);
    book.widths(s, 46, 30, 12, 11, 11, 11, 9, 9, 9, 11, 11);
  }

  private static Double median(List<Double> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return null;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private void longTable() {
    Sheet s = book.streamedSheet("Indicators");
    book.header(s, 0, LONG_COLUMNS);
    s.getRow(0).setHeightInPoints(30);
    s.createFreezePane(3, 1);
    Map<String, ReportFunnels> funnels = new HashMap<>();
    List<IndicatorRow> rows = new ArrayList<>(in.indicators().stream()
        .filter(x -> !IndicatorRow.ENGLAND.equals(x.schemeId())).toList());
    List<String> order = new ArrayList<>(in.periods());
    rows.sort(Comparator.comparing((IndicatorRow x) -> -order.indexOf(x.period()))
        .thenComparing(x -> ReportFigures.CORE.contains(x.indicator()) ? ReportFigures.CORE.indexOf(x.indicator())
            : ReportFigures.CORE.size())
        .thenComparing(IndicatorRow::indicator)
        .thenComparing(x -> figures.schemeName(x.schemeId()), String.CASE_INSENSITIVE_ORDER));
    int r = 1;
    for (IndicatorRow x : rows) {
      ReportFunnels f = funnels.computeIfAbsent(x.period(), p -> new ReportFunnels(figures, p, p.equals(period)));
      Optional<Scheme> sc = in.registry().find(x.schemeId());
      CellStyle fmt = book.numberStyle(figures.format(x.indicator()));
      Row row = s.createRow(r++);
      book.text(row, 0, x.period());
      book.text(row, 1, x.schemeId());
      book.text(row, 2, figures.schemeName(x.schemeId()));
      book.text(row, 3, ReportFigures.modelName(sc.map(Scheme::model).orElse("unknown")));
      book.text(row, 4, sc.map(Scheme::deprivationGroup).orElse("unknown"));
      book.text(row, 5, sc.map(Scheme::region).orElse(""));
      book.text(row, 6, x.indicator());
      book.text(row, 7, figures.label(x.indicator()));
      book.figure(row, 8, x.value(), x.suppressed(), fmt);
      book.figure(row, 9, x.lowerCi(), x.suppressed(), fmt);
      book.figure(row, 10, x.upperCi(), x.suppressed(), fmt);
      book.figure(row, 11, x.numerator(), x.suppressed(), book.count);
      book.number(row, 12, x.denominator(), book.count);
      book.text(row, 13, x.unit());
      book.text(row, 14, x.method());
      book.text(row, 15, ReportFigures.comparisonLabel(x));
      book.number(row, 16, figures.england(x.period(), x.indicator()).map(IndicatorRow::value).orElse(null), fmt);
      Optional<FunnelLine> limits = x.denominator() == null ? Optional.empty()
          : f.at(x.indicator(), x.denominator());
      book.number(row, 17, limits.map(FunnelLine::lower95).orElse(null), fmt);
      book.number(row, 18, limits.map(FunnelLine::upper95).orElse(null), fmt);
      book.number(row, 19, limits.map(FunnelLine::lower998).orElse(null), fmt);
      book.number(row, 20, limits.map(FunnelLine::upper998).orElse(null), fmt);
      book.text(row, 21, limits.isEmpty() ? "No limits" : f.position(x));
      book.text(row, 22, x.suppressed() ? "Yes" : "No");
      book.text(row, 23, x.note());
    }
    int last = Math.max(1, r - 1);
    book.table(s, "IndicatorsLong", 0, last, LONG_COLUMNS);
    book.printTitles(s, 0);
    book.labelFills(s, new CellRangeAddress(1, last, 15, 15), ReportBook.COMPARISON_FILLS);
    book.widths(s, 11, 22, 40, 26, 18, 20, 28, 44, 10, 10, 10, 12, 12, 16, 12, 14, 10, 10, 10, 10, 10, 20, 11, 24);
  }
}
