package uk.neighbourhood.outcomes.aggregate;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.neighbourhood.outcomes.catalog.IndicatorCatalog;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Scheme;
import uk.neighbourhood.outcomes.catalog.UnitCosts;

/** The shipped catalogues and the fixture registry, read from the working tree. */
final class Fixtures {
  static final Path SCHEMAS = Path.of("..", "schemas");
  static final String PERIOD = "2025-26Q1";

  private Fixtures() {}

  static MeasureCatalog measures() {
    try (InputStream in = Files.newInputStream(SCHEMAS.resolve("measures.yaml"))) {
      return MeasureCatalog.load("measures.yaml", in);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IndicatorCatalog indicators() {
    try (InputStream in = Files.newInputStream(SCHEMAS.resolve("indicators.yaml"))) {
      return IndicatorCatalog.load("indicators.yaml", in, measures());
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static UnitCosts unitCosts() {
    try (InputStream in = Files.newInputStream(SCHEMAS.resolve("unit-costs.yaml"))) {
      return UnitCosts.load("unit-costs.yaml", in, measures());
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fixture registry. Parsed here rather than with {@code Registry.load}, which currently fails on the
   * test classpath (commons-csv needs a newer commons-io than Spark brings); the file has no quoted fields.
   */
  static Registry registry() {
    try {
      List<String> lines = Files.readAllLines(Path.of("..", "fixtures", "inbox", "schemes.csv"));
      List<Scheme> schemes = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        schemes.add(new Scheme(f[0], f[1], f[2], Long.parseLong(f[3]), f[4], f[5], f[6], List.of(f[7].split(";")),
            Integer.valueOf(f[8]), java.time.LocalDate.parse(f[9])));
      }
      return new Registry(schemes);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DisclosureControl disclosure() {
    try (InputStream in = Files.newInputStream(SCHEMAS.resolve("disclosure.yaml"))) {
      return DisclosureControl.load("disclosure.yaml", in, indicators(), measures());
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds totals: scheme, then alternating measure code and value (null for a team-suppressed figure). */
  static List<MeasureTotal> totals(String scheme, Object... measureValuePairs) {
    List<MeasureTotal> out = new ArrayList<>();
    for (int i = 0; i < measureValuePairs.length; i += 2) {
      Object v = measureValuePairs[i + 1];
      Double value = v == null ? null : ((Number) v).doubleValue();
      out.add(new MeasureTotal(scheme, PERIOD, (String) measureValuePairs[i], value, v == null, scheme + ".xlsx", "Return!C5"));
    }
    return out;
  }
}
