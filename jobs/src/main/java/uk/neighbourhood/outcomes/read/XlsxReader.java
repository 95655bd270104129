package uk.neighbourhood.outcomes.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellRange;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Streams an OOXML workbook (.xlsx, .xlsm) in one StAX pass per sheet, holding only the shared
 * strings, the date-ness of each cell style and the cells kept. Optimised reading path: elements
 * are matched by local name only, so Strict OOXML (other namespaces, same names) reads the same way
 * as Transitional, and text is appended straight from the parser's buffer.
 *
 * <p>Formula cells give their cached value and are never evaluated; error cells stay errors; dates
 * are recognised from the cell style's number format, in the workbook's 1900 or 1904 system.
 */
final class XlsxReader {
  private static final int MAX_SMALL_PART = 64 * 1024 * 1024;
  private static final int MAX_ROWS = 1_048_576;
  private static final int MAX_COLS = 16_384;

  private final Path file;
  private final ReadGuard guard;
  private final SafeZip zip;

  private XlsxReader(Path file, ReadGuard guard, SafeZip zip) {
    this.file = file;
    this.guard = guard;
    this.zip = zip;
  }

  static Workbook read(Path file, ReadGuard guard) {
    try (SafeZip zip = SafeZip.open(file, guard)) {
      return new XlsxReader(file, guard, zip).read();
    } catch (IOException e) {
      throw Refusal.corrupt(guard.file(), "a part of the package cannot be unpacked", e);
    }
  }

  private record Rel(String type, String target) {}

  private record SheetEntry(String name, boolean hidden, String relId) {}

  private Workbook read() throws IOException {
    String workbookPart = officeDocument();
    List<SheetEntry> entries = new ArrayList<>();
    boolean date1904 = readWorkbook(workbookPart, entries);
    Map<String, Rel> rels = readRels(relsPartOf(workbookPart), dirOf(workbookPart));
    List<String> shared = List.of();
    boolean[] dateStyles = new boolean[0];
    for (Rel rel : rels.values()) {
      if (rel.type().endsWith("/sharedStrings")) {
        shared = readSharedStrings(rel.target());
      } else if (rel.type().endsWith("/styles")) {
        dateStyles = readDateStyles(rel.target());
      }
    }
    List<Sheet> sheets = new ArrayList<>();
    for (SheetEntry entry : entries) {
      Rel rel = rels.get(entry.relId());
      if (rel == null || !rel.type().endsWith("/worksheet")) {
        continue; // chart sheets, dialog and macro sheets hold no return data
      }
      Sheet sheet = new Sheet(entry.name(), sheets.size(), entry.hidden());
      readSheet(rel.target(), sheet, shared, dateStyles, date1904);
      sheets.add(sheet);
    }
    return new Workbook("xlsx", sheets);
  }

  /** The workbook part named by the package relationships, refusing packages that hold no workbook. */
  private String officeDocument() throws IOException {
    String target = null;
    if (zip.has("_rels/.rels")) {
      for (Rel rel : readRels("_rels/.rels", "").values()) {
        if (rel.type().endsWith("/officeDocument")) {
          target = rel.target();
        }
      }
    }
    if (target == null && zip.has("xl/workbook.xml")) {
      target = "xl/workbook.xml";
    }
    if (target != null && target.endsWith(".bin")) {
      throw Refusal.unsupported(guard.file(), "an Excel binary workbook (.xlsb)");
    }
    if (target == null || !zip.has(target)) {
      List<String> names = zip.names();
      if (names.stream().anyMatch(n -> n.startsWith("word/"))) {
        throw Refusal.notASpreadsheet(guard.file(), "it is a Word document");
      }
      if (names.stream().anyMatch(n -> n.startsWith("ppt/"))) {
        throw Refusal.notASpreadsheet(guard.file(), "it is a PowerPoint presentation");
      }
      if (target != null && names.stream().anyMatch(n -> n.startsWith("xl/"))) {
        throw Refusal.corrupt(guard.file(), "its workbook part is missing", null);
      }
      throw Refusal.notASpreadsheet(guard.file(), "it is a zip archive without a workbook in it");
    }
    return target;
  }

  private boolean readWorkbook(String part, List<SheetEntry> entries) {
    boolean date1904 = false;
    boolean sawWorkbook = false;
    try (InputStream in = zip.open(part); SecureXml.Xml x = SecureXml.open(in, guard, part)) {
      while (x.hasNext()) {
        if (x.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (x.local()) {
          case "workbook" -> sawWorkbook = true;
          case "workbookPr" -> {
            // extension lists carry their own workbookPr (x14:) without the flag; only a stated flag counts
            String flag = x.attr("date1904");
            if (flag != null) {
              date1904 = isTrue(flag);
            }
          }
          case "sheet" -> {
            String state = x.attr("state");
            String name = x.attr("name");
            entries.add(new SheetEntry(name == null ? "Sheet" + (entries.size() + 1) : name,
                "hidden".equals(state) || "veryHidden".equals(state), x.attr("id")));
          }
          default -> { }
        }
      }
    } catch (IOException e) {
      throw Refusal.corrupt(guard.file(), "part '" + part + "' cannot be unpacked", e);
    }
    if (!sawWorkbook) {
      throw Refusal.notASpreadsheet(guard.file(), "its main part is not a workbook");
    }
    return date1904;
  }

  private Map<String, Rel> readRels(String part, String baseDir) {
    Map<String, Rel> rels = new HashMap<>();
    try (InputStream in = zip.open(part)) {
      if (in == null) {
        return rels;
      }
      try (SecureXml.Xml x = SecureXml.open(in, guard, part)) {
        while (x.hasNext()) {
          if (x.next() == XMLStreamConstants.START_ELEMENT && x.local().equals("Relationship")
              && !"External".equals(x.attr("TargetMode"))) {
            String id = x.attr("Id");
            String type = x.attr("Type");
            String target = x.attr("Target");
            if (id != null && type != null && target != null) {
              rels.put(id, new Rel(type, resolve(baseDir, target)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw Refusal.corrupt(guard.file(), "part '" + part + "' cannot be unpacked", e);
    }
    return rels;
  }

  private List<String> readSharedStrings(String part) throws IOException {
    List<String> strings = new ArrayList<>();
    try (InputStream in = zip.open(part)) {
      if (in == null) {
        return strings;
      }
      try (SecureXml.Xml x = SecureXml.open(in, guard, part)) {
        XMLStreamReader r = x.reader();
        StringBuilder sb = new StringBuilder();
        boolean inItem = false;
        boolean inText = false;
        int phonetic = 0;
        while (x.hasNext()) {
          switch (x.next()) {
            case XMLStreamConstants.START_ELEMENT -> {
              switch (r.getLocalName()) {
                case "si" -> {
                  inItem = true;
                  sb.setLength(0);
                }
                case "t" -> inText = inItem && phonetic == 0;
                case "rPh" -> phonetic++;
                default -> { }
              }
            }
            case XMLStreamConstants.END_ELEMENT -> {
              switch (r.getLocalName()) {
                case "si" -> {
                  strings.add(decodeEscapes(sb));
                  inItem = false;
                  guard.tick();
                }
                case "t" -> inText = false;
                case "rPh" -> phonetic--;
                default -> { }
              }
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
              if (inText) {
                if (sb.length() > ReadGuard.MAX_CELL_CHARS * 4) {
                  // a string no cell can hold; keep it marked as too long without holding it all
                  continue;
                }
                sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
              }
            }
            default -> { }
          }
        }
      }
    }
    return strings;
  }

  /** For each cell style (cellXfs index), whether its number format shows a date. */
  private boolean[] readDateStyles(String part) throws IOException {
    byte[] bytes = zip.readAll(part, MAX_SMALL_PART);
    if (bytes == null) {
      return new boolean[0];
    }
    Map<Integer, String> formats = new HashMap<>();
    List<Integer> xfFormats = new ArrayList<>();
    try (SecureXml.Xml x = SecureXml.open(new java.io.ByteArrayInputStream(bytes), guard, part)) {
      boolean inCellXfs = false;
      while (x.hasNext()) {
        int e = x.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          switch (x.local()) {
            case "numFmt" -> {
              Integer id = parseIntOrNull(x.attr("numFmtId"));
              if (id != null) {
                formats.put(id, x.attr("formatCode"));
              }
            }
            case "cellXfs" -> inCellXfs = true;
            case "xf" -> {
              if (inCellXfs) {
                Integer id = parseIntOrNull(x.attr("numFmtId"));
                xfFormats.add(id == null ? 0 : id);
              }
            }
            default -> { }
          }
        } else if (e == XMLStreamConstants.END_ELEMENT && x.local().equals("cellXfs")) {
          inCellXfs = false;
        }
      }
    }
    boolean[] isDate = new boolean[xfFormats.size()];
    for (int i = 0; i < isDate.length; i++) {
      int id = xfFormats.get(i);
      String format = formats.containsKey(id) ? formats.get(id) : BuiltinFormats.getBuiltinFormat(id);
      isDate[i] = format != null && DateUtil.isADateFormat(id, format);
    }
    return isDate;
  }

  private void readSheet(String part, Sheet sheet, List<String> shared, boolean[] dateStyles, boolean date1904)
      throws IOException {
    try (InputStream in = zip.open(part)) {
      if (in == null) {
        throw Refusal.corrupt(guard.file(), "sheet '" + sheet.name() + "' is listed but its part is missing", null);
      }
      try (SecureXml.Xml x = SecureXml.open(in, guard, part)) {
        new SheetPass(x, sheet, shared, dateStyles, date1904).run();
      }
    }
  }

  /** One pass over a worksheet's XML; state for the cell being read is kept in fields. */
  private final class SheetPass {
    private final SecureXml.Xml x;
    private final XMLStreamReader r;
    private final Sheet sheet;
    private final List<String> shared;
    private final boolean[] dateStyles;
    private final boolean date1904;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private int nextRow;
    private int row = -1;
    private int nextCol;
    private int col;
    private String type;
    private int style;
    private boolean inValue;
    private boolean inInline;
    private boolean inInlineText;
    private int phonetic;

    SheetPass(SecureXml.Xml x, Sheet sheet, List<String> shared, boolean[] dateStyles, boolean date1904) {
      this.x = x;
      this.r = x.reader();
      this.sheet = sheet;
      this.shared = shared;
      this.dateStyles = dateStyles;
      this.date1904 = date1904;
    }

    void run() {
      while (x.hasNext()) {
        switch (x.next()) {
          case XMLStreamConstants.START_ELEMENT -> start(r.getLocalName());
          case XMLStreamConstants.END_ELEMENT -> end(r.getLocalName());
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            if (inValue) {
              value.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            } else if (inInlineText && inline.length() <= ReadGuard.MAX_CELL_CHARS * 4) {
              inline.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            }
          }
          default -> { }
        }
      }
    }

    private void start(String name) {
      switch (name) {
        case "row" -> {
          String ref = x.attr("r");
          row = ref == null ? nextRow : parseIndex(ref, 1, MAX_ROWS, "row number") - 1;
          nextRow = row + 1;
          nextCol = 0;
          guard.tick();
        }
        case "c" -> {
          // one pass over the attributes: this runs once per cell
          String ref = null;
          String s = null;
          type = null;
          for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            switch (r.getAttributeLocalName(i)) {
              case "r" -> ref = r.getAttributeValue(i);
              case "t" -> type = r.getAttributeValue(i);
              case "s" -> s = r.getAttributeValue(i);
              default -> { }
            }
          }
          if (ref == null) {
            if (row < 0) {
              row = nextRow++;
            }
            col = nextCol;
          } else {
            cellRef(ref);
          }
          nextCol = col + 1;
          style = s == null ? 0 : parseIndex(s, 0, Integer.MAX_VALUE - 1, "style number");
          value.setLength(0);
          inline.setLength(0);
        }
        case "v" -> inValue = true;
        case "is" -> inInline = true;
        case "t" -> inInlineText = inInline && phonetic == 0;
        case "rPh" -> phonetic++;
        case "mergeCell" -> {
          String ref = x.attr("ref");
          if (ref != null) {
            try {
              sheet.addMerged(CellRange.parse(ref));
            } catch (RuntimeException e) {
              throw Refusal.corrupt(guard.file(), "sheet '" + sheet.name() + "' has a merged range '"
                  + ref + "' that is not a cell range", e);
            }
            guard.tick();
          }
        }
        default -> { }
      }
    }

    private void end(String name) {
      switch (name) {
        case "c" -> emit();
        case "v" -> inValue = false;
        case "is" -> inInline = false;
        case "t" -> inInlineText = false;
        case "rPh" -> phonetic--;
        default -> { }
      }
    }

    /** Parses "AB12" without allocating; a reference without digits keeps the current row. */
    private void cellRef(String ref) {
      int i = 0;
      int c = 0;
      int n = ref.length();
      while (i < n) {
        char ch = ref.charAt(i);
        if (ch >= 'A' && ch <= 'Z') {
          c = c * 26 + (ch - 'A' + 1);
        } else if (ch >= 'a' && ch <= 'z') {
          c = c * 26 + (ch - 'a' + 1);
        } else if (ch != '$') {
          break;
        }
        if (c > MAX_COLS) {
          throw badRef(ref);
        }
        i++;
      }
      if (c == 0) {
        throw badRef(ref);
      }
      col = c - 1;
      if (i < n) {
        row = parseIndex(ref, i, 1, MAX_ROWS, "cell reference") - 1;
        nextRow = row + 1;
      } else if (row < 0) {
        row = nextRow++;
      }
    }

    /** Digits only (surrounding spaces allowed), within [min, max]; anything else means a damaged file. */
    private int parseIndex(CharSequence s, int min, int max, String what) {
      return parseIndex(s, 0, min, max, what);
    }

    private int parseIndex(CharSequence s, int from, int min, int max, String what) {
      int start = from;
      int end = s.length();
      while (start < end && s.charAt(start) <= ' ') {
        start++;
      }
      while (end > start && s.charAt(end - 1) <= ' ') {
        end--;
      }
      if (start == end || end - start > 10) {
        throw badIndex(s, from, what);
      }
      long v = 0;
      for (int i = start; i < end; i++) {
        char ch = s.charAt(i);
        if (ch < '0' || ch > '9') {
          throw badIndex(s, from, what);
        }
        v = v * 10 + (ch - '0');
      }
      if (v < min || v > max) {
        throw Refusal.corrupt(guard.file(), "sheet '" + sheet.name() + "' has a " + what + " " + v
            + " outside the sheet", null);
      }
      return (int) v;
    }

    private ReadException badIndex(CharSequence s, int from, String what) {
      return Refusal.corrupt(guard.file(), "sheet '" + sheet.name() + "' has an invalid " + what + " '"
          + abbreviate(s.subSequence(from, s.length()).toString()) + "'", null);
    }

    private ReadException badRef(String ref) {
      return Refusal.corrupt(guard.file(), "sheet '" + sheet.name() + "' has an invalid cell reference '"
          + abbreviate(ref) + "'", null);
    }

    private void emit() {
      if (row < 0) {
        row = nextRow++;
      }
      Cell cell;
      String t = type == null ? "n" : type;
      switch (t) {
        case "s" -> {
          if (value.length() == 0) {
            return;
          }
          int idx = parseIndex(value, 0, Integer.MAX_VALUE - 1, "shared string number");
          if (idx >= shared.size()) {
            throw Refusal.corrupt(guard.file(), "sheet '" + sheet.name() + "' refers to shared string " + idx
                + " of " + shared.size(), null);
          }
          cell = Cell.text(row, col, shared.get(idx));
        }
        case "inlineStr" -> cell = Cell.text(row, col,
            inline.length() > 0 ? decodeEscapes(inline) : value.toString());
        case "str" -> cell = Cell.text(row, col, decodeEscapes(value));
        case "b" -> {
          if (value.length() == 0) {
            return;
          }
          String v = value.toString().trim();
          cell = Cell.bool(row, col, v.equals("1") || v.equalsIgnoreCase("true"));
        }
        case "e" -> cell = Cell.error(row, col, value.toString().trim());
        case "d" -> cell = isoDate(value.toString().trim());
        default -> {
          if (value.length() == 0) {
            return;
          }
          double d;
          try {
            d = ExcelNumbers.parse(value);
          } catch (NumberFormatException e) {
            throw Refusal.corrupt(guard.file(), "sheet '" + sheet.name() + "' cell "
                + uk.neighbourhood.outcomes.model.CellRef.a1(row, col) + " holds a number that is not a number", e);
          }
          boolean isDate = style < dateStyles.length && dateStyles[style];
          cell = isDate && DateUtil.isValidExcelDate(d)
              ? Cell.date(row, col, ExcelNumbers.date(d, date1904))
              : Cell.number(row, col, d);
        }
      }
      guard.put(sheet, cell);
    }

    private Cell isoDate(String v) {
      try {
        return Cell.date(row, col, v.length() <= 10
            ? java.time.LocalDate.parse(v).atStartOfDay()
            : LocalDateTime.parse(v.endsWith("Z") ? v.substring(0, v.length() - 1) : v));
      } catch (DateTimeParseException e) {
        return Cell.text(row, col, v);
      }
    }
  }

  /** Excel writes control characters as _xHHHH_; POI's usermodel decodes them, and so do we. */
  static String decodeEscapes(CharSequence s) {
    String text = s.toString();
    if (!text.contains("_x")) {
      return text;
    }
    int n = text.length();
    StringBuilder out = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      if (i + 7 <= n && text.charAt(i) == '_' && text.charAt(i + 1) == 'x' && text.charAt(i + 6) == '_'
          && isHex(text, i + 2, i + 6)) {
        out.append((char) Integer.parseInt(text, i + 2, i + 6, 16));
        i += 7;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  private static boolean isHex(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTrue(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  private static Integer parseIntOrNull(String s) {
    try {
      return s == null ? null : Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "..." : s;
  }

  private static String dirOf(String part) {
    int slash = part.lastIndexOf('/');
    return slash < 0 ? "" : part.substring(0, slash + 1);
  }

  private static String relsPartOf(String part) {
    int slash = part.lastIndexOf('/');
    return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
  }

  /** Resolves a relationship target against its source's folder, to a zip entry name. */
  static String resolve(String baseDir, String target) {
    String path = target.startsWith("/") ? target.substring(1) : baseDir + target;
    List<String> out = new ArrayList<>();
    for (String seg : path.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
      } else {
        out.add(seg);
      }
    }
    return String.join("/", out);
  }
}
