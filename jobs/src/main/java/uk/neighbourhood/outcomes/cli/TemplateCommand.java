package uk.neighbourhood.outcomes.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.publish.TemplateWriter;

/** {@code outcomes template}: writes the official return template. */
@Command(name = "template", mixinStandardHelpOptions = true,
    description = "Writes the official return template (xlsx), optionally filled in with a scheme and period.")
public final class TemplateCommand implements Callable<Integer> {
  @Mixin Logging logging;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "Where to write the template.")
  Path out;

  @Option(names = "--scheme", paramLabel = "ID", description = "Scheme id to fill in.")
  String scheme;

  @Option(names = "--period", paramLabel = "P", converter = PeriodLabel.class, description = "Quarter to fill in, e.g. 2025-26Q1.")
  String period;

  @Override
  public Integer call() throws IOException {
    if (scheme != null && !scheme.matches("[a-z0-9-]{3,40}")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid --scheme '" + scheme + "': 3 to 40 lower-case letters, digits or '-'.");
    }
    if (!out.getFileName().toString().toLowerCase().endsWith(".xlsx")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--out must name an .xlsx file");
    }
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    try (OutputStream o = Files.newOutputStream(out)) {
      TemplateWriter.write(o, Schemas.bundled().measures(), scheme, period);
    }
    spec.commandLine().getOut().println("Wrote the return template to " + out);
    return OutcomesCommand.OK;
  }
}
