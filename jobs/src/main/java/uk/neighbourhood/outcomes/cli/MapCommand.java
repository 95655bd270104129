package uk.neighbourhood.outcomes.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.job.ReturnProcessor;
import uk.neighbourhood.outcomes.map.ProfileDrafter;
import uk.neighbourhood.outcomes.map.ReturnContext;
import uk.neighbourhood.outcomes.model.Workbook;
import uk.neighbourhood.outcomes.read.ReadException;
import uk.neighbourhood.outcomes.read.ReadLimits;
import uk.neighbourhood.outcomes.read.Readers;

/** {@code outcomes map}: drafts a mapping profile for a free-form return. */
@Command(name = "map", mixinStandardHelpOptions = true,
    description = "Drafts a mapping profile (YAML) for a free-form return: which sheet and header rows, and which column holds which measure, with a confidence per column and suggestions for the columns it could not map. Review it, then save it as schemas/profiles/<scheme_id>.yaml.")
public final class MapCommand implements Callable<Integer> {
  @Mixin Logging logging;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The return to draft a profile for.")
  Path file;

  @Option(names = "--scheme", required = true, paramLabel = "ID", description = "The scheme the return belongs to.")
  String scheme;

  @Option(names = "--out", paramLabel = "FILE.yaml", description = "Write the draft here (default: print it).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "No such file: " + file);
    }
    if (!scheme.matches("[a-z0-9-]{3,40}")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid --scheme '" + scheme + "': 3 to 40 lower-case letters, digits or '-'.");
    }
    Workbook wb;
    try {
      wb = Readers.read(file, file.getFileName().toString(), ReadLimits.defaults());
    } catch (ReadException e) {
      spec.commandLine().getErr().println("outcomes: " + e.problem().render());
      return OutcomesCommand.FAILED;
    }
    ReturnContext ctx = new ReturnContext(scheme, scheme + "/" + file.getFileName(), ReturnProcessor.sha256(file),
        Schemas.bundled());
    String yaml = ProfileDrafter.draft(wb, ctx);
    if (out == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, yaml, StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("Wrote a draft profile to " + out + "; review it before use.");
    }
    return OutcomesCommand.OK;
  }
}
