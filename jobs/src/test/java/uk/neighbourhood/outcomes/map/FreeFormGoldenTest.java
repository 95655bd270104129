package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.CellRef;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Workbook;
import uk.neighbourhood.outcomes.read.ReadLimits;
import uk.neighbourhood.outcomes.read.Readers;

/**
 * Every free-form fixture return, read from its real file and mapped, gives exactly the observations
 * in {@code fixtures/expected/<scheme>/<file>.csv}, with their lineage, and is accepted.
 */
class FreeFormGoldenTest {
  static final Path FIXTURES = Path.of("..", "fixtures");
  static final List<String> SCHEMES = List.of("sandy-brook-sp", "tollgate-big-local", "ashdown-lac", "millpond-hub",
      "greyfield-chw", "harbourside-int");

  static Stream<Path> fixtures() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String scheme : SCHEMES) {
      try (Stream<Path> files = Files.list(FIXTURES.resolve("inbox").resolve(scheme))) {
        files.filter(Files::isRegularFile).sorted().forEach(out::add);
      }
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(15);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void mapsToTheExpectedObservations(Path file) throws Exception {
    String scheme = file.getParent().getFileName().toString();
    String name = file.getFileName().toString();
    Workbook wb = Readers.read(file, name, ReadLimits.defaults());
    String sha = sha256(file);
    MappingResult result = new FreeFormMapper().map(wb, new ReturnContext(scheme, scheme + "/" + name, sha,
        Schemas.bundled()));

    assertThat(result.problems()).as("problems of %s", name).noneMatch(Problem::isError);
    List<String> actual = result.observations().stream().map(FreeFormGoldenTest::line).sorted().toList();
    List<String> expected = Files.readAllLines(FIXTURES.resolve("expected").resolve(scheme).resolve(name + ".csv"),
        StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank()).sorted().toList();
    assertThat(actual).as("observations of %s (problems: %s)", name, result.problems()).isEqualTo(expected);
    assertThat(result.observations()).allSatisfy(o -> {
      assertThat(o.schemeId()).isEqualTo(scheme);
      assertThat(o.sourceFile()).isEqualTo(scheme + "/" + name);
      assertThat(o.sourceSha256()).isEqualTo(sha);
      assertThat(o.unit()).isEqualTo(Schemas.bundled().measures().get(o.measure()).unit());
    });
  }

  static String line(Observation o) {
    return String.join(",", o.measure(), o.period(), o.areaCode() == null ? "" : o.areaCode(),
        o.value() == null ? "" : CellRef.formatNumber(o.value()), Boolean.toString(o.suppressed()), o.sourceSheet(),
        o.sourceCell());
  }

  static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
