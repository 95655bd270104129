package uk.neighbourhood.outcomes.read;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellRange;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Reads an OLE2 compound file: a BIFF8 workbook (.xls) through HSSF, cached formula values only.
 * The same container also carries encrypted OOXML packages and Excel 95 workbooks, which are told
 * apart here so each gets its own refusal. A BIFF8 file is at most 65,536 x 256 cells and the file
 * size is capped before we get here, so HSSF's in-memory model is bounded.
 */
final class XlsReader {
  private static final int MAX_ROW = 65_535;
  private static final int MAX_COL = 255;

  private XlsReader() {}

  static Workbook read(Path file, ReadGuard guard) {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
        throw Refusal.encrypted(guard.file());
      }
      if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("BOOK")) {
        if (root.hasEntry("Book")) {
          return Biff5Reader.read(root, guard);
        }
        throw Refusal.notASpreadsheet(guard.file(), oleKind(root));
      }
      guard.checkTime();
      Biff8EncryptionKey.setCurrentUserPassword(null);
      try (HSSFWorkbook wb = new HSSFWorkbook(root, false)) {
        return toWorkbook(wb, guard);
      }
    } catch (ReadException e) {
      throw e;
    } catch (EncryptedDocumentException e) {
      throw new ReadException(Refusal.encrypted(guard.file()).problem(), e);
    } catch (OldExcelFormatException e) {
      throw Refusal.unsupported(guard.file(), "an Excel 5/95 workbook");
    } catch (IOException | RuntimeException e) {
      throw Refusal.corrupt(guard.file(), "the workbook is damaged", e);
    } catch (StackOverflowError | OutOfMemoryError e) {
      throw Refusal.corrupt(guard.file(), "the workbook's structure is damaged", e);
    }
  }

  /**
   * Drawings and comments are not read, but a damaged drawing layer is a sign of a damaged file
   * (fuzzed files keep plausible cells around broken records), so it is parsed to be sure.
   */
  private static void checkDrawings(org.apache.poi.hssf.usermodel.HSSFSheet sheet, ReadGuard guard) {
    try {
      sheet.getDrawingPatriarch();
    } catch (RuntimeException e) {
      throw Refusal.corrupt(guard.file(), "the drawings or comments on sheet '" + sheet.getSheetName()
          + "' are damaged", e);
    }
  }

  private static String oleKind(DirectoryNode root) {
    if (root.hasEntry("WordDocument")) {
      return "it is a Word document";
    }
    if (root.hasEntry("PowerPoint Document")) {
      return "it is a PowerPoint presentation";
    }
    return "it is an Office file without a workbook in it";
  }

  private static Workbook toWorkbook(HSSFWorkbook wb, ReadGuard guard) {
    if (wb.getNumberOfSheets() == 0) {
      throw Refusal.corrupt(guard.file(), "the workbook has no sheets, which Excel never writes", null);
    }
    java.util.List<Sheet> sheets = new java.util.ArrayList<>();
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      org.apache.poi.hssf.usermodel.HSSFSheet src = wb.getSheetAt(i);
      checkDrawings(src, guard);
      Sheet sheet = new Sheet(wb.getSheetName(i), i, wb.isSheetHidden(i) || wb.isSheetVeryHidden(i));
      for (Row row : src) {
        guard.tick();
        for (org.apache.poi.ss.usermodel.Cell c : row) {
          if (c.getColumnIndex() > MAX_COL || c.getRowIndex() > MAX_ROW) {
            throw Refusal.corrupt(guard.file(), "sheet '" + src.getSheetName()
                + "' has a cell outside the 65,536 x 256 grid an .xls file can hold", null);
          }
          Cell cell = convert(c);
          if (cell != null) {
            guard.put(sheet, cell);
          }
        }
      }
      for (CellRangeAddress m : src.getMergedRegions()) {
        sheet.addMerged(new CellRange(m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn()));
      }
      sheets.add(sheet);
    }
    return new Workbook("xls", sheets);
  }

  /** One usermodel cell as a typed cell; formula cells give their cached result. Shared with tests. */
  static Cell convert(org.apache.poi.ss.usermodel.Cell c) {
    int r = c.getRowIndex();
    int col = c.getColumnIndex();
    CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (type) {
      case NUMERIC -> {
        double v = c.getNumericCellValue();
        yield DateUtil.isCellDateFormatted(c) && DateUtil.isValidExcelDate(v)
            ? Cell.date(r, col, c.getLocalDateTimeCellValue()) : Cell.number(r, col, v);
      }
      case STRING -> Cell.text(r, col, c.getRichStringCellValue().getString());
      case BOOLEAN -> Cell.bool(r, col, c.getBooleanCellValue());
      case ERROR -> Cell.error(r, col, errorCode(c.getErrorCellValue()));
      default -> null;
    };
  }

  private static String errorCode(byte code) {
    try {
      return FormulaError.forInt(code).getString();
    } catch (IllegalArgumentException e) {
      return "#N/A";
    }
  }
}
