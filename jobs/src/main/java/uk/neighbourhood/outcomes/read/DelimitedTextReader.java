package uk.neighbourhood.outcomes.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mozilla.universalchardet.UniversalDetector;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Reads .csv, .tsv and .txt returns: the encoding from a byte-order mark, else a valid UTF-8 sample,
 * else juniversalchardet, else Windows-1252; the delimiter by which of {@code , ; TAB |} splits the
 * first records into the same number of fields. Cells are TEXT except unambiguous plain numbers.
 * Numbers with thousands separators stay TEXT for the mapper to judge; in a {@code ;} file a decimal
 * comma ({@code 12,5}) is converted, unless it could equally be a thousands separator ({@code 1,234}).
 */
final class DelimitedTextReader {
  private static final int SAMPLE_BYTES = 64 * 1024;
  private static final int SNIFF_RECORDS = 50;
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");
  private static final Pattern GROUP_LEAD = Pattern.compile("[+-]?\\d{1,3}");
  private static final Pattern GROUP = Pattern.compile("\\d{3}");
  private static final Pattern GROUP_LAST = Pattern.compile("\\d{3}(?:\\.\\d+)?");

  private DelimitedTextReader() {}

  /** What the sniffing decided, exposed for tests and for messages. */
  record Dialect(Charset charset, int bomBytes, char delimiter) {}

  static Workbook read(Path file, String displayName, ReadGuard guard) {
    try {
      byte[] sample;
      try (InputStream in = Files.newInputStream(file)) {
        sample = in.readNBytes(SAMPLE_BYTES);
      }
      if (sample.length == 0) {
        throw Refusal.emptyFile(guard.file());
      }
      Dialect dialect = sniff(sample, extensionOf(displayName), guard);
      Sheet sheet = new Sheet(baseName(displayName), 0, false);
      try (InputStream in = Files.newInputStream(file)) {
        in.skipNBytes(dialect.bomBytes());
        Reader reader = new NulStripping(new InputStreamReader(in, dialect.charset().newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        parse(reader, dialect.delimiter(), sheet, guard);
      }
      return new Workbook("csv", List.of(sheet));
    } catch (IOException e) {
      throw Refusal.io(guard.file(), e);
    }
  }

  static Dialect sniff(byte[] sample, String extension, ReadGuard guard) {
    Charset charset;
    int bom = 0;
    if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      bom = 3;
    } else if (startsWith(sample, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (startsWith(sample, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else {
      charset = guessCharset(sample);
    }
    String text = new String(sample, bom, sample.length - bom, charset).replace("\0", "");
    if (sample.length == SAMPLE_BYTES && text.length() > 1) {
      text = text.substring(0, text.length() - 1); // the sample may end inside a character
    }
    if (looksBinary(sample, bom, charset, text)) {
      throw Refusal.notASpreadsheet(guard.file(), "it holds binary data, not text");
    }
    if (text.isBlank()) {
      throw Refusal.emptyFile(guard.file());
    }
    Character hinted = separatorHint(text);
    return new Dialect(charset, bom, hinted != null ? hinted : sniffDelimiter(text, extension));
  }

  private static Charset guessCharset(byte[] sample) {
    Charset utf16 = utf16WithoutBom(sample);
    if (utf16 != null) {
      return utf16;
    }
    // a sample that is valid UTF-8 is almost never anything else, and the detector can call
    // short Latin-1 text many things; so strict UTF-8 is tried before asking it
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(sample.length);
    java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(sample), out, sample.length < SAMPLE_BYTES); // a full sample may end mid-character
    if (!result.isError()) {
      return StandardCharsets.UTF_8;
    }
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(sample, 0, sample.length);
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    if (name != null && !name.toUpperCase().startsWith("UTF")) {
      try {
        return Charset.forName(name);
      } catch (RuntimeException e) {
        // an encoding the JVM lacks: fall through
      }
    }
    return Charset.forName("windows-1252");
  }

  /** Text in UTF-16 without a BOM has a NUL in every other byte for Latin characters. */
  private static Charset utf16WithoutBom(byte[] s) {
    int pairs = Math.min(s.length, 4096) / 2;
    if (pairs < 4) {
      return null;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < pairs; i++) {
      if (s[2 * i] == 0) {
        evenZero++;
      }
      if (s[2 * i + 1] == 0) {
        oddZero++;
      }
    }
    if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** Random bytes decode to text full of control characters and replacement marks; real CSV has none. */
  private static boolean looksBinary(byte[] sample, int bom, Charset charset, String text) {
    if (!charset.name().startsWith("UTF-16")) {
      int nul = 0;
      for (int i = bom; i < sample.length; i++) {
        if (sample[i] == 0) {
          nul++;
        }
      }
      if (nul > (sample.length - bom) / 10) {
        return true;
      }
    }
    int odd = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F || c == '\uFFFD') {
        odd++;
      }
    }
    return odd > Math.max(2, text.length() / 50);
  }

  /** Excel's own hint, a first line {@code sep=;}, names the delimiter outright. */
  static Character separatorHint(String text) {
    String first = text.lines().findFirst().orElse("").strip();
    if (first.length() == 5 && first.regionMatches(true, 0, "sep=", 0, 4)) {
      return first.charAt(4);
    }
    return null;
  }

  /** The delimiter that gives most of the first records the same number (above one) of fields. */
  static char sniffDelimiter(String text, String extension) {
    char best = "tsv".equals(extension) ? '\t' : ',';
    int bestAgreeing = 0;
    int bestFields = 1;
    for (char d : DELIMITERS) {
      List<Integer> counts = new ArrayList<>();
      try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(format(d)).get()) {
        for (CSVRecord rec : p) {
          if (rec.size() == 1 && rec.get(0).isEmpty()) {
            continue;
          }
          counts.add(rec.size());
          if (counts.size() >= SNIFF_RECORDS) {
            break;
          }
        }
      } catch (IOException | UncheckedIOException | IllegalStateException e) {
        // a sample cut inside a quoted field: the counts so far still speak
      }
      if (counts.size() > 1 && counts.size() < SNIFF_RECORDS) {
        counts.remove(counts.size() - 1); // the last record of a sample may be cut short
      }
      Map<Integer, Integer> freq = new HashMap<>();
      counts.forEach(c -> freq.merge(c, 1, Integer::sum));
      int modeFields = 1;
      int agreeing = 0;
      for (Map.Entry<Integer, Integer> e : freq.entrySet()) {
        if (e.getKey() > 1 && (e.getValue() > agreeing || (e.getValue() == agreeing && e.getKey() > modeFields))) {
          modeFields = e.getKey();
          agreeing = e.getValue();
        }
      }
      if (agreeing > bestAgreeing || (agreeing == bestAgreeing && agreeing > 0 && modeFields > bestFields)) {
        best = d;
        bestAgreeing = agreeing;
        bestFields = modeFields;
      }
    }
    return best;
  }

  private static CSVFormat format(char delimiter) {
    return CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setQuote('"')
        .setIgnoreEmptyLines(false)
        .setIgnoreSurroundingSpaces(false)
        .setLenientEof(true)
        .setTrailingData(true)
        .get();
  }

  private static void parse(Reader reader, char delimiter, Sheet sheet, ReadGuard guard) throws IOException {
    int width = -1;
    int row = 0;
    try (CSVParser p = CSVParser.builder().setReader(reader).setFormat(format(delimiter)).get()) {
      for (CSVRecord rec : p) {
        guard.tick();
        List<String> fields = rec.toList();
        if (row == 0 && fields.size() <= 2 && String.join(String.valueOf(delimiter), fields).strip()
            .equalsIgnoreCase("sep=" + delimiter)) {
          row++; // the hint line is not data; the row numbers still match the file's lines
          continue;
        }
        if (width < 0 && !(fields.size() == 1 && fields.get(0).isEmpty())) {
          width = fields.size();
        } else if (delimiter == ',' && width > 0 && fields.size() > width) {
          fields = mergeThousands(fields, width);
        }
        for (int col = 0; col < fields.size(); col++) {
          String f = fields.get(col);
          if (!f.isEmpty()) {
            guard.put(sheet, cell(row, col, f, delimiter));
          }
        }
        row++;
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw Refusal.corrupt(guard.file(), "the text cannot be split into fields after line " + (row + 1)
          + " (" + e.getMessage() + ")", e);
    }
  }

  /** A field as a cell: a NUMBER only when nothing else could be meant. */
  static Cell cell(int row, int col, String field, char delimiter) {
    String t = field.strip();
    if (PLAIN_NUMBER.matcher(t).matches() && !hasLeadingZero(t)) {
      return Cell.number(row, col, Double.parseDouble(t));
    }
    if (delimiter == ';' && DECIMAL_COMMA.matcher(t).matches() && !hasLeadingZero(t)) {
      int comma = t.indexOf(',');
      String intPart = t.substring(t.startsWith("-") || t.startsWith("+") ? 1 : 0, comma);
      boolean couldBeThousands = t.length() - comma - 1 == 3 && intPart.length() <= 3 && !intPart.equals("0");
      if (!couldBeThousands) {
        return Cell.number(row, col, Double.parseDouble(t.replace(',', '.')));
      }
    }
    return Cell.text(row, col, field);
  }

  /** "007" is a code, not seven; "0", "0.5" and "-0.25" are numbers. */
  private static boolean hasLeadingZero(String t) {
    int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
    return t.length() > i + 1 && t.charAt(i) == '0' && Character.isDigit(t.charAt(i + 1));
  }

  /**
   * A comma file with an unquoted "1,234" has one field too many: when the extra fields are exactly
   * the three-digit groups that follow a short number, the groups are joined back ("1,234", TEXT, for
   * the mapper to judge). Any other surplus is left as it is.
   */
  static List<String> mergeThousands(List<String> fields, int width) {
    int extra = fields.size() - width;
    List<int[]> runs = new ArrayList<>();
    int groups = 0;
    for (int i = 0; i < fields.size() - 1; i++) {
      if (!GROUP_LEAD.matcher(fields.get(i)).matches()) {
        continue;
      }
      int k = 0;
      while (i + k + 1 < fields.size() && GROUP.matcher(fields.get(i + k + 1)).matches()) {
        k++;
      }
      if (i + k + 1 < fields.size() && GROUP_LAST.matcher(fields.get(i + k + 1)).matches()
          && !GROUP.matcher(fields.get(i + k + 1)).matches()) {
        k++;
      }
      if (k > 0) {
        runs.add(new int[] {i, k});
        groups += k;
        i += k;
      }
    }
    if (groups != extra) {
      return fields;
    }
    List<String> out = new ArrayList<>(width);
    int next = 0;
    for (int[] run : runs) {
      out.addAll(fields.subList(next, run[0]));
      out.add(String.join(",", fields.subList(run[0], run[0] + run[1] + 1)));
      next = run[0] + run[1] + 1;
    }
    out.addAll(fields.subList(next, fields.size()));
    return out;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
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

  /** Plain string work: a display name may hold characters no file system path would accept. */
  static String extensionOf(String name) {
    String base = fileName(name);
    int dot = base.lastIndexOf('.');
    return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  static String baseName(String name) {
    String base = fileName(name);
    int dot = base.lastIndexOf('.');
    return dot <= 0 ? base : base.substring(0, dot);
  }

  private static String fileName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  /** NUL bytes (from a UTF-16 file read as 8-bit, or a broken export) carry nothing; drop them. */
  private static final class NulStripping extends FilterReader {
    NulStripping(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c;
      do {
        c = super.read();
      } while (c == 0);
      return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      while (true) {
        int n = super.read(buf, off, len);
        if (n <= 0) {
          return n;
        }
        int w = off;
        for (int i = off; i < off + n; i++) {
          if (buf[i] != 0) {
            buf[w++] = buf[i];
          }
        }
        if (w > off) {
          return w - off;
        }
      }
    }
  }

}
