package uk.neighbourhood.outcomes.privacy;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.CellRef;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Looks through every sheet of a read return for personal identifiers before anything is mapped: NHS
 * numbers, email addresses, UK phone numbers, dates of birth, and names beside postcodes. Each finding is
 * an ERROR {@value #CODE} naming the sheet and column, never the identifier. The scan is bounded: at most
 * {@link PrivacyRules#sampleCellsPerColumn()} cells of each column are looked at.
 */
public final class PrivacyGuard implements Serializable {
  public static final String CODE = "privacy.personal_data";
  private static final List<DateTimeFormatter> TEXT_DATES = List.of(
      DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"),
      DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK), DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK));

  private final PrivacyRules rules;
  private final LocalDate today;

  public PrivacyGuard(PrivacyRules rules, LocalDate today) {
    this.rules = rules;
    this.today = today;
  }

  /** True when any problem is the guard's: such a return must not be kept anywhere. */
  public static boolean holdsPersonalData(List<Problem> problems) {
    return problems.stream().anyMatch(p -> CODE.equals(p.code()));
  }

  /** Every finding in the workbook, hidden sheets included; empty when none. */
  public List<Problem> scan(Workbook workbook) {
    List<Problem> found = new ArrayList<>();
    for (Sheet sheet : workbook.sheets()) {
      found.addAll(scan(sheet));
    }
    return found;
  }

  List<Problem> scan(Sheet sheet) {
    Map<Integer, Column> columns = columns(sheet);
    List<Problem> found = new ArrayList<>();
    boolean sheetHasNames = columns.values().stream().anyMatch(this::looksLikeNames);
    for (Column c : columns.values()) {
      if (c.nhs.any()) {
        found.add(finding(sheet, c.index, c.nhs, "NHS numbers"));
      }
      if (c.email.any()) {
        found.add(finding(sheet, c.index, c.email, "email addresses"));
      }
      if (c.phone.any()) {
        found.add(finding(sheet, c.index, c.phone, "phone numbers"));
      }
      boolean dobHeader = c.headers.stream().anyMatch(rules.dobHeaders()::contains) && c.values.any();
      boolean agesBesideNames = sheetHasNames && c.sampled > 0
          && c.plausibleBirthDates.count >= Math.max(1, rules.dobMinShare() * c.sampled);
      if (dobHeader || agesBesideNames) {
        found.add(finding(sheet, c.index, dobHeader ? c.values : c.plausibleBirthDates, "dates of birth"));
      }
    }
    for (Column postcode : columns.values()) {
      if (!looksLikePostcodes(postcode)) {
        continue;
      }
      for (Column name : columns.values()) {
        // a column headed "Name" anywhere beside full postcodes identifies people; a column that merely looks
        // like names (venues, streets) counts only right next to the postcodes
        boolean near = Math.abs(name.index - postcode.index) <= rules.postcodeDistance();
        if (name != postcode && (hasNameHeader(name) || near) && looksLikeNames(name)) {
          found.add(namesBesidePostcodes(sheet, name, postcode));
          break;
        }
      }
    }
    return found;
  }

  private boolean looksLikePostcodes(Column c) {
    boolean header = c.headers.stream().anyMatch(rules.postcodeHeaders()::contains);
    return (header && c.postcode.any())
        || (c.sampled > 0 && c.postcode.count >= Math.max(1, rules.postcodeMinShare() * c.sampled));
  }

  private boolean hasNameHeader(Column c) {
    return c.headers.stream().anyMatch(rules.nameHeaders()::contains) && c.values.count > 0;
  }

  private boolean looksLikeNames(Column c) {
    if (hasNameHeader(c)) {
      return true;
    }
    return c.nameLike.count >= rules.nameMinValues() && c.text > 0
        && c.nameLike.count >= rules.nameMinShare() * c.text;
  }

  private Map<Integer, Column> columns(Sheet sheet) {
    Map<Integer, Column> columns = new TreeMap<>();
    List<Integer> rows = sheet.rowIndexes();
    int headerLimit = rows.isEmpty() ? 0 : rows.get(0) + rules.headerRowsSearched();
    for (int r : rows) {
      for (Cell cell : sheet.row(r)) {
        Column c = columns.computeIfAbsent(cell.col(), Column::new);
        if (r < headerLimit && cell.kind() == CellKind.TEXT) {
          String h = PrivacyRules.normalise(cell.text());
          c.headers.add(h);
          if (isKnownHeader(h)) {
            continue;
          }
        }
        if (c.sampled < rules.sampleCellsPerColumn()) {
          c.sampled++;
          look(cell, c);
        }
      }
    }
    return columns;
  }

  /** A header the guard acts on is a label, not a value: "DOB" above an empty column holds no date of birth. */
  private boolean isKnownHeader(String h) {
    return rules.dobHeaders().contains(h) || rules.nameHeaders().contains(h) || rules.postcodeHeaders().contains(h);
  }

  /** Classifies one cell; what it holds is never kept, only where. */
  private void look(Cell cell, Column c) {
    int r = cell.row();
    c.values.hit(r);
    if (cell.kind() == CellKind.DATE) {
      if (plausibleBirthDate(cell.date().toLocalDate())) {
        c.plausibleBirthDates.hit(r);
      }
      return;
    }
    if (cell.kind() == CellKind.NUMBER) {
      double v = cell.number();
      if (v == Math.rint(v) && v >= 1e9 && v < 1e10 && NhsNumber.isValid(Long.toString((long) v))) {
        c.nhs.hit(r);
      }
      return;
    }
    if (cell.kind() != CellKind.TEXT || cell.text() == null) {
      return;
    }
    c.text++;
    String s = cell.text().strip();
    if (rules.nhsNumber().matcher(s).matches() && NhsNumber.isValid(s)) {
      c.nhs.hit(r);
    } else if (rules.ukPhone().matcher(s).matches()) {
      c.phone.hit(r);
    }
    if (rules.email().matcher(s).find()) {
      c.email.hit(r);
    }
    if (rules.ukPostcode().matcher(s).matches()) {
      c.postcode.hit(r);
    }
    if (rules.nameValue().matcher(s).matches()
        && Arrays.stream(s.toLowerCase(Locale.ROOT).split(" ")).noneMatch(rules.notNameWords()::contains)) {
      c.nameLike.hit(r);
    }
    LocalDate d = textDate(s);
    if (d != null && plausibleBirthDate(d)) {
      c.plausibleBirthDates.hit(r);
    }
  }

  private boolean plausibleBirthDate(LocalDate d) {
    if (d.isAfter(today)) {
      return false;
    }
    int age = Period.between(d, today).getYears();
    return age >= rules.minAgeYears() && age <= rules.maxAgeYears();
  }

  private static LocalDate textDate(String s) {
    if (s.length() < 8 || s.length() > 20 || !Character.isDigit(s.charAt(0))) {
      return null;
    }
    for (DateTimeFormatter f : TEXT_DATES) {
      try {
        return LocalDate.parse(s, f);
      } catch (DateTimeParseException ignored) {
        // try the next way of writing a date
      }
    }
    return null;
  }

  private static Problem finding(Sheet sheet, int col, Hits hits, String what) {
    String letter = CellRef.columnLetters(col);
    return Problem.error(CODE,
        "Cannot accept this return: sheet '" + sheet.name() + "' column " + letter + " holds " + what
            + ", which are personal data and must never be sent.",
        "Delete column " + letter + " of sheet '" + sheet.name() + "' (keep only your own participant reference)"
            + " and upload the file again. This file has not been kept.")
        .at(sheet.name(), hits.range(col));
  }

  private static Problem namesBesidePostcodes(Sheet sheet, Column name, Column postcode) {
    String n = CellRef.columnLetters(name.index);
    String p = CellRef.columnLetters(postcode.index);
    return Problem.error(CODE,
        "Cannot accept this return: sheet '" + sheet.name() + "' column " + n + " holds names beside postcodes in"
            + " column " + p + ", which together identify people.",
        "Delete column " + n + " of sheet '" + sheet.name() + "', and column " + p + " too unless the postcodes are"
            + " of venues, then upload the file again. This file has not been kept.")
        .at(sheet.name(), name.values.range(name.index));
  }

  /** Where the cells of one kind were seen in a column: how many, and the first and last row. */
  private static final class Hits {
    int count;
    int first = -1;
    int last = -1;

    void hit(int row) {
      count++;
      if (first < 0) {
        first = row;
      }
      last = row;
    }

    boolean any() {
      return count > 0;
    }

    String range(int col) {
      return first == last ? CellRef.a1(first, col) : CellRef.a1(first, col) + ":" + CellRef.a1(last, col);
    }
  }

  private static final class Column {
    final int index;
    final List<String> headers = new ArrayList<>();
    int sampled;
    int text;
    final Hits values = new Hits();
    final Hits nhs = new Hits();
    final Hits email = new Hits();
    final Hits phone = new Hits();
    final Hits postcode = new Hits();
    final Hits nameLike = new Hits();
    final Hits plausibleBirthDates = new Hits();

    Column(int index) {
      this.index = index;
    }
  }
}
