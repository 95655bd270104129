package uk.neighbourhood.outcomes.cli;

import picocli.CommandLine;
import uk.neighbourhood.outcomes.model.Period;

/** Checks a {@code --period} value on parsing, so every command refuses a bad one the same way (exit 2). */
final class PeriodLabel implements CommandLine.ITypeConverter<String> {
  @Override
  public String convert(String value) {
    return Period.tryParse(value).map(Period::label).orElseThrow(() -> new CommandLine.TypeConversionException(
        "'" + value + "' is not a quarter: write it as 2025-26Q1 (Q1 is April to June)."));
  }
}
