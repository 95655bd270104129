package uk.neighbourhood.outcomes.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.neighbourhood.outcomes.model.ReturnRecord;

/**
 * Decides which returns stand. A byte-identical copy counts once (the earliest is kept, the others are
 * {@code duplicate}); of the readable returns for one scheme and quarter the latest supersedes the rest;
 * a return with an error is {@code quarantined} and never supersedes an accepted one.
 */
public final class StatusResolver {
  private StatusResolver() {}

  /** Status by relative path. */
  public static Map<String, String> resolve(List<ProcessedReturn> returns) {
    Map<String, String> status = new LinkedHashMap<>();
    Comparator<ProcessedReturn> oldestFirst = Comparator
        .comparingLong((ProcessedReturn r) -> r.file().modifiedMillis())
        .thenComparing(r -> r.file().relativePath());
    List<ProcessedReturn> sorted = new ArrayList<>(returns);
    sorted.sort(oldestFirst);

    Map<String, ProcessedReturn> firstBySha = new HashMap<>();
    List<ProcessedReturn> candidates = new ArrayList<>();
    for (ProcessedReturn r : sorted) {
      if (r.sha256() != null && firstBySha.putIfAbsent(r.sha256(), r) != null) {
        status.put(r.file().relativePath(), ReturnRecord.DUPLICATE);
      } else if (r.refused()) {
        status.put(r.file().relativePath(), ReturnRecord.QUARANTINED);
      } else {
        candidates.add(r);
      }
    }
    Map<String, ProcessedReturn> latest = new HashMap<>();
    for (ProcessedReturn r : candidates) {
      latest.put(r.file().schemeId() + "|" + r.primaryPeriod(), r);
    }
    for (ProcessedReturn r : candidates) {
      boolean stands = latest.get(r.file().schemeId() + "|" + r.primaryPeriod()) == r;
      status.put(r.file().relativePath(), stands ? ReturnRecord.ACCEPTED : ReturnRecord.SUPERSEDED);
    }
    return status;
  }
}
