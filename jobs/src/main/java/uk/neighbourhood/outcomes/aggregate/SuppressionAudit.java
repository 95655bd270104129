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
    return recoverable(Integer.MAX_VALUE);
  }

  /**
   * The same, but stops once {@code enough} cells are found: the secondary search only needs to know whether
   * a choice exposes fewer cells than the best so far.
   */
  List<Cell> recoverable(int enough) {
    List<Cell> hidden = cells.values().stream().filter(c -> c.hidden).toList();
    List<Cell> out = new ArrayList<>();
    if (hidden.isEmpty() || enough <= 0) {
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
    // a sum whose only hidden cell is c pins c; kept per cell for the shortcut below
    Map<Cell, Boolean> soleHidden = new LinkedHashMap<>();
    for (Sum s : sums) {
      double[] a = new double[n];
      double rhs = 0;
      List<Cell> hiddenHere = new ArrayList<>();
      for (Cell m : s.members()) {
        if (m.hidden) {
          a[index.get(m)] += 1;
          hiddenHere.add(m);
        } else {
          rhs -= m.value;
        }
      }
      if (s.total().hidden) {
        a[index.get(s.total())] -= 1;
        hiddenHere.add(s.total());
      } else {
        rhs += s.total().value;
      }
      if (!hiddenHere.isEmpty()) {
        constraints.add(new LinearConstraint(a, Relationship.EQ, rhs));
      }
      if (hiddenHere.size() == 1) {
        soleHidden.put(hiddenHere.get(0), true);
      }
    }
    LinearConstraintSet set = new LinearConstraintSet(constraints);
    // The true values, when they satisfy every constraint, are a feasible point: then the problem is
    // feasible, min <= truth <= max, and a cell whose maximum lies 0.5 or more above its true value cannot be
    // pinned without solving for its minimum. Otherwise (a sum that does not hold exactly, say) every cell
    // gets both solves, as the definition says.
    boolean truthFits = fits(hidden, constraints, index);
    for (Cell c : hidden) {
      if (out.size() >= enough) {
        break;
      }
      if (truthFits && soleHidden.containsKey(c)) {
        out.add(c);
        continue;
      }
      double[] obj = new double[n];
      obj[index.get(c)] = 1;
      try {
        double max = optimise(obj, set, GoalType.MAXIMIZE);
        if (truthFits && max - c.value >= 0.5) {
          continue;
        }
        double min = optimise(obj, set, GoalType.MINIMIZE);
        if (max - min < 0.5) {
          out.add(c);
        }
      } catch (NoFeasibleSolutionException e) {
        // the attacker's model does not fit the truth (for instance a hidden cell of 0); nothing is pinned
      }
    }
    return out;
  }

  private static boolean fits(List<Cell> hidden, List<LinearConstraint> constraints, Map<Cell, Integer> index) {
    double[] x = new double[hidden.size()];
    hidden.forEach(c -> x[index.get(c)] = c.value);
    for (LinearConstraint k : constraints) {
      double lhs = k.getCoefficients().dotProduct(new org.apache.commons.math3.linear.ArrayRealVector(x, false));
      double tolerance = 1e-9 * Math.max(1, Math.abs(k.getValue()));
      boolean ok = switch (k.getRelationship()) {
        case EQ -> Math.abs(lhs - k.getValue()) <= tolerance;
        case LEQ -> lhs <= k.getValue() + tolerance;
        case GEQ -> lhs >= k.getValue() - tolerance;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static double optimise(double[] objective, LinearConstraintSet set, GoalType goal) {
    PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(10_000),
        new LinearObjectiveFunction(objective, 0), set, goal, new NonNegativeConstraint(true));
    return p.getValue();
  }
}
