package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Whether two local publications hold the same rows in each Parquet table, whatever the part files are called or
 * how rows are spread over them. Used by {@code bench/cluster/run-cluster-test.sh} to show that a run on a
 * cluster publishes exactly what a local run publishes.
 */
public final class PublishedTablesComparer {
  private PublishedTablesComparer() {}

  /** One table's comparison: rows on each side and rows found on one side only (as multisets). */
  public record Difference(String table, long rowsA, long rowsB, long onlyInA, long onlyInB) {
    public boolean same() {
      return rowsA == rowsB && onlyInA == 0 && onlyInB == 0;
    }
  }

  public static List<Difference> compare(SparkSession spark, String a, String b) {
    List<Difference> result = new ArrayList<>();
    for (String table : tables(a, b)) {
      Dataset<Row> left = table(spark, a, table);
      Dataset<Row> right = table(spark, b, table);
      if (!Arrays.equals(left.columns(), right.columns())) {
        throw new IllegalStateException("Cannot compare " + table + ": the columns differ, "
            + Arrays.toString(left.columns()) + " against " + Arrays.toString(right.columns()));
      }
      // the tables are small enough to compare as multisets on the driver, which is far quicker than shuffles
      Map<String, Long> l = multiset(left);
      Map<String, Long> r = multiset(right);
      result.add(new Difference(table, total(l), total(r), onlyIn(l, r), onlyIn(r, l)));
    }
    return result;
  }

  /** Every table either publication has; one missing on a side is reported by the Parquet reader. */
  private static SortedSet<String> tables(String... outs) {
    SortedSet<String> tables = new TreeSet<>();
    for (String out : outs) {
      try (Stream<Path> dirs = Files.list(Path.of(out, "parquet"))) {
        dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).forEach(tables::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the tables of " + out + ": " + e.getMessage(), e);
      }
    }
    return tables;
  }

  private static Map<String, Long> multiset(Dataset<Row> df) {
    Map<String, Long> rows = new HashMap<>();
    for (Row row : df.collectAsList()) {
      rows.merge(row.toString(), 1L, Long::sum);
    }
    return rows;
  }

  private static long total(Map<String, Long> rows) {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }

  /** How many rows of {@code a} (counting repeats) have no counterpart in {@code b}. */
  private static long onlyIn(Map<String, Long> a, Map<String, Long> b) {
    return a.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - b.getOrDefault(e.getKey(), 0L))).sum();
  }

  /** The table with its columns in name order, so column order in the files cannot matter. */
  private static Dataset<Row> table(SparkSession spark, String out, String table) {
    Dataset<Row> df = spark.read().parquet(out.replaceAll("/+$", "") + "/parquet/" + table);
    return df.select(Arrays.stream(df.columns()).sorted().map(df::col).toArray(Column[]::new));
  }

  /**
   * {@code PublishedTablesComparer <reference> <other>...}: compares each other publication with the reference,
   * one line per table; exit 0 when all are the same. One JVM for every comparison, as Spark's start is slow.
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: PublishedTablesComparer <reference-out> <other-out>...");
      System.exit(2);
    }
    SparkSession spark = SparkSessions.create("local[2]", "outcomes compare");
    boolean same = true;
    try {
      for (int i = 1; i < args.length; i++) {
        for (Difference d : compare(spark, args[i], args[0])) {
          System.out.printf("%s vs %s: %-13s %6d rows vs %6d rows, %d only in the first, %d only in the second: %s%n",
              name(args[i]), name(args[0]), d.table(), d.rowsA(), d.rowsB(), d.onlyInA(), d.onlyInB(),
              d.same() ? "same" : "DIFFERENT");
          same &= d.same();
        }
      }
    } finally {
      spark.stop();
    }
    System.exit(same ? 0 : 1);
  }

  private static String name(String out) {
    String trimmed = out.replaceAll("/+$", "");
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
