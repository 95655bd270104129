package uk.neighbourhood.outcomes.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The audit's shortcuts must reach exactly the decisions of its definition (two programmes per cell). */
class SuppressionAuditTest {

  @Test
  void shortcutsDecideEveryCellAsTheLinearProgrammesDo() {
    int pinned = 0;
    int free = 0;
    for (int seed = 0; seed < 400; seed++) {
      Random rnd = new Random(seed);
      SuppressionAudit audit = twoWayTable(rnd);
      List<String> fast = audit.recoverable().stream().map(c -> c.id).toList();
      List<String> reference = audit.recoverableByDefinition().stream().map(c -> c.id).toList();
      assertThat(fast).as("seed %d", seed).isEqualTo(reference);
      long hidden = audit.cells().stream().filter(c -> c.hidden).count();
      pinned += reference.size();
      free += (int) hidden - reference.size();
    }
    // both answers must occur often, or the comparison proves little
    assertThat(pinned).isGreaterThan(100);
    assertThat(free).isGreaterThan(100);
  }

  /**
   * Schemes in a model x deprivation table: ENGLAND is the sum of all, each group the sum of its members;
   * some counts small (primary), some others hidden as secondaries, some upper-bounded, and now and then a
   * group total that does not add up (as when a member's row is missing), so the truth does not fit.
   */
  private static SuppressionAudit twoWayTable(Random rnd) {
    SuppressionAudit audit = new SuppressionAudit(1, 7);
    int schemes = 3 + rnd.nextInt(14);
    int models = 1 + rnd.nextInt(3);
    int groups = 1 + rnd.nextInt(3);
    List<SuppressionAudit.Cell> all = new ArrayList<>();
    List<List<SuppressionAudit.Cell>> byModel = new ArrayList<>();
    List<List<SuppressionAudit.Cell>> byGroup = new ArrayList<>();
    for (int i = 0; i < models; i++) {
      byModel.add(new ArrayList<>());
    }
    for (int i = 0; i < groups; i++) {
      byGroup.add(new ArrayList<>());
    }
    double total = 0;
    for (int i = 0; i < schemes; i++) {
      double u = rnd.nextDouble();
      int v = u < 0.35 ? 1 + rnd.nextInt(7) : u < 0.4 ? 0 : 8 + rnd.nextInt(60);
      SuppressionAudit.Cell c = audit.cell("s" + i, v);
      c.primary = v >= 1 && v <= 7;
      c.hidden = c.primary || (v > 0 && rnd.nextDouble() < 0.2);
      if (rnd.nextDouble() < 0.3) {
        c.upperBound = v + rnd.nextInt(3);
      }
      total += v;
      all.add(c);
      byModel.get(rnd.nextInt(models)).add(c);
      byGroup.get(rnd.nextInt(groups)).add(c);
    }
    SuppressionAudit.Cell england = audit.cell("ENGLAND", total);
    england.hidden = rnd.nextDouble() < 0.05;
    audit.sum(england, all);
    for (List<List<SuppressionAudit.Cell>> classification : List.of(byModel, byGroup)) {
      for (List<SuppressionAudit.Cell> members : classification) {
        if (members.isEmpty()) {
          continue;
        }
        double sum = members.stream().mapToDouble(c -> c.value).sum();
        if (rnd.nextDouble() < 0.05) {
          sum += 1 + rnd.nextInt(5); // a total that does not add up
        }
        SuppressionAudit.Cell g = audit.cell((classification == byModel ? "model:" : "dep:") + members.get(0).id, sum);
        g.primary = sum >= 1 && sum <= 7;
        g.hidden = g.primary || rnd.nextDouble() < 0.15;
        audit.sum(g, members);
      }
    }
    return audit;
  }
}
