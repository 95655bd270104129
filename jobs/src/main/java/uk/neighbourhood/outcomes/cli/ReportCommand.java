package uk.neighbourhood.outcomes.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.neighbourhood.outcomes.job.ReportJob;
import uk.neighbourhood.outcomes.job.SparkSessions;

/** {@code outcomes report}: renders the Excel reports again from the published Parquet. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Renders the Excel reports again from the Parquet tables published under --out.",
    footer = {"", "Exit status: 0 rendered; 1 failed (nothing published, or a period not published); 2 usage error."})
public final class ReportCommand implements Callable<Integer> {
  @Mixin Logging logging;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output folder of a previous run.")
  String out;

  @Option(names = "--period", paramLabel = "P", split = ",", converter = PeriodLabel.class, description = "Only these quarters (default: every published one).")
  List<String> periods = new ArrayList<>();

  @Option(names = "--registry", paramLabel = "FILE",
      description = "Registry to describe the schemes (default: the snapshot the run kept in <out>/registry/).")
  String registry;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master URL (default: local[*], or spark-submit's).")
  String master;

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create(master, "outcomes report");
    try {
      List<String> done = new ReportJob(spark).render(out, periods, registry);
      spec.commandLine().getOut().println("Rendered the Excel reports for " + String.join(", ", done) + " under "
          + out.replaceAll("/+$", "") + "/excel/");
      return OutcomesCommand.OK;
    } finally {
      spark.stop();
    }
  }
}
