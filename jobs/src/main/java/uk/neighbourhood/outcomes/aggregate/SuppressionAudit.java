package uk.neighbourhood.outcomes.aggregate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What an attacker can work out about hidden counts from the published ones. Cells are counts linked by
 * sums (ENGLAND = all schemes; each breakdown group = its schemes). Published cells are taken as known
 * exactly (rounded counts can often be recovered from a full-precision rate and its denominator, so
 * rounding is not relied on). Each hidden cell is bounded by what its class gives away: a primary cell is
 * 1 to 7, any other hidden cell is 8 or more. For each hidden cell the audit finds its smallest and largest
 * feasible value by linear programming; sums over a two-way classification form a network, whose bounds
 * are whole numbers, so a hidden cell is recoverable exactly when the two coincide.
 */
final class SuppressionAudit {
  /** One count: a scheme, a breakdown group or ENGLAND. */
  static final class Cell {
    final String id;
    final double value;
    boolean hidden;
    boolean primary;
    /** What else bounds it from above, e.g. a published denominator for a proportion's numerator. */
    double upperBound = Double.POSITIVE_INFINITY;

    Cell(String id, double value) {
      this.id = id;
      this.value = value;
    }
  }

  /** total = sum of members. */
  record Sum(Cell total, List<Cell> members) {}

  private final int primaryMin;
  private final int primaryMax;
  private final Map<String, Cell> cells = new LinkedHashMap<>();
  private final List<Sum> sums = new ArrayList<>();

  SuppressionAudit(int primaryMin, int primaryMax) {
    this.primaryMin = primaryMin;
    this.primaryMax = primaryMax;
  }

  Cell cell(String id, double value) {
    return cells.computeIfAbsent(id, k -> new Cell(id, value));
  }

  void sum(Cell total, List<Cell> members) {
    sums.add(new Sum(total, List.copyOf(members)));
  }

  Collection<Cell> cells() {
    return cells.values();
  }

  List<Sum> sums() {
    return sums;
  }

  /** The hidden cells whose value the published figures pin down to one number. */
  List<Cell> recoverable() {
    List<Cell> hidden = cells.values().stream().filter(c -> c.hidden).toList();
    List<Cell> out = new ArrayList<>();
    if (hidden.isEmpty()) {
      return out;
    }
    Map<Cell, Integer> index = new LinkedHashMap<>();
    hidden.forEach(c -> index.put(c, index.size()));
    int n = hidden.size();
    double big = cells.values().stream().mapToDouble(c -> c.value).max().orElse(0) * 4 + 1000;
    List<LinearConstraint> constraints = new ArrayList<>();
    for (Cell c : hidden) {
      double[] a = new double[n];
      a[index.get(c)] = 1;
      constraints.add(new LinearConstraint(a, Relationship.GEQ, c.primary ? primaryMin : primaryMax + 1));
      constraints.add(new LinearConstraint(a.clone(), Relationship.LEQ, Math.min(c.upperBound, c.primary ? primaryMax : big)));
    }
    for (Sum s : sums) {
      double[] a = new double[n];
      double rhs = 0;
      boolean anyHidden = false;
      for (Cell m : s.members()) {
        if (m.hidden) {
          a[index.get(m)] += 1;
          anyHidden = true;
        } else {
          rhs -= m.value;
        }
      }
      if (s.total().hidden) {
        a[index.get(s.total())] -= 1;
        anyHidden = true;
      } else {
        rhs += s.total().value;
      }
      if (anyHidden) {
        constraints.add(new LinearConstraint(a, Relationship.EQ, rhs));
      }
    }
    LinearConstraintSet set = new LinearConstraintSet(constraints);
    for (Cell c : hidden) {
      double[] obj = new double[n];
      obj[index.get(c)] = 1;
      try {
        double min = optimise(obj, set, GoalType.MINIMIZE);
        double max = optimise(obj, set, GoalType.MAXIMIZE);
        if (max - min < 0.5) {
          out.add(c);
        }
      } catch (NoFeasibleSolutionException e) {
        // the attacker's model does not fit the truth (for instance a hidden cell of 0); nothing is pinned
      }
    }
    return out;
  }

  private static double optimise(double[] objective, LinearConstraintSet set, GoalType goal) {
    PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(10_000),
        new LinearObjectiveFunction(objective, 0), set, goal, new NonNegativeConstraint(true));
    return p.getValue();
  }
}
