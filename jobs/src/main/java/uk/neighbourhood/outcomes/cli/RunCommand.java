package uk.neighbourhood.outcomes.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.neighbourhood.outcomes.job.Progress;
import uk.neighbourhood.outcomes.job.QuarterlyJob;
import uk.neighbourhood.outcomes.job.RunOptions;
import uk.neighbourhood.outcomes.job.RunSummary;
import uk.neighbourhood.outcomes.job.SparkSessions;
import uk.neighbourhood.outcomes.publish.RunLock;

/** {@code outcomes run}: the quarterly job. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "The quarterly job: discover returns in the inbox, read, map, validate, aggregate, and publish Parquet tables and Excel reports under --out. Refused returns are quarantined with a plain-words problems file; they never stop the batch.",
    footer = {"", "Exit status: 0 published; 1 failed (the previous publication is untouched); 2 usage error."})
public final class RunCommand implements Callable<Integer> {
  @Mixin Logging logging;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--inbox", required = true, paramLabel = "DIR",
      description = "The shared inbox: <inbox>/<scheme_id>/**/<return>. Any Hadoop URI (file:, hdfs:, s3a:, abfss:).")
  String inbox;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to publish.")
  String out;

  @Option(names = "--registry", paramLabel = "FILE", description = "The registry of schemes (default: <inbox>/schemes.csv).")
  String registry;

  @Option(names = "--period", paramLabel = "P", split = ",", converter = PeriodLabel.class,
      description = "Publish only these quarters, e.g. 2025-26Q1 (default: every quarter found).")
  List<String> periods = new ArrayList<>();

  // no picocli default: under spark-submit the master comes from its --master (spark.master), not from us
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master: local[*] (default, or spark-submit's --master), spark://host:7077, yarn, k8s://...")
  String master;

  @Option(names = "--schemas", paramLabel = "DIR", description = "Use this schemas/ folder instead of the bundled one.")
  String schemas;

  @Option(names = "--pseudonym-key-file", paramLabel = "FILE",
      description = "Key for pseudonymising participant references (default: $OUTCOMES_PSEUDONYM_KEY;"
          + " without a key no reference is kept).")
  String pseudonymKeyFile;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true, description = "Run date for plausibility checks (tests).")
  LocalDate today;

  @Option(names = {"-q", "--quiet"}, description = "Print only the final summary.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    SparkSession spark = SparkSessions.create(master, "outcomes run");
    try {
      RunOptions options = new RunOptions(inbox, out, registry, periods, spark.sparkContext().master(), schemas,
          today == null ? LocalDate.now() : today, Logging.verbose(), pseudonymKeyFile);
      RunSummary s = new QuarterlyJob(spark, options, new Progress(System.err, !quiet)).run();
      print(o, s);
      return OutcomesCommand.OK;
    } catch (RunLock.HeldException e) {
      spec.commandLine().getErr().println("outcomes: " + e.getMessage());
      return OutcomesCommand.FAILED;
    } finally {
      spark.stop();
    }
  }

  static void print(PrintWriter o, RunSummary s) {
    o.printf("Run %s published %s in %.1f s%n", s.runId(), s.periods().isEmpty() ? "no periods" : String.join(", ", s.periods()),
        s.millis() / 1000.0);
    o.printf("  files seen     %d (%d read, %d unchanged since the last run)%n", s.filesSeen(), s.filesRead(),
        s.filesSeen() - s.filesRead());
    o.printf("  accepted       %d%n", s.count("accepted"));
    o.printf("  quarantined    %d%n", s.count("quarantined"));
    o.printf("  superseded     %d%n", s.count("superseded"));
    o.printf("  duplicates     %d%n", s.count("duplicate"));
    o.printf("  observations   %d%n", s.observations());
    o.printf("  indicators     %d%n", s.indicators());
    if (Logging.verbose()) {
      StringBuilder t = new StringBuilder("  stages (s)    ");
      s.stageMillis().forEach((stage, ms) -> t.append(String.format(" %s %.1f", stage.replace('_', ' '), ms / 1000.0)));
      o.println(t);
    }
    for (String q : s.quarantined()) {
      o.println("  refused: " + q);
    }
    String base = s.out().replaceAll("/+$", "");
    o.println("Outputs:");
    o.println("  " + base + "/parquet/{returns,observations,indicators}/period=<P>/");
    o.println("  " + base + "/excel/<P>/national-summary.xlsx, scheme-comparison.xlsx, feedback/<scheme>.xlsx");
    if (!s.quarantined().isEmpty()) {
      o.println("  " + base + "/quarantine/<scheme>/<file>.problems.txt");
    }
    o.println("  " + base + "/runs/" + s.runId() + ".json");
    o.flush();
  }
}
