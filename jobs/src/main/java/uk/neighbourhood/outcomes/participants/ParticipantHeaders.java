package uk.neighbourhood.outcomes.participants;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.neighbourhood.outcomes.catalog.CatalogException;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.catalog.YamlRecords;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.privacy.PrivacyRules;

/**
 * Recognises a participant-level sheet by its header row, with the header synonyms of
 * {@code schemas/participants.yaml}.
 */
public final class ParticipantHeaders implements Serializable {
  public static final String FILE = "participants.yaml";

  private final Map<String, String> fieldBySynonym;
  private final int headerRowsSearched;
  private final int minRecognised;

  ParticipantHeaders(Map<String, String> fieldBySynonym, int headerRowsSearched, int minRecognised) {
    this.fieldBySynonym = Map.copyOf(fieldBySynonym);
    this.headerRowsSearched = headerRowsSearched;
    this.minRecognised = minRecognised;
  }

  public static ParticipantHeaders load(Schemas schemas) {
    try (InputStream in = schemas.open(FILE)) {
      return load("schemas/" + FILE, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ParticipantHeaders load(String file, InputStream in) {
    Map<String, Object> doc = YamlRecords.document(file, in);
    Map<String, String> bySynonym = new HashMap<>();
    if (doc.get("fields") instanceof Map<?, ?> fields) {
      for (Map.Entry<?, ?> e : fields.entrySet()) {
        for (Object s : (List<?>) e.getValue()) {
          put(file, bySynonym, String.valueOf(s), e.getKey().toString());
        }
      }
    }
    if (doc.get("repeated_fields") instanceof List<?> repeated) {
      for (Object o : repeated) {
        Map<?, ?> r = (Map<?, ?>) o;
        String field = r.get("field").toString();
        int count = ((Number) r.get("count")).intValue();
        for (int n = 1; n <= count; n++) {
          for (Object s : (List<?>) r.get("synonyms")) {
            put(file, bySynonym, String.valueOf(s).replace("<n>", Integer.toString(n)),
                field.replace("<n>", Integer.toString(n)));
          }
        }
      }
    }
    return new ParticipantHeaders(bySynonym, ((Number) doc.get("header_rows_searched")).intValue(),
        ((Number) doc.get("min_recognised_columns")).intValue());
  }

  private static void put(String file, Map<String, String> m, String synonym, String field) {
    String key = PrivacyRules.normalise(synonym);
    String before = m.put(key, field);
    if (before != null && !before.equals(field)) {
      throw new CatalogException(file + ": Cannot load participant headers: '" + synonym + "' names both "
          + before + " and " + field + ".");
    }
  }

  /** The field a header names, if any. */
  public Optional<String> field(String header) {
    return Optional.ofNullable(fieldBySynonym.get(PrivacyRules.normalise(header)));
  }

  /** The header row and its columns when the sheet is a participant-level sheet. */
  public Optional<ParticipantColumns> recognise(Sheet sheet) {
    List<Integer> rows = sheet.rowIndexes();
    for (int i = 0; i < rows.size() && i < headerRowsSearched; i++) {
      int r = rows.get(i);
      Map<String, Integer> cols = new LinkedHashMap<>();
      for (Cell c : sheet.row(r)) {
        if (c.kind() == CellKind.TEXT) {
          field(c.text()).ifPresent(f -> cols.putIfAbsent(f, c.col()));
        }
      }
      boolean scale = cols.keySet().stream().anyMatch(f -> f.startsWith("swemwbs") || f.startsWith("ons4")
          || f.startsWith("ucla"));
      if (cols.size() >= minRecognised && scale) {
        return Optional.of(new ParticipantColumns(sheet.name(), r, cols));
      }
    }
    return Optional.empty();
  }
}
