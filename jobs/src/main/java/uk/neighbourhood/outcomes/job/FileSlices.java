package uk.neighbourhood.outcomes.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import uk.neighbourhood.outcomes.discover.ReturnFile;

/**
 * Deals the inbox's files into the read stage's tasks by their weight, so that two large workbooks that
 * sort next to each other do not land in one task (see {@link LeastLoaded}).
 */
final class FileSlices {
  /** What a file costs besides its bytes: opening, detection and validation of even a tiny return. */
  static final long PER_FILE_COST = 32 * 1024;
  /** A zipped workbook holds several times its size in XML: weigh its bytes accordingly. */
  static final int ZIPPED_FACTOR = 8;

  private FileSlices() {}

  static List<ArrayList<ReturnFile>> deal(List<ReturnFile> files, int slices) {
    return LeastLoaded.deal(files, FileSlices::weight, Comparator.comparing(ReturnFile::relativePath), slices);
  }

  static long weight(ReturnFile f) {
    String name = f.relativePath().toLowerCase(Locale.ROOT);
    boolean zipped = name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".ods");
    return PER_FILE_COST + Math.max(0, f.sizeBytes()) * (zipped ? ZIPPED_FACTOR : 1);
  }
}
