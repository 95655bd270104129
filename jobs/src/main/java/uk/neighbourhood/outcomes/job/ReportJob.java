package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.publish.Publication;
import uk.neighbourhood.outcomes.publish.ReportInputs;
import uk.neighbourhood.outcomes.publish.RunLock;

/** {@code outcomes report}: renders the Excel reports again from the published Parquet, staged and committed. */
public final class ReportJob {
  /** Where a run keeps the registry it used, so reports can be rendered again without the inbox. */
  public static final String REGISTRY_SNAPSHOT = "registry/schemes.csv";

  private final SparkSession spark;

  public ReportJob(SparkSession spark) {
    this.spark = spark;
  }

  /** Returns the periods rendered. */
  public List<String> render(String outDir, List<String> wanted, String registryFile) {
    Path out = new Path(outDir);
    String runId = "report-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    try {
      FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.setWriteChecksum(false);
      try (RunLock lock = RunLock.acquire(fs, out, runId)) {
        Publication.recover(fs, out);
        PublishedTables published = new PublishedTables(spark, fs, out);
        List<String> all = published.periods();
        if (all.isEmpty()) {
          throw new IllegalStateException("Cannot render reports: nothing is published under " + outDir
              + " (no parquet/indicators). Run 'outcomes run' first.");
        }
        List<String> periods = wanted.isEmpty() ? all : wanted;
        for (String p : periods) {
          if (!all.contains(p)) {
            throw new IllegalArgumentException("Cannot render " + p + ": it is not published under " + outDir
                + " (published: " + String.join(", ", all) + ").");
          }
        }
        Registry registry = loadRegistry(fs, registryFile == null ? new Path(out, REGISTRY_SNAPSHOT) : new Path(registryFile));
        Schemas schemas = Schemas.bundled();
        ReportInputs inputs = ReportInputs.of(all, published.indicatorsExcept(List.of()), published.returns(periods),
            List.of(), registry, schemas.measures()).withRevisions(published.revisions());
        Publication publication = new Publication(fs, out, runId);
        List<String> commits = new ArrayList<>();
        try {
          // drawn in Spark tasks as a run draws them; the funnel limits are recomputed plainly around England
          Map<String, String> folders = new LinkedHashMap<>();
          for (String p : periods) {
            folders.put(p, publication.staged("excel/" + p).toString());
            commits.add("excel/" + p);
          }
          JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
          ReportWorkbooks.write(jsc, jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration())),
              ReportWorkbooks.targets(folders, Map.of(), inputs), published.observationsOf(periods), inputs);
          publication.commit(commits);
        } catch (RuntimeException e) {
          publication.abandon();
          throw e;
        }
        return periods;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Registry loadRegistry(FileSystem fs, Path p) throws IOException {
    if (!fs.exists(p)) {
      throw new IllegalArgumentException("Cannot render reports: no registry at " + p + ". Pass --registry FILE.");
    }
    try (InputStream in = fs.open(p)) {
      return Registry.load(p.getName(), in);
    }
  }
}
