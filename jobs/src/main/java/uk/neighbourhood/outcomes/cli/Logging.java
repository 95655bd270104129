package uk.neighbourhood.outcomes.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Option;

/** {@code -v/--verbose} for every command: our packages and Spark at INFO; otherwise WARN. */
public final class Logging {
  private static volatile boolean verbose;

  @Option(names = {"-v", "--verbose"}, description = "Show detailed progress and Spark's own log.")
  void setVerbose(boolean v) {
    verbose = v;
    if (v) {
      Configurator.setLevel("uk.neighbourhood.outcomes", Level.DEBUG);
      Configurator.setLevel("org.apache.spark", Level.INFO);
    }
  }

  static boolean verbose() {
    return verbose;
  }
}
