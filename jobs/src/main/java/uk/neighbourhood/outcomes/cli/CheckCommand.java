package uk.neighbourhood.outcomes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Scheme;
import uk.neighbourhood.outcomes.discover.ReturnFile;
import uk.neighbourhood.outcomes.job.ProcessedReturn;
import uk.neighbourhood.outcomes.job.ReturnProcessor;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Severity;
import uk.neighbourhood.outcomes.read.ReadLimits;

/** {@code outcomes check}: a dry run for a local team before upload. No Spark, no output files. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Dry run before upload: what would be accepted from each return, with the cell each value came from, and every problem with its sheet, cell and how to fix it.",
    footer = {"", "Exit status: 0 every file would be accepted; 1 at least one would be quarantined; 2 usage error."})
public final class CheckCommand implements Callable<Integer> {
  @Mixin Logging logging;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Return files to check.")
  List<Path> files;

  @Option(names = "--scheme", paramLabel = "ID", description = "The scheme submitting (default: the file's folder name).")
  String scheme;

  @Option(names = "--registry", paramLabel = "FILE", description = "The registry of schemes, for population and start-date checks.")
  Path registry;

  @Option(names = "--schemas", paramLabel = "DIR", description = "Use this schemas/ folder instead of the bundled one.")
  String schemas;

  @Option(names = "--pseudonym-key-file", paramLabel = "FILE",
      description = "Key for pseudonymising participant references (default: $OUTCOMES_PSEUDONYM_KEY).")
  Path pseudonymKeyFile;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true)
  LocalDate today;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    int refused = 0;
    var key = uk.neighbourhood.outcomes.privacy.PseudonymKey.resolve(pseudonymKeyFile).orElse(null);
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "No such file: " + f);
      }
      String id = scheme != null ? scheme : folderScheme(f);
      Registry reg = registryFor(id);
      ReturnProcessor processor = new ReturnProcessor(reg, ReadLimits.defaults(),
          today == null ? LocalDate.now() : today, schemas, key);
      ReturnFile rf = new ReturnFile(id, f.toUri().toString(), id + "/" + f.getFileName(), Files.size(f),
          Files.getLastModifiedTime(f).toMillis());
      ProcessedReturn r = processor.processLocal(rf, ReturnProcessor.sha256(f), f, System.nanoTime());
      if (r.refused()) {
        refused++;
      }
      report(o, f, r);
    }
    o.flush();
    return refused == 0 ? OutcomesCommand.OK : OutcomesCommand.FAILED;
  }

  private static String folderScheme(Path f) {
    Path parent = f.toAbsolutePath().getParent();
    return parent == null ? "unknown" : parent.getFileName().toString();
  }

  /** With no registry the scheme is taken as registered, so the check speaks only of the file itself. */
  private Registry registryFor(String id) throws IOException {
    if (registry != null) {
      try (InputStream in = Files.newInputStream(registry)) {
        return Registry.load(registry.getFileName().toString(), in);
      }
    }
    return new Registry(List.of(new Scheme(id, id, "other", Long.MAX_VALUE, null, null, null, List.of(), null, null)));
  }

  static void report(PrintWriter o, Path f, ProcessedReturn r) {
    o.println((r.refused() ? "WOULD BE REFUSED  " : "WOULD BE ACCEPTED ") + f);
    o.println("  scheme " + r.file().schemeId() + ", layout " + r.layout() + ", period(s) "
        + (r.periods().isEmpty() ? "none found" : String.join(", ", r.periods())));
    if (!r.observations().isEmpty()) {
      o.println("  values read:");
      for (Observation ob : r.observations()) {
        o.printf("    %-32s %-10s %-12s %s%s%n", ob.measure(), ob.period(),
            ob.suppressed() ? "[suppressed]" : uk.neighbourhood.outcomes.model.CellRef.formatNumber(ob.value()),
            ob.location(), ob.areaCode() == null ? "" : "  area " + ob.areaCode());
      }
    }
    long errors = r.problems().stream().filter(Problem::isError).count();
    long warnings = r.problems().stream().filter(p -> p.severity() == Severity.WARNING).count();
    if (!r.problems().isEmpty()) {
      o.println("  problems (" + errors + " error(s), " + warnings + " warning(s)):");
      for (Problem p : r.problems()) {
        o.println("    " + p.render());
      }
    }
    o.println();
  }
}
