package uk.neighbourhood.outcomes.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.neighbourhood.outcomes.aggregate.Fixtures.PERIOD;
import static uk.neighbourhood.outcomes.aggregate.Fixtures.totals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Scheme;

/**
 * An attacker with everything published (ENGLAND, every unsuppressed scheme, every unsuppressed breakdown
 * group) tries to recover each suppressed count by brute force, independently of the linear-programming
 * audit the control uses. The attacker is given more than is published: the exact value of every
 * published count (rounding can often be undone from a full-precision rate), whether each hidden count is
 * small (1 to 7) or not, and the denominator as an upper bound. The test fails if any hidden count has
 * exactly one value consistent with all of that.
 */
class SuppressionRecoveryPropertyTest {
  private static final Registry REGISTRY = Fixtures.registry();
  private final IndicatorEngine engine = new IndicatorEngine(Fixtures.indicators(), Fixtures.unitCosts());
  private final DisclosureControl control = Fixtures.disclosure();

  @Test
  void noSuppressedCountCanBeRecoveredFromWhatIsPublished() {
    List<String> ids = REGISTRY.all().stream().map(Scheme::id).toList();
    int attacked = 0;
    int hiddenSeen = 0;
    for (int seed = 0; seed < 80; seed++) {
      Random rnd = new Random(seed);
      List<String> pool = new ArrayList<>(ids);
      java.util.Collections.shuffle(pool, rnd);
      List<String> chosen = pool.subList(0, 2 + rnd.nextInt(6));
      Map<String, double[]> truth = new LinkedHashMap<>();
      List<MeasureTotal> t = new ArrayList<>();
      for (String id : chosen) {
        int n = 20 + rnd.nextInt(60);
        double u = rnd.nextDouble();
        int x = u < 0.4 ? 1 + rnd.nextInt(7) : u < 0.5 ? 0 : 8 + rnd.nextInt(n - 7);
        truth.put(id, new double[] {x, n});
        t.addAll(totals(id, "survey_respondents", n, "trust_neighbours", x, "people_supported", x));
      }
      DisclosureControl.Published p = control.apply(engine.compute(PERIOD, t, REGISTRY),
          engine.breakdowns(PERIOD, t, REGISTRY), REGISTRY);
      for (String indicator : List.of("trust_neighbours_pct", "people_supported_per_1000")) {
        Attack a = attack(p, indicator, truth, indicator.equals("trust_neighbours_pct"));
        if (a == null) {
          continue;
        }
        attacked++;
        hiddenSeen += a.hidden;
        assertThat(a.recovered).as("seed %d %s: recovered %s from %s", seed, indicator, a.recovered, truth.keySet())
            .isEmpty();
      }
    }
    assertThat(attacked).isGreaterThan(100);
    assertThat(hiddenSeen).isGreaterThan(80);
  }

  private record Attack(Set<String> recovered, int hidden) {}

  private static Attack attack(DisclosureControl.Published p, String indicator, Map<String, double[]> truth, boolean bounded) {
    List<IndicatorRow> rows = p.rows().stream().filter(r -> r.indicator().equals(indicator)).toList();
    IndicatorRow england = rows.stream().filter(r -> r.schemeId().equals(IndicatorRow.ENGLAND)).findFirst().orElseThrow();
    double total = truth.values().stream().mapToDouble(v -> v[0]).sum();
    Map<String, Double> known = new HashMap<>();
    List<String> hidden = new ArrayList<>();
    for (IndicatorRow r : rows) {
      if (r.schemeId().equals(IndicatorRow.ENGLAND)) {
        continue;
      }
      if (r.suppressed()) {
        hidden.add(r.schemeId());
      } else {
        known.put(r.schemeId(), truth.get(r.schemeId())[0]);
      }
    }
    Map<String, List<String>> groupMembers = new LinkedHashMap<>();
    Map<String, Boolean> groupHidden = new LinkedHashMap<>();
    for (BreakdownRow b : p.breakdowns()) {
      if (!b.indicator().equals(indicator)) {
        continue;
      }
      String key = b.groupType() + ":" + b.group();
      groupMembers.put(key, truth.keySet().stream()
          .filter(id -> b.group().equals(DisclosureControl.groupOf(REGISTRY, id, b.groupType()))).toList());
      groupHidden.put(key, b.suppressed());
    }
    long hiddenGroups = groupHidden.values().stream().filter(h -> h).count();
    if (hidden.isEmpty() && hiddenGroups == 0) {
      return new Attack(Set.of(), 0);
    }
    int[] lo = new int[hidden.size()];
    int[] hi = new int[hidden.size()];
    double combos = 1;
    for (int i = 0; i < hidden.size(); i++) {
      double[] xn = truth.get(hidden.get(i));
      boolean small = xn[0] >= 1 && xn[0] <= 7;
      lo[i] = small ? 1 : 8;
      hi[i] = small ? 7 : (int) Math.min(bounded ? xn[1] : total, total);
      if (i < hidden.size() - 1 || england.suppressed()) {
        combos *= Math.max(1, hi[i] - lo[i] + 1);
      }
    }
    if (combos > 2e5) {
      return null;
    }
    Map<String, Set<Integer>> feasible = new HashMap<>();
    int[] x = new int[hidden.size()];
    enumerate(0, x, lo, hi, hidden, known, england.suppressed() ? null : total, groupMembers, groupHidden, truth, feasible);
    Set<String> recovered = new HashSet<>();
    feasible.forEach((cell, values) -> {
      if (values.size() == 1) {
        recovered.add(cell + "=" + values.iterator().next());
      }
    });
    for (String h : hidden) {
      if (!feasible.containsKey(h)) {
        recovered.add(h + " (no consistent value: attacker model broken)");
      }
    }
    return new Attack(recovered, hidden.size() + (int) hiddenGroups);
  }

  private static void enumerate(int i, int[] x, int[] lo, int[] hi, List<String> hidden, Map<String, Double> known,
      Double england, Map<String, List<String>> groups, Map<String, Boolean> groupHidden, Map<String, double[]> truth,
      Map<String, Set<Integer>> feasible) {
    if (i == x.length) {
      Map<String, Double> value = new HashMap<>(known);
      for (int k = 0; k < x.length; k++) {
        value.put(hidden.get(k), (double) x[k]);
      }
      if (england != null && value.values().stream().mapToDouble(Double::doubleValue).sum() != england) {
        return;
      }
      Map<String, Integer> groupValues = new HashMap<>();
      for (Map.Entry<String, List<String>> g : groups.entrySet()) {
        double sum = g.getValue().stream().mapToDouble(value::get).sum();
        double trueSum = g.getValue().stream().mapToDouble(id -> truth.get(id)[0]).sum();
        if (!groupHidden.get(g.getKey()) && sum != trueSum) {
          return;
        }
        if (groupHidden.get(g.getKey())) {
          boolean smallTruth = trueSum >= 1 && trueSum <= 7;
          boolean small = sum >= 1 && sum <= 7;
          if (smallTruth != small || (!smallTruth && sum < 8)) {
            return;
          }
          groupValues.put(g.getKey(), (int) sum);
        }
      }
      for (int k = 0; k < x.length; k++) {
        feasible.computeIfAbsent(hidden.get(k), c -> new HashSet<>()).add(x[k]);
      }
      groupValues.forEach((g, v) -> feasible.computeIfAbsent(g, c -> new HashSet<>()).add(v));
      return;
    }
    if (england != null && i == x.length - 1) {
      // ENGLAND fixes the last hidden count once the others are chosen
      double rest = known.values().stream().mapToDouble(Double::doubleValue).sum();
      for (int k = 0; k < i; k++) {
        rest += x[k];
      }
      double last = england - rest;
      if (last >= lo[i] && last <= hi[i]) {
        x[i] = (int) last;
        enumerate(i + 1, x, lo, hi, hidden, known, england, groups, groupHidden, truth, feasible);
      }
      return;
    }
    for (int v = lo[i]; v <= hi[i]; v++) {
      x[i] = v;
      enumerate(i + 1, x, lo, hi, hidden, known, england, groups, groupHidden, truth, feasible);
    }
  }
}
