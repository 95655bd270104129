package uk.neighbourhood.outcomes.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.model.CellRef;

/**
 * Where everything sits in the official return template, version {@value #VERSION}. The writer lays
 * the workbook out from this description and records it in the hidden marker sheet; the mapper reads
 * the marker back, so the two can never disagree about a cell address.
 *
 * <p>Only the core measures of the catalogue get a row, in catalogue order, grouped under a heading
 * per domain. Changing the rows changes the template's meaning: bump {@link #VERSION} when the fixed
 * cells below move, since files already out with teams carry the old version in their marker.
 */
public final class TemplateLayout {
  public static final String TEMPLATE_ID = "neighbourhood-outcomes-return";
  public static final int VERSION = 1;

  public static final String INSTRUCTIONS_SHEET = "Instructions";
  public static final String RETURN_SHEET = "Return";
  /** veryHidden in the xlsx; re-saving in Excel or LibreOffice keeps its cells (at worst merely hidden). */
  public static final String MARKER_SHEET = "_template";
  /** A workbook-level name pointing at the marker's version cell, for people and tools that look. */
  public static final String DEFINED_NAME = "NeighbourhoodOutcomesTemplate";

  public static final int LABEL_COL = 0;
  public static final int CODE_COL = 1;
  public static final int UNIT_COL = 2;
  public static final int VALUE_COL = 3;

  public static final int TITLE_ROW = 0;
  public static final int SCHEME_ROW = 2;
  public static final int PERIOD_ROW = 3;
  public static final int HEADER_ROW = 5;
  private static final int FIRST_BODY_ROW = HEADER_ROW + 1;

  public static final String SCHEME_LABEL = "Scheme id";
  public static final String PERIOD_LABEL = "Period (quarter)";
  public static final String HEADER_LABEL = "Measure";
  public static final String HEADER_CODE = "Code";
  public static final String HEADER_UNIT = "Unit";
  public static final String HEADER_VALUE = "Value";

  // keys of the marker sheet: column A holds the key, column B the value
  public static final String KEY_TEMPLATE_ID = "template_id";
  public static final String KEY_VERSION = "template_version";
  public static final String KEY_SHEET = "return_sheet";
  public static final String KEY_SCHEME_CELL = "scheme_id_cell";
  public static final String KEY_PERIOD_CELL = "period_cell";
  public static final String KEY_CODE_COLUMN = "code_column";
  /** Below this key, each row is a measure code and the A1 address of its value cell. */
  public static final String KEY_MEASURES = "measure";

  private static final Map<String, String> DOMAIN_TITLES = Map.of(
      "reach", "Reach and activity",
      "health_use", "Health and care use: the same participants, the quarter before support and the quarter after",
      "wellbeing", "Wellbeing (SWEMWBS, aggregate figures for people with both scores)",
      "social_capital", "Social capital: neighbourhood survey, number of respondents answering yes",
      "employment", "Employment and skills",
      "money", "Money");

  /** A domain sub-heading row. */
  public record Heading(int row, String domain, String title) {}

  /** A measure's row: label, code and unit are locked; the value cell is the one the team fills. */
  public record MeasureRow(int row, Measure measure) {
    public String valueA1() {
      return CellRef.a1(row, VALUE_COL);
    }
  }

  private final List<Heading> headings;
  private final List<MeasureRow> measures;

  private TemplateLayout(List<Heading> headings, List<MeasureRow> measures) {
    this.headings = List.copyOf(headings);
    this.measures = List.copyOf(measures);
  }

  public static TemplateLayout of(MeasureCatalog catalog) {
    Map<String, List<Measure>> byDomain = new LinkedHashMap<>();
    for (Measure m : catalog.core()) {
      byDomain.computeIfAbsent(m.domain(), d -> new ArrayList<>()).add(m);
    }
    List<Heading> headings = new ArrayList<>();
    List<MeasureRow> rows = new ArrayList<>();
    int row = FIRST_BODY_ROW;
    for (Map.Entry<String, List<Measure>> e : byDomain.entrySet()) {
      headings.add(new Heading(row++, e.getKey(), domainTitle(e.getKey())));
      for (Measure m : e.getValue()) {
        rows.add(new MeasureRow(row++, m));
      }
    }
    return new TemplateLayout(headings, rows);
  }

  public static String domainTitle(String domain) {
    return DOMAIN_TITLES.getOrDefault(domain, domain);
  }

  public List<Heading> headings() {
    return headings;
  }

  public List<MeasureRow> measures() {
    return measures;
  }

  public static String schemeA1() {
    return CellRef.a1(SCHEME_ROW, VALUE_COL);
  }

  public static String periodA1() {
    return CellRef.a1(PERIOD_ROW, VALUE_COL);
  }

  /**
   * The marker sheet's content, row by row (key, value[, label]). Everything is text except the
   * version, which the writer stores as a number; the mapper accepts either.
   */
  public List<List<String>> markerRows() {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of(KEY_TEMPLATE_ID, TEMPLATE_ID));
    out.add(List.of(KEY_VERSION, Integer.toString(VERSION)));
    out.add(List.of(KEY_SHEET, RETURN_SHEET));
    out.add(List.of(KEY_SCHEME_CELL, schemeA1()));
    out.add(List.of(KEY_PERIOD_CELL, periodA1()));
    out.add(List.of(KEY_CODE_COLUMN, CellRef.columnLetters(CODE_COL)));
    out.add(List.of(KEY_MEASURES, "value_cell", "label"));
    for (MeasureRow m : measures) {
      out.add(List.of(m.measure().code(), m.valueA1(), m.measure().label()));
    }
    return out;
  }
}
