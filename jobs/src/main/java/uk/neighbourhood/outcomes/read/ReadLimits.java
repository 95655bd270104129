package uk.neighbourhood.outcomes.read;

import java.io.Serializable;
import java.time.Duration;

/**
 * Bounds that keep one hostile or huge upload from hurting the batch.
 *
 * @param maxFileBytes size on disk above which a file is refused unread
 * @param maxCells non-blank cells per workbook above which reading stops with a refusal
 * @param maxInflatedBytes total bytes a zip package may inflate to
 * @param maxInflationRatio inflated/compressed ratio above which a zip entry is treated as a bomb
 * @param timeLimit wall time for reading one file
 */
public record ReadLimits(long maxFileBytes, long maxCells, long maxInflatedBytes, double maxInflationRatio,
    Duration timeLimit) implements Serializable {

  public static ReadLimits defaults() {
    // 10 million cells is a 50 MB xlsx; it reads within a 1 GB heap (docs/benchmarks.md)
    return new ReadLimits(200L * 1024 * 1024, 10_000_000L, 2L * 1024 * 1024 * 1024, 200.0, Duration.ofMinutes(5));
  }

  public ReadLimits withMaxCells(long cells) {
    return new ReadLimits(maxFileBytes, cells, maxInflatedBytes, maxInflationRatio, timeLimit);
  }
}
