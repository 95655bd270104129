package uk.neighbourhood.outcomes.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.job.PublishedTablesComparer.Difference;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.ReturnRecord;
import uk.neighbourhood.outcomes.publish.ParquetTables;

/** The comparer the cluster test relies on: blind to part files and row order, not to a changed or extra row. */
class PublishedTablesComparerTest {
  @TempDir static Path work;
  static SparkSession spark;
  /** One file per table and period, rows in their natural order. */
  static String reference;

  static final List<ReturnRecord> RETURNS = List.of(
      new ReturnRecord("kestrel-hub", "2025-26Q1", "kestrel-hub/q1.xlsx", "ab", "accepted", List.of(), 2, "template",
          100, "2025-10-20T09:00:00Z", 0, 0),
      new ReturnRecord("oakbridge-chw", "2025-26Q2", "oakbridge-chw/q2.csv", "cd", "quarantined",
          List.of("Cannot read: empty"), 0, null, 5, null, 1, 0));
  static final List<Observation> OBSERVATIONS = List.of(
      new Observation("kestrel-hub", "2025-26Q1", null, "referrals_received", 12.0, "people", false,
          "kestrel-hub/q1.xlsx", "ab", "Return", "C5"),
      new Observation("kestrel-hub", "2025-26Q1", null, "people_supported", 9.0, "people", false,
          "kestrel-hub/q1.xlsx", "ab", "Return", "C6"));

  @BeforeAll
  static void publishTheReference() {
    spark = SharedSpark.spark();
    Path out = work.resolve("reference");
    write(out, ParquetTables.RETURNS, RETURNS.stream().map(ParquetTables::row).toList(), ParquetTables.RETURNS_SCHEMA);
    write(out, ParquetTables.OBSERVATIONS, OBSERVATIONS.stream().map(ParquetTables::row).toList(),
        ParquetTables.OBSERVATIONS_SCHEMA);
    writeIndicators(out, indicators(0.25), 1);
    reference = out.toString();
  }

  @Test
  void thePartFilesAndTheRowOrderDoNotMatter() {
    String b = publish("reordered", reversed(indicators(0.25)), 3);
    assertThat(PublishedTablesComparer.compare(spark, reference, b)).allMatch(Difference::same).hasSize(3);
  }

  @Test
  void aChangedValueIsFoundOnBothSides() {
    List<Difference> d = PublishedTablesComparer.compare(spark, reference, publish("changed", indicators(0.2500001), 1));
    assertThat(d).filteredOn(x -> x.table().equals("indicators")).singleElement()
        .satisfies(x -> assertThat(List.of(x.onlyInA(), x.onlyInB())).containsExactly(1L, 1L))
        .matches(x -> !x.same());
    assertThat(d).filteredOn(x -> !x.table().equals("indicators")).allMatch(Difference::same);
  }

  @Test
  void aRepeatedRowIsADifference() {
    List<IndicatorRow> twice = new ArrayList<>(indicators(0.25));
    twice.add(twice.get(0));
    List<Difference> d = PublishedTablesComparer.compare(spark, reference, publish("repeated", twice, 1));
    assertThat(d).filteredOn(x -> x.table().equals("indicators")).singleElement()
        .satisfies(x -> assertThat(List.of(x.rowsA(), x.rowsB(), x.onlyInA(), x.onlyInB()))
            .containsExactly(2L, 3L, 0L, 1L));
  }

  private static List<IndicatorRow> indicators(double rate) {
    return List.of(
        new IndicatorRow("kestrel-hub", "2025-26Q1", "uptake", rate, 0.1, 0.4, 9.0, 36.0, "wilson", "similar", false,
            "Uptake", "proportion", null),
        new IndicatorRow("ENGLAND", "2025-26Q1", "uptake", 0.3, 0.2, 0.4, 30.0, 100.0, "wilson", "england", false,
            "Uptake", "proportion", null));
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> r = new ArrayList<>(list);
    java.util.Collections.reverse(r);
    return r;
  }

  /** A publication sharing the reference's returns and observations files, with these indicators. */
  private static String publish(String name, List<IndicatorRow> indicators, int files) {
    Path out = work.resolve(name);
    for (String table : List.of(ParquetTables.RETURNS, ParquetTables.OBSERVATIONS)) {
      copy(Path.of(reference, "parquet", table), out.resolve("parquet").resolve(table));
    }
    writeIndicators(out, indicators, files);
    return out.toString();
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeIndicators(Path out, List<IndicatorRow> indicators, int files) {
    write(out, ParquetTables.INDICATORS, indicators.stream().map(ParquetTables::row).toList(),
        ParquetTables.INDICATORS_SCHEMA, files);
  }

  private static void write(Path out, String table, List<Row> rows, StructType schema) {
    write(out, table, rows, schema, 1);
  }

  private static void write(Path out, String table, List<Row> rows, StructType schema, int files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    spark.createDataFrame(jsc.parallelize(rows, files), schema).write().mode(SaveMode.Overwrite).partitionBy("period")
        .parquet(out.resolve("parquet/" + table).toString());
  }
}
