package uk.neighbourhood.outcomes.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumns;

/**
 * One report workbook under construction, with the house styles and the few ways we write cells.
 *
 * <p>Why two POI models in one file: charts (XDDF), conditional formatting and tables need the full
 * XSSF model, which holds every cell in memory. Small sheets (contents, headlines, one row per scheme,
 * funnel data, methodology, data quality) are therefore built with XSSF first. Sheets that grow with
 * the data (observations, the long indicator table) are then appended through an {@link SXSSFWorkbook}
 * wrapped around the same XSSF workbook, which streams rows to a temporary file and keeps only a
 * window of 100 rows in memory. POI supports exactly this use: appending new sheets to an XSSF
 * template. Tables on streamed sheets are declared on the underlying XSSF sheet with their column
 * names given explicitly, because their header cells never live in the XSSF model.
 */
final class ReportBook {
  static final String SUPPRESSED = "[c]";
  static final String NOT_AVAILABLE = "[x]";

  /** Okabe-Ito derived tints, distinguishable with the common colour-vision deficiencies. */
  static final Map<String, String> COMPARISON_FILLS = Map.of(
      "Better", "9BD0F5", "Similar", "E3E3E3", "Worse", "F5B971");
  static final Map<String, String> SEVERITY_FILLS = Map.of("Error", "F5B971", "Warning", "F0E68C");

  final XSSFWorkbook xssf;
  final SafeCells safe;
  private SXSSFWorkbook streaming;

  final CellStyle title;
  final CellStyle subtitle;
  final CellStyle header;
  final CellStyle text;
  final CellStyle wrap;
  final CellStyle bold;
  final CellStyle note;
  final CellStyle line;
  final CellStyle noteLine;
  final CellStyle link;
  final CellStyle symbol;
  /** A comparison or status word, indented so it does not run into the number before it. */
  final CellStyle label;
  final CellStyle count;
  final CellStyle date;
  private final Map<String, CellStyle> numberStyles = new HashMap<>();

  ReportBook(String documentTitle, String publisher) {
    xssf = new XSSFWorkbook();
    // Screen readers and file browsers show these; accessibility checkers ask for a title.
    xssf.getProperties().getCoreProperties().setTitle(documentTitle);
    xssf.getProperties().getCoreProperties().setCreator(publisher);
    safe = new SafeCells(xssf);
    Font base = xssf.getFontAt(0);
    base.setFontName("Arial");
    base.setFontHeightInPoints((short) 11);

    title = style(font(16, true, null), false);
    subtitle = style(font(12, true, null), false);
    header = style(font(11, true, null), true);
    header.setBorderBottom(BorderStyle.THIN);
    header.setVerticalAlignment(VerticalAlignment.BOTTOM);
    text = style(null, false);
    wrap = style(null, true);
    wrap.setVerticalAlignment(VerticalAlignment.TOP);
    bold = style(font(11, true, null), false);
    note = style(font(10, false, null), true);
    note.setVerticalAlignment(VerticalAlignment.TOP);
    line = style(null, false);
    noteLine = style(font(10, false, null), false);
    XSSFFont linkFont = font(11, false, "0563C1");
    linkFont.setUnderline(Font.U_SINGLE);
    link = style(linkFont, false);
    symbol = style(null, false);
    symbol.setAlignment(HorizontalAlignment.RIGHT);
    label = style(null, false);
    label.setIndention((short) 1);
    count = numberStyle("#,##0");
    date = numberStyle("yyyy-mm-dd");
  }

  private XSSFFont font(int points, boolean isBold, String rgb) {
    XSSFFont f = xssf.createFont();
    f.setFontName("Arial");
    f.setFontHeightInPoints((short) points);
    f.setBold(isBold);
    if (rgb != null) {
      f.setColor(new XSSFColor(hex(rgb), null));
    }
    return f;
  }

  private CellStyle style(Font f, boolean wrapText) {
    CellStyle s = xssf.createCellStyle();
    if (f != null) {
      s.setFont(f);
    }
    s.setWrapText(wrapText);
    s.setVerticalAlignment(VerticalAlignment.TOP);
    return s;
  }

  CellStyle numberStyle(String format) {
    return numberStyles.computeIfAbsent(format, f -> {
      CellStyle s = xssf.createCellStyle();
      s.setDataFormat(xssf.createDataFormat().getFormat(f));
      s.setVerticalAlignment(VerticalAlignment.TOP);
      return s;
    });
  }

  /** A new in-memory sheet, for anything with charts or of a size bounded by the number of schemes. */
  XSSFSheet sheet(String name) {
    if (streaming != null) {
      throw new IllegalStateException("Cannot add an XSSF sheet after streaming started: add small sheets first");
    }
    XSSFSheet s = xssf.createSheet(name);
    s.setDisplayGridlines(false);
    printable(s);
    return s;
  }

  /** Below this many rows a growing table is kept in memory: streaming costs temporary files per workbook. */
  static final int STREAM_FROM_ROWS = 5_000;

  /**
   * A sheet for a table of {@code rows} rows that grows with the data: in memory when small (most feedback
   * workbooks list a few dozen values), streamed when large. Must be the last kind of sheet added.
   */
  Sheet growingSheet(String name, int rows) {
    return rows < STREAM_FROM_ROWS && streaming == null ? sheet(name) : streamedSheet(name);
  }

  /** A new streamed sheet, for tables that grow with the data. */
  Sheet streamedSheet(String name) {
    if (streaming == null) {
      // Shared strings, as Excel itself writes them: long tables repeat the same names and labels.
      streaming = new SXSSFWorkbook(xssf, 100, true, true);
    }
    Sheet s = streaming.createSheet(name);
    s.setDisplayGridlines(false);
    printable(s);
    return s;
  }

  /** Landscape A4, one page wide, header row repeated: people print these for meetings. */
  private static void printable(Sheet s) {
    s.getPrintSetup().setLandscape(true);
    s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
    s.setFitToPage(true);
    s.getPrintSetup().setFitWidth((short) 1);
    s.getPrintSetup().setFitHeight((short) 0);
  }

  void write(OutputStream out) throws IOException {
    // close() on a workbook made in memory saves the whole package a second time, into a buffer nobody
    // reads (a quarter of the cost of a small workbook); revert() releases it without saving
    try {
      if (streaming != null) {
        try {
          streaming.write(out);
        } finally {
          streaming.dispose(); // the temporary files of the streamed sheets
        }
      } else {
        xssf.write(out);
      }
    } finally {
      xssf.getPackage().revert();
    }
  }

  void sheetOrder(String name, int position) {
    if (streaming != null) {
      streaming.setSheetOrder(name, position);
    } else {
      xssf.setSheetOrder(name, position);
    }
  }

  static Row row(Sheet s, int index) {
    Row r = s.getRow(index);
    return r != null ? r : s.createRow(index);
  }

  Cell text(Row r, int col, String value) {
    return text(r, col, value, text);
  }

  Cell text(Row r, int col, String value, CellStyle style) {
    Cell c = r.createCell(col);
    c.setCellStyle(style);
    safe.text(c, value);
    if (style == title) {
      r.setHeightInPoints(24);
    } else if (style == subtitle) {
      r.setHeightInPoints(19);
    }
    return c;
  }

  /** A number, or [x] when it is not available. */
  Cell number(Row r, int col, Double value, CellStyle style) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return text(r, col, NOT_AVAILABLE, symbol);
    }
    Cell c = r.createCell(col);
    c.setCellStyle(style);
    c.setCellValue(value);
    return c;
  }

  /** A published figure: [c] when suppressed, [x] when missing, else the number. */
  Cell figure(Row r, int col, Double value, boolean suppressed, CellStyle style) {
    if (suppressed) {
      return text(r, col, SUPPRESSED, symbol);
    }
    return number(r, col, value, style);
  }

  void header(Sheet s, int rowIndex, List<String> names) {
    Row r = row(s, rowIndex);
    for (int i = 0; i < names.size(); i++) {
      text(r, i, names.get(i), header);
    }
  }

  /**
   * A line of prose in column A above a table. It is not wrapped, so it runs across the empty cells
   * to its right whatever column A's width; no merged cells, as screen readers stumble on them.
   */
  int paragraph(Sheet s, int rowIndex, String value, CellStyle style, int widthChars) {
    CellStyle st = style == note || style == noteLine ? noteLine : line;
    int r = rowIndex;
    StringBuilder current = new StringBuilder();
    for (String word : value.split(" ")) {
      if (current.length() > 0 && current.length() + 1 + word.length() > widthChars) {
        text(row(s, r++), 0, current.toString(), st);
        current.setLength(0);
      }
      current.append(current.length() > 0 ? " " : "").append(word);
    }
    if (current.length() > 0) {
      text(row(s, r++), 0, current.toString(), st);
    }
    return r;
  }

  void widths(Sheet s, int... chars) {
    for (int i = 0; i < chars.length; i++) {
      s.setColumnWidth(i, Math.min(255, chars[i]) * 256);
    }
  }

  /** Repeats a table's header row on every printed page. */
  void printTitles(Sheet s, int headerRow) {
    s.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
  }

  void linkTo(Cell cell, String sheetName) {
    Hyperlink h = xssf.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
    h.setAddress("'" + sheetName.replace("'", "''") + "'!A1");
    cell.setHyperlink(h);
    cell.setCellStyle(link);
  }

  /**
   * Declares an Excel table (with autofilter and banded rows) over a header row and its data rows.
   * Column names are set from {@code headers}, which must match the header cells and be unique.
   */
  XSSFTable table(Sheet sheet, String name, int headerRow, int lastRow, List<String> headers) {
    return table(sheet, name, headerRow, lastRow, headers, 0);
  }

  XSSFTable table(Sheet sheet, String name, int headerRow, int lastRow, List<String> headers, int firstCol) {
    XSSFSheet xs = xssf.getSheet(sheet.getSheetName());
    int last = Math.max(lastRow, headerRow + 1);
    AreaReference area = new AreaReference(new CellReference(headerRow, firstCol),
        new CellReference(last, firstCol + headers.size() - 1), SpreadsheetVersion.EXCEL2007);
    XSSFTable t = xs.createTable(null);
    CTTable ct = t.getCTTable();
    ct.setName(name);
    ct.setDisplayName(name);
    ct.setRef(area.formatAsString());
    ct.setHeaderRowCount(1);
    CTTableColumns cols = ct.getTableColumns() != null ? ct.getTableColumns() : ct.addNewTableColumns();
    while (cols.sizeOfTableColumnArray() > 0) {
      cols.removeTableColumn(0);
    }
    for (int i = 0; i < headers.size(); i++) {
      CTTableColumn col = cols.addNewTableColumn();
      col.setId(i + 1);
      col.setName(headers.get(i));
    }
    cols.setCount(headers.size());
    if (!ct.isSetAutoFilter()) {
      ct.addNewAutoFilter();
    }
    ct.getAutoFilter().setRef(area.formatAsString());
    t.setStyleName("TableStyleLight1");
    ct.getTableStyleInfo().setShowRowStripes(true);
    ct.getTableStyleInfo().setShowColumnStripes(false);
    return t;
  }

  /** Colours label cells whose text is one of the keys: the label itself is the text beside the colour. */
  void labelFills(Sheet sheet, CellRangeAddress range, Map<String, String> fills) {
    SheetConditionalFormatting scf = sheet.getSheetConditionalFormatting();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(fills).entrySet()) {
      ConditionalFormattingRule rule = scf.createConditionalFormattingRule(ComparisonOperator.EQUAL,
          "\"" + e.getKey() + "\"");
      PatternFormatting pf = rule.createPatternFormatting();
      pf.setFillBackgroundColor(new XSSFColor(hex(e.getValue()), null));
      pf.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
      scf.addConditionalFormatting(new CellRangeAddress[] {range}, rule);
    }
  }

  static byte[] hex(String rgb) {
    return new byte[] {(byte) Integer.parseInt(rgb.substring(0, 2), 16),
        (byte) Integer.parseInt(rgb.substring(2, 4), 16), (byte) Integer.parseInt(rgb.substring(4, 6), 16)};
  }

  static String tableName(String base) {
    return base.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
