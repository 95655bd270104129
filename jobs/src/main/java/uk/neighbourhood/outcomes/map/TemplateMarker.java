package uk.neighbourhood.outcomes.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellRef;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * The hidden marker sheet read back: which template this is and where each value lives. It is read
 * as plain cells, so it works the same for the xlsx we wrote and for a copy re-saved as xls or ods.
 *
 * @param version as written in the marker ("1"); compared, never parsed loosely
 * @param entries each measure's code and value cell, in template order
 */
public record TemplateMarker(String version, String returnSheet, String schemeCell, String periodCell,
    int codeCol, List<Entry> entries) {

  /** One measure of the marker: its code and the A1 address of its value cell. */
  public record Entry(String code, int row, int col) {
    public String a1() {
      return CellRef.a1(row, col);
    }
  }

  /** The marker sheet, when the workbook has one naming our template id. */
  public static Optional<Sheet> find(Workbook workbook) {
    return workbook.sheet(TemplateLayout.MARKER_SHEET)
        .filter(s -> TemplateLayout.TEMPLATE_ID.equalsIgnoreCase(keyValues(s).get(TemplateLayout.KEY_TEMPLATE_ID)));
  }

  /** Reads the marker; addresses that cannot be parsed are left null for the mapper to report. */
  public static TemplateMarker read(Sheet sheet) {
    Map<String, String> keys = keyValues(sheet);
    List<Entry> entries = new ArrayList<>();
    boolean inMeasures = false;
    for (int r : sheet.rowIndexes()) {
      String key = sheet.text(r, 0).trim();
      if (inMeasures && !key.isEmpty()) {
        int[] rc = parse(sheet.text(r, 1));
        if (rc != null) {
          entries.add(new Entry(key, rc[0], rc[1]));
        }
      } else if (key.equalsIgnoreCase(TemplateLayout.KEY_MEASURES)) {
        inMeasures = true;
      }
    }
    String codeColumn = keys.getOrDefault(TemplateLayout.KEY_CODE_COLUMN, "");
    int[] codeCol = parse(codeColumn + "1");
    return new TemplateMarker(keys.getOrDefault(TemplateLayout.KEY_VERSION, ""),
        keys.getOrDefault(TemplateLayout.KEY_SHEET, TemplateLayout.RETURN_SHEET),
        keys.get(TemplateLayout.KEY_SCHEME_CELL), keys.get(TemplateLayout.KEY_PERIOD_CELL),
        codeCol == null ? TemplateLayout.CODE_COL : codeCol[1], List.copyOf(entries));
  }

  private static Map<String, String> keyValues(Sheet sheet) {
    Map<String, String> out = new HashMap<>();
    for (int r : sheet.rowIndexes()) {
      String key = sheet.text(r, 0).trim().toLowerCase(Locale.ROOT);
      if (key.equals(TemplateLayout.KEY_MEASURES)) {
        break;
      }
      Cell value = sheet.cell(r, 1);
      if (!key.isEmpty() && value != null) {
        out.putIfAbsent(key, value.display().trim());
      }
    }
    return out;
  }

  static int[] parse(String a1) {
    if (a1 == null || !a1.trim().matches("(?i)\\$?[A-Z]{1,3}\\$?[0-9]{1,7}")) {
      return null;
    }
    return CellRef.parseA1(a1);
  }
}
