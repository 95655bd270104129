package uk.neighbourhood.outcomes.read;

import uk.neighbourhood.outcomes.model.Problem;

/** A file cannot be read; {@link #problem()} says why in words a local team can act on. */
public class ReadException extends RuntimeException {
  private final transient Problem problem;

  public ReadException(Problem problem) {
    super(problem.message());
    this.problem = problem;
  }

  public ReadException(Problem problem, Throwable cause) {
    super(problem.message(), cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
