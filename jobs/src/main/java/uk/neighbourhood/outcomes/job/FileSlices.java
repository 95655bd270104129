package uk.neighbourhood.outcomes.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import uk.neighbourhood.outcomes.discover.ReturnFile;

/**
 * Deals the inbox's files into the read stage's tasks so that each task gets about the same work.
 * Spark's own slicing cuts the list into consecutive runs, so two large workbooks that sort next to each
 * other land in one task and the stage waits on it while the other cores idle. Here the largest files
 * are placed first, each into the task with the least work so far (longest-processing-time-first).
 */
final class FileSlices {
  /** What a file costs besides its bytes: opening, detection and validation of even a tiny return. */
  static final long PER_FILE_COST = 32 * 1024;
  /** A zipped workbook holds several times its size in XML: weigh its bytes accordingly. */
  static final int ZIPPED_FACTOR = 8;

  private FileSlices() {}

  static List<ArrayList<ReturnFile>> deal(List<ReturnFile> files, int slices) {
    int n = Math.max(1, Math.min(slices, files.size()));
    List<ArrayList<ReturnFile>> out = new ArrayList<>(n);
    PriorityQueue<long[]> least = new PriorityQueue<>(Comparator.<long[]>comparingLong(s -> s[0])
        .thenComparingLong(s -> s[1]));
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
      least.add(new long[] {0, i});
    }
    List<ReturnFile> bySize = new ArrayList<>(files);
    bySize.sort(Comparator.comparingLong(FileSlices::weight).reversed().thenComparing(ReturnFile::relativePath));
    for (ReturnFile f : bySize) {
      long[] slice = least.poll();
      out.get((int) slice[1]).add(f);
      slice[0] += weight(f);
      least.add(slice);
    }
    return out;
  }

  static long weight(ReturnFile f) {
    String name = f.relativePath().toLowerCase(Locale.ROOT);
    boolean zipped = name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".ods");
    return PER_FILE_COST + Math.max(0, f.sizeBytes()) * (zipped ? ZIPPED_FACTOR : 1);
  }
}
