package uk.neighbourhood.outcomes.aggregate;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * How independent pieces of statistical work are spread: over this JVM's cores, or, in the job, over
 * Spark's executors, so that a national run's costliest arithmetic (the secondary-suppression search)
 * grows with the cluster rather than with the driver. The statistics stay plain Java either way.
 */
public interface Fanout extends Serializable {
  /** A function that can travel to an executor. */
  interface Step<T, R> extends Function<T, R>, Serializable {}

  /** Applies {@code step} to every item; the results come back in the items' order. */
  <T extends Serializable, R extends Serializable> List<R> map(List<T> items, Step<T, R> step);

  /** Over the cores of this JVM (tests, and anything run without Spark). */
  Fanout LOCAL = new Fanout() {
    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, Step<T, R> step) {
      return items.parallelStream().map(step).toList();
    }
  };
}
