package uk.neighbourhood.outcomes.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * A zip package whose parts are inflated under watch: each part's inflated/compressed ratio and the
 * total inflated bytes are checked while reading, from the bytes actually produced rather than the
 * sizes the archive claims, so a bomb is stopped after its first megabyte.
 */
final class SafeZip implements AutoCloseable {
  /** Small parts compress very well (a row of empty styled cells); the ratio applies beyond this. */
  private static final long RATIO_GRACE_BYTES = 1L << 20;

  private final ZipFile zip;
  private final ReadGuard guard;
  private long inflatedTotal;

  private SafeZip(ZipFile zip, ReadGuard guard) {
    this.zip = zip;
    this.guard = guard;
  }

  @SuppressWarnings("deprecation") // the File constructor exists in every commons-compress on our classpaths
  static SafeZip open(Path file, ReadGuard guard) {
    try {
      return new SafeZip(new ZipFile(file.toFile()), guard);
    } catch (IOException | RuntimeException e) {
      throw Refusal.corrupt(guard.file(), "the file is damaged or incomplete (its zip structure cannot be read)", e);
    }
  }

  boolean has(String name) {
    return zip.getEntry(name) != null;
  }

  List<String> names() {
    List<String> names = new ArrayList<>();
    for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
      names.add(e.getName());
    }
    return names;
  }

  /** Opens a part by its name inside the package (no leading slash), or returns null if absent. */
  InputStream open(String name) {
    ZipArchiveEntry entry = zip.getEntry(name);
    if (entry == null) {
      return null;
    }
    try {
      InputStream raw = zip.getInputStream(entry);
      if (raw == null) {
        throw Refusal.corrupt(guard.file(), "part '" + name + "' is stored in a way that cannot be unpacked", null);
      }
      return new Watched(raw, name, entry.getCrc());
    } catch (IOException | RuntimeException e) {
      if (e instanceof ReadException re) {
        throw re;
      }
      throw Refusal.corrupt(guard.file(), "part '" + name + "' cannot be unpacked", e);
    }
  }

  /** Reads a small part whole, within the same limits. */
  byte[] readAll(String name, int maxBytes) throws IOException {
    try (InputStream in = open(name)) {
      if (in == null) {
        return null;
      }
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw Refusal.zipBomb(guard.file(), name, "is larger than " + maxBytes / 1024 + " KB");
      }
      return bytes;
    }
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException ignored) {
      // read-only; nothing to lose
    }
  }

  /**
   * Counts what a part inflates to and checks its CRC-32 once read to the end: a fuzzed or
   * truncated package often still parses, but its checksums give it away.
   */
  private final class Watched extends FilterInputStream {
    /** Parsers stop at the root element's end; this much trailing content is drained to reach the CRC. */
    private static final int MAX_DRAIN = 64 * 1024;
    private final String name;
    private final long expectedCrc;
    private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    private long inflated;
    private boolean failed;
    private boolean ended;

    Watched(InputStream in, String name, long expectedCrc) {
      super(in);
      this.name = name;
      this.expectedCrc = expectedCrc;
    }

    @Override
    public int read() throws IOException {
      int b = readChecked();
      if (b >= 0) {
        crc.update(b);
        count(1);
      } else {
        end();
      }
      return b;
    }

    private int readChecked() throws IOException {
      try {
        return super.read();
      } catch (IOException | RuntimeException e) {
        failed = true;
        throw Refusal.corrupt(guard.file(), "part '" + name + "' cannot be unpacked", e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (IOException | RuntimeException e) {
        failed = true;
        throw Refusal.corrupt(guard.file(), "part '" + name + "' cannot be unpacked", e);
      }
      if (n > 0) {
        crc.update(b, off, n);
        count(n);
      } else if (n < 0) {
        end();
      }
      return n;
    }

    private void end() {
      if (!ended) {
        ended = true;
        if (expectedCrc >= 0 && crc.getValue() != expectedCrc) {
          failed = true;
          throw Refusal.corrupt(guard.file(), "part '" + name + "' fails its checksum, so the file is damaged",
              null);
        }
      }
    }

    @Override
    public void close() throws IOException {
      try {
        if (!failed && !ended) {
          byte[] buf = new byte[8192];
          int drained = 0;
          int n;
          while (drained < MAX_DRAIN && (n = read(buf, 0, buf.length)) >= 0) {
            drained += n;
          }
        }
      } finally {
        super.close();
      }
    }

    private void count(int n) {
      try {
        countUnchecked(n);
      } catch (ReadException e) {
        failed = true;
        throw e;
      }
    }

    private void countUnchecked(int n) {
      inflated += n;
      inflatedTotal += n;
      ReadLimits limits = guard.limits();
      if (inflatedTotal > limits.maxInflatedBytes()) {
        throw Refusal.zipBomb(guard.file(), name, "unpacks to more than "
            + limits.maxInflatedBytes() / (1024 * 1024) + " MB");
      }
      if (inflated > RATIO_GRACE_BYTES && in instanceof InputStreamStatistics stats) {
        long compressed = Math.max(1, stats.getCompressedCount());
        if ((double) stats.getUncompressedCount() / compressed > limits.maxInflationRatio()) {
          throw Refusal.zipBomb(guard.file(), name, "unpacks to more than "
              + Math.round(limits.maxInflationRatio()) + " times its packed size");
        }
      }
      guard.tick();
    }
  }
}
