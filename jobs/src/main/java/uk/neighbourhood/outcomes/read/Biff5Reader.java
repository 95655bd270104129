package uk.neighbourhood.outcomes.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.record.CodepageRecord;
import org.apache.poi.hssf.record.MulRKRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.OldFormulaRecord;
import org.apache.poi.hssf.record.OldLabelRecord;
import org.apache.poi.hssf.record.OldSheetRecord;
import org.apache.poi.hssf.record.OldStringRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.RecordInputStream;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.ss.usermodel.CellType;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Excel 5/95 (BIFF5) workbooks, which HSSF refuses: the cell records are walked the way POI's
 * {@code OldExcelExtractor} walks them, but kept with their sheet, row and column. Labels, numbers
 * and cached formula results are read; number formats are not, so a date comes out as its serial
 * number. A workbook that yields no cells this way is refused with advice to save it as .xlsx.
 */
final class Biff5Reader {
  private static final int BOF_SIDS_MASK = 0x00FF;
  private static final int BOF_LOW = 0x09;
  private static final int EOF = 0x0A;
  private static final int FILEPASS = 0x2F;

  private Biff5Reader() {}

  static Workbook read(DirectoryNode root, ReadGuard guard) throws IOException {
    List<String> names = new ArrayList<>();
    List<Sheet> sheets = new ArrayList<>();
    try (InputStream in = root.createDocumentInputStream("Book")) {
      RecordInputStream ris = new RecordInputStream(in);
      CodepageRecord codepage = null;
      int depth = 0;
      int substreams = 0;
      Sheet current = null;
      int[] pending = null;
      while (ris.hasNextRecord()) {
        guard.tick();
        ris.nextRecord();
        int sid = ris.getSid();
        if ((sid & BOF_SIDS_MASK) == BOF_LOW && (sid >> 8) <= 8) {
          depth++;
          if (depth == 1) {
            substreams++;
            int index = substreams - 2; // the first substream is the workbook globals
            if (index >= 0) {
              String name = index < names.size() ? names.get(index) : "Sheet" + (index + 1);
              current = new Sheet(name, sheets.size(), false);
              sheets.add(current);
            }
          }
          ris.readRemainder();
          continue;
        }
        if (sid == EOF) {
          depth = Math.max(0, depth - 1);
          if (depth == 0) {
            current = null;
          }
          continue;
        }
        if (sid == FILEPASS) {
          throw Refusal.encrypted(guard.file());
        }
        Sheet s = depth == 1 ? current : null;
        switch (sid) {
          case CodepageRecord.sid -> codepage = new CodepageRecord(ris);
          case OldSheetRecord.sid -> {
            OldSheetRecord r = new OldSheetRecord(ris);
            r.setCodePage(codepage);
            names.add(r.getSheetname());
          }
          case OldLabelRecord.biff2_sid, OldLabelRecord.biff345_sid -> {
            OldLabelRecord r = new OldLabelRecord(ris);
            r.setCodePage(codepage);
            put(s, Cell.text(r.getRow(), r.getColumn(), r.getValue()), guard);
          }
          case NumberRecord.sid -> {
            NumberRecord r = new NumberRecord(ris);
            put(s, Cell.number(r.getRow(), r.getColumn(), r.getValue()), guard);
          }
          case RKRecord.sid -> {
            RKRecord r = new RKRecord(ris);
            put(s, Cell.number(r.getRow(), r.getColumn(), r.getRKNumber()), guard);
          }
          case MulRKRecord.sid -> {
            MulRKRecord r = new MulRKRecord(ris);
            for (int i = 0; i < r.getNumColumns(); i++) {
              put(s, Cell.number(r.getRow(), r.getFirstColumn() + i, r.getRKNumberAt(i)), guard);
            }
          }
          case OldFormulaRecord.biff2_sid -> pending = formula(ris, s, guard);
          case OldFormulaRecord.biff3_sid, OldFormulaRecord.biff4_sid -> {
            OldFormulaRecord r = new OldFormulaRecord(ris);
            if (r.getCachedResultType() == CellType.NUMERIC.getCode()) {
              put(s, Cell.number(r.getRow(), r.getColumn(), r.getValue()), guard);
            }
          }
          case OldStringRecord.biff2_sid, OldStringRecord.biff345_sid -> {
            // the string result of the formula just before it
            OldStringRecord r = new OldStringRecord(ris);
            r.setCodePage(codepage);
            if (pending != null) {
              put(s, Cell.text(pending[0], pending[1], r.getString()), guard);
              pending = null;
            }
          }
          default -> ris.readRemainder();
        }
      }
    }
    if (sheets.stream().allMatch(Sheet::isEmpty)) {
      throw Refusal.unsupported(guard.file(), "an Excel 5/95 workbook");
    }
    return new Workbook("xls-biff5", sheets);
  }

  /**
   * A BIFF5 FORMULA record shares its id with BIFF2's but has BIFF8's fixed layout (POI's own
   * extractor switches on the version for the same reason): row, column, style, then an 8-byte
   * cached result, where 0xFFFF in the top two bytes marks a string, boolean, error or empty result.
   * Returns the cell position when the result is a string, which follows in a STRING record.
   */
  private static int[] formula(RecordInputStream ris, Sheet sheet, ReadGuard guard) {
    int row = ris.readUShort();
    int col = ris.readUShort();
    ris.readUShort(); // style
    byte[] result = new byte[8];
    ris.readFully(result);
    ris.readRemainder();
    if ((result[6] & 0xFF) == 0xFF && (result[7] & 0xFF) == 0xFF) {
      return switch (result[0]) {
        case 0 -> new int[] {row, col};
        case 1 -> {
          put(sheet, Cell.bool(row, col, result[2] != 0), guard);
          yield null;
        }
        case 2 -> {
          put(sheet, Cell.error(row, col, errorCode(result[2])), guard);
          yield null;
        }
        default -> null;
      };
    }
    put(sheet, Cell.number(row, col, org.apache.poi.util.LittleEndian.getDouble(result, 0)), guard);
    return null;
  }

  private static String errorCode(byte code) {
    try {
      return org.apache.poi.ss.usermodel.FormulaError.forInt(code).getString();
    } catch (IllegalArgumentException e) {
      return "#N/A";
    }
  }

  private static void put(Sheet sheet, Cell cell, ReadGuard guard) {
    if (sheet != null) {
      guard.put(sheet, cell);
    }
  }
}
