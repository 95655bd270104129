package uk.neighbourhood.outcomes.map;

import java.util.Locale;
import java.util.regex.Pattern;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.Problem;

/**
 * What one value cell of the template says: nothing, a number, a suppressed small count, or a problem.
 * Messages never repeat the cell's text: a team may have typed a name where a count belongs.
 *
 * @param value the number, or null when blank, suppressed or unreadable
 * @param problem set when the cell cannot be read as a value
 */
public record TemplateValue(boolean present, Double value, boolean suppressed, Problem problem) {
  private static final TemplateValue BLANK = new TemplateValue(false, null, false, null);
  private static final TemplateValue SUPPRESSED = new TemplateValue(true, null, true, null);

  /** Suppression marks teams use although the template asks for real counts. */
  private static final Pattern SUPPRESSION = Pattern.compile("<\\s*\\d{1,2}|\\*|c|\\[c]|supp(ressed)?");
  private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

  public static TemplateValue read(Cell cell, Measure measure) {
    if (cell == null || cell.isBlank()) {
      return BLANK;
    }
    String what = "'" + measure.label() + "' (" + measure.code() + ")";
    return switch (cell.kind()) {
      case BLANK -> BLANK;
      case NUMBER -> Double.isFinite(cell.number()) ? number(cell.number()) : notANumber(what, "it is not a finite number");
      case TEXT -> fromText(cell.text(), what);
      case ERROR -> new TemplateValue(true, null, false, Problem.error("value.error_cell",
          "Cannot read " + what + ": the cell shows the spreadsheet error " + cell.text() + ".",
          "Replace the formula with the figure itself, or fix what it refers to so the cell shows a number."));
      case DATE -> notANumber(what, "the cell holds a date (the spreadsheet may have turned the figure into one)");
      case BOOLEAN -> notANumber(what, "the cell holds TRUE or FALSE");
    };
  }

  private static TemplateValue fromText(String raw, String what) {
    String s = raw.replace('\u00a0', ' ').replace('\u2212', '-').trim();
    if (s.startsWith("£")) {
      s = s.substring(1).trim();
    }
    s = s.replace(" ", "");
    if (SUPPRESSION.matcher(s.toLowerCase(Locale.ROOT)).matches()) {
      return SUPPRESSED;
    }
    if (PLAIN.matcher(s).matches()) {
      return number(Double.parseDouble(s));
    }
    if (THOUSANDS.matcher(s).matches()) {
      return number(Double.parseDouble(s.replace(",", "")));
    }
    return notANumber(what, "the cell holds text that is not a number");
  }

  private static TemplateValue number(double v) {
    return new TemplateValue(true, v, false, null);
  }

  private static TemplateValue notANumber(String what, String reason) {
    return new TemplateValue(true, null, false, Problem.error("value.not_a_number",
        "Cannot read " + what + ": " + reason + ".",
        "Type the figure as a plain number (for example 1234 or 23.5), or leave the cell blank if it is not known."));
  }
}
