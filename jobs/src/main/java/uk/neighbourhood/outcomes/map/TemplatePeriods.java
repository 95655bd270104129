package uk.neighbourhood.outcomes.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.neighbourhood.outcomes.model.Period;

/**
 * The period cell of the template, as a person may type it over the drop-down: the canonical
 * {@code 2025-26Q1}, or {@code Q1 2025/26}, {@code Q1 2025-26}, {@code Q1 2025/2026}, and the same
 * with the quarter after the year. Anything looser (months, dates) belongs to free-form returns.
 */
public final class TemplatePeriods {
  private static final Pattern QUARTER_FIRST =
      Pattern.compile("Q\\s*([1-4])\\s*,?\\s*(?:FY\\s*)?(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})");
  private static final Pattern YEAR_FIRST =
      Pattern.compile("(?:FY\\s*)?(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})\\s*,?\\s*Q\\s*([1-4])");

  private TemplatePeriods() {}

  public static Optional<Period> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.replace('\u2013', '-').replace('\u2014', '-').replace('\u00a0', ' ')
        .trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    Optional<Period> canonical = Period.tryParse(s);
    if (canonical.isPresent()) {
      return canonical;
    }
    Matcher m = QUARTER_FIRST.matcher(s);
    if (m.matches()) {
      return of(m.group(2), m.group(3), m.group(1));
    }
    m = YEAR_FIRST.matcher(s);
    if (m.matches()) {
      return of(m.group(1), m.group(2), m.group(3));
    }
    return Optional.empty();
  }

  private static Optional<Period> of(String startYear, String endYear, String quarter) {
    int start = Integer.parseInt(startYear);
    int end = Integer.parseInt(endYear);
    boolean consecutive = endYear.length() == 2 ? (start + 1) % 100 == end : start + 1 == end;
    if (!consecutive || start < 1990 || start > 2200) {
      return Optional.empty();
    }
    return Optional.of(new Period(start, Integer.parseInt(quarter)));
  }

  /** The quarters offered in the template's drop-down: a year either side of {@code around}. */
  public static List<Period> recent(Period around) {
    List<Period> out = new ArrayList<>();
    Period p = around.previous().previous().previous().previous();
    for (int i = 0; i < 9; i++) {
      out.add(p);
      p = p.next();
    }
    return out;
  }
}
