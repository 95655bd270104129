package uk.neighbourhood.outcomes.job;

import java.util.List;
import java.util.Map;

/**
 * What a run did, for the console summary and the run manifest.
 *
 * @param stageMillis wall milliseconds per stage, in run order, starting with the JVM's time before the job
 */
public record RunSummary(String runId, int filesSeen, int filesRead, Map<String, Long> byStatus, List<String> periods,
    long observations, long indicators, String out, List<String> quarantined, long millis, Map<String, Long> stageMillis) {

  public long count(String status) {
    return byStatus.getOrDefault(status, 0L);
  }
}
