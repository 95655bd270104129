package uk.neighbourhood.outcomes.job;

import java.io.Serializable;
import java.util.List;
import uk.neighbourhood.outcomes.discover.ReturnFile;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;

/**
 * Everything one task learnt about one return file. The observations stay on the executors; the driver
 * only sees {@link #withoutObservations()} when it decides which returns stand.
 *
 * @param periods the quarters the return covers, earliest first
 */
public record ProcessedReturn(ReturnFile file, String sha256, String layout, String declaredScheme,
    List<String> periods, List<Observation> observations, List<Problem> problems, long readMillis,
    int observationCountHint)
    implements Serializable {

  public boolean refused() {
    return problems.stream().anyMatch(Problem::isError);
  }

  /** The quarter this return stands for when deciding supersession: its latest. */
  public String primaryPeriod() {
    return periods.isEmpty() ? null : periods.get(periods.size() - 1);
  }

  public long errors() {
    return problems.stream().filter(Problem::isError).count();
  }

  public long warnings() {
    return problems.stream().filter(p -> p.severity() == uk.neighbourhood.outcomes.model.Severity.WARNING).count();
  }

  public ProcessedReturn withoutObservations() {
    return new ProcessedReturn(file, sha256, layout, declaredScheme, periods, List.of(), problems, readMillis,
        observations.size());
  }

  /** Builds a result; the count is kept when the observations themselves are dropped for the driver. */
  public static ProcessedReturn of(ReturnFile file, String sha256, String layout, String declaredScheme,
      List<String> periods, List<Observation> observations, List<Problem> problems, long readMillis) {
    return new ProcessedReturn(file, sha256, layout, declaredScheme, periods, observations, problems, readMillis,
        observations.size());
  }
}
