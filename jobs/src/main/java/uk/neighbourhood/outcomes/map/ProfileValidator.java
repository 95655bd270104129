package uk.neighbourhood.outcomes.map;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import uk.neighbourhood.outcomes.catalog.CatalogException;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.catalog.YamlRecords;
import uk.neighbourhood.outcomes.model.Period;

/**
 * Checks a profile against {@code schemas/profile.schema.yaml} and the measure catalogue, gathering
 * every problem as "profiles/x.yaml line N: ..." so a person can fix the file in one sitting.
 */
public final class ProfileValidator {
  /** One declared key: its type and, for lists, the keys of its entries. */
  record KeySpec(String key, String type, boolean required, String pattern, Double min, Map<String, KeySpec> entries) {}

  private final Map<String, KeySpec> keys;
  private final MeasureCatalog catalog;

  ProfileValidator(Map<String, KeySpec> keys, MeasureCatalog catalog) {
    this.keys = keys;
    this.catalog = catalog;
  }

  public static ProfileValidator from(Schemas schemas) {
    try (InputStream in = schemas.open("profile.schema.yaml")) {
      Map<String, KeySpec> keys = new LinkedHashMap<>();
      for (YamlRecords.Entry e : YamlRecords.list("schemas/profile.schema.yaml", in, "keys")) {
        keys.put(e.requiredString("key"), spec(e.fields()));
      }
      return new ProfileValidator(keys, schemas.measures());
    } catch (java.io.IOException e) {
      throw new CatalogException("Cannot load schemas/profile.schema.yaml: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static KeySpec spec(Map<String, Object> f) {
    Map<String, KeySpec> entries = new LinkedHashMap<>();
    if (f.get("entries") instanceof List<?> list) {
      for (Object o : list) {
        Map<String, Object> m = (Map<String, Object>) o;
        entries.put(String.valueOf(m.get("key")), spec(m));
      }
    }
    Object min = f.get("min");
    return new KeySpec(String.valueOf(f.get("key")), String.valueOf(f.get("type")),
        Boolean.TRUE.equals(f.get("required")), f.get("pattern") == null ? null : f.get("pattern").toString(),
        min instanceof Number n ? n.doubleValue() : null, entries);
  }

  /** Every problem of the profile text; empty when it is valid. */
  public List<String> validate(String file, byte[] yaml) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> doc;
    try {
      doc = YamlRecords.document(file, new ByteArrayInputStream(yaml));
    } catch (CatalogException e) {
      return List.of(e.getMessage());
    }
    String text = new String(yaml, StandardCharsets.UTF_8);
    for (KeySpec k : keys.values()) {
      if (k.required() && doc.get(k.key()) == null) {
        problems.add(file + " line 1: the key '" + k.key() + "' is missing. Fix: add '" + k.key() + ": ...'.");
      }
    }
    for (Map.Entry<String, Object> e : doc.entrySet()) {
      int line = lineOf(text, e.getKey());
      KeySpec k = keys.get(e.getKey());
      if (k == null) {
        problems.add(file + " line " + line + ": unknown key '" + e.getKey() + "'. Fix: use one of " + keys.keySet() + ".");
        continue;
      }
      if (k.type().equals("list")) {
        if (!(e.getValue() instanceof List<?>)) {
          problems.add(file + " line " + line + ": '" + k.key() + "' must be a list of entries ('- key: value').");
          continue;
        }
        for (YamlRecords.Entry entry : YamlRecords.list(file, new ByteArrayInputStream(yaml), k.key())) {
          checkEntry(file, entry, k, problems);
        }
      } else {
        check(file + " line " + line, k, e.getValue(), problems);
      }
    }
    return problems;
  }

  private void checkEntry(String file, YamlRecords.Entry entry, KeySpec list, List<String> problems) {
    for (KeySpec k : list.entries().values()) {
      if (k.required() && entry.fields().get(k.key()) == null) {
        problems.add(entry.where() + ": this entry of '" + list.key() + "' has no '" + k.key() + "'. Fix: add it.");
      }
    }
    if (list.key().equals("columns") && entry.fields().get("header") == null && entry.fields().get("column") == null) {
      problems.add(entry.where() + ": this entry of 'columns' names no header. Fix: add 'header:' (the text) or"
          + " 'column:' (the letter).");
    }
    for (Map.Entry<String, Object> f : entry.fields().entrySet()) {
      KeySpec k = list.entries().get(f.getKey());
      if (k == null) {
        problems.add(entry.where() + ": unknown key '" + f.getKey() + "' in '" + list.key() + "'. Fix: use one of "
            + list.entries().keySet() + ".");
      } else {
        check(entry.where(), k, f.getValue(), problems);
      }
    }
  }

  private void check(String where, KeySpec k, Object v, List<String> problems) {
    if (v == null) {
      return;
    }
    String s = v.toString();
    String bad = switch (k.type()) {
      case "integer" -> !(v instanceof Long l) ? "must be a whole number"
          : k.min() != null && l < k.min() ? "must be at least " + k.min().longValue() : null;
      case "number" -> v instanceof Number ? null : "must be a number";
      case "period" -> Period.tryParse(s).isPresent() ? null : "must be a quarter label like 2025-26Q2";
      case "measure" -> s.equals("ignore") || catalog.contains(s) ? null
          : "is not a measure code of schemas/measures.yaml (or 'ignore')";
      case "regex" -> validRegex(s) ? null : "is not a valid regular expression";
      default -> k.pattern() != null && !s.matches(k.pattern()) ? "must match " + k.pattern() : null;
    };
    if (bad != null) {
      problems.add(where + ": '" + k.key() + "' value '" + s + "' " + bad + ".");
    }
  }

  private static boolean validRegex(String s) {
    try {
      Pattern.compile(s);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  private static int lineOf(String text, String key) {
    String[] lines = text.split("\n", -1);
    Pattern p = Pattern.compile("^" + Pattern.quote(key) + "\\s*:.*");
    for (int i = 0; i < lines.length; i++) {
      if (p.matcher(lines[i]).matches()) {
        return i + 1;
      }
    }
    return 1;
  }
}
