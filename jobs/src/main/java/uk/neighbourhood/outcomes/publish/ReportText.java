package uk.neighbourhood.outcomes.publish;

import java.util.List;
import java.util.Map;

/**
 * The words of the Methodology sheet, taken as input so that statisticians can change them without
 * touching code. {@link #defaults()} gives text that matches what the pipeline does today.
 *
 * @param definitions indicator code to a one-sentence definition; the indicator's label is used when absent
 * @param unitCostSources one line per source, each naming its edition and price year
 * @param dueDays days after the end of the quarter by which a return counts as on time
 */
public record ReportText(
    String publisher,
    Map<String, String> definitions,
    String methods,
    String comparisonMethod,
    String funnelMethod,
    String suppressionRule,
    List<String> unitCostSources,
    int dueDays) {

  public ReportText {
    definitions = Map.copyOf(definitions);
    unitCostSources = List.copyOf(unitCostSources);
  }

  public static ReportText defaults() {
    return new ReportText(
        "Neighbourhood Outcomes",
        Map.of(),
        "Proportions use the Wilson score interval. Counts and crude rates per 1,000 people use Byar's method "
            + "(exact Poisson limits for small counts), divided by the registered population. Means and paired "
            + "changes use a t-based interval. All intervals are 95%.",
        "A scheme is better or worse than England when its 95% confidence interval excludes the England value, "
            + "in the direction the indicator counts as an improvement; otherwise it is similar. Schemes with "
            + "missing or suppressed figures are not compared.",
        "Funnel plots show each scheme's value against its denominator, with control limits around the England "
            + "value at 95% (about 1 in 20 schemes outside by chance) and 99.8% (about 1 in 500).",
        "Below national level, counts from 1 to 7 are suppressed and shown as [c]; rates and percentages whose "
            + "numerator is suppressed are suppressed too. National figures are not suppressed.",
        List.of(
            "GMCA (formerly New Economy) Unit Cost Database: GP appointment, A&E attendance, non-elective "
                + "admission. Edition and price year as stated in the cost table.",
            "PSSRU Unit Costs of Health and Social Care (University of Kent): GP consultation costs.",
            "NHS England National Cost Collection: reference costs for A&E attendances and admissions.",
            "HACT Social Value Bank: wellbeing values for volunteering, belonging and relief from loneliness."),
        30);
  }

  public String definition(String indicator, String label) {
    String d = definitions.get(indicator);
    return d != null ? d : label;
  }
}
