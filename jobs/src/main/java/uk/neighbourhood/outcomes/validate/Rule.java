package uk.neighbourhood.outcomes.validate;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import uk.neighbourhood.outcomes.model.Severity;

/** One validation rule as declared in {@code rules.yaml}. */
public record Rule(String id, Kind kind, Severity severity, String message, String fix, String measure,
    String than, List<String> measures, String requires, double factor) implements Serializable {

  /** How a rule is checked; the words and the measures it names are data. */
  public enum Kind {
    IN_RANGE,
    WHOLE_NUMBER,
    NOT_GREATER_THAN,
    WITHIN_DENOMINATOR,
    REQUIRES,
    SCHEME_MATCHES_FOLDER,
    REGISTERED_SCHEME,
    PERIOD_PRESENT,
    PERIOD_NOT_FUTURE,
    PERIOD_NOT_BEFORE_START,
    NO_CONFLICTING_DUPLICATES,
    NOT_ABOVE_POPULATION,
    HAS_VALUES
  }

  /** Fills {placeholders} in the message. */
  public String say(Map<String, String> values) {
    String out = message;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
    }
    return out;
  }
}
