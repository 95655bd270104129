package uk.neighbourhood.outcomes.job;

import java.time.Instant;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.ReturnRecord;

/** Turns what a task learnt about a return, and the status the driver gave it, into a returns row. */
public final class ReturnRecords {
  /** The partition for returns whose quarter could not be told (unreadable files, mostly). */
  public static final String UNKNOWN_PERIOD = "unknown";

  private ReturnRecords() {}

  public static ReturnRecord of(ProcessedReturn r, String status) {
    String period = r.primaryPeriod() == null ? UNKNOWN_PERIOD : r.primaryPeriod();
    long observations = ReturnRecord.ACCEPTED.equals(status) ? r.observationCountHint() : 0;
    return new ReturnRecord(r.file().schemeId(), period, r.file().relativePath(), r.sha256(), status,
        r.problems().stream().map(Problem::render).toList(), observations, r.layout(), r.file().sizeBytes(),
        Instant.ofEpochMilli(r.file().modifiedMillis()).toString(), (int) r.errors(), (int) r.warnings());
  }
}
