package uk.neighbourhood.outcomes.map;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.neighbourhood.outcomes.model.Period;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Drafts a mapping profile from one free-form return ({@code outcomes map FILE --scheme ID}): per
 * header, the measure chosen and its confidence as a comment, and the unmapped headers with their
 * closest measures, commented out for a person to confirm. The draft is valid YAML as written.
 */
public final class ProfileDrafter {
  /** Below this a suggestion is listed but not proposed. */
  static final double PLAUSIBLE = 0.5;

  private ProfileDrafter() {}

  public static String draft(Workbook workbook, ReturnContext context) {
    LayoutDetector detector = new LayoutDetector(HeaderMatcher.of(context.schemas().measures()));
    SheetLayout best = null;
    for (Sheet s : FreeFormMapper.dataSheets(workbook, null)) {
      SheetLayout l = detector.detect(s, null);
      if (best == null || l.headers().stream().filter(HeaderCell::mapped).count()
          > best.headers().stream().filter(HeaderCell::mapped).count()) {
        best = l;
      }
    }
    StringBuilder y = new StringBuilder();
    y.append("# Draft mapping profile for ").append(context.schemeId()).append(", drafted from ")
        .append(context.fileName()).append(".\n");
    y.append("# Check every entry before saving as schemas/profiles/").append(context.schemeId()).append(".yaml;")
        .append(" keys are described in schemas/profile.schema.yaml.\n");
    y.append("scheme_id: ").append(context.schemeId()).append('\n');
    if (best == null) {
      y.append("# No data sheet found: every sheet is hidden, empty or instructions.\n");
      return y.toString();
    }
    y.append("# layout detected: ").append(best.kind()).append('\n');
    y.append("sheet: ").append(quote(best.sheet())).append('\n');
    Optional<Period> period = Optional.ofNullable(best.statedPeriod()).or(() -> PeriodParser.fromFileName(context.fileName()));
    y.append(period.map(p -> "# period: " + p.label() + "   (found in the return; uncomment to force it)\n")
        .orElse("# period: 2025-26Q1   (no period found in the return: set it here or in the file name)\n"));
    List<HeaderCell> mapped = best.headers().stream().filter(HeaderCell::mapped).toList();
    List<HeaderCell> unmapped = best.headers().stream()
        .filter(h -> !h.mapped() && !h.suggestions().isEmpty() && !LayoutDetector.isLabelHeader(h.text())).toList();
    if (mapped.isEmpty()) {
      y.append("columns: []\n");
    } else {
      y.append("columns:\n");
      for (HeaderCell h : mapped) {
        y.append("  - ").append(keyLine(h)).append("   # ").append(h.a1()).append('\n');
        y.append("    measure: ").append(h.measure()).append("   # confidence ")
            .append(String.format(Locale.ROOT, "%.2f", h.confidence())).append('\n');
      }
    }
    if (!unmapped.isEmpty()) {
      y.append("# Unmapped headers (their figures are not used): choose a measure, or 'ignore', and uncomment.\n");
      for (HeaderCell h : unmapped) {
        y.append("#  - ").append(keyLine(h)).append("   # ").append(h.a1()).append('\n');
        HeaderMatch first = h.suggestions().get(0);
        // a weak suggestion is offered as 'ignore' so that uncommenting without thought does no harm
        y.append("#    measure: ").append(first.confidence() >= PLAUSIBLE ? first.measure() : MappingProfile.IGNORE)
            .append("   # suggestions: ")
            .append(String.join(", ", h.suggestions().stream().map(HeaderMatch::describe).toList())).append('\n');
      }
    }
    return y.toString();
  }

  private static String keyLine(HeaderCell h) {
    return "header: " + quote(h.text());
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }
}
