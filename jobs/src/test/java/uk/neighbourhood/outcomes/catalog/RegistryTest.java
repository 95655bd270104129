package uk.neighbourhood.outcomes.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RegistryTest {
  static Registry load(String csv) {
    return Registry.load("schemes.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theFixtureRegistryLoadsWithEveryOptionalColumn() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("..", "fixtures", "inbox", "schemes.csv"))) {
      Registry r = Registry.load("schemes.csv", in);
      assertThat(r.size()).isEqualTo(12);
      Scheme s = r.find("kestrel-hub").orElseThrow();
      assertThat(s.population()).isEqualTo(800);
      assertThat(s.model()).isEqualTo("community_hub");
      assertThat(s.imdDecile()).isEqualTo(7);
      assertThat(s.deprivationGroup()).isEqualTo("Q4");
      assertThat(s.areaCodes()).containsExactly("E01000601");
    }
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsLine() {
    assertThatThrownBy(() -> load("""
        scheme_id,name,model,population,imd_decile,start_date,area_codes
        ok-scheme,Fine,big_local,100,,,
        Bad_Id,Name,big_local,100,,,
        dup-scheme,Name,knitting_circle,0,11,2024-13-01,X123
        dup-scheme,Name,other,50,,,
        dup-scheme,Again,other,50,,,
        """))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("line 3: scheme_id 'Bad_Id' is not valid")
        .hasMessageContaining("line 4: model 'knitting_circle'")
        .hasMessageContaining("line 4: population must be a positive whole number")
        .hasMessageContaining("line 4: imd_decile must be 1 (most deprived) to 10")
        .hasMessageContaining("line 4: start_date '2024-13-01' is not a date")
        .hasMessageContaining("line 4: area code 'X123'")
        .hasMessageContaining("line 6: scheme_id 'dup-scheme' appears twice");
  }

  @Test
  void aMissingRequiredColumnIsNamed() {
    assertThatThrownBy(() -> load("scheme_id,name,population\nabc,Abc,10\n"))
        .hasMessageContaining("the column 'model' is missing");
  }

  @Test
  void allowedModelsComeFromTheRegistrySchema() {
    assertThat(Registry.MODELS).contains("social_prescribing", "big_local", "other").hasSize(7);
    assertThat(Registry.LEADS).containsExactlyInAnyOrder("statutory", "vcse", "community", "mixed");
  }
}
