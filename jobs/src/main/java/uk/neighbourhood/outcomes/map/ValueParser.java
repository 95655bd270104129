package uk.neighbourhood.outcomes.map;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.Problem;

/**
 * Reads one value cell the way local teams write numbers: text numbers with thousands separators or
 * spaces, currency signs, percentages, decimal commas, suppression markers and "n/a". It never turns
 * an error cell or a suppressed figure into a number: a zero published in their place would be wrong
 * and look right.
 */
public final class ValueParser {
  private static final Set<String> ABSENT = Set.of("", "-", "--", "\u2013", "\u2014", "n/a", "na", "n.a.",
      "not applicable", "not available", "none recorded", ".");
  private static final Set<String> SUPPRESSION = Set.of("*", "**", "c", "[c]", "x", "[x]", "s", "[s]",
      "supp", "suppressed", "redacted", "<5", "< 5", "<10", "< 10");
  private static final Pattern LESS_THAN = Pattern.compile("<\\s*\\d{1,2}");
  private static final Pattern EXCEL_ERROR =
      Pattern.compile("#(DIV/0!|REF!|N/A|VALUE!|NAME\\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)", Pattern.CASE_INSENSITIVE);
  /** 1,234 or 12,345,678: commas only between groups of three digits. */
  private static final Pattern THOUSANDS_COMMA = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  /** 1.234,5 as continental Europe and some exports write it. */
  private static final Pattern THOUSANDS_DOT = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
  /** 12,5: a decimal comma (one or two digits after it, so never a thousands group). */
  private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d{1,2}");
  private static final Pattern PLAIN = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private ValueParser() {}

  /** Interprets a cell; {@code sheet} is only used to place problems. A null cell is absent. */
  public static ParsedValue parse(Cell cell, String sheet) {
    if (cell == null || cell.isBlank()) {
      return ParsedValue.ABSENT;
    }
    return switch (cell.kind()) {
      case NUMBER -> Double.isFinite(cell.number()) ? ParsedValue.number(cell.number(), false)
          : ParsedValue.error(errorCell(cell, sheet, "a non-finite number"));
      case ERROR -> ParsedValue.error(errorCell(cell, sheet, cell.text()));
      case TEXT -> parseText(cell, sheet);
      default -> ParsedValue.error(notANumber(cell, sheet));
    };
  }

  private static ParsedValue parseText(Cell cell, String sheet) {
    String raw = cell.text().replace('\u00a0', ' ').trim();
    String lower = raw.toLowerCase(Locale.ROOT);
    if (ABSENT.contains(lower)) {
      return ParsedValue.ABSENT;
    }
    if (SUPPRESSION.contains(lower) || LESS_THAN.matcher(lower).matches()) {
      return ParsedValue.SUPPRESSED;
    }
    if (EXCEL_ERROR.matcher(raw).matches()) {
      return ParsedValue.error(errorCell(cell, sheet, raw));
    }
    String s = lower.replace("\u00a3", "").replace("gbp", "").replace("\u2212", "-").trim();
    boolean negative = false;
    if (s.startsWith("(") && s.endsWith(")")) {
      negative = true;
      s = s.substring(1, s.length() - 1).trim();
    }
    boolean percent = s.endsWith("%");
    if (percent) {
      s = s.substring(0, s.length() - 1).trim();
    }
    if (s.startsWith("-") && s.length() > 1) {
      negative = !negative;
      s = s.substring(1).trim();
    }
    s = s.replace("\u00a3", "").trim();
    // "1 234" and "1 234,5": spaces (incl. thin spaces) between digit groups are separators
    s = s.replaceAll("(?<=\\d)[ \u202f\u2009](?=\\d{3}\\b)", "");
    Double v = number(s);
    if (v == null) {
      return ParsedValue.error(notANumber(cell, sheet));
    }
    double value = negative ? -v : v;
    return ParsedValue.number(percent ? value / 100.0 : value, percent);
  }

  private static Double number(String s) {
    String plain;
    if (PLAIN.matcher(s).matches()) {
      plain = s;
    } else if (THOUSANDS_COMMA.matcher(s).matches()) {
      plain = s.replace(",", "");
    } else if (DECIMAL_COMMA.matcher(s).matches()) {
      plain = s.replace(',', '.');
    } else if (THOUSANDS_DOT.matcher(s).matches()) {
      plain = s.replace(".", "").replace(',', '.');
    } else {
      return null;
    }
    try {
      return Double.parseDouble(plain);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Problem errorCell(Cell cell, String sheet, String code) {
    return Problem.error("value.error_cell",
        "Cannot read a value: the cell holds the spreadsheet error " + code + ", not a number.",
        "Fix the formula or type the figure in; leave the cell blank if you have no figure.")
        .at(sheet, cell.a1());
  }

  private static Problem notANumber(Cell cell, String sheet) {
    return Problem.error("value.not_a_number",
        "Cannot read a value: the cell holds text that is not a number.",
        "Type a number only (no words or units); use <5 for suppressed small numbers and leave it blank"
            + " if you have no figure.")
        .at(sheet, cell.a1());
  }
}
