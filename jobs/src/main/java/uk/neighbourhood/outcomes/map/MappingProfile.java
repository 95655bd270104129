package uk.neighbourhood.outcomes.map;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.neighbourhood.outcomes.catalog.CatalogException;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.catalog.YamlRecords;
import uk.neighbourhood.outcomes.model.CellRef;

/**
 * A scheme's instructions for reading its own spreadsheet ({@code schemas/profiles/<scheme_id>.yaml});
 * see {@code schemas/profile.schema.yaml} for the keys. What it says overrides detection.
 *
 * @param headerRow zero-based row of the (lower) header row, or null
 * @param firstDataRow zero-based, or null
 * @param period a quarter label, or null
 */
public record MappingProfile(String file, String schemeId, String sheet, Integer headerRow, Integer firstDataRow,
    String period, List<ColumnChoice> columns, List<Transform> transforms) {

  public static final String IGNORE = "ignore";

  /** A header (by text or column letter) mapped to a measure code or {@link #IGNORE}. */
  public record ColumnChoice(String header, String column, String measure) {}

  /** Either a scaling of one measure's values, or a pattern of row labels to skip. */
  public record Transform(String measure, String scaleBy, Double factor, Pattern skipRows) {}

  /** Loads {@code profiles/<schemeId>.yaml} when one exists. Invalid profiles throw with every problem. */
  public static Optional<MappingProfile> forScheme(Schemas schemas, String schemeId) {
    String name = "profiles/" + schemeId + ".yaml";
    if (schemeId == null || !schemas.exists(name)) {
      return Optional.empty();
    }
    try (InputStream in = schemas.open(name)) {
      MappingProfile p = parse(name, in.readAllBytes(), schemas);
      if (!schemeId.equals(p.schemeId())) {
        throw new CatalogException(name + " line 1: Cannot load profile: scheme_id '" + p.schemeId()
            + "' is not the scheme the file is named after. Fix: make them the same.");
      }
      return Optional.of(p);
    } catch (IOException e) {
      throw new CatalogException("Cannot load " + name + ": " + e.getMessage(), e);
    }
  }

  /** Validates then reads a profile; the message of the exception lists every problem with its line. */
  public static MappingProfile parse(String file, byte[] yaml, Schemas schemas) {
    List<String> problems = ProfileValidator.from(schemas).validate(file, yaml);
    if (!problems.isEmpty()) {
      throw new CatalogException("Cannot load profile:\n- " + String.join("\n- ", problems));
    }
    Map<String, Object> doc = YamlRecords.document(file, new ByteArrayInputStream(yaml));
    List<ColumnChoice> columns = new ArrayList<>();
    if (doc.get("columns") != null) {
      for (YamlRecords.Entry e : YamlRecords.list(file, new ByteArrayInputStream(yaml), "columns")) {
        columns.add(new ColumnChoice(e.string("header"), e.string("column"), e.string("measure")));
      }
    }
    List<Transform> transforms = new ArrayList<>();
    if (doc.get("transforms") != null) {
      for (YamlRecords.Entry e : YamlRecords.list(file, new ByteArrayInputStream(yaml), "transforms")) {
        String skip = e.string("skip_rows_matching");
        transforms.add(new Transform(e.string("measure"), e.string("scale_by"), e.number("factor"),
            skip == null ? null : Pattern.compile(skip, Pattern.CASE_INSENSITIVE)));
      }
    }
    return new MappingProfile(file, (String) doc.get("scheme_id"), (String) doc.get("sheet"),
        rowIndex(doc.get("header_row")), rowIndex(doc.get("first_data_row")),
        doc.get("period") == null ? null : doc.get("period").toString(), List.copyOf(columns), List.copyOf(transforms));
  }

  private static Integer rowIndex(Object v) {
    return v instanceof Number n ? n.intValue() - 1 : null;
  }

  /** The profile's choice for a header: by column letter first, then by normalised text. */
  Optional<String> choiceFor(int col, String headerText) {
    String letter = CellRef.columnLetters(col);
    for (ColumnChoice c : columns) {
      if (c.column() != null && c.column().equalsIgnoreCase(letter)) {
        return Optional.of(c.measure());
      }
    }
    String norm = HeaderMatcher.normalise(headerText);
    for (ColumnChoice c : columns) {
      if (c.header() != null && !norm.isEmpty() && HeaderMatcher.normalise(c.header()).equals(norm)) {
        return Optional.of(c.measure());
      }
    }
    return Optional.empty();
  }

  boolean skipsRow(String label) {
    for (Transform t : transforms) {
      if (t.skipRows() != null && label != null && t.skipRows().matcher(label).find()) {
        return true;
      }
    }
    return false;
  }

  Optional<Transform> scaleFor(String measure) {
    return transforms.stream().filter(t -> measure.equals(t.measure()) && (t.scaleBy() != null || t.factor() != null))
        .findFirst();
  }
}
