package uk.neighbourhood.outcomes.model;

import java.io.Serializable;
import java.util.List;

/**
 * One row of the published {@code returns} table: a return file seen by a run and what became of it.
 *
 * @param status accepted | quarantined | superseded | duplicate
 * @param problems every problem, rendered as one line each (see {@link Problem#render()})
 * @param layout how the file was understood (template v1, long csv, free-form ...)
 * @param receivedAt ISO-8601 instant of the file's last modification, as the inbox reported it
 */
public record ReturnRecord(
    String schemeId,
    String period,
    String file,
    String sha256,
    String status,
    List<String> problems,
    long observations,
    String layout,
    long sizeBytes,
    String receivedAt,
    int errors,
    int warnings)
    implements Serializable {

  public static final String ACCEPTED = "accepted";
  public static final String QUARANTINED = "quarantined";
  public static final String SUPERSEDED = "superseded";
  public static final String DUPLICATE = "duplicate";
}
