package uk.neighbourhood.outcomes.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import uk.neighbourhood.outcomes.discover.ReturnFile;
import uk.neighbourhood.outcomes.map.MappingResult;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Severity;

/**
 * Everything one task learnt about one return file: what reading and mapping made of it (cached in the
 * ledger by content hash) and what validation said this run. The observations stay on the executors;
 * the driver only sees {@link #withoutObservations()} when it decides which returns stand.
 *
 * @param fromLedger true when the mapping came from the ledger instead of reading the file again
 */
public record ProcessedReturn(ReturnFile file, String sha256, MappingResult mapped, List<Problem> validation,
    long readMillis, int observationCountHint, boolean fromLedger) implements Serializable {

  public static ProcessedReturn of(ReturnFile file, String sha256, MappingResult mapped, List<Problem> validation,
      long readMillis, boolean fromLedger) {
    return new ProcessedReturn(file, sha256, mapped, List.copyOf(validation), readMillis,
        mapped.observations().size(), fromLedger);
  }

  public String layout() {
    return mapped.layout();
  }

  public String declaredScheme() {
    return mapped.declaredScheme();
  }

  /** The quarters the return covers, earliest first. */
  public List<String> periods() {
    return mapped.periods().stream().sorted().toList();
  }

  public List<Observation> observations() {
    return mapped.observations();
  }

  /** Reading and mapping problems first, then validation's. */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>(mapped.problems());
    all.addAll(validation);
    return all;
  }

  public boolean refused() {
    return problems().stream().anyMatch(Problem::isError);
  }

  /** The quarter this return stands for when deciding supersession: its latest. */
  public String primaryPeriod() {
    List<String> p = periods();
    return p.isEmpty() ? null : p.get(p.size() - 1);
  }

  public long errors() {
    return problems().stream().filter(Problem::isError).count();
  }

  public long warnings() {
    return problems().stream().filter(p -> p.severity() == Severity.WARNING).count();
  }

  public ProcessedReturn withoutObservations() {
    MappingResult light = new MappingResult(mapped.layout(), mapped.declaredScheme(), mapped.periods(), List.of(),
        mapped.problems());
    return new ProcessedReturn(file, sha256, light, validation, readMillis, observationCountHint, fromLedger);
  }
}
