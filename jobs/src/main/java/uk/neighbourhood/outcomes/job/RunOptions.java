package uk.neighbourhood.outcomes.job;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code outcomes run} was asked to do.
 *
 * @param registry the registry file, or null for {@code <inbox>/schemes.csv}
 * @param periods the quarters to publish; empty for every quarter found
 * @param schemasFolder a folder replacing the bundled {@code schemas/}, or null
 * @param today the run date, for plausibility checks (injected so tests are repeatable)
 * @param pseudonymKeyFile a file holding the key for participant pseudonyms, or null for the environment's
 */
public record RunOptions(String inbox, String out, String registry, List<String> periods, String master,
    String schemasFolder, LocalDate today, boolean verbose, String pseudonymKeyFile) {

  public RunOptions(String inbox, String out, String registry, List<String> periods, String master,
      String schemasFolder, LocalDate today, boolean verbose) {
    this(inbox, out, registry, periods, master, schemasFolder, today, verbose, null);
  }

  public String registryPath() {
    return registry != null ? registry : inbox.replaceAll("/+$", "") + "/schemes.csv";
  }
}
