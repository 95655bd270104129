package uk.neighbourhood.outcomes.job;

import org.apache.spark.sql.SparkSession;

/** Builds the session every command uses: quiet, local by default, any master URL when given. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String master, String appName) {
    SparkSession.Builder b = SparkSession.builder().appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.session.timeZone", "UTC")
        // standard logical types that every Parquet reader understands, not Spark's legacy INT96
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.parquet.compression.codec", "snappy")
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .config("spark.sql.parquet.summary.metadata.level", "NONE");
    if (master != null && !master.isBlank()) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    return b.getOrCreate();
  }
}
