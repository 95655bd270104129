package uk.neighbourhood.outcomes.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.neighbourhood.outcomes.publish.Version;

/** {@code outcomes}: the launcher's entry point. Exit codes are chosen in one place, here. */
@Command(name = "outcomes", mixinStandardHelpOptions = true, versionProvider = OutcomesCommand.VersionText.class,
    description = "Turns neighbourhood health schemes' quarterly returns into comparable outcome indicators.",
    subcommands = {RunCommand.class, CheckCommand.class, TemplateCommand.class, MapCommand.class,
        ReportCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit status: 0 success; 1 failed (or, for check, the return would be refused); 2 usage error.",
        "Run 'outcomes COMMAND --help' for a command's options."})
public final class OutcomesCommand implements Runnable {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: run, check, template, map or report");
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given writers; tests call this instead of main. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new OutcomesCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILED);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("outcomes: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      c.getErr().println("outcomes: " + Errors.describe(ex));
      if (Logging.verbose()) {
        ex.printStackTrace(c.getErr());
      }
      return FAILED;
    });
    return cl.execute(args);
  }

  /** Version from the jar manifest. */
  public static final class VersionText implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"outcomes " + Version.text(),
          "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Java " + System.getProperty("java.version")};
    }
  }
}
