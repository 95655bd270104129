package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

/** Copies of the bundled fixture inbox for tests that change or add files. */
public final class FixtureInbox {
  private FixtureInbox() {}

  /** The repository's {@code fixtures/inbox}, from the module folder Maven runs tests in. */
  public static Path bundled() {
    Path p = Path.of("..", "fixtures", "inbox").toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("fixtures/inbox not found from " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  /**
   * Copies the inbox, giving every file the same modification time so that tests decide order
   * explicitly (a git checkout leaves arbitrary times).
   */
  public static Path copyTo(Path target) {
    Path src = bundled();
    FileTime t = FileTime.from(Instant.parse("2025-10-20T09:00:00Z"));
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path dest = target.resolve(src.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(f, dest);
          Files.setLastModifiedTime(dest, t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
