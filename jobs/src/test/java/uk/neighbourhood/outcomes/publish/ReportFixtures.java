package uk.neighbourhood.outcomes.publish;

import java.util.ArrayList;
import java.util.List;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Scheme;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.ReturnRecord;

/**
 * A small publication built in code: six schemes over two quarters, with one suppressed figure, one
 * quarantined return (with its problems), one superseded file, one late return and one scheme whose
 * registered name looks like a formula.
 */
final class ReportFixtures {
  static final String Q1 = "2025-26Q1";
  static final String Q2 = "2025-26Q2";
  static final String FORMULA_NAME = "=HYPERLINK(\"http://example.invalid\",\"Kestrel\")";

  static final List<Scheme> SCHEMES = List.of(
      scheme("riverside-sp", "Riverside Social Prescribing Service", "social_prescribing", 48200, 2),
      scheme("sandy-brook-sp", "Sandy Brook Social Prescribing", "social_prescribing", 22800, 4),
      scheme("hollins-lac", "Hollins Local Area Coordination", "local_area_coordination", 12600, 1),
      scheme("marsh-lane-big-local", "Marsh Lane Big Local", "big_local", 6100, 1),
      scheme("kestrel-hub", FORMULA_NAME, "community_hub", 800, 7),
      scheme("greyfield-chw", "Greyfield Community Health Workers", "community_health_workers", 5600, 1));

  /** Problems of the quarantined return of hollins-lac in Q2. */
  static final List<Problem> HOLLINS_PROBLEMS = List.of(
      Problem.error("value.not_a_number", "Cannot read people_supported: 'about 40' is not a number.",
          "Type the number of people only, for example 40.").at("Return", "D12"),
      Problem.error("period.mismatch", "Cannot accept the return: it is for Q1 2025-26 but was filed as Q2.",
          "Put the return in the folder of its quarter, or correct the period in cell C4.").at("Return", "C4"),
      Problem.warning("value.outlier", "=SUM(A1:A9) is what cell F20 holds, which looks like a formula.",
          "Type the value itself rather than a formula.").at("Volunteers", "F20"));

  private ReportFixtures() {}

  static Scheme scheme(String id, String name, String model, long population, int imd) {
    return new Scheme(id, name, model, population, "North West", "statutory", "urban", List.of(), imd, null);
  }

  static ReportInputs inputs() {
    List<IndicatorRow> rows = new ArrayList<>();
    List<ReturnRecord> returns = new ArrayList<>();
    List<Observation> obs = new ArrayList<>();
    for (String period : List.of(Q1, Q2)) {
      int q = period.equals(Q1) ? 0 : 1;
      double engPeople = 0;
      double engPop = 0;
      double engBelong = 0;
      double engResp = 0;
      for (int i = 0; i < SCHEMES.size(); i++) {
        Scheme s = SCHEMES.get(i);
        boolean quarantined = s.id().equals("hollins-lac") && period.equals(Q2);
        String file = s.id() + "-" + period + ".xlsx";
        String received = period.equals(Q1) ? "2025-07-20T10:00:00Z" : "2025-10-2" + i + "T09:30:00Z";
        if (s.id().equals("greyfield-chw") && period.equals(Q2)) {
          received = "2025-11-12T16:00:00Z";
        }
        if (quarantined) {
          returns.add(new ReturnRecord(s.id(), period, file, sha(i, q), ReturnRecord.QUARANTINED,
              HOLLINS_PROBLEMS.stream().map(Problem::render).toList(), 0, "template v1", 20480, received, 2, 1));
          continue;
        }
        if (s.id().equals("riverside-sp") && period.equals(Q2)) {
          returns.add(new ReturnRecord(s.id(), period, "riverside-draft.xlsx", sha(i, 9), ReturnRecord.SUPERSEDED,
              List.of(), 0, "template v1", 19000, "2025-10-05T08:00:00Z", 0, 0));
        }
        double people = Math.round(s.population() * (0.012 + 0.004 * i + 0.002 * q));
        double respondents = 60 + 25 * i;
        double belong = Math.round(respondents * (0.45 + 0.05 * i));
        boolean suppressPeople = s.id().equals("kestrel-hub") && period.equals(Q2);
        if (suppressPeople) {
          people = 6;
        }
        returns.add(new ReturnRecord(s.id(), period, file, sha(i, q), ReturnRecord.ACCEPTED,
            s.id().equals("greyfield-chw") ? List.of(Problem.warning("value.high",
                "Cannot confirm volunteer_hours: 9,000 hours is high for a scheme of this size.",
                "Check the figure and resend if it is wrong.").at("Return", "D18").render()) : List.of(),
            4, "template v1", 20480, received, 0, s.id().equals("greyfield-chw") ? 1 : 0));
        obs.add(new Observation(s.id(), period, null, "people_supported", suppressPeople ? null : people, "people",
            suppressPeople, file, sha(i, q), "Return", "D12"));
        obs.add(new Observation(s.id(), period, null, "survey_respondents", respondents, "people", false, file,
            sha(i, q), "Survey", "C5"));
        obs.add(new Observation(s.id(), period, null, "belong_neighbourhood", belong, "people", false, file,
            sha(i, q), "Survey", "C6"));
        obs.add(new Observation(s.id(), period, null, "volunteer_hours", 120.0 + 10 * i, "hours", false, file,
            sha(i, q), "Return", "D18"));
        engPeople += people;
        engPop += s.population();
        engBelong += belong;
        engResp += respondents;
        rows.add(rate(s.id(), period, "people_supported_per_1000", "People supported per 1,000 population", people,
            s.population(), suppressPeople, i));
        rows.add(pct(s.id(), period, "belong_neighbourhood_pct", "Feel they belong to their neighbourhood (%)",
            belong, respondents, i));
        rows.add(new IndicatorRow(s.id(), period, "swemwbs_mean_change", 1.2 + 0.3 * i, 0.4 + 0.3 * i,
            2.0 + 0.3 * i, null, 30.0 + i, "t interval", i % 2 == 0 ? "similar" : "better", false,
            "Mean change in wellbeing score (SWEMWBS)", "score points", null));
      }
      rows.add(rate(IndicatorRow.ENGLAND, period, "people_supported_per_1000",
          "People supported per 1,000 population", engPeople, engPop, false, -1));
      rows.add(pct(IndicatorRow.ENGLAND, period, "belong_neighbourhood_pct",
          "Feel they belong to their neighbourhood (%)", engBelong, engResp, -1));
      rows.add(new IndicatorRow(IndicatorRow.ENGLAND, period, "swemwbs_mean_change", 1.8 + 0.1 * q, 1.5, 2.1,
          null, 200.0, "t interval", "not_compared", false, "Mean change in wellbeing score (SWEMWBS)",
          "score points", null));
    }
    Registry registry = new Registry(SCHEMES);
    return ReportInputs.of(List.of(Q2, Q1), rows, returns, obs, registry, MeasureCatalog.bundled());
  }

  private static String sha(int i, int q) {
    return String.format("%064x", (long) (i * 31 + q + 1));
  }

  private static String comparison(int i) {
    return i < 0 ? "not_compared" : List.of("better", "similar", "worse").get(i % 3);
  }

  private static IndicatorRow rate(String id, String period, String code, String label, double num, double den,
      boolean suppressed, int i) {
    double v = num / den * 1000;
    double half = 1.96 * Math.sqrt(num) / den * 1000;
    return suppressed
        ? new IndicatorRow(id, period, code, null, null, null, null, den, "byar", "not_compared", true, label,
            "per 1,000 people", "count below 8")
        : new IndicatorRow(id, period, code, v, v - half, v + half, num, den, "byar", comparison(i), false, label,
            "per 1,000 people", null);
  }

  private static IndicatorRow pct(String id, String period, String code, String label, double num, double den,
      int i) {
    double p = num / den;
    double half = 1.96 * Math.sqrt(p * (1 - p) / den);
    return new IndicatorRow(id, period, code, p * 100, (p - half) * 100, (p + half) * 100, num, den, "wilson",
        comparison(i), false, label, "%", null);
  }
}
