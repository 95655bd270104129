package uk.neighbourhood.outcomes.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * Deals items into tasks so that each task gets about the same work: the heaviest first, each into the
 * task with the least work so far (longest-processing-time-first). Spark's own slicing cuts a list into
 * consecutive runs, so heavy neighbours would share a task while other cores idle.
 */
final class LeastLoaded {
  private LeastLoaded() {}

  /**
   * At most {@code slices} lists (at least one, never more than there are items); equal weights are placed
   * in {@code ties} order, so the dealing is the same on every run.
   */
  static <T> List<ArrayList<T>> deal(List<T> items, ToLongFunction<T> weight, Comparator<T> ties, int slices) {
    int n = Math.max(1, Math.min(slices, items.size()));
    List<ArrayList<T>> out = new ArrayList<>(n);
    PriorityQueue<long[]> least = new PriorityQueue<>(Comparator.<long[]>comparingLong(s -> s[0])
        .thenComparingLong(s -> s[1]));
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
      least.add(new long[] {0, i});
    }
    List<T> heaviestFirst = new ArrayList<>(items);
    heaviestFirst.sort(Comparator.comparingLong(weight).reversed().thenComparing(ties));
    for (T item : heaviestFirst) {
      long[] slice = least.poll();
      out.get((int) slice[1]).add(item);
      slice[0] += weight.applyAsLong(item);
      least.add(slice);
    }
    return out;
  }
}
