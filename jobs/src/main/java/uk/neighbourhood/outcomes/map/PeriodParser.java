package uk.neighbourhood.outcomes.map;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.Period;

/**
 * Reads the ways teams write an NHS quarter ({@code 2025-26Q1} is April to June 2025) or a month.
 * Anything that is not exactly one quarter or one month (a half year, "Q2 2025" without its
 * financial year, a range that straddles quarters) is not a period: guessing would file figures under
 * the wrong quarter.
 */
public final class PeriodParser {
  private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
      Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
      Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

  private static final Pattern CANONICAL = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})\\s*q([1-4])(?!\\d)");
  private static final Pattern Q_FIRST =
      Pattern.compile("(?<![a-z0-9])q([1-4])[\\s_-]*(?:fy)?[\\s_-]*(\\d{4})\\s*[/_-]\\s*(\\d{2}|\\d{4})(?!\\d)");
  private static final Pattern YEAR_FIRST =
      Pattern.compile("(?<!\\d)(?:fy)?(\\d{4})\\s*[/_-]\\s*(\\d{2}|\\d{4})[\\s_-]*(?:quarter\\s*|q)([1-4])(?!\\d)");
  private static final Pattern QUARTER_WORD =
      Pattern.compile("quarter\\s*([1-4])[\\s,_-]*(?:of\\s*)?(?:fy)?\\s*(\\d{4})\\s*[/_-]\\s*(\\d{2}|\\d{4})(?!\\d)");
  private static final Pattern MONTH_RANGE =
      Pattern.compile("(?<![a-z])" + MONTH + "\\s*(?:-|\u2013|to|until)\\s*" + MONTH + "\\s*(\\d{4})(?!\\d)");
  private static final Pattern DATE_RANGE = Pattern.compile(
      "(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\s*(?:-|\u2013|to)\\s*(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");
  private static final Pattern ISO_RANGE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*(?:-|\u2013|to)\\s*(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern MONTH_YEAR = Pattern.compile(MONTH + "[\\s'_-]*(\\d{4}|\\d{2})");
  private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern MONTH_START_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

  private PeriodParser() {}

  /** A quarter written anywhere inside a text (a title, a label, a file name); never a single month. */
  public static Optional<Period> quarterIn(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String s = text.toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
    Matcher m = CANONICAL.matcher(s);
    if (m.find()) {
      return financialYear(m.group(1), m.group(2)).map(y -> new Period(y, Integer.parseInt(m.group(3))));
    }
    for (Pattern p : new Pattern[] {Q_FIRST, QUARTER_WORD}) {
      Matcher q = p.matcher(s);
      if (q.find()) {
        return financialYear(q.group(2), q.group(3)).map(y -> new Period(y, Integer.parseInt(q.group(1))));
      }
    }
    Matcher y = YEAR_FIRST.matcher(s);
    if (y.find()) {
      return financialYear(y.group(1), y.group(2)).map(fy -> new Period(fy, Integer.parseInt(y.group(3))));
    }
    Matcher r = MONTH_RANGE.matcher(s);
    if (r.find()) {
      int from = MONTHS.get(r.group(1));
      int to = MONTHS.get(r.group(2));
      int year = Integer.parseInt(r.group(3));
      // "Jan-Mar 2026" names the year of both months; "Nov-Jan 2026" is not a quarter anyway
      return exactQuarter(LocalDate.of(year, from, 1), YearMonth.of(year, to).atEndOfMonth());
    }
    Matcher d = DATE_RANGE.matcher(s);
    if (d.find()) {
      try {
        LocalDate a = LocalDate.of(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(1)));
        LocalDate b = LocalDate.of(Integer.parseInt(d.group(6)), Integer.parseInt(d.group(5)), Integer.parseInt(d.group(4)));
        return exactQuarter(a, b);
      } catch (java.time.DateTimeException e) {
        return Optional.empty();
      }
    }
    Matcher i = ISO_RANGE.matcher(s);
    if (i.find()) {
      try {
        return exactQuarter(LocalDate.parse(i.group(1)), LocalDate.parse(i.group(2)));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * A header cell naming one quarter or one month, the whole cell being the period (so "Total Q2" or
   * "Jul-25 target" are not periods). Real DATE cells are months.
   */
  public static Optional<ParsedPeriod> header(Cell cell) {
    if (cell == null || cell.isBlank()) {
      return Optional.empty();
    }
    if (cell.kind() == CellKind.DATE) {
      return Optional.of(ParsedPeriod.month(YearMonth.from(cell.date())));
    }
    if (cell.kind() != CellKind.TEXT) {
      return Optional.empty();
    }
    return header(cell.text());
  }

  public static Optional<ParsedPeriod> header(String text) {
    String s = text.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').trim();
    if (s.isEmpty() || s.length() > 60) {
      return Optional.empty();
    }
    Optional<YearMonth> month = month(s);
    if (month.isPresent()) {
      return month.map(ParsedPeriod::month);
    }
    Optional<Period> q = quarterIn(s);
    if (q.isPresent() && !s.matches(".*\\b(total|target|ytd|year to date|previous|last|change|plan)\\b.*")) {
      return q.map(ParsedPeriod::quarter);
    }
    return Optional.empty();
  }

  /** A whole text naming one month: {@code Jul-25}, {@code July 2025}, {@code 2025-07}, {@code 01/07/2025}. */
  public static Optional<YearMonth> month(String text) {
    String s = text.toLowerCase(Locale.ROOT).trim();
    Matcher m = MONTH_YEAR.matcher(s);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(2));
      return Optional.of(YearMonth.of(year < 100 ? 2000 + year : year, MONTHS.get(m.group(1))));
    }
    Matcher iso = ISO_MONTH.matcher(s);
    if (iso.matches()) {
      int mm = Integer.parseInt(iso.group(2));
      return mm >= 1 && mm <= 12 ? Optional.of(YearMonth.of(Integer.parseInt(iso.group(1)), mm)) : Optional.empty();
    }
    Matcher d = MONTH_START_DATE.matcher(s);
    if (d.matches() && d.group(1).equals("1") || d.matches() && d.group(1).equals("01")) {
      int mm = Integer.parseInt(d.group(2));
      return mm >= 1 && mm <= 12 ? Optional.of(YearMonth.of(Integer.parseInt(d.group(3)), mm)) : Optional.empty();
    }
    if (s.matches("\\d{4}-\\d{2}-01")) {
      return Optional.of(YearMonth.from(LocalDate.parse(s)));
    }
    return Optional.empty();
  }

  /** The quarter a file name states, e.g. {@code riverside_2025-26_Q2.xlsx} or {@code Q2-2025-26.csv}. */
  public static Optional<Period> fromFileName(String fileName) {
    String base = fileName.replaceAll("\\.[A-Za-z0-9]{2,5}$", "");
    return quarterIn(base.replace('_', ' '));
  }

  private static Optional<Integer> financialYear(String start, String end) {
    int y = Integer.parseInt(start);
    int e = Integer.parseInt(end);
    boolean ok = end.length() == 2 ? (y + 1) % 100 == e : y + 1 == e;
    return ok && y >= 1990 && y <= 2200 ? Optional.of(y) : Optional.empty();
  }

  private static Optional<Period> exactQuarter(LocalDate from, LocalDate to) {
    Period p = Period.of(from);
    return p.start().equals(from) && p.end().equals(to) ? Optional.of(p) : Optional.empty();
  }
}
