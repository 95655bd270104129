package uk.neighbourhood.outcomes.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/**
 * Every file of the shared torture corpus, as listed in its MANIFEST.csv: each is read or refused
 * within its time limit, refusals of files the manifest says to quarantine carry a specific code,
 * and the valid long-form returns come out with their values.
 */
class TortureCorpusTest {
  private static final ReadLimits LIMITS = new ReadLimits(200L * 1024 * 1024, 2_000_000L,
      2L * 1024 * 1024 * 1024, 200.0, Duration.ofSeconds(20));
  /** Quarantined files that are readable, because the refusal belongs to the mapper. */
  private static final Set<String> REFUSED_BY_MAPPER = Set.of("made/header-only.csv");

  static Stream<Arguments> manifest() throws IOException {
    Path root = Corpus.tortureOrFail();
    List<Arguments> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(root.resolve("MANIFEST.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        rows.add(Arguments.of(r.get("path"), r.get("expected"), r.get("trap")));
      }
    }
    assertThat(rows).hasSizeGreaterThan(100);
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("manifest")
  void everyFileIsReadOrRefusedAsTheManifestSays(String path, String expected, String trap) {
    Path file = Corpus.tortureOrFail().resolve(path);
    long start = System.nanoTime();
    Workbook wb = null;
    ReadException refusal = null;
    try {
      wb = Readers.read(file, file.getFileName().toString(), LIMITS);
    } catch (ReadException e) {
      refusal = e;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("%-10s %-85s %6d ms  %s%n", expected, path, millis, refusal != null
        ? "REFUSED " + refusal.problem().code() + ": " + refusal.problem().message()
        : "READ " + wb.sheets().size() + " sheets, " + wb.sheets().stream().mapToInt(Sheet::cellCount).sum()
            + " cells");
    assertThat(millis).as("time to read %s", path).isLessThan(LIMITS.timeLimit().toMillis() + 3_000);
    if (refusal != null) {
      assertThat(refusal.problem().code()).startsWith("read.").isNotEqualTo("read.io");
      assertThat(refusal.problem().message()).startsWith("Cannot read '");
      assertThat(refusal.problem().fix()).isNotBlank();
    }
    switch (expected) {
      case "quarantine" -> {
        if (REFUSED_BY_MAPPER.contains(path)) {
          // a header with no rows is a well-formed file; the mapper refuses it for having no measures
          assertThat(refusal).isNull();
          assertThat(wb.sheets()).hasSize(1);
          assertThat(wb.sheets().get(0).rowIndexes()).containsExactly(0);
        } else if (refusal == null) {
          fail("%s (%s) should be refused but was read: %s", path, trap, wb.sheets());
        } else {
          assertThat(refusal.problem().code()).as("refusal code for %s (%s)", path, trap)
              .isIn(expectedCodes(path, trap));
        }
      }
      case "readable" -> {
        if (refusal != null) {
          fail("%s should be read but was refused: %s", path, refusal.problem().render());
        }
        assertValidLongReturn(wb);
      }
      case "either" -> {
        if (path.equals("made/tall-300k-rows.xlsx") && refusal == null) {
          // streamed whole: every row is there
          assertThat(wb.sheets().get(0).rowIndexes()).hasSizeGreaterThanOrEqualTo(300_000);
        }
      }
      default -> fail("unknown expectation '%s' in the manifest", expected);
    }
  }

  /** The refusal each trap calls for, judged from the manifest's description of it. */
  private static Set<String> expectedCodes(String path, String trap) {
    String t = trap.toLowerCase();
    if (t.contains("password") || t.contains("encrypted")) {
      return Set.of("read.encrypted");
    }
    if (t.contains("entity")) {
      return Set.of("read.xml_entities");
    }
    if (t.contains("compressed to")) {
      return Set.of("read.zip_bomb");
    }
    if (t.contains("png") || t.contains("word-style") || t.contains("random bytes")) {
      return Set.of("read.not_a_spreadsheet");
    }
    if (t.contains("empty")) {
      return Set.of("read.empty_file");
    }
    if (t.contains("exhaust memory")) {
      // the crafted string is longer than any cell can hold, and its cells sit on a row 0 that cannot exist
      return Set.of("read.corrupt", "read.cell_too_long", "read.too_much_text");
    }
    if (t.contains("fuzzer")) {
      // a fuzzed file can land anywhere: a broken zip, a zip of no workbook, a damaged encrypted container
      return Set.of("read.corrupt", "read.not_a_spreadsheet", "read.encrypted");
    }
    if (t.contains("corrupt") || t.contains("cut off")) {
      return Set.of("read.corrupt");
    }
    throw new AssertionError("no expected refusal known for " + path + " (" + trap + ")");
  }

  private static void assertValidLongReturn(Workbook wb) {
    List<Cell> cells = wb.sheets().stream().flatMap(s -> s.rowIndexes().stream().flatMap(r -> s.row(r).stream()))
        .toList();
    assertThat(cells).extracting(Cell::display).contains("people_supported", "volunteer_hours");
    assertThat(cells).anySatisfy(c -> assertThat(c.kind() == CellKind.NUMBER ? c.number() == 1234
        : c.display().replace(",", "").equals("1234")).isTrue());
    assertThat(cells).anySatisfy(c -> {
      assertThat(c.kind()).isEqualTo(CellKind.NUMBER);
      assertThat(c.number()).isEqualTo(56.5);
    });
  }
}
