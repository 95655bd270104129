package uk.neighbourhood.outcomes.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.ReturnRecord;

/**
 * {@code feedback/<scheme_id>.xlsx}, for one local team: whether their return was accepted and why,
 * what to fix before next quarter, every value we read with the cell it came from, every problem with
 * its place and fix, and how they compare with England and with schemes of the same model. Written in
 * plain words for people who are not statisticians. "What we read" grows with areas and months, so it
 * is streamed; the rest is built in memory (see {@link ReportBook}).
 */
public final class FeedbackWorkbook {
  private final ReportInputs in;
  private final String schemeId;
  private final String period;
  private final ReportBook book;
  private final ReportFigures figures;
  private final ReportReturns returns;
  private final String name;

  private FeedbackWorkbook(ReportInputs in, String schemeId, String period) {
    this.in = in;
    this.schemeId = schemeId;
    this.period = period;
    this.book = new ReportBook("Feedback on your return for " + ReportFigures.displayPeriod(period), in.text().publisher());
    this.figures = ReportFigures.of(in);
    this.returns = ReportReturns.of(in, schemeId, period);
    this.name = figures.schemeName(schemeId);
  }

  public static void write(ReportInputs in, String schemeId, String period, OutputStream out) throws IOException {
    FeedbackWorkbook w = new FeedbackWorkbook(in, schemeId, period);
    w.summary();
    w.problems();
    w.compare();
    w.whatWeRead();
    w.book.sheetOrder("What we read", 1);
    w.book.write(out);
  }

  private String quarter() {
    return ReportFigures.displayPeriod(period);
  }

  private void summary() {
    XSSFSheet s = book.sheet("Summary");
    int r = 0;
    Row t = ReportBook.row(s, r++);
    book.text(t, 0, "Feedback on your return for " + quarter(), book.title);
    r = line(s, r, "Scheme: " + name + " (" + schemeId + ")");
    r++;
    book.text(ReportBook.row(s, r++), 0, "The outcome", book.subtitle);
    List<ReturnRecord> files = returns.files();
    Optional<ReturnRecord> accepted = files.stream().filter(f -> ReturnRecord.ACCEPTED.equals(f.status()))
        .reduce((a, b) -> b);
    List<ReportProblem> errors = new ArrayList<>();
    List<ReportProblem> warnings = new ArrayList<>();
    for (ReturnRecord f : files) {
      if (ReturnRecord.QUARANTINED.equals(f.status()) || ReturnRecord.ACCEPTED.equals(f.status())) {
        for (String p : f.problems()) {
          ReportProblem rp = ReportProblem.parse(p);
          (rp.isError() ? errors : warnings).add(rp);
        }
      }
    }
    if (files.isEmpty()) {
      r = line(s, r, "We have not received a return from you for " + quarter() + ".");
      r = line(s, r, "Please send it as soon as you can. Returns are due by " + in.dueDate(period) + ".");
    } else if (accepted.isPresent()) {
      ReturnRecord a = accepted.get();
      r = line(s, r, "Accepted. We read your return '" + a.file() + "' and published " + a.observations()
          + " values from it.");
      if (!returns.onTime()) {
        r = line(s, r, "It arrived after the due date (" + in.dueDate(period) + "). Please send the next one on"
            + " time so it is in the first publication.");
      }
      if (!warnings.isEmpty()) {
        r = line(s, r, "We published it, but found " + warnings.size() + " thing(s) worth checking: see the"
            + " Problems sheet.");
      }
    } else {
      ReturnRecord q = files.get(files.size() - 1);
      r = line(s, r, "Not accepted. We could not use your return '" + q.file() + "' because it has "
          + errors.size() + " error(s).");
      r = line(s, r, "Nothing from it is published. Your scheme shows as [x] (not available) for " + quarter()
          + ".");
    }
    r++;
    book.text(ReportBook.row(s, r++), 0, "What to fix before next quarter", book.subtitle);
    Set<String> fixes = new LinkedHashSet<>();
    errors.forEach(p -> fixes.add(where(p) + (p.fix() == null ? p.message() : p.fix())));
    warnings.forEach(p -> fixes.add(where(p) + (p.fix() == null ? p.message() : p.fix())));
    if (fixes.isEmpty()) {
      r = line(s, r, files.isEmpty() ? "Send your return using the official template." : "Nothing: thank you.");
    }
    int n = 1;
    for (String f : fixes) {
      r = line(s, r, n++ + ". " + f);
    }
    Period next = Period.parse(period).next();
    r = line(s, r, "Next quarter is " + next.displayName() + "; its return is due by " + in.dueDate(next.label())
        + ".");
    r++;
    book.text(ReportBook.row(s, r++), 0, "Files we received", book.subtitle);
    List<String> head = List.of("File", "Received", "Outcome", "Errors", "Warnings", "Values read");
    int headerRow = r;
    book.header(s, r++, head);
    for (ReturnRecord f : files) {
      Row row = ReportBook.row(s, r++);
      book.text(row, 0, f.file());
      book.text(row, 1, ReportReturns.receivedDate(f).map(Object::toString).orElse(""));
      book.text(row, 2, outcome(f.status()));
      book.number(row, 3, (double) f.errors(), book.count);
      book.number(row, 4, (double) f.warnings(), book.count);
      book.number(row, 5, (double) f.observations(), book.count);
    }
    if (!files.isEmpty()) {
      book.table(s, "Files", headerRow, r - 1, head);
      book.labelFills(s, new CellRangeAddress(headerRow + 1, r - 1, 2, 2),
          java.util.Map.of("Accepted", "9BD0F5", "Refused", "F5B971"));
    }
    book.widths(s, 44, 14, 26, 10, 10, 12);
  }

  private static String where(ReportProblem p) {
    if (p.cell() == null && p.sheet() == null) {
      return "";
    }
    return (p.sheet() == null ? "" : "Sheet '" + p.sheet() + "'") + (p.cell() == null ? "" : " cell " + p.cell())
        + ": ";
  }

  private static String outcome(String status) {
    return switch (status == null ? "" : status) {
      case ReturnRecord.ACCEPTED -> "Accepted";
      case ReturnRecord.QUARANTINED -> "Refused";
      case ReturnRecord.SUPERSEDED -> "Replaced by a later file";
      case ReturnRecord.DUPLICATE -> "Duplicate of another file";
      default -> status;
    };
  }

  private int line(XSSFSheet s, int r, String text) {
    return book.paragraph(s, r, text, book.line, 120);
  }

  private void problems() {
    XSSFSheet s = book.sheet("Problems");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, "Problems we found, " + quarter(), book.title);
    r = book.paragraph(s, r, "Errors stop a return being accepted; warnings are published but worth checking."
        + " Each row says where the problem is and how to fix it.", book.note, 120);
    r++;
    List<String> head = List.of("File", "Severity", "Sheet", "Cell", "What is wrong", "How to fix it");
    int headerRow = r;
    book.header(s, r++, head);
    for (ReturnRecord f : returns.files()) {
      for (String p : f.problems()) {
        ReportProblem rp = ReportProblem.parse(p);
        Row row = ReportBook.row(s, r++);
        book.text(row, 0, f.file(), book.wrap);
        book.text(row, 1, rp.severity());
        book.text(row, 2, rp.sheet());
        book.text(row, 3, rp.cell());
        book.text(row, 4, rp.message(), book.wrap);
        book.text(row, 5, rp.fix(), book.wrap);
        int len = Math.max(rp.message() == null ? 0 : rp.message().length(), rp.fix() == null ? 0 : rp.fix().length());
        row.setHeightInPoints(Math.max(15, (float) Math.ceil(len / 55.0) * 14.5f));
      }
    }
    if (r == headerRow + 1) {
      book.text(ReportBook.row(s, r++), 0, "No problems found.");
    } else {
      book.table(s, "Problems", headerRow, r - 1, head);
      book.printTitles(s, headerRow);
      book.labelFills(s, new CellRangeAddress(headerRow + 1, r - 1, 1, 1), ReportBook.SEVERITY_FILLS);
    }
    s.createFreezePane(0, headerRow + 1);
    book.widths(s, 30, 10, 14, 8, 60, 60);
  }

  private void compare() {
    XSSFSheet s = book.sheet("How you compare");
    int r = 0;
    book.text(ReportBook.row(s, r++), 0, "How you compare, " + quarter(), book.title);
    r = book.paragraph(s, r, "Your figures beside England's and the median of other schemes with the same model of"
        + " working (" + ReportFigures.modelName(figures.model(schemeId)).toLowerCase() + "). 'Compared with England'"
        + " says whether the difference is more than chance: the word is always shown, the colour only repeats it.",
        book.note, 120);
    r++;
    List<String> head = List.of("Indicator", "Your value", "Lower 95% CI", "Upper 95% CI", "England",
        "Same-model median", "Same-model schemes", "Compared with England");
    int headerRow = r;
    book.header(s, r++, head);
    ReportBook.row(s, headerRow).setHeightInPoints(30);
    for (String code : figures.indicators(period)) {
      Optional<IndicatorRow> mine = figures.find(schemeId, period, code);
      Optional<IndicatorRow> eng = figures.england(period, code);
      Optional<double[]> peers = figures.peerMedian(schemeId, period, code);
      CellStyle fmt = book.numberStyle(figures.format(code));
      boolean sup = mine.map(IndicatorRow::suppressed).orElse(false);
      Row row = ReportBook.row(s, r++);
      book.text(row, 0, figures.label(code));
      book.figure(row, 1, mine.map(IndicatorRow::value).orElse(null), sup, fmt);
      book.figure(row, 2, mine.map(IndicatorRow::lowerCi).orElse(null), sup, fmt);
      book.figure(row, 3, mine.map(IndicatorRow::upperCi).orElse(null), sup, fmt);
      book.number(row, 4, eng.map(IndicatorRow::value).orElse(null), fmt);
      book.number(row, 5, peers.map(p -> p[0]).orElse(null), fmt);
      book.number(row, 6, peers.map(p -> p[1]).orElse(0.0), book.count);
      book.text(row, 7, ReportFigures.comparisonLabel(mine.orElse(null)));
    }
    book.table(s, "HowYouCompare", headerRow, r - 1, head);
    book.labelFills(s, new CellRangeAddress(headerRow + 1, Math.max(headerRow + 1, r - 1), 7, 7),
        ReportBook.COMPARISON_FILLS);
    r++;
    r = book.paragraph(s, r, ReportBook.SUPPRESSED + " = suppressed to protect confidentiality (a small count); "
        + ReportBook.NOT_AVAILABLE + " = not available.", book.note, 120);
    s.createFreezePane(0, headerRow + 1);
    book.widths(s, 46, 12, 12, 12, 12, 14, 12, 16);
  }

  private void whatWeRead() {
    List<Observation> obs = new ArrayList<>(in.observations().stream()
        .filter(o -> o.schemeId().equals(schemeId) && o.period().equals(period)).toList());
    Sheet s = book.growingSheet("What we read", obs.size());
    List<String> head = List.of("Measure", "Measure name", "Area", "Value", "Unit", "File", "Sheet", "Cell");
    book.header(s, 0, head);
    s.createFreezePane(0, 1);
    obs.sort(Comparator.comparing((Observation o) -> o.sourceFile() == null ? "" : o.sourceFile())
        .thenComparing(o -> o.sourceSheet() == null ? "" : o.sourceSheet())
        .thenComparing(o -> o.sourceCell() == null ? "" : o.sourceCell()));
    int r = 1;
    for (Observation o : obs) {
      Row row = s.createRow(r++);
      book.text(row, 0, o.measure());
      book.text(row, 1, in.catalog().find(o.measure()).map(Measure::label).orElse(o.measure()));
      book.text(row, 2, o.areaCode() == null ? "Whole scheme" : o.areaCode());
      book.figure(row, 3, o.value(), o.suppressed(), book.numberStyle("#,##0.##"));
      book.text(row, 4, o.unit());
      book.text(row, 5, o.sourceFile());
      book.text(row, 6, o.sourceSheet());
      book.text(row, 7, o.sourceCell());
    }
    if (obs.isEmpty()) {
      boolean refused = returns.files().stream().anyMatch(f -> ReturnRecord.QUARANTINED.equals(f.status()));
      book.text(s.createRow(r++), 0, refused
          ? "Nothing was published from your return for " + quarter() + ": see the Problems sheet."
          : "No values were read for " + quarter() + ".");
    } else {
      book.table(s, "WhatWeRead", 0, r - 1, head);
      book.printTitles(s, 0);
    }
    book.widths(s, 28, 44, 14, 12, 10, 36, 14, 10);
  }
}
