package uk.neighbourhood.outcomes.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Stages a run's outputs and commits them. The commit point is one atomic rename of a journal listing
 * every folder to swap; a run that dies after it is finished by the next run ({@link #recover}), and a
 * run that dies before it leaves the previous publication untouched. Works on any Hadoop file system
 * whose rename of a folder is atomic (HDFS, local, ABFS with hierarchical namespace); on plain object
 * stores each swap is a copy, so readers may briefly see a partition missing but never a mix of runs.
 */
public final class Publication {
  private static final Logger LOG = LogManager.getLogger(Publication.class);
  static final String JOURNAL = "_COMMITTING";
  static final String MARKER = "_PUBLISHED";

  private final FileSystem fs;
  private final Path out;
  private final String runId;

  public Publication(FileSystem fs, Path out, String runId) {
    this.fs = fs;
    this.out = out;
    this.runId = runId;
  }

  public FileSystem fileSystem() {
    return fs;
  }

  public Path staging() {
    return new Path(out, ".staging/" + runId);
  }

  public Path staged(String relative) {
    return new Path(staging(), relative);
  }

  public Path published(String relative) {
    return new Path(out, relative);
  }

  /**
   * Makes the staged folders visible. {@code relatives} are folders below the output, such as
   * {@code parquet/indicators/period=2025-26Q1} or {@code quarantine}; each replaces its published twin.
   */
  public void commit(List<String> relatives) {
    try {
      Path pending = new Path(staging(), JOURNAL);
      try (OutputStream o = fs.create(pending, true)) {
        o.write((runId + "\n" + String.join("\n", relatives) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      Path journal = new Path(out, JOURNAL);
      if (!fs.rename(pending, journal)) {
        throw new IOException("could not write the commit journal " + journal);
      }
      finish(fs, out, runId, relatives);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot publish run " + runId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Drops a run's staging folder after a failure before the commit point: nothing of it was published.
   * After the commit point the staging is the next run's to finish from, so it is left alone.
   */
  public void abandon() {
    try {
      if (fs.exists(new Path(out, JOURNAL))) {
        LOG.warn("Run {} stopped while committing; the next run will finish its publication", runId);
        return;
      }
      fs.delete(staging(), true);
    } catch (IOException e) {
      LOG.warn("Could not remove staging folder {}: {}", staging(), e.toString());
    }
  }

  /**
   * Finishes a commit that a crashed run started, or removes the staging of runs that never reached
   * their commit point. Call while holding the run lock.
   */
  public static void recover(FileSystem fs, Path out) throws IOException {
    Path journal = new Path(out, JOURNAL);
    if (fs.exists(journal)) {
      List<String> lines = new ArrayList<>();
      try (InputStream in = fs.open(journal)) {
        for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!l.isBlank()) {
            lines.add(l.trim());
          }
        }
      }
      if (!lines.isEmpty()) {
        LOG.warn("Finishing the publication of run {}, which stopped while committing", lines.get(0));
        finish(fs, out, lines.get(0), lines.subList(1, lines.size()));
      } else {
        fs.delete(journal, false);
      }
    }
    Path stagingRoot = new Path(out, ".staging");
    if (fs.exists(stagingRoot)) {
      fs.delete(stagingRoot, true);
    }
    Path trash = new Path(out, ".trash");
    if (fs.exists(trash)) {
      fs.delete(trash, true);
    }
  }

  /** Idempotent: each step checks what is already done, so a second crash is recovered the same way. */
  private static void finish(FileSystem fs, Path out, String runId, List<String> relatives) throws IOException {
    Path staging = new Path(out, ".staging/" + runId);
    Path trash = new Path(out, ".trash/" + runId);
    for (String rel : relatives) {
      Path from = new Path(staging, rel);
      Path to = new Path(out, rel);
      if (!fs.exists(from)) {
        continue;
      }
      if (fs.exists(to)) {
        Path old = new Path(trash, rel);
        fs.mkdirs(old.getParent());
        if (!fs.rename(to, old)) {
          throw new IOException("could not move aside " + to);
        }
      }
      fs.mkdirs(to.getParent());
      if (!fs.rename(from, to)) {
        throw new IOException("could not move " + from + " to " + to);
      }
      FaultInjection.at(FaultInjection.Stage.COMMITTING);
    }
    try (OutputStream o = fs.create(new Path(out, MARKER), true)) {
      o.write((runId + "\n").getBytes(StandardCharsets.UTF_8));
    }
    fs.delete(new Path(out, JOURNAL), false);
    fs.delete(staging, true);
    fs.delete(trash, true);
    deleteIfEmpty(fs, staging.getParent());
    deleteIfEmpty(fs, trash.getParent());
  }

  private static void deleteIfEmpty(FileSystem fs, Path dir) throws IOException {
    if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
      fs.delete(dir, false);
    }
  }
}
