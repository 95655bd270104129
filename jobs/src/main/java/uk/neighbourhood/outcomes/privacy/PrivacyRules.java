package uk.neighbourhood.outcomes.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import uk.neighbourhood.outcomes.catalog.CatalogException;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.catalog.YamlRecords;

/** What the privacy guard looks for, loaded from {@code schemas/privacy.yaml}. */
public record PrivacyRules(
    int sampleCellsPerColumn,
    int headerRowsSearched,
    Pattern nhsNumber,
    Pattern email,
    Pattern ukPhone,
    Pattern ukPostcode,
    Set<String> postcodeHeaders,
    double postcodeMinShare,
    Set<String> dobHeaders,
    double dobMinShare,
    int minAgeYears,
    int maxAgeYears,
    Set<String> nameHeaders,
    Pattern nameValue,
    double nameMinShare,
    int nameMinValues,
    Set<String> notNameWords,
    int postcodeDistance) implements Serializable {

  public static final String FILE = "privacy.yaml";

  public static PrivacyRules load(Schemas schemas) {
    try (InputStream in = schemas.open(FILE)) {
      return load("schemas/" + FILE, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PrivacyRules load(String file, InputStream in) {
    Map<String, Object> doc = YamlRecords.document(file, in);
    Map<String, Object> postcode = section(file, doc, "uk_postcode");
    Map<String, Object> dob = section(file, doc, "date_of_birth");
    Map<String, Object> names = section(file, doc, "names");
    return new PrivacyRules(
        (int) number(file, doc, "sample_cells_per_column"),
        (int) number(file, doc, "header_rows_searched"),
        pattern(file, section(file, doc, "nhs_number")),
        pattern(file, section(file, doc, "email")),
        pattern(file, section(file, doc, "uk_phone")),
        pattern(file, postcode),
        headers(postcode.get("headers")),
        number(file, postcode, "min_share"),
        headers(dob.get("headers")),
        number(file, dob, "min_share"),
        (int) number(file, dob, "min_age_years"),
        (int) number(file, dob, "max_age_years"),
        headers(names.get("headers")),
        pattern(file, names, "value_pattern"),
        number(file, names, "min_share"),
        (int) number(file, names, "min_values"),
        headers(names.get("not_name_words")),
        (int) number(file, names, "postcode_distance"));
  }

  /** Lower case, every run of other characters one space: "Date-of-Birth" and "date of birth" are one header. */
  public static String normalise(String header) {
    return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(String file, Map<String, Object> doc, String key) {
    Object v = doc.get(key);
    if (!(v instanceof Map<?, ?>)) {
      throw new CatalogException(file + ": Cannot load the privacy rules: the section '" + key + ":' is missing.");
    }
    return (Map<String, Object>) v;
  }

  private static double number(String file, Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof Number n)) {
      throw new CatalogException(file + ": Cannot load the privacy rules: '" + key + "' must be a number.");
    }
    return n.doubleValue();
  }

  private static Pattern pattern(String file, Map<String, Object> m) {
    return pattern(file, m, "pattern");
  }

  private static Pattern pattern(String file, Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new CatalogException(file + ": Cannot load the privacy rules: '" + key + "' is missing.");
    }
    try {
      return Pattern.compile(v.toString());
    } catch (PatternSyntaxException e) {
      throw new CatalogException(file + ": Cannot load the privacy rules: '" + key + "' is not a valid pattern: "
          + e.getDescription());
    }
  }

  private static Set<String> headers(Object v) {
    if (!(v instanceof List<?> l)) {
      return Set.of();
    }
    return l.stream().map(o -> normalise(String.valueOf(o))).collect(Collectors.toUnmodifiableSet());
  }
}
