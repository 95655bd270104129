package uk.neighbourhood.outcomes.job;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
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
    String effective = master != null && !master.isBlank() ? master : System.getProperty("spark.master", "local[*]");
    // executors on other JVMs cannot load our task classes unless the driver ships our jar; spark-submit
    // already sets spark.jars to its application jar, so only a plain `java -jar` launch needs this
    if (!isLocal(effective) && System.getProperty("spark.jars") == null) {
      ownJar().ifPresent(jar -> b.config("spark.jars", jar.toString()));
    }
    return b.getOrCreate();
  }

  /** True for masters whose executors share the driver's JVM and class path. */
  static boolean isLocal(String master) {
    return master.matches("local(\\[[^\\]]*\\])?");
  }

  /** The jar these classes were loaded from; empty when running from a classes folder (tests, IDE). */
  static Optional<Path> ownJar() {
    CodeSource source = SparkSessions.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
