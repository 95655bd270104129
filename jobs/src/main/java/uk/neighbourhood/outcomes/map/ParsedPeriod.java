package uk.neighbourhood.outcomes.map;

import java.time.YearMonth;
import uk.neighbourhood.outcomes.model.Period;

/**
 * A period read from a header, a label or a file name.
 *
 * @param month the month when the text named one month (a monthly column), null for a whole quarter
 */
public record ParsedPeriod(Period period, YearMonth month) {

  static ParsedPeriod quarter(Period p) {
    return new ParsedPeriod(p, null);
  }

  static ParsedPeriod month(YearMonth m) {
    return new ParsedPeriod(Period.of(m.atDay(1)), m);
  }

  public boolean isMonth() {
    return month != null;
  }
}
