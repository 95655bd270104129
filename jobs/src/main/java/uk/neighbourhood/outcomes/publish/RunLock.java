package uk.neighbourhood.outcomes.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.FileAlreadyExistsException;

/**
 * One run at a time per output folder. The lock file says who holds it; a lock whose process is gone
 * (same host) or that is older than the stale age is taken over, with a warning.
 */
public final class RunLock implements AutoCloseable {
  public static final Duration STALE_AFTER = Duration.ofHours(12);

  private final FileSystem fs;
  private final Path file;

  private RunLock(FileSystem fs, Path file) {
    this.fs = fs;
    this.file = file;
  }

  /** Thrown when another live run holds the lock. */
  public static final class HeldException extends RuntimeException {
    public HeldException(String message) {
      super(message);
    }
  }

  public static RunLock acquire(FileSystem fs, Path out, String runId) {
    Path file = new Path(out, ".lock");
    try {
      fs.mkdirs(out);
      for (int attempt = 0; attempt < 2; attempt++) {
        try (OutputStream o = fs.create(file, false)) {
          Properties p = new Properties();
          p.setProperty("run_id", runId);
          p.setProperty("host", host());
          p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
          p.setProperty("started", Instant.now().toString());
          p.store(o, "outcomes run lock");
          return new RunLock(fs, file);
        } catch (FileAlreadyExistsException e) {
          handleExisting(fs, file);
        } catch (IOException e) {
          if (!fs.exists(file)) {
            throw e;
          }
          handleExisting(fs, file);
        }
      }
      throw new HeldException("Cannot start the run: the lock " + file + " could not be taken.");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot take the run lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static void handleExisting(FileSystem fs, Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = fs.open(file)) {
      p.load(in);
    } catch (IOException e) {
      // unreadable lock: judged by its age alone
    }
    Instant started = parse(p.getProperty("started"));
    boolean sameHost = host().equals(p.getProperty("host"));
    boolean processGone = sameHost && p.getProperty("pid") != null
        && ProcessHandle.of(Long.parseLong(p.getProperty("pid"))).map(h -> !h.isAlive()).orElse(true);
    boolean old = started == null || started.isBefore(Instant.now().minus(STALE_AFTER));
    if (processGone || old) {
      org.apache.logging.log4j.LogManager.getLogger(RunLock.class).warn(
          "Taking over a stale lock left by run {} (started {}, host {})", p.getProperty("run_id"),
          p.getProperty("started"), p.getProperty("host"));
      fs.delete(file, false);
      return;
    }
    throw new HeldException("Cannot start the run: run " + p.getProperty("run_id") + " (process "
        + p.getProperty("pid") + " on " + p.getProperty("host") + ", started " + p.getProperty("started")
        + ") is publishing to this folder. Wait for it to finish; if it crashed, its lock " + file
        + " is taken over automatically once the process is gone or after " + STALE_AFTER.toHours() + " hours.");
  }

  private static Instant parse(String s) {
    try {
      return s == null ? null : Instant.parse(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(file, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
