package uk.neighbourhood.outcomes.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.model.ReturnRecord;
import uk.neighbourhood.outcomes.publish.Revision;

/** Compares what is about to be published with what was published for the same quarters. */
final class Revisions {
  private Revisions() {}

  /**
   * The figures that change. Nothing is a revision on a first publication; a figure that appears (a late
   * return) or disappears (a return now refused) is one, as is any changed value or suppression.
   */
  static List<Revision> between(List<IndicatorRow> before, List<IndicatorRow> after, List<ReturnRecord> returns,
      String runId, String today) {
    if (before.isEmpty()) {
      return List.of();
    }
    Map<String, IndicatorRow> was = index(before);
    Map<String, IndicatorRow> now = index(after);
    Set<String> periodsBefore = new TreeSet<>();
    before.forEach(r -> periodsBefore.add(r.period()));
    Set<String> keys = new TreeSet<>(was.keySet());
    keys.addAll(now.keySet());
    List<Revision> out = new ArrayList<>();
    for (String k : keys) {
      IndicatorRow a = was.get(k);
      IndicatorRow b = now.get(k);
      IndicatorRow any = b != null ? b : a;
      if (!periodsBefore.contains(any.period()) || same(a, b)) {
        continue;
      }
      out.add(new Revision(any.period(), any.schemeId(), any.indicator(), value(a), value(b),
          reason(any, a, b, returns), runId, today));
    }
    return out;
  }

  private static Map<String, IndicatorRow> index(List<IndicatorRow> rows) {
    Map<String, IndicatorRow> m = new LinkedHashMap<>();
    rows.forEach(r -> m.put(r.period() + "|" + r.schemeId() + "|" + r.indicator(), r));
    return m;
  }

  private static Double value(IndicatorRow r) {
    return r == null || r.suppressed() ? null : r.value();
  }

  private static boolean same(IndicatorRow a, IndicatorRow b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.suppressed() != b.suppressed()) {
      return false;
    }
    if (a.value() == null || b.value() == null) {
      return Objects.equals(a.value(), b.value());
    }
    return Math.abs(a.value() - b.value()) <= 1e-9 * Math.max(1, Math.abs(a.value()));
  }

  private static String reason(IndicatorRow any, IndicatorRow a, IndicatorRow b, List<ReturnRecord> returns) {
    if (IndicatorRow.ENGLAND.equals(any.schemeId())) {
      return "England's figure changed because schemes' figures for this quarter were revised.";
    }
    String standing = returns.stream().filter(r -> r.schemeId().equals(any.schemeId())
        && r.period().equals(any.period()) && ReturnRecord.ACCEPTED.equals(r.status()))
        .map(ReturnRecord::file).findFirst().orElse(null);
    if (a == null) {
      return "A late return was received: " + standing + ".";
    }
    if (b == null || standing == null) {
      return "The scheme's return for this quarter no longer stands (refused or withdrawn).";
    }
    return "A corrected return now stands: " + standing + ".";
  }
}
