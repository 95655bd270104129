package uk.neighbourhood.outcomes.map;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;

/**
 * What a mapper made of one return.
 *
 * @param layout how the return was understood, e.g. {@code template v1}, {@code long csv}, {@code free-form}
 * @param declaredScheme the scheme id written inside the return, or null when it names none
 * @param periods the periods the observations cover (a return may cover several)
 */
public record MappingResult(String layout, String declaredScheme, List<String> periods,
    List<Observation> observations, List<Problem> problems) implements Serializable {

  public static MappingResult refused(String layout, Problem problem) {
    return new MappingResult(layout, null, List.of(), List.of(), List.of(problem));
  }

  public MappingResult withProblems(List<Problem> more) {
    List<Problem> all = new ArrayList<>(problems);
    all.addAll(more);
    return new MappingResult(layout, declaredScheme, periods, observations, all);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
