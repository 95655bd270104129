package uk.neighbourhood.outcomes.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NHS financial-year quarter. {@code 2025-26Q1} is April to June 2025 and {@code 2025-26Q4} is
 * January to March 2026.
 *
 * @param startYear the calendar year in which the financial year starts (2025 for 2025-26)
 * @param quarter 1 to 4
 */
public record Period(int startYear, int quarter) implements Serializable, Comparable<Period> {
  private static final Pattern LABEL = Pattern.compile("(\\d{4})-(\\d{2})Q([1-4])");

  public Period {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("Cannot make a period: quarter must be 1 to 4, not " + quarter);
    }
    if (startYear < 1990 || startYear > 2200) {
      throw new IllegalArgumentException("Cannot make a period: year " + startYear + " is implausible");
    }
  }

  /** Parses the canonical label only; see {@code map.PeriodParser} for the ways people write periods. */
  public static Period parse(String label) {
    return tryParse(label).orElseThrow(() -> new IllegalArgumentException(
        "Cannot read period '" + label + "': expected the form 2025-26Q1"));
  }

  public static Optional<Period> tryParse(String label) {
    if (label == null) {
      return Optional.empty();
    }
    Matcher m = LABEL.matcher(label.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(1));
    int next = Integer.parseInt(m.group(2));
    if ((year + 1) % 100 != next) {
      return Optional.empty();
    }
    return Optional.of(new Period(year, Integer.parseInt(m.group(3))));
  }

  /** The quarter containing a date. */
  public static Period of(LocalDate date) {
    int month = date.getMonthValue();
    if (month >= 4) {
      return new Period(date.getYear(), (month - 4) / 3 + 1);
    }
    return new Period(date.getYear() - 1, 4);
  }

  public LocalDate start() {
    int month = 4 + (quarter - 1) * 3;
    return month > 12 ? LocalDate.of(startYear + 1, month - 12, 1) : LocalDate.of(startYear, month, 1);
  }

  /** The last day of the quarter. */
  public LocalDate end() {
    return start().plusMonths(3).minusDays(1);
  }

  public Period next() {
    return quarter == 4 ? new Period(startYear + 1, 1) : new Period(startYear, quarter + 1);
  }

  public Period previous() {
    return quarter == 1 ? new Period(startYear - 1, 4) : new Period(startYear, quarter - 1);
  }

  public String label() {
    return String.format("%d-%02dQ%d", startYear, (startYear + 1) % 100, quarter);
  }

  /** As official publications write it: "Q2 2025-26". */
  public String displayName() {
    return String.format("Q%d %d-%02d", quarter, startYear, (startYear + 1) % 100);
  }

  @Override
  public int compareTo(Period o) {
    return startYear != o.startYear ? Integer.compare(startYear, o.startYear) : Integer.compare(quarter, o.quarter);
  }

  @Override
  public String toString() {
    return label();
  }
}
