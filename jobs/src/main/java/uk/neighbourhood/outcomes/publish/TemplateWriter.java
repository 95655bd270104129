package uk.neighbourhood.outcomes.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.neighbourhood.outcomes.catalog.Measure;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.map.TemplateLayout;
import uk.neighbourhood.outcomes.map.TemplatePeriods;
import uk.neighbourhood.outcomes.model.CellRef;
import uk.neighbourhood.outcomes.model.Period;

/**
 * Writes the official return template ({@code outcomes template}): an Instructions sheet, the Return
 * sheet laid out by {@link TemplateLayout}, and the veryHidden marker sheet by which
 * {@code map.TemplateMapper} recognises a filled copy. Sheets are protected without a password, so
 * labels and codes are hard to change by accident but any team can unprotect them if it must.
 */
public final class TemplateWriter {
  private static final String SCHEME_ID = "[a-z0-9-]{3,40}";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final int DEADLINE_DAYS = 30;

  private TemplateWriter() {}

  public static void write(OutputStream out, MeasureCatalog catalog, String schemeIdOrNull, String periodOrNull) {
    write(out, catalog, schemeIdOrNull, periodOrNull, LocalDate.now());
  }

  /**
   * As {@link #write(OutputStream, MeasureCatalog, String, String)}, with the date that decides which
   * quarters the period drop-down offers when no period is given.
   *
   * @throws IllegalArgumentException when the scheme id or period is not valid
   */
  public static void write(OutputStream out, MeasureCatalog catalog, String schemeIdOrNull, String periodOrNull,
      LocalDate today) {
    String scheme = schemeIdOrNull == null || schemeIdOrNull.isBlank() ? null : schemeIdOrNull.trim();
    if (scheme != null && !scheme.matches(SCHEME_ID)) {
      throw new IllegalArgumentException("Cannot write the template: scheme id '" + scheme
          + "' is not 3 to 40 lower-case letters, digits or '-'.");
    }
    Period period = null;
    if (periodOrNull != null && !periodOrNull.isBlank()) {
      period = TemplatePeriods.parse(periodOrNull).orElseThrow(() -> new IllegalArgumentException(
          "Cannot write the template: period '" + periodOrNull + "' is not a quarter like 2025-26Q1."));
    }
    TemplateLayout layout = TemplateLayout.of(catalog);
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles styles = new Styles(wb);
      instructions(wb.createSheet(TemplateLayout.INSTRUCTIONS_SHEET), styles, catalog, layout, period);
      returnSheet(wb.createSheet(TemplateLayout.RETURN_SHEET), styles, layout, scheme, period,
          period != null ? period : Period.of(today).previous());
      marker(wb, layout);
      wb.setActiveSheet(wb.getSheetIndex(TemplateLayout.RETURN_SHEET));
      wb.getSheet(TemplateLayout.INSTRUCTIONS_SHEET).setSelected(false);
      wb.getSheet(TemplateLayout.RETURN_SHEET).setSelected(true);
      wb.getProperties().getCoreProperties().setTitle("Neighbourhood Outcomes quarterly return");
      wb.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the template: " + e.getMessage(), e);
    }
  }

  private static void instructions(XSSFSheet sheet, Styles styles, MeasureCatalog catalog, TemplateLayout layout,
      Period period) {
    sheet.setColumnWidth(0, 26 * 256);
    sheet.setColumnWidth(1, 100 * 256);
    text(sheet, 0, 0, "Neighbourhood Outcomes: quarterly return", styles.title);
    int r = 2;
    for (String[] section : instructionText(catalog, layout, period)) {
      text(sheet, r, 0, section[0], styles.bold);
      text(sheet, r, 1, section[1], styles.wrap);
      // POI cannot measure text, so rows get a height from a rough count of wrapped lines
      int lines = section[1].lines().mapToInt(l -> Math.max(1, (l.length() + 94) / 95)).sum();
      sheet.getRow(r).setHeightInPoints(Math.max(1, lines) * 15f + 3);
      r++;
    }
    protect(sheet);
  }

  private static List<String[]> instructionText(MeasureCatalog catalog, TemplateLayout layout, Period period) {
    String health = labels(catalog, m -> m.domain().equals("health_use") && !m.code().equals("followed_up"));
    String survey = labels(catalog, m -> "survey_respondents".equals(m.denominator()));
    String deadline = "Send the return within " + DEADLINE_DAYS + " days after the quarter ends.";
    if (period != null) {
      deadline += " For " + period.label() + ", which ends on " + period.end().format(DAY) + ", that is by "
          + period.end().plusDays(DEADLINE_DAYS).format(DAY) + ".";
    }
    Measure followed = catalog.find("followed_up").orElse(null);
    Measure respondents = catalog.find("survey_respondents").orElse(null);
    Measure baseline = catalog.find("swemwbs_baseline_mean").orElse(null);
    return List.of(
        new String[] {"Who fills it in",
            "The person in your scheme who keeps the quarter's figures, usually the scheme lead or data officer."
                + " One return per scheme per quarter."},
        new String[] {"Where",
            "On the '" + TemplateLayout.RETURN_SHEET + "' sheet, in the yellow cells of column "
                + CellRef.columnLetters(TemplateLayout.VALUE_COL) + ". Check your scheme id in "
                + TemplateLayout.schemeA1() + " and the quarter in " + TemplateLayout.periodA1()
                + " (for example 2025-26Q1 is April to June 2025)."},
        new String[] {"One value per measure",
            "Type one figure for the whole quarter in each value cell. Counts are whole numbers."
                + " Leave the cell blank if you do not know the figure; type 0 only when the answer is zero."},
        new String[] {"Small numbers",
            "Give the real count, even when it is small. Do not write <5, * or c: small numbers are"
                + " protected (suppressed) before anything is published."},
        new String[] {"Health and care use",
            "Count for the same participants" + (followed == null ? "" : " ('" + followed.label() + "')")
                + ": their use in the quarter before support started, and in the quarter after it ended. "
                + health + "."},
        new String[] {"Wellbeing (SWEMWBS)",
            "For people with a SWEMWBS score at both baseline and follow-up only: their number, the two mean"
                + " metric scores" + (baseline == null ? "" : " (between " + CellRef.formatNumber(baseline.min())
                + " and " + CellRef.formatNumber(baseline.max()) + ")")
                + ", and how many improved by 3 points or more."},
        new String[] {"Neighbourhood survey",
            (respondents == null ? "The number of respondents" : "'" + respondents.label() + "'")
                + " is how many people answered the survey this quarter; each of the others is how many of"
                + " them answered yes. " + survey + "."},
        new String[] {"Hours and money",
            "Volunteer hours may have decimals (for example 12.5). Money is in pounds for the quarter, pence"
                + " allowed, without the £ sign."},
        new String[] {"Do not change the layout",
            "Do not insert, delete or move rows, and do not rename the sheets: figures are read from fixed"
                + " cells. The sheets are protected without a password to prevent accidents."},
        new String[] {"Deadline", deadline},
        new String[] {"Before you send it",
            "Check the file with 'outcomes check FILE --scheme YOUR-ID', then put it in your scheme's folder"
                + " of the shared inbox."},
        new String[] {"Template", TemplateLayout.TEMPLATE_ID + " version " + TemplateLayout.VERSION
            + ", " + layout.measures().size() + " measures."});
  }

  private static String labels(MeasureCatalog catalog, java.util.function.Predicate<Measure> which) {
    return catalog.core().stream().filter(which).map(m -> "'" + m.label() + "'").collect(Collectors.joining("; "));
  }

  private static void returnSheet(XSSFSheet sheet, Styles styles, TemplateLayout layout, String scheme,
      Period period, Period around) {
    XSSFDataValidationHelper dv = new XSSFDataValidationHelper(sheet);
    sheet.setColumnWidth(TemplateLayout.LABEL_COL, 66 * 256);
    sheet.setColumnWidth(TemplateLayout.CODE_COL, 32 * 256);
    sheet.setColumnWidth(TemplateLayout.UNIT_COL, 10 * 256);
    sheet.setColumnWidth(TemplateLayout.VALUE_COL, 18 * 256);
    text(sheet, TemplateLayout.TITLE_ROW, 0, "Neighbourhood Outcomes: quarterly return", styles.title);
    text(sheet, TemplateLayout.TITLE_ROW + 1, 0, "Fill in the yellow cells only. See the Instructions sheet.",
        styles.note);

    text(sheet, TemplateLayout.SCHEME_ROW, TemplateLayout.LABEL_COL, TemplateLayout.SCHEME_LABEL, styles.bold);
    text(sheet, TemplateLayout.SCHEME_ROW, TemplateLayout.CODE_COL, "as in the scheme registry", styles.note);
    text(sheet, TemplateLayout.SCHEME_ROW, TemplateLayout.VALUE_COL, scheme, styles.input);
    validate(sheet, dv, TemplateLayout.SCHEME_ROW,
        dv.createTextLengthConstraint(OperatorType.BETWEEN, "3", "40"),
        "Scheme id", "Your scheme's id from the registry: lower-case letters, digits and '-'.",
        "A scheme id is 3 to 40 characters long, as in the scheme registry (for example riverside-sp).");

    text(sheet, TemplateLayout.PERIOD_ROW, TemplateLayout.LABEL_COL, TemplateLayout.PERIOD_LABEL, styles.bold);
    text(sheet, TemplateLayout.PERIOD_ROW, TemplateLayout.CODE_COL, "e.g. 2025-26Q1 = April to June 2025",
        styles.note);
    text(sheet, TemplateLayout.PERIOD_ROW, TemplateLayout.VALUE_COL, period == null ? null : period.label(),
        styles.input);
    String[] quarters = TemplatePeriods.recent(around).stream().map(Period::label).toArray(String[]::new);
    // the list is a convenience: no error alert, so 'Q1 2025/26' typed by hand is still accepted
    validate(sheet, dv, TemplateLayout.PERIOD_ROW, dv.createExplicitListConstraint(quarters),
        "Quarter", "Pick the financial-year quarter, or type it as 2025-26Q1.", null);

    Row header = sheet.createRow(TemplateLayout.HEADER_ROW);
    String[] headers = {TemplateLayout.HEADER_LABEL, TemplateLayout.HEADER_CODE, TemplateLayout.HEADER_UNIT,
        TemplateLayout.HEADER_VALUE};
    for (int c = 0; c < headers.length; c++) {
      text(sheet, header.getRowNum(), c, headers[c], styles.header);
    }
    for (TemplateLayout.Heading h : layout.headings()) {
      for (int c = 0; c <= TemplateLayout.VALUE_COL; c++) {
        text(sheet, h.row(), c, c == 0 ? h.title() : null, styles.domain);
      }
    }
    for (TemplateLayout.MeasureRow mr : layout.measures()) {
      Measure m = mr.measure();
      text(sheet, mr.row(), TemplateLayout.LABEL_COL, m.label(), styles.label);
      text(sheet, mr.row(), TemplateLayout.CODE_COL, m.code(), styles.code);
      text(sheet, mr.row(), TemplateLayout.UNIT_COL, m.unit(), styles.label);
      text(sheet, mr.row(), TemplateLayout.VALUE_COL, null, styles.valueStyle(m));
      String min = CellRef.formatNumber(m.min());
      String max = CellRef.formatNumber(m.max());
      DataValidationConstraint constraint = m.integer()
          ? dv.createIntegerConstraint(OperatorType.BETWEEN, min, max)
          : dv.createDecimalConstraint(OperatorType.BETWEEN, min, max);
      String range = (m.integer() ? "a whole number" : "a number") + " from " + readable(m.min()) + " to "
          + readable(m.max());
      String prompt = "Type " + range + " for the quarter" + (m.integer() ? ": the real count, even if small." : ".")
          + " Leave blank if not known.";
      String error = "This cell takes " + range + ". Do not type <5, * or words: give the real figure, or leave"
          + " the cell blank if it is not known.";
      validate(sheet, dv, mr.row(), constraint, m.code(), prompt, error);
    }
    sheet.createFreezePane(0, TemplateLayout.HEADER_ROW + 1);
    protect(sheet);
  }

  /** Adds a validation to the value cell of a row; a null error lets any other text through. */
  private static void validate(XSSFSheet sheet, XSSFDataValidationHelper dv, int row,
      DataValidationConstraint constraint, String title, String prompt, String error) {
    DataValidation v = dv.createValidation(constraint,
        new CellRangeAddressList(row, row, TemplateLayout.VALUE_COL, TemplateLayout.VALUE_COL));
    v.setEmptyCellAllowed(true);
    // Excel limits: 32 characters for titles, 255 for messages
    v.createPromptBox(clip(title, 32), clip(prompt, 255));
    v.setShowPromptBox(true);
    v.setErrorStyle(DataValidation.ErrorStyle.STOP);
    if (error != null) {
      v.createErrorBox(clip("Not a valid value", 32), clip(error, 255));
    }
    v.setShowErrorBox(error != null);
    if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
      v.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
    }
    sheet.addValidationData(v);
  }

  private static void marker(XSSFWorkbook wb, TemplateLayout layout) {
    XSSFSheet sheet = wb.createSheet(TemplateLayout.MARKER_SHEET);
    List<List<String>> rows = layout.markerRows();
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r);
      for (int c = 0; c < rows.get(r).size(); c++) {
        String v = rows.get(r).get(c);
        if (r == 1 && c == 1) {
          row.createCell(c).setCellValue(TemplateLayout.VERSION);
        } else {
          row.createCell(c).setCellValue(v);
        }
      }
    }
    protect(sheet);
    wb.setSheetVisibility(wb.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    Name name = wb.createName();
    name.setNameName(TemplateLayout.DEFINED_NAME);
    name.setRefersToFormula("'" + TemplateLayout.MARKER_SHEET + "'!$B$2");
  }

  private static void protect(XSSFSheet sheet) {
    // no password: protection prevents accidents, and teams stay able to unprotect
    sheet.enableLocking();
    sheet.lockFormatColumns(false);
    sheet.lockFormatRows(false);
    sheet.lockSelectLockedCells(false);
    sheet.lockSelectUnlockedCells(false);
  }

  private static void text(XSSFSheet sheet, int r, int c, String value, CellStyle style) {
    Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
    XSSFCell cell = (XSSFCell) row.createCell(c);
    if (value != null) {
      cell.setCellValue(value);
    }
    cell.setCellStyle(style);
  }

  private static String readable(double v) {
    return v == Math.rint(v) ? String.format(Locale.UK, "%,d", (long) v) : CellRef.formatNumber(v);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  /** The workbook's cell styles, made once: Excel caps a workbook at 64,000 of them. */
  private static final class Styles {
    final CellStyle title;
    final CellStyle bold;
    final CellStyle note;
    final CellStyle wrap;
    final CellStyle header;
    final CellStyle domain;
    final CellStyle label;
    final CellStyle code;
    final CellStyle input;
    final CellStyle integer;
    final CellStyle score;
    final CellStyle hours;
    final CellStyle money;

    Styles(XSSFWorkbook wb) {
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      Font strong = wb.createFont();
      strong.setBold(true);
      Font grey = wb.createFont();
      grey.setItalic(true);
      grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
      Font mono = wb.createFont();
      mono.setFontName("Consolas");
      mono.setColor(IndexedColors.GREY_80_PERCENT.getIndex());

      title = wb.createCellStyle();
      title.setFont(big);
      bold = wb.createCellStyle();
      bold.setFont(strong);
      bold.setVerticalAlignment(VerticalAlignment.TOP);
      note = wb.createCellStyle();
      note.setFont(grey);
      wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);
      header = filled(wb, IndexedColors.GREY_25_PERCENT, strong);
      domain = filled(wb, IndexedColors.PALE_BLUE, strong);
      label = bordered(wb);
      label.setWrapText(true);
      code = bordered(wb);
      code.setFont(mono);
      input = filled(wb, IndexedColors.LIGHT_YELLOW, null);
      input.setLocked(false);
      input.setDataFormat(wb.createDataFormat().getFormat("@"));
      integer = value(wb, "#,##0");
      score = value(wb, "0.00");
      hours = value(wb, "#,##0.0");
      money = value(wb, "#,##0.00");
    }

    CellStyle valueStyle(Measure m) {
      if (m.integer()) {
        return integer;
      }
      return switch (m.unit()) {
        case "gbp" -> money;
        case "hours" -> hours;
        default -> score;
      };
    }

    private static CellStyle value(XSSFWorkbook wb, String format) {
      CellStyle s = filled(wb, IndexedColors.LIGHT_YELLOW, null);
      s.setLocked(false);
      s.setDataFormat(wb.createDataFormat().getFormat(format));
      return s;
    }

    private static CellStyle filled(XSSFWorkbook wb, IndexedColors colour, Font font) {
      CellStyle s = bordered(wb);
      s.setFillForegroundColor(colour.getIndex());
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      if (font != null) {
        s.setFont(font);
      }
      return s;
    }

    private static CellStyle bordered(XSSFWorkbook wb) {
      CellStyle s = wb.createCellStyle();
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      s.setBottomBorderColor(IndexedColors.GREY_25_PERCENT.getIndex());
      s.setTopBorderColor(IndexedColors.GREY_25_PERCENT.getIndex());
      s.setLeftBorderColor(IndexedColors.GREY_25_PERCENT.getIndex());
      s.setRightBorderColor(IndexedColors.GREY_25_PERCENT.getIndex());
      s.setVerticalAlignment(VerticalAlignment.TOP);
      return s;
    }
  }
}
