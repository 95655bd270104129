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
    int dueDays) implements java.io.Serializable {

  public ReportText {
    definitions = Map.copyOf(definitions);
    unitCostSources = List.copyOf(unitCostSources);
  }

  public static ReportText defaults() {
    return new ReportText(
        "Neighbourhood Outcomes",
        Map.of(
            "people_supported_per_1000", "People who received support from the scheme in the quarter, per 1,000"
                + " people in the scheme's registered population",
            "volunteer_hours_per_1000", "Hours given by volunteers in the quarter, per 1,000 people in the"
                + " registered population",
            "belong_neighbourhood_pct", "Survey respondents who agree they belong to their neighbourhood, as a"
                + " percentage of respondents",
            "trust_neighbours_pct", "Survey respondents who say many or some people in their neighbourhood can be"
                + " trusted, as a percentage of respondents",
            "lonely_often_always_pct", "Survey respondents who feel lonely often or always, as a percentage of"
                + " respondents (lower is better)",
            "swemwbs_mean_change", "Mean change in the Short Warwick-Edinburgh Mental Wellbeing Scale (7 to 35)"
                + " between first contact and follow-up, for participants with both scores",
            "gp_appointments_change_pct", "Change in GP appointments among participants followed up, the quarter"
                + " after support against the quarter before, as a percentage (negative is fewer)",
            "ae_attendances_change_pct", "Change in A&E attendances among participants followed up, the quarter"
                + " after support against the quarter before, as a percentage (negative is fewer)"),
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
