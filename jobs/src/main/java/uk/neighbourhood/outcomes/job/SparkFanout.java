package uk.neighbourhood.outcomes.job;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import uk.neighbourhood.outcomes.aggregate.Fanout;

/** Spreads statistical work over the executors: one Spark task per few items, results collected in order. */
final class SparkFanout implements Fanout {
  private final transient JavaSparkContext jsc;

  SparkFanout(JavaSparkContext jsc) {
    this.jsc = jsc;
  }

  @Override
  public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, Step<T, R> step) {
    if (items.isEmpty()) {
      return List.of();
    }
    // the items differ a lot in cost (most indicators need no secondary suppression), so many small tasks
    int slices = Math.min(items.size(), jsc.defaultParallelism() * 8);
    return jsc.parallelize(items, slices).map(step::apply).collect();
  }
}
