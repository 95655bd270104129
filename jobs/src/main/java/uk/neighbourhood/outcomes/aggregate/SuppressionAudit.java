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
    return recoverable(enough, true);
  }

  /** The definition itself, two linear programmes per hidden cell and no shortcut: the tests' reference. */
  List<Cell> recoverableByDefinition() {
    return recoverable(Integer.MAX_VALUE, false);
  }

  private List<Cell> recoverable(int enough, boolean shortcuts) {
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
    boolean truthFits = shortcuts && fits(hidden, constraints, index);
    Moves moves = truthFits ? new Moves(hidden, constraints, index) : null;
    for (Cell c : hidden) {
      if (out.size() >= enough) {
        break;
      }
      if (truthFits && soleHidden.containsKey(c)) {
        out.add(c);
        continue;
      }
      if (truthFits && moves.canMove(index.get(c))) {
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

  /**
   * Looks for a concrete second solution: the true values moved by one along a direction that changes the
   * cell by one, changes at most two other hidden cells by one, keeps every sum and stays within every
   * bound. Such a point proves max - min >= 1, the same answer the two linear programmes would give, at a
   * fraction of their cost; the programmes still decide every cell for which no such move is found. Moves of
   * two and three other cells are the trades within one sum and the rectangles of a two-way table.
   */
  private static final class Moves {
    private final int n;
    private final double[] x;
    private final double[] lo;
    private final double[] hi;
    /** Column i: cell i's coefficient in each equality. */
    private final double[][] col;

    Moves(List<Cell> hidden, List<LinearConstraint> constraints, Map<Cell, Integer> index) {
      n = hidden.size();
      x = new double[n];
      lo = new double[n];
      hi = new double[n];
      for (int i = 0; i < n; i++) {
        lo[i] = Double.NEGATIVE_INFINITY;
        hi[i] = Double.POSITIVE_INFINITY;
      }
      hidden.forEach(c -> x[index.get(c)] = c.value);
      List<double[]> rows = new ArrayList<>();
      for (LinearConstraint k : constraints) {
        double[] a = k.getCoefficients().toArray();
        int only = -1;
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
          if (a[i] != 0) {
            nonZero++;
            only = i;
          }
        }
        if (k.getRelationship() == Relationship.EQ) {
          rows.add(a);
        } else if (nonZero == 1 && a[only] == 1) {
          if (k.getRelationship() == Relationship.GEQ) {
            lo[only] = Math.max(lo[only], k.getValue());
          } else {
            hi[only] = Math.min(hi[only], k.getValue());
          }
        } else {
          rows.add(null); // a constraint of another shape: no shortcut is safe
        }
      }
      if (rows.contains(null)) {
        col = null;
        return;
      }
      col = new double[n][rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        for (int i = 0; i < n; i++) {
          col[i][r] = rows.get(r)[i];
        }
      }
    }

    boolean canMove(int c) {
      if (col == null) {
        return false;
      }
      int[] others = new int[3];
      double[] signs = new double[3];
      if (tryMove(c, others, signs, 0)) {
        return true;
      }
      for (int d = 0; d < n; d++) {
        if (d == c) {
          continue;
        }
        for (double sd : new double[] {1, -1}) {
          others[0] = d;
          signs[0] = sd;
          if (tryMove(c, others, signs, 1)) {
            return true;
          }
        }
      }
      if (n > 60) {
        return false; // rectangles cost n^2 per cell; beyond this the programmes are cheaper
      }
      for (int d = 0; d < n; d++) {
        for (int e = d + 1; e < n; e++) {
          if (d == c || e == c) {
            continue;
          }
          for (double sd : new double[] {1, -1}) {
            for (double se : new double[] {1, -1}) {
              others[0] = d;
              signs[0] = sd;
              others[1] = e;
              signs[1] = se;
              if (tryMove(c, others, signs, 2)) {
                return true;
              }
            }
          }
        }
      }
      return false;
    }

    /** Whether x + t * (e_c + sum signs[i] e_others[i]) is feasible for t = 1 or t = -1. */
    private boolean tryMove(int c, int[] others, double[] signs, int k) {
      for (int r = 0; r < col[c].length; r++) {
        double v = col[c][r];
        for (int i = 0; i < k; i++) {
          v += signs[i] * col[others[i]][r];
        }
        if (v != 0) {
          return false;
        }
      }
      for (double t : new double[] {1, -1}) {
        boolean ok = within(c, x[c] + t);
        for (int i = 0; i < k && ok; i++) {
          ok = within(others[i], x[others[i]] + t * signs[i]);
        }
        if (ok) {
          return true;
        }
      }
      return false;
    }

    private boolean within(int i, double v) {
      return v >= lo[i] && v <= hi[i];
    }
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
