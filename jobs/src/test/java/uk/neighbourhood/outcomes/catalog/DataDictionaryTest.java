package uk.neighbourhood.outcomes.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {
  private static final Path DOC = Path.of("..", "docs", "data-dictionary.md");

  @Test
  void committedDataDictionaryMatchesTheCatalogues() throws IOException {
    String generated = DataDictionary.markdown(Schemas.fromFolder(Path.of("..", "schemas")));
    if ("1".equals(System.getenv("UPDATE_DOCS"))) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/data-dictionary.md is out of date: run UPDATE_DOCS=1 ./mvnw -q test -Dtest=DataDictionaryTest")
        .isEqualTo(generated);
  }

  @Test
  void everyContractMeasureAndIndicatorIsDocumented() {
    String generated = DataDictionary.markdown(Schemas.bundled());
    MeasureCatalog.CONTRACT_CODES.forEach(c -> assertThat(generated).contains("`" + c + "`"));
    IndicatorCatalog.CONTRACT_CODES.forEach(c -> assertThat(generated).contains("`" + c + "`"));
  }
}
