package uk.neighbourhood.outcomes.publish;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem read back from the returns table, where problems are stored as rendered lines
 * ({@code ERROR at sheet 'Return' cell D12: Cannot read ... Fix: ...}). A line in any other form is
 * kept whole as the message.
 */
record ReportProblem(String severity, String sheet, String cell, String message, String fix) {
  private static final Pattern RENDERED = Pattern.compile(
      "(?s)(ERROR|WARNING|INFO)(?: at (?:sheet '(.*?)')?(?: ?cell (\\S+?))?)?: (.*?)(?: Fix: (.*))?");

  static ReportProblem parse(String line) {
    Matcher m = RENDERED.matcher(line == null ? "" : line.trim());
    if (!m.matches()) {
      return new ReportProblem("Error", null, null, line, null);
    }
    String sev = m.group(1);
    return new ReportProblem(sev.charAt(0) + sev.substring(1).toLowerCase(), m.group(2), m.group(3), m.group(4),
        m.group(5));
  }

  boolean isError() {
    return "Error".equals(severity);
  }
}
