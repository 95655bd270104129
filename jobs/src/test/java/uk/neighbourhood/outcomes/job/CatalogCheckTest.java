package uk.neighbourhood.outcomes.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.catalog.CatalogException;
import uk.neighbourhood.outcomes.catalog.Schemas;

/** A wrong catalogue stops a run before any return is read, naming the file and line. */
class CatalogCheckTest {

  static Path copyOfSchemas(Path dir) throws IOException {
    Path src = Path.of("..", "schemas");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path d = dir.resolve(src.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(d);
        } else {
          Files.copy(f, d);
        }
      }
    }
    return dir;
  }

  @Test
  void theBundledCataloguesPass() {
    CatalogCheck.all(Schemas.bundled());
  }

  @Test
  void aRuleNamingAnUnknownMeasureIsReportedWithItsFileAndLine(@TempDir Path dir) throws IOException {
    Path schemas = copyOfSchemas(dir);
    Path rules = schemas.resolve("rules.yaml");
    Files.writeString(rules, Files.readString(rules).replace("than: people_supported", "than: people_helped"));
    assertThatThrownBy(() -> CatalogCheck.all(Schemas.fromFolder(schemas)))
        .isInstanceOf(CatalogException.class)
        .hasMessageMatching("(?s).*rules\\.yaml line \\d+: .*people_helped.*");
  }

  @Test
  void anIndicatorWithAnUnknownMethodIsReportedWithItsLine(@TempDir Path dir) throws IOException {
    Path schemas = copyOfSchemas(dir);
    Path ind = schemas.resolve("indicators.yaml");
    Files.writeString(ind, Files.readString(ind).replaceFirst("method: byar", "method: guesswork"));
    assertThatThrownBy(() -> CatalogCheck.all(Schemas.fromFolder(schemas)))
        .isInstanceOf(CatalogException.class)
        .hasMessageMatching("(?s).*indicators\\.yaml line \\d+.*guesswork.*");
  }

  @Test
  void aRemovedContractMeasureIsRefused(@TempDir Path dir) throws IOException {
    Path schemas = copyOfSchemas(dir);
    Path m = schemas.resolve("measures.yaml");
    Files.writeString(m, Files.readString(m).replace("code: into_employment", "code: into_jobs"));
    assertThatThrownBy(() -> Schemas.fromFolder(schemas)).isInstanceOf(CatalogException.class)
        .hasMessageContaining("into_employment");
    assertThat(Files.exists(m)).isTrue();
  }
}
