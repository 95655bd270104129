package uk.neighbourhood.outcomes.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.neighbourhood.outcomes.privacy.SyntheticPeople.BIRTH_DATES;
import static uk.neighbourhood.outcomes.privacy.SyntheticPeople.EMAILS;
import static uk.neighbourhood.outcomes.privacy.SyntheticPeople.NAMES;
import static uk.neighbourhood.outcomes.privacy.SyntheticPeople.PHONES;
import static uk.neighbourhood.outcomes.privacy.SyntheticPeople.POSTCODES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;
import uk.neighbourhood.outcomes.read.ReadLimits;
import uk.neighbourhood.outcomes.read.Readers;

class PrivacyGuardTest {
  static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
  static final PrivacyRules RULES = PrivacyRules.load(Schemas.bundled());
  static final PrivacyGuard GUARD = new PrivacyGuard(RULES, TODAY);

  /** A sheet whose columns are given top to bottom: header first, then values. */
  static Sheet columns(String name, List<?>... columns) {
    Sheet s = new Sheet(name, 0, false);
    for (int c = 0; c < columns.length; c++) {
      for (int r = 0; r < columns[c].size(); r++) {
        Object v = columns[c].get(r);
        if (v instanceof Number n) {
          s.put(Cell.number(r, c, n.doubleValue()));
        } else if (v instanceof LocalDate d) {
          s.put(Cell.date(r, c, d.atStartOfDay()));
        } else if (v != null) {
          s.put(Cell.text(r, c, v.toString()));
        }
      }
    }
    return s;
  }

  static List<Object> col(String header, List<?> values) {
    List<Object> out = new ArrayList<>();
    out.add(header);
    out.addAll(values);
    return out;
  }

  static List<Problem> scan(Sheet... sheets) {
    return GUARD.scan(new Workbook("xlsx", List.of(sheets)));
  }

  static final List<Object> REFS = col("Participant ref", List.of("P001", "P002", "P003", "P004"));
  static final List<Object> SCORES = col("SWEMWBS baseline", List.of(21, 24, 19, 30));

  @Test
  void nhsNumbersAreFoundWithOrWithoutSpacesAndNamedByColumnNotValue() {
    List<String> nhs = SyntheticPeople.nhsNumbers(4);
    List<Object> digitsOnly = nhs.stream().map(s -> (Object) Double.parseDouble(s.replace(" ", ""))).toList();
    List<Problem> found = scan(columns("Participants", REFS, SCORES, col("NHS no", nhs)),
        columns("Other", col("Client", digitsOnly)));
    assertThat(found).hasSize(2).allSatisfy(p -> {
      assertThat(p.code()).isEqualTo(PrivacyGuard.CODE);
      assertThat(p.isError()).isTrue();
      assertThat(p.render()).contains("NHS numbers");
      for (String n : nhs) {
        assertThat(p.render()).doesNotContain(n).doesNotContain(n.replace(" ", ""));
      }
    });
    assertThat(found.get(0).message()).contains("sheet 'Participants' column C holds NHS numbers");
    assertThat(found.get(0).cell()).isEqualTo("C2:C5");
    assertThat(found.get(1).message()).contains("sheet 'Other' column A");
  }

  @Test
  void tenDigitNumbersFailingTheCheckAreNotNhsNumbers() {
    assertThat(scan(columns("Finance", col("Grant ref", List.of("9434765918", "1000000010")),
        col("Funding", List.of(1234567890, 25000))))).isEmpty();
  }

  @Test
  void emailAddressesAreFoundEvenInsideText() {
    List<Object> notes = col("Notes", List.of("called back", "contact " + EMAILS.get(0) + " next week"));
    List<Problem> found = scan(columns("Participants", REFS, notes));
    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("column B holds email addresses");
      assertThat(p.render()).doesNotContain(EMAILS.get(0)).doesNotContain("example.org");
    });
    assertThat(scan(columns("Notes", col("Notes", List.of("see www.example.org", "met @ the hub", "2 @ 5"))))).isEmpty();
  }

  @Test
  void ukPhoneNumbersAreFoundButCountsAndPeriodsAreNot() {
    assertThat(scan(columns("Contacts", REFS, col("Tel", PHONES))))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("column B holds phone numbers"));
    assertThat(scan(columns("Return", col("Measure", List.of("people_supported", "contacts", "period")),
        col("Value", List.of("1200", "0", "2025-26Q1")), col("Note", List.of("0 - 10", "01/04/2025", "E01000101")))))
        .isEmpty();
  }

  @Test
  void aDateOfBirthColumnIsFoundByItsHeader() {
    assertThat(scan(columns("Participants", REFS, col("D.O.B.", BIRTH_DATES))))
        .singleElement().satisfies(p -> {
          assertThat(p.message()).contains("column B holds dates of birth");
          assertThat(p.render()).doesNotContain("1951");
        });
    // the header alone, over an empty column, holds nothing
    assertThat(scan(columns("Participants", REFS, col("DOB", List.of())))).isEmpty();
  }

  @Test
  void datesMakingPlausibleAgesCountAsBirthDatesOnlyBesideNames() {
    List<Object> dates = col("Date", List.of(LocalDate.of(1951, 3, 14), LocalDate.of(1987, 11, 2),
        LocalDate.of(1963, 7, 29), LocalDate.of(1999, 1, 8)));
    assertThat(scan(columns("People", col("Who", NAMES), dates)))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("column B holds dates of birth"));
    // the same dates without names: a service history, not people
    assertThat(scan(columns("History", col("Milestone", List.of("a", "b", "c", "d")), dates))).isEmpty();
    // names beside this quarter's session dates: ages of 0 are not ages
    List<Object> recent = col("Session", List.of(LocalDate.of(2025, 10, 3), LocalDate.of(2025, 11, 7),
        LocalDate.of(2025, 12, 5), LocalDate.of(2026, 1, 9)));
    assertThat(scan(columns("People", col("Who", NAMES), recent))).isEmpty();
  }

  @Test
  void namesBesidePostcodesAreFoundAndVenuesBesidePostcodesAreNot() {
    assertThat(scan(columns("Referrals", REFS, col("Full name", NAMES), col("Postcode", POSTCODES))))
        .singleElement().satisfies(p -> {
          assertThat(p.message()).contains("column B holds names beside postcodes in column C");
          assertThat(p.render()).doesNotContain("Tolland").doesNotContain("SW1A");
        });
    // names found by their shape, without a header
    assertThat(scan(columns("Referrals", col("Who", NAMES), col("Where", POSTCODES)))).hasSize(1);
    assertThat(scan(columns("Venues", col("Venue", List.of("Millpond Community Centre", "St Anne Church Hall",
        "Riverside Library", "Oak Lane Surgery")), col("Postcode", POSTCODES)))).isEmpty();
    // postcode districts are areas, not addresses
    assertThat(scan(columns("Referrals", col("Full name", NAMES), col("Postcode", List.of("SW1A", "M1", "LS2", "B33")))))
        .isEmpty();
  }

  @Test
  void theParticipantReferenceColumnIsAllowedUnlessItHoldsIdentifiers() {
    assertThat(scan(columns("Participants", REFS, SCORES))).isEmpty();
    assertThat(scan(columns("Participants", col("Participant ref", EMAILS), SCORES)))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("column A holds email addresses"));
  }

  @Test
  void theScanLooksAtABoundedNumberOfCellsPerColumn() {
    int n = RULES.sampleCellsPerColumn();
    List<Object> refs = new ArrayList<>();
    refs.add("Participant ref");
    for (int i = 0; i < n; i++) {
      refs.add("P" + i);
    }
    refs.add(EMAILS.get(1));
    assertThat(scan(columns("Participants", refs))).isEmpty();
    refs.add(1, EMAILS.get(1));
    assertThat(scan(columns("Participants", refs))).hasSize(1);
  }

  @Test
  void noReturnInTheFixtureInboxIsFlagged() throws IOException {
    Path inbox = Path.of("..", "fixtures", "inbox").toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> s = Files.walk(inbox)) {
      files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("schemes.csv")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      Workbook wb;
      try {
        wb = Readers.read(f, f.getFileName().toString(), ReadLimits.defaults());
      } catch (Exception e) {
        continue; // unreadable fixtures are refused by the reader, before the guard
      }
      assertThat(GUARD.scan(wb)).as(f.toString()).isEmpty();
    }
  }

  @Test
  void excelDateCellsAreBirthDatesUnderADobHeader() {
    Sheet s = columns("Participants", REFS);
    s.put(Cell.text(0, 1, "Date of birth"));
    s.put(Cell.date(1, 1, LocalDateTime.of(1948, 5, 1, 0, 0)));
    assertThat(scan(s)).singleElement().satisfies(p -> assertThat(p.cell()).isEqualTo("B2"));
  }
}
