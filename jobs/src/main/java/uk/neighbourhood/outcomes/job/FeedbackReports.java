package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.publish.ExcelReports;
import uk.neighbourhood.outcomes.publish.ReportInputs;

/**
 * Writes one feedback workbook per scheme and period inside Spark tasks. There is one per registered
 * scheme, so nationally they outnumber every other output, and each needs that scheme's accepted
 * observations ("what we read, cell by cell"): written on the driver they would serialise the run's end
 * and pull every observation into the driver's memory. Here each task receives only its schemes'
 * observations, grouped by the cluster, and the shared inputs (indicators, returns, registry) travel once
 * per executor as a broadcast.
 */
final class FeedbackReports {
  private FeedbackReports() {}

  /** One workbook to write: a scheme's feedback for a period, into that period's staged report folder. */
  record Target(String scheme, String period, String folder) implements java.io.Serializable {
    String key() {
      return scheme + "|" + period;
    }
  }

  /** Returns the number of workbooks written. */
  static long write(JavaSparkContext jsc, Broadcast<SerializableConfiguration> conf, List<Target> targets,
      JavaRDD<Observation> accepted, ReportInputs shared) {
    if (targets.isEmpty()) {
      return 0;
    }
    Broadcast<ReportInputs> inputs = jsc.broadcast(shared.withObservations(List.of()));
    int slices = Math.max(1, Math.min(targets.size(), jsc.defaultParallelism() * 4));
    JavaPairRDD<String, Target> wanted = jsc.parallelize(targets, slices).mapToPair(t -> new Tuple2<>(t.key(), t));
    JavaPairRDD<String, Iterable<Observation>> observed = accepted.groupBy(o -> o.schemeId() + "|" + o.period());
    return wanted.leftOuterJoin(observed, slices)
        .map(pair -> {
          Target t = pair._2()._1();
          Optional<Iterable<Observation>> own = pair._2()._2();
          List<Observation> list = new ArrayList<>();
          if (own.isPresent()) {
            own.get().forEach(list::add);
          }
          Path folder = new Path(t.folder());
          try {
            FileSystem fs = folder.getFileSystem(conf.value().value());
            ExcelReports.writeFeedback(fs, folder, t.scheme(), t.period(), inputs.value().withObservations(list));
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the feedback workbook of " + t.scheme() + " for "
                + t.period() + ": " + e.getMessage(), e);
          }
          return 1L;
        })
        .count();
  }
}
