package uk.neighbourhood.outcomes.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellRange;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Reads an OpenDocument spreadsheet (.ods) from its {@code content.xml} in one StAX pass. Repeated
 * rows and cells are expanded only when they hold a value, so the million blank rows LibreOffice
 * writes at the end of a sheet cost one element each; a repeated value is expanded within the cell
 * budget. Spanned cells become merged regions; tables whose style has {@code table:display="false"}
 * are hidden.
 */
final class OdsReader {
  private static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  private static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  private static final long MAX_ROWS = 1_048_576;
  private static final long MAX_COLS = 16_384;

  private OdsReader() {}

  static Workbook read(Path file, ReadGuard guard) {
    try (SafeZip zip = SafeZip.open(file, guard)) {
      byte[] manifest = zip.readAll("META-INF/manifest.xml", 16 * 1024 * 1024);
      if (manifest != null && new String(manifest, StandardCharsets.UTF_8).contains("encryption-data")) {
        throw Refusal.encrypted(guard.file());
      }
      try (InputStream in = zip.open("content.xml")) {
        if (in == null) {
          throw Refusal.corrupt(guard.file(), "the spreadsheet content (content.xml) is missing", null);
        }
        try (SecureXml.Xml x = SecureXml.open(in, guard, "content.xml")) {
          return new Pass(x, guard).run();
        }
      }
    } catch (IOException e) {
      throw Refusal.corrupt(guard.file(), "a part of the package cannot be unpacked", e);
    }
  }

  private static final class Pass {
    private final SecureXml.Xml x;
    private final XMLStreamReader r;
    private final ReadGuard guard;
    private final List<Sheet> sheets = new ArrayList<>();
    private final Set<String> hiddenTableStyles = new HashSet<>();
    private final StringBuilder text = new StringBuilder();
    private String styleName;
    private String styleFamily;
    private Sheet sheet;
    private long row;
    private long col;
    private int rowRepeat;
    private int rowDepth;
    private boolean rowHasValue;
    private final List<Cell> rowCells = new ArrayList<>();
    // the open cell
    private boolean inCell;
    private int colRepeat;
    private String valueType;
    private String value;
    private int paragraphs;
    private int textDepth;
    /** Inside a cell comment, whose paragraphs are not the cell's value. */
    private int annotation;

    Pass(SecureXml.Xml x, ReadGuard guard) {
      this.x = x;
      this.r = x.reader();
      this.guard = guard;
    }

    Workbook run() {
      while (x.hasNext()) {
        switch (x.next()) {
          case XMLStreamConstants.START_ELEMENT -> start();
          case XMLStreamConstants.END_ELEMENT -> end();
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            if (inCell && textDepth > 0 && annotation == 0 && text.length() <= ReadGuard.MAX_CELL_CHARS * 4) {
              text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            }
          }
          default -> { }
        }
      }
      return new Workbook("ods", sheets);
    }

    private void start() {
      String ns = r.getNamespaceURI();
      String name = r.getLocalName();
      if ("annotation".equals(name) && OFFICE_NS.equals(ns)) {
        annotation++;
      } else if (annotation > 0) {
        return;
      } else if ("style".equals(name) && "urn:oasis:names:tc:opendocument:xmlns:style:1.0".equals(ns)) {
        styleName = x.attr("name");
        styleFamily = x.attr("family");
      } else if ("table-properties".equals(name) && "table".equals(styleFamily)
          && "false".equals(x.attr("display")) && styleName != null) {
        hiddenTableStyles.add(styleName);
      } else if (TABLE_NS.equals(ns)) {
        switch (name) {
          case "table" -> {
            String tableName = r.getAttributeValue(TABLE_NS, "name");
            String style = r.getAttributeValue(TABLE_NS, "style-name");
            sheet = new Sheet(tableName == null ? "Sheet" + (sheets.size() + 1) : tableName, sheets.size(),
                style != null && hiddenTableStyles.contains(style));
            sheets.add(sheet);
            row = 0;
          }
          case "table-row" -> {
            rowDepth++;
            rowRepeat = repeat("number-rows-repeated");
            col = 0;
            rowHasValue = false;
            rowCells.clear();
            guard.tick();
          }
          case "table-cell", "covered-table-cell" -> {
            inCell = true;
            colRepeat = repeat("number-columns-repeated");
            valueType = r.getAttributeValue(OFFICE_NS, "value-type");
            value = switch (valueType == null ? "" : valueType) {
              case "date" -> r.getAttributeValue(OFFICE_NS, "date-value");
              case "boolean" -> r.getAttributeValue(OFFICE_NS, "boolean-value");
              case "time" -> r.getAttributeValue(OFFICE_NS, "time-value");
              case "string" -> r.getAttributeValue(OFFICE_NS, "string-value");
              default -> r.getAttributeValue(OFFICE_NS, "value");
            };
            text.setLength(0);
            paragraphs = 0;
            int colSpan = span("number-columns-spanned");
            int rowSpan = span("number-rows-spanned");
            if (sheet != null && (colSpan > 1 || rowSpan > 1) && row < MAX_ROWS && col < MAX_COLS) {
              sheet.addMerged(new CellRange((int) row, (int) Math.min(MAX_ROWS - 1, row + rowSpan - 1),
                  (int) col, (int) Math.min(MAX_COLS - 1, col + colSpan - 1)));
            }
          }
          default -> { }
        }
      } else if (inCell && TEXT_NS.equals(ns)) {
        switch (name) {
          case "p", "h" -> {
            if (paragraphs++ > 0 && text.length() > 0) {
              text.append('\n');
            }
            textDepth++;
          }
          case "s" -> {
            if (textDepth > 0) {
              int n = Math.min(1000, Math.max(1, (int) parseLong(x.attr("c"), 1)));
              text.append(" ".repeat(n));
            }
          }
          case "tab" -> text.append('\t');
          case "line-break" -> text.append('\n');
          default -> { }
        }
      }
    }

    private void end() {
      String ns = r.getNamespaceURI();
      String name = r.getLocalName();
      if ("annotation".equals(name) && OFFICE_NS.equals(ns)) {
        annotation--;
      } else if (annotation > 0) {
        return;
      } else if (TABLE_NS.equals(ns)) {
        switch (name) {
          case "table-cell", "covered-table-cell" -> endCell();
          case "table-row" -> endRow();
          case "table" -> sheet = null;
          default -> { }
        }
      } else if (TEXT_NS.equals(ns) && ("p".equals(name) || "h".equals(name))) {
        textDepth = Math.max(0, textDepth - 1);
      } else if ("style".equals(name)) {
        styleName = null;
        styleFamily = null;
      }
    }

    private void endCell() {
      inCell = false;
      if (sheet == null) {
        return;
      }
      Cell cell = row < MAX_ROWS ? cell((int) row, (int) Math.min(col, MAX_COLS)) : null;
      if (cell != null && !cell.isBlank()) {
        // a value repeated across columns is a value in each of them
        for (int i = 0; i < colRepeat && col + i < MAX_COLS; i++) {
          rowCells.add(i == 0 ? cell : withCol(cell, (int) (col + i)));
          guard.tick();
        }
        rowHasValue = true;
      }
      col += colRepeat;
    }

    private void endRow() {
      rowDepth--;
      if (sheet != null && rowHasValue) {
        for (int i = 0; i < rowRepeat && row + i < MAX_ROWS; i++) {
          for (Cell c : rowCells) {
            guard.put(sheet, i == 0 ? c : withRow(c, (int) (row + i)));
          }
        }
      }
      row += rowRepeat;
    }

    private Cell cell(int rowIndex, int colIndex) {
      String t = valueType == null ? "" : valueType;
      String shown = text.toString();
      try {
        return switch (t) {
          case "float", "percentage", "currency" -> value == null
              ? Cell.text(rowIndex, colIndex, shown) : Cell.number(rowIndex, colIndex, Double.parseDouble(value));
          case "boolean" -> Cell.bool(rowIndex, colIndex, "true".equalsIgnoreCase(value));
          case "date" -> value == null ? Cell.text(rowIndex, colIndex, shown) : Cell.date(rowIndex, colIndex,
              value.length() <= 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value));
          case "string" -> Cell.text(rowIndex, colIndex, value != null && shown.isEmpty() ? value : shown);
          default -> shown.isEmpty() ? null : Cell.text(rowIndex, colIndex, shown);
        };
      } catch (NumberFormatException | DateTimeParseException e) {
        return Cell.text(rowIndex, colIndex, shown.isEmpty() ? value : shown);
      }
    }

    private int repeat(String attr) {
      long n = parseLong(r.getAttributeValue(TABLE_NS, attr), 1);
      return (int) Math.max(1, Math.min(n, MAX_ROWS));
    }

    private int span(String attr) {
      return (int) Math.max(1, Math.min(parseLong(r.getAttributeValue(TABLE_NS, attr), 1), MAX_ROWS));
    }

    private static long parseLong(String s, long otherwise) {
      try {
        return s == null ? otherwise : Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return otherwise;
      }
    }

    private static Cell withCol(Cell c, int newCol) {
      return new Cell(c.row(), newCol, c.kind(), c.number(), c.text(), c.date());
    }

    private static Cell withRow(Cell c, int newRow) {
      return new Cell(newRow, c.col(), c.kind(), c.number(), c.text(), c.date());
    }
  }
}
