package uk.neighbourhood.outcomes.map;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.Sheet;

/**
 * What a return says about itself near the top of a sheet: its quarter ("Period: Q2 2025/26", or a
 * title such as "Quarterly return Jul-Sep 2025") and the scheme it names ("Scheme: ...").
 *
 * @param period the quarter stated, or null
 * @param scheme the scheme id or name as written, or null
 */
record ReturnLabels(Period period, String scheme) {
  private static final Pattern PERIOD_LABEL = Pattern.compile(
      "^(reporting period|return period|period covered|reporting quarter|period|quarter)\\b\\s*:?\\s*(.*)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SCHEME_LABEL = Pattern.compile(
      "^(scheme id|scheme name|scheme_id|scheme|project name|project|organisation)\\b\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  static ReturnLabels scan(Sheet sheet, int rows) {
    Period period = null;
    String scheme = null;
    for (int r : sheet.rowIndexes().stream().limit(rows).toList()) {
      List<Cell> cells = sheet.row(r);
      for (int i = 0; i < cells.size(); i++) {
        Cell c = cells.get(i);
        if (c.kind() != CellKind.TEXT) {
          continue;
        }
        String t = c.text().trim();
        String next = i + 1 < cells.size() ? cells.get(i + 1).display().trim() : "";
        Matcher pm = PERIOD_LABEL.matcher(t);
        if (period == null && pm.matches()) {
          String value = pm.group(2).isBlank() ? next : pm.group(2);
          period = PeriodParser.quarterIn(value).orElse(null);
        }
        Matcher sm = SCHEME_LABEL.matcher(t);
        if (scheme == null && sm.matches() && (t.contains(":") || !next.isEmpty())) {
          String value = sm.group(2).isBlank() ? next : sm.group(2).trim();
          scheme = value.isBlank() ? null : value;
        }
        // a title line ("Quarterly return Q2 2025/26") stands alone or beside one cell
        if (period == null && t.length() > 8 && cells.size() <= 2) {
          period = PeriodParser.quarterIn(t).orElse(null);
        }
      }
    }
    return new ReturnLabels(period, scheme);
  }
}
