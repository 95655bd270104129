package uk.neighbourhood.outcomes.publish;

import java.util.Locale;

/**
 * Test hook that makes a run die at a chosen stage, to prove that a crash anywhere leaves the previous
 * publication intact and that the next run completes. Off unless {@code OUTCOMES_FAIL_AT} (environment)
 * or {@code outcomes.failAt} (system property) names a stage, e.g. {@code writing_excel}; a
 * {@code :halt} suffix kills the JVM outright instead of throwing, as a power cut would.
 */
public final class FaultInjection {
  /** The points at which a run can be made to die. */
  public enum Stage {
    READING,
    WRITING_PARQUET,
    WRITING_EXCEL,
    COMMITTING
  }

  /** The failure a test asked for. */
  public static final class InjectedFault extends RuntimeException {
    public InjectedFault(Stage stage) {
      super("Injected fault at " + stage.name().toLowerCase(Locale.ROOT));
    }
  }

  private FaultInjection() {}

  public static void at(Stage stage) {
    String spec = System.getProperty("outcomes.failAt", System.getenv("OUTCOMES_FAIL_AT"));
    if (spec == null || spec.isBlank()) {
      return;
    }
    String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":");
    if (!parts[0].equals(stage.name().toLowerCase(Locale.ROOT))) {
      return;
    }
    if (parts.length > 1 && parts[1].equals("halt")) {
      Runtime.getRuntime().halt(137);
    }
    throw new InjectedFault(stage);
  }
}
