package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import uk.neighbourhood.outcomes.aggregate.DisclosureControl;
import uk.neighbourhood.outcomes.catalog.IndicatorCatalog;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.catalog.UnitCosts;
import uk.neighbourhood.outcomes.participants.ParticipantHeaders;
import uk.neighbourhood.outcomes.participants.Scales;
import uk.neighbourhood.outcomes.privacy.PrivacyRules;
import uk.neighbourhood.outcomes.validate.RuleSet;

/**
 * Loads every data file of {@code schemas/} before any return is read, so a wrong catalogue stops the run
 * at once with its file and line (a {@code CatalogException}) instead of surfacing as a problem on every
 * return of the batch.
 */
final class CatalogCheck {
  private CatalogCheck() {}

  static void all(Schemas schemas) {
    MeasureCatalog measures = schemas.measures();
    try (InputStream rules = schemas.open("rules.yaml"); InputStream ind = schemas.open("indicators.yaml");
        InputStream costs = schemas.open("unit-costs.yaml"); InputStream disc = schemas.open("disclosure.yaml")) {
      RuleSet.load("schemas/rules.yaml", rules, measures);
      IndicatorCatalog indicators = IndicatorCatalog.load("schemas/indicators.yaml", ind, measures);
      UnitCosts.load("schemas/unit-costs.yaml", costs, measures);
      DisclosureControl.load("schemas/disclosure.yaml", disc, indicators, measures);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PrivacyRules.load(schemas);
    ParticipantHeaders.load(schemas);
    Scales.load(schemas);
  }
}
