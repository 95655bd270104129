package uk.neighbourhood.outcomes.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * The one way into the readers: any return file becomes a {@link Workbook} or a {@link ReadException}.
 * The format is decided from the file's first bytes, the extension only breaking ties, so a PNG named
 * .xlsx is refused as what it is. Every read runs under its {@link ReadLimits}: size before opening,
 * then time, cells and inflation while reading, with a watchdog behind the readers' own checks.
 */
public final class Readers {
  private static final ExecutorService WATCHED = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "outcomes-read");
    t.setDaemon(true);
    return t;
  });
  /** The readers stop themselves at the limit; the watchdog waits this much longer before giving up. */
  private static final long WATCHDOG_GRACE_MILLIS = 2_000;

  private Readers() {}

  /** What the first bytes say a file is. */
  enum Format { ZIP, OLE2, TEXT, HTML, SPREADSHEET_XML, XML, OTHER_BINARY }

  public static Workbook read(Path localFile, String displayName, ReadLimits limits) throws ReadException {
    String name = displayName == null ? localFile.getFileName().toString() : displayName;
    ReadGuard guard = new ReadGuard(name, limits);
    long size;
    try {
      size = Files.size(localFile);
    } catch (IOException e) {
      throw Refusal.io(name, e);
    }
    if (size == 0) {
      throw Refusal.emptyFile(name);
    }
    if (size > limits.maxFileBytes()) {
      throw Refusal.fileTooLarge(name, size, limits.maxFileBytes());
    }
    Future<Workbook> future = WATCHED.submit(() -> dispatch(localFile, name, guard));
    try {
      return future.get(limits.timeLimit().toMillis() + WATCHDOG_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw Refusal.timeLimit(name, limits.timeLimit());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw Refusal.timeLimit(name, limits.timeLimit());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ReadException re) {
        throw new ReadException(re.problem(), re.getCause() == null ? re : re.getCause());
      }
      if (cause instanceof IOException || cause instanceof java.io.UncheckedIOException) {
        throw Refusal.io(name, cause);
      }
      if (cause instanceof OutOfMemoryError) {
        throw Refusal.tooLarge(name);
      }
      if (cause instanceof StackOverflowError) {
        throw Refusal.corrupt(name, "the file's structure is nested too deeply to read", cause);
      }
      if (cause instanceof Error error) {
        throw error; // a broken installation (a missing class), not a broken file: fail loudly
      }
      throw Refusal.corrupt(name, "the file's structure is damaged", cause);
    }
  }

  private static Workbook dispatch(Path file, String name, ReadGuard guard) throws IOException {
    String ext = DelimitedTextReader.extensionOf(name);
    Format format = sniff(file);
    return switch (format) {
      case ZIP -> isOpenDocument(file, guard) ? OdsReader.read(file, guard) : XlsxReader.read(file, guard);
      case OLE2 -> XlsReader.read(file, guard);
      case HTML -> throw Refusal.unsupported(name, "a web page (HTML) saved with a spreadsheet name");
      case SPREADSHEET_XML -> throw Refusal.unsupported(name, "an Excel 2003 XML spreadsheet");
      case XML -> throw Refusal.notASpreadsheet(name, "it is an XML document");
      case OTHER_BINARY -> throw Refusal.notASpreadsheet(name, binaryKind(file));
      case TEXT -> DelimitedTextReader.read(file, name, guard);
    };
  }

  static Format sniff(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(512);
    }
    if (starts(head, 0x50, 0x4B, 0x03, 0x04) || starts(head, 0x50, 0x4B, 0x05, 0x06)
        || starts(head, 0x50, 0x4B, 0x07, 0x08)) {
      return Format.ZIP;
    }
    if (starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return Format.OLE2;
    }
    if (binaryKindOf(head) != null) {
      return Format.OTHER_BINARY;
    }
    String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace("\u00EF\u00BB\u00BF", "").replace("\0", "").stripLeading().toLowerCase();
    if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<table")
        || (start.startsWith("<") && start.contains("<html"))) {
      return Format.HTML;
    }
    if (start.startsWith("<?xml") && start.contains("urn:schemas-microsoft-com:office:spreadsheet")) {
      return Format.SPREADSHEET_XML;
    }
    if (start.startsWith("<?xml")) {
      return Format.XML;
    }
    return Format.TEXT;
  }

  private static String binaryKind(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String kind = binaryKindOf(in.readNBytes(16));
      return kind == null ? "it holds binary data" : kind;
    }
  }

  /** Common files uploaded by mistake, by their magic numbers. */
  private static String binaryKindOf(byte[] h) {
    if (starts(h, 0x89, 'P', 'N', 'G')) {
      return "it is a PNG image";
    }
    if (starts(h, 0xFF, 0xD8, 0xFF)) {
      return "it is a JPEG image";
    }
    if (starts(h, 'G', 'I', 'F', '8')) {
      return "it is a GIF image";
    }
    if (starts(h, '%', 'P', 'D', 'F')) {
      return "it is a PDF document";
    }
    if (starts(h, 0x1F, 0x8B)) {
      return "it is a gzip archive";
    }
    if (starts(h, 'R', 'a', 'r', '!')) {
      return "it is a RAR archive";
    }
    if (starts(h, '7', 'z', 0xBC, 0xAF)) {
      return "it is a 7-Zip archive";
    }
    if (starts(h, '{', '\\', 'r', 't', 'f')) {
      return "it is a Rich Text document";
    }
    if (h.length >= 4 && (h[0] & 0xFF) == 0x09 && (h[1] == 0x00 || h[1] == 0x02 || h[1] == 0x04)
        && (h[2] & 0xFF) <= 0x10 && h[3] == 0x00) {
      return "it is an Excel 2, 3 or 4 worksheet, older than any supported format";
    }
    return null;
  }

  private static boolean isOpenDocument(Path file, ReadGuard guard) {
    try (SafeZip zip = SafeZip.open(file, guard)) {
      byte[] mimetype = zip.has("mimetype") ? zip.readAll("mimetype", 256) : null;
      if (mimetype == null) {
        return zip.has("content.xml") && !zip.has("[Content_Types].xml");
      }
      String type = new String(mimetype, java.nio.charset.StandardCharsets.US_ASCII).trim();
      if (type.equals("application/vnd.oasis.opendocument.spreadsheet")) {
        return true;
      }
      if (type.startsWith("application/vnd.oasis.opendocument.")) {
        throw Refusal.notASpreadsheet(guard.file(), "it is an OpenDocument "
            + type.substring("application/vnd.oasis.opendocument.".length()) + " file");
      }
      return false;
    } catch (IOException e) {
      throw Refusal.corrupt(guard.file(), "the file is damaged or incomplete", e);
    }
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
