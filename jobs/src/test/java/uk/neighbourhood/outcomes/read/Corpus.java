package uk.neighbourhood.outcomes.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared torture corpus: walks up from the working directory looking for shared/corpus/torture. */
public final class Corpus {
  private Corpus() {}

  public static Optional<Path> torture() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      for (Path candidate : new Path[] {dir.resolve("shared/corpus/torture"), dir.resolve("../shared/corpus/torture")}) {
        if (Files.isRegularFile(candidate.resolve("MANIFEST.csv"))) {
          return Optional.of(candidate.normalize());
        }
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  public static Path tortureOrFail() {
    return torture().orElseThrow(() -> new IllegalStateException(
        "Cannot find the torture corpus: no shared/corpus/torture above " + Path.of("").toAbsolutePath()));
  }
}
