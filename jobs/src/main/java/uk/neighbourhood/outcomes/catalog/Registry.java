package uk.neighbourhood.outcomes.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The registry of schemes ({@code schemes.csv}). Every problem in the file is gathered and reported at
 * once, with its line, because a registry is fixed by a person in one sitting.
 */
public final class Registry implements Serializable {
  /** Allowed values come from {@code schemas/registry.schema.yaml}, the registry's documented schema. */
  public static final Set<String> MODELS = allowed("model");
  public static final Set<String> LEADS = allowed("lead");
  private static final List<String> REQUIRED = List.of("scheme_id", "name", "model", "population");

  private final Map<String, Scheme> byId;

  private static Set<String> allowed(String column) {
    try (java.io.InputStream in = Schemas.bundled().open("registry.schema.yaml")) {
      for (YamlRecords.Entry e : YamlRecords.list("schemas/registry.schema.yaml", in, "columns")) {
        if (column.equals(e.string("column"))) {
          return Set.copyOf(e.strings("allowed"));
        }
      }
    } catch (IOException e) {
      throw new CatalogException("Cannot load schemas/registry.schema.yaml: " + e.getMessage(), e);
    }
    throw new CatalogException("schemas/registry.schema.yaml: Cannot load: no column '" + column + "'.");
  }

  public Registry(Collection<Scheme> schemes) {
    Map<String, Scheme> m = new LinkedHashMap<>();
    for (Scheme s : schemes) {
      m.put(s.id(), s);
    }
    this.byId = m;
  }

  public static Registry empty() {
    return new Registry(List.of());
  }

  public static Registry load(String file, InputStream in) {
    List<String> problems = new ArrayList<>();
    List<Scheme> schemes = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).get();
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
      List<String> header = p.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
      for (String col : REQUIRED) {
        if (!header.contains(col)) {
          problems.add(file + " line 1: the column '" + col + "' is missing. Fix: the header must include "
              + String.join(",", REQUIRED) + ".");
        }
      }
      if (!problems.isEmpty()) {
        throw new CatalogException("Cannot load registry:\n- " + String.join("\n- ", problems));
      }
      Map<String, Integer> idx = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        idx.put(header.get(i), i);
      }
      Set<String> seen = new java.util.HashSet<>();
      for (CSVRecord rec : p) {
        long line = rec.getParser().getCurrentLineNumber();
        String where = file + " line " + line;
        Scheme s = parseRow(rec, idx, where, problems);
        if (s != null) {
          if (!seen.add(s.id())) {
            problems.add(where + ": scheme_id '" + s.id() + "' appears twice. Fix: keep one row per scheme.");
          } else {
            schemes.add(s);
          }
        }
      }
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw new CatalogException("Cannot load registry " + file + ": " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new CatalogException("Cannot load registry:\n- " + String.join("\n- ", problems));
    }
    return new Registry(schemes);
  }

  private static String field(CSVRecord rec, Map<String, Integer> idx, String name) {
    Integer i = idx.get(name);
    if (i == null || i >= rec.size()) {
      return null;
    }
    String v = rec.get(i).trim();
    return v.isEmpty() ? null : v;
  }

  private static Scheme parseRow(CSVRecord rec, Map<String, Integer> idx, String where, List<String> problems) {
    int before = problems.size();
    String id = field(rec, idx, "scheme_id");
    if (id == null || !id.matches("[a-z0-9-]{3,40}")) {
      problems.add(where + ": scheme_id '" + (id == null ? "" : id)
          + "' is not valid. Fix: use 3 to 40 lower-case letters, digits or '-'.");
    }
    String name = field(rec, idx, "name");
    if (name == null) {
      problems.add(where + ": name is empty. Fix: give the scheme's name.");
    }
    String model = field(rec, idx, "model");
    if (model == null || !MODELS.contains(model)) {
      problems.add(where + ": model '" + model + "' is not one of " + new java.util.TreeSet<>(MODELS) + ".");
    }
    long population = 0;
    String pop = field(rec, idx, "population");
    try {
      population = Long.parseLong(pop == null ? "" : pop.replace(",", ""));
      if (population <= 0) {
        problems.add(where + ": population must be a positive whole number, not '" + pop + "'.");
      }
    } catch (NumberFormatException e) {
      problems.add(where + ": population must be a positive whole number, not '" + pop + "'.");
    }
    String lead = field(rec, idx, "lead");
    if (lead != null && !LEADS.contains(lead)) {
      problems.add(where + ": lead '" + lead + "' is not one of " + new java.util.TreeSet<>(LEADS) + ".");
    }
    Integer imd = null;
    String imdText = field(rec, idx, "imd_decile");
    if (imdText != null) {
      try {
        imd = Integer.parseInt(imdText);
        if (imd < 1 || imd > 10) {
          problems.add(where + ": imd_decile must be 1 (most deprived) to 10, not " + imd + ".");
        }
      } catch (NumberFormatException e) {
        problems.add(where + ": imd_decile must be a whole number 1 to 10, not '" + imdText + "'.");
      }
    }
    LocalDate start = null;
    String startText = field(rec, idx, "start_date");
    if (startText != null) {
      try {
        start = LocalDate.parse(startText);
      } catch (DateTimeParseException e) {
        problems.add(where + ": start_date '" + startText + "' is not a date. Fix: write it as YYYY-MM-DD.");
      }
    }
    String codes = field(rec, idx, "area_codes");
    List<String> areaCodes = codes == null ? List.of()
        : Arrays.stream(codes.split(";")).map(String::trim).filter(c -> !c.isEmpty()).toList();
    for (String c : areaCodes) {
      if (!c.matches("[EWSN]\\d{8}")) {
        problems.add(where + ": area code '" + c + "' is not an ONS GSS code (like E01000001).");
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new Scheme(id, name, model, population, field(rec, idx, "region"), lead, field(rec, idx, "area_type"),
        areaCodes, imd, start);
  }

  public Optional<Scheme> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Collection<Scheme> all() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }
}
