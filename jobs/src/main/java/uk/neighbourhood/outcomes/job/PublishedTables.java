package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.ReturnRecord;
import uk.neighbourhood.outcomes.publish.ParquetTables;

/** Reads back what is already published under an output folder (for trends and for {@code outcomes report}). */
final class PublishedTables {
  private final SparkSession spark;
  private final FileSystem fs;
  private final Path out;

  PublishedTables(SparkSession spark, FileSystem fs, Path out) {
    this.spark = spark;
    this.fs = fs;
    this.out = out;
  }

  private Dataset<Row> table(String name) {
    Path p = new Path(out, "parquet/" + name);
    try {
      if (!fs.exists(p) || fs.listStatus(p).length == 0) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return spark.read().option("basePath", p.toString()).parquet(p.toString());
  }

  /** Periods with published indicators. */
  List<String> periods() {
    Dataset<Row> t = table(ParquetTables.INDICATORS);
    if (t == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    t.select("period").distinct().orderBy("period").collectAsList().forEach(r -> out.add(r.getString(0)));
    return out;
  }

  /** Published indicator rows, leaving out the periods given (those are being replaced). */
  List<IndicatorRow> indicatorsExcept(Collection<String> periods) {
    Dataset<Row> t = table(ParquetTables.INDICATORS);
    if (t == null) {
      return List.of();
    }
    if (!periods.isEmpty()) {
      t = t.where(functions.not(functions.col("period").isin(periods.toArray())));
    }
    return t.collectAsList().stream().map(ParquetTables::indicator).toList();
  }

  /** Published indicator rows of the periods given (what a run is about to replace). */
  List<IndicatorRow> indicatorsIn(Collection<String> periods) {
    Dataset<Row> t = table(ParquetTables.INDICATORS);
    return t == null || periods.isEmpty() ? List.of()
        : t.where(functions.col("period").isin(periods.toArray())).collectAsList().stream()
            .map(ParquetTables::indicator).toList();
  }

  /** Revisions recorded so far (all periods). */
  List<uk.neighbourhood.outcomes.publish.Revision> revisions() {
    Dataset<Row> t = table(ParquetTables.REVISIONS);
    return t == null ? List.of() : t.collectAsList().stream().map(ParquetTables::revision).toList();
  }

  List<ReturnRecord> returns(Collection<String> periods) {
    Dataset<Row> t = table(ParquetTables.RETURNS);
    return t == null ? List.of()
        : t.where(functions.col("period").isin(periods.toArray())).collectAsList().stream()
            .map(ParquetTables::returnRecord).toList();
  }

  /** Published observations of the periods given, left on the cluster (the reports group them by scheme). */
  org.apache.spark.api.java.JavaRDD<Observation> observationsOf(Collection<String> periods) {
    Dataset<Row> t = table(ParquetTables.OBSERVATIONS);
    return t == null ? spark.emptyDataFrame().toJavaRDD().map(ParquetTables::observation)
        : t.where(functions.col("period").isin(periods.toArray())).toJavaRDD().map(ParquetTables::observation);
  }
}
