package uk.neighbourhood.outcomes.job;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time of each stage of a run, for the run manifest and --verbose: where a run's time goes is the
 * first thing to know about a slow one. The first entry is the time the JVM spent before the job began
 * (JVM and Spark start), so a manifest separates start-up from work.
 */
final class StageClock {
  private final Map<String, Long> millis = new LinkedHashMap<>();
  private String current;
  private long since;

  StageClock() {
    millis.put("before_job", ManagementFactory.getRuntimeMXBean().getUptime());
    since = System.nanoTime();
  }

  void begin(String stage) {
    end();
    current = stage;
    since = System.nanoTime();
  }

  void end() {
    if (current != null) {
      millis.merge(current, (System.nanoTime() - since) / 1_000_000, Long::sum);
      current = null;
    }
  }

  /** Records a part of the current stage that ran alongside others (its time is not added to the stage's). */
  void part(String name, long ms) {
    millis.put(name, ms);
  }

  Map<String, Long> millis() {
    end();
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(millis));
  }
}
