package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.publish.ExcelReports;
import uk.neighbourhood.outcomes.publish.FunnelLine;
import uk.neighbourhood.outcomes.publish.ReportInputs;

/**
 * Writes the Excel reports inside Spark tasks, one workbook per task item: each period's national summary
 * and comparison, and one feedback workbook per scheme and period. Feedback workbooks outnumber every other
 * output nationally and each needs its scheme's accepted observations ("what we read, cell by cell");
 * written on the driver they would serialise the end of the run and pull every observation into the
 * driver's memory. Here each task receives only its own schemes' observations, grouped by the cluster, and
 * the shared inputs (indicators, returns, registry) travel once per executor as a broadcast.
 */
final class ReportWorkbooks {
  enum Kind { NATIONAL, FEEDBACK }

  /** What it costs to draw a workbook, relative to a feedback workbook: used to balance the tasks. */
  private static final Map<Kind, Integer> WEIGHT = Map.of(Kind.NATIONAL, 40, Kind.FEEDBACK, 1);

  /**
   * One workbook (or, for NATIONAL, the period's summary and comparison) to write into a staged folder.
   *
   * @param funnel the period's funnel limits, for NATIONAL
   */
  record Target(Kind kind, String scheme, String period, String folder, List<FunnelLine> funnel)
      implements java.io.Serializable {
    String key() {
      return (kind == Kind.NATIONAL ? "*national*" : scheme) + "|" + period;
    }
  }

  private ReportWorkbooks() {}

  /**
   * Every workbook of the periods given: each period's national reports (with its funnel limits; none
   * means plain limits), then a feedback workbook for every registered scheme and every sender.
   *
   * @param folders staged report folder of each period, in the order to write them
   */
  static List<Target> targets(Map<String, String> folders, Map<String, List<FunnelLine>> funnels, ReportInputs in) {
    List<Target> targets = new ArrayList<>();
    folders.forEach((period, folder) -> {
      targets.add(new Target(Kind.NATIONAL, null, period, folder, funnels.getOrDefault(period, List.of())));
      for (String scheme : ExcelReports.feedbackSchemes(in, period)) {
        targets.add(new Target(Kind.FEEDBACK, scheme, period, folder, List.of()));
      }
    });
    return targets;
  }

  /** Returns the number of items written. */
  static long write(JavaSparkContext jsc, Broadcast<SerializableConfiguration> conf, List<Target> targets,
      JavaRDD<Observation> accepted, ReportInputs shared) {
    if (targets.isEmpty()) {
      return 0;
    }
    Broadcast<ReportInputs> inputs = jsc.broadcast(shared.withObservations(List.of()));
    Partitioner dealt = deal(targets, jsc.defaultParallelism() * 4);
    JavaPairRDD<String, Target> wanted = jsc.parallelize(targets, dealt.numPartitions())
        .mapToPair(t -> new Tuple2<>(t.key(), t));
    JavaPairRDD<String, Iterable<Observation>> observed = accepted
        .mapToPair(o -> new Tuple2<>(o.schemeId() + "|" + o.period(), o))
        .groupByKey(dealt);
    long written = wanted.leftOuterJoin(observed, dealt)
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
            if (t.kind() == Kind.NATIONAL) {
              ExcelReports.writeNational(fs, folder, t.period(), inputs.value().withFunnel(t.funnel()));
            } else {
              ExcelReports.writeFeedback(fs, folder, t.scheme(), t.period(), inputs.value().withObservations(list));
            }
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the " + (t.kind() == Kind.NATIONAL ? "national reports"
                : "feedback workbook of " + t.scheme()) + " for " + t.period() + ": " + e.getMessage(), e);
          }
          return 1L;
        })
        .count();
    inputs.unpersist(false);
    return written;
  }

  /**
   * Places every target in a task so that each task has about the same drawing to do (the national
   * workbooks are far larger than a feedback workbook), largest first into the least loaded task.
   */
  static Partitioner deal(List<Target> targets, int slices) {
    List<ArrayList<Target>> dealt = LeastLoaded.deal(targets, t -> WEIGHT.get(t.kind()),
        Comparator.comparing(Target::key), slices);
    Map<String, Integer> slice = new HashMap<>();
    for (int i = 0; i < dealt.size(); i++) {
      for (Target t : dealt.get(i)) {
        slice.put(t.key(), i);
      }
    }
    return new KeyedPartitioner(dealt.size(), slice);
  }

  /** Sends each key to the task chosen for it; keys nobody asked for (none expected) go by hash. */
  static final class KeyedPartitioner extends Partitioner {
    private final int partitions;
    private final Map<String, Integer> slice;

    KeyedPartitioner(int partitions, Map<String, Integer> slice) {
      this.partitions = partitions;
      this.slice = Map.copyOf(slice);
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      Integer s = slice.get(key);
      return s != null ? s : Math.floorMod(key.hashCode(), partitions);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof KeyedPartitioner k && k.partitions == partitions && k.slice.equals(slice);
    }

    @Override
    public int hashCode() {
      return slice.hashCode() * 31 + partitions;
    }
  }
}
