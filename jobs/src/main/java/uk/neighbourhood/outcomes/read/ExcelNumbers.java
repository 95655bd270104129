package uk.neighbourhood.outcomes.read;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The two conversions every numeric xlsx cell goes through, with fast paths for the shapes that make up
 * nearly all real sheets. Each fast path gives exactly what the general routine gives (tested against
 * both on random input); anything else falls through to the general routine.
 */
final class ExcelNumbers {
  /** Powers of ten that a double holds exactly. */
  private static final double[] POW10 = new double[23];
  /** 1900-01-01 as an epoch day: Excel's serial 1 in the 1900 date system. */
  private static final long EPOCH_1900 = LocalDate.of(1900, 1, 1).toEpochDay();
  private static final long EPOCH_1904 = LocalDate.of(1904, 1, 1).toEpochDay();

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private ExcelNumbers() {}

  /**
   * Parses a cell's number text. A plain decimal of at most 15 digits ("-12", "3.25") is an exact
   * integer divided by an exact power of ten, and IEEE division rounds that correctly, so it equals
   * Double.parseDouble (Clinger's fast path); exponents, longer mantissas and spaces take the JDK's path.
   *
   * @throws NumberFormatException as Double.parseDouble does
   */
  static double parse(CharSequence s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && s.charAt(0) == '-') {
      negative = true;
      i = 1;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 15) {
          return slow(s);
        }
        mantissa = mantissa * 10 + (c - '0');
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return slow(s);
      }
    }
    if (digits == 0) {
      return slow(s);
    }
    double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
    return negative ? -v : v;
  }

  private static double slow(CharSequence s) {
    return Double.parseDouble(s.toString().trim());
  }

  /**
   * An Excel serial as a date and time. Whole serials (plain dates, by far the most common) are counted
   * from the epoch directly, with Excel's phantom 29 February 1900; serials with a time of day go through
   * POI, which rounds the fraction to the millisecond from the double's exact value.
   */
  static LocalDateTime date(double serial, boolean date1904) {
    if (serial >= 0 && serial < 2_958_466 && serial == Math.rint(serial)) {
      long days = (long) serial;
      long epochDay;
      if (date1904) {
        epochDay = EPOCH_1904 + days;
      } else {
        // serials 1..60 count from 1900-01-01 (60 is the phantom 29 Feb, shown by POI as 1 March);
        // from 61 on, the phantom day has to be taken back out
        epochDay = EPOCH_1900 + days - (days < 61 ? 1 : 2);
      }
      return LocalDate.ofEpochDay(epochDay).atStartOfDay();
    }
    return DateUtil.getLocalDateTime(serial, date1904);
  }
}
