package uk.neighbourhood.outcomes.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import uk.neighbourhood.outcomes.validate.Rule;
import uk.neighbourhood.outcomes.validate.RuleSet;

/**
 * Generates {@code docs/data-dictionary.md} from the same files that run, so the documentation cannot
 * drift from the catalogue: a test fails when the committed copy differs from what this produces.
 */
public final class DataDictionary {
  private DataDictionary() {}

  public static String markdown(Schemas schemas) {
    MeasureCatalog measures = schemas.measures();
    IndicatorCatalog indicators;
    RuleSet rules;
    try (InputStream in = schemas.open("indicators.yaml"); InputStream r = schemas.open("rules.yaml")) {
      indicators = IndicatorCatalog.load("schemas/indicators.yaml", in, measures);
      rules = RuleSet.load("schemas/rules.yaml", r, measures);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# Data dictionary\n\n");
    sb.append("Generated from `schemas/measures.yaml`, `schemas/indicators.yaml` and `schemas/rules.yaml` by\n"
        + "`DataDictionary`; do not edit by hand. Regenerate with `UPDATE_DOCS=1 ./mvnw -q test -Dtest=DataDictionaryTest`.\n\n");
    sb.append("## Measures (`observations.measure`)\n\n");
    sb.append("Core codes are fixed by the outward contract. Counts are for the quarter.\n\n");
    for (String domain : List.of("reach", "health_use", "wellbeing", "social_capital", "employment", "money")) {
      sb.append("### ").append(domainTitle(domain)).append("\n\n");
      sb.append("| code | label | unit | valid range | aggregation | denominator | better | core |\n");
      sb.append("|---|---|---|---|---|---|---|---|\n");
      for (Measure m : measures.all()) {
        if (!m.domain().equals(domain)) {
          continue;
        }
        sb.append("| `").append(m.code()).append("` | ").append(m.label()).append(" | ").append(m.unit())
            .append(m.integer() ? " (whole)" : "").append(" | ").append(num(m.min())).append(" to ").append(num(m.max()))
            .append(" | ").append(m.aggregation().name().toLowerCase(Locale.ROOT))
            .append(m.weightMeasure() == null ? "" : " weighted by `" + m.weightMeasure() + "`")
            .append(" | ").append(m.denominator() == null ? "" : "`" + m.denominator() + "`")
            .append(" | ").append(m.good().name().toLowerCase(Locale.ROOT))
            .append(" | ").append(m.core() ? "yes" : "").append(" |\n");
      }
      sb.append('\n');
    }
    sb.append("## Indicators (`indicators.indicator`)\n\n");
    sb.append("| code | label | numerator | denominator | method | multiplier | better | core | definition |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Indicator i : indicators.all()) {
      sb.append("| `").append(i.code()).append("` | ").append(i.label()).append(" | `").append(i.numerator())
          .append("` | ").append(i.denominator() == null ? "" : "`" + i.denominator() + "`").append(" | ")
          .append(i.method().code()).append(" | ").append(num(i.multiplier())).append(" | ")
          .append(i.polarity().name().toLowerCase(Locale.ROOT)).append(" | ").append(i.core() ? "yes" : "")
          .append(" | ").append(i.definition() == null ? "" : i.definition().replace("|", "\\|")).append(" |\n");
    }
    sb.append("\n## Validation rules\n\n");
    sb.append("An error quarantines the return; a warning publishes it with a flag. Both reach `outcomes check`\n"
        + "and the team's feedback workbook with the cell and how to fix it.\n\n");
    sb.append("| rule | severity | checks | how to fix |\n|---|---|---|---|\n");
    for (Rule r : rules.rules()) {
      sb.append("| `").append(r.id()).append("` | ").append(r.severity().name().toLowerCase(Locale.ROOT)).append(" | ")
          .append(r.message().replace("|", "\\|")).append(" | ").append(r.fix().replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }

  private static String domainTitle(String domain) {
    return switch (domain) {
      case "reach" -> "Reach and activity";
      case "health_use" -> "Health and care use (the same participants, the quarter before vs after support)";
      case "wellbeing" -> "Wellbeing";
      case "social_capital" -> "Social capital (survey counts over survey_respondents)";
      case "employment" -> "Employment and skills";
      default -> "Money";
    };
  }

  private static String num(double d) {
    return uk.neighbourhood.outcomes.model.CellRef.formatNumber(d);
  }
}
