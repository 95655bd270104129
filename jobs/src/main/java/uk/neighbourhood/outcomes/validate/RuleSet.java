package uk.neighbourhood.outcomes.validate;

import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.neighbourhood.outcomes.catalog.CatalogException;
import uk.neighbourhood.outcomes.catalog.MeasureCatalog;
import uk.neighbourhood.outcomes.catalog.YamlRecords;
import uk.neighbourhood.outcomes.model.Severity;

/** The rules of {@code rules.yaml}, loaded and checked against the measure catalogue. */
public record RuleSet(List<Rule> rules) implements Serializable {

  public static RuleSet load(String file, InputStream in, MeasureCatalog catalog) {
    List<Rule> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlRecords.Entry e : YamlRecords.list(file, in, "rules")) {
      String id = e.requiredString("id");
      if (!ids.add(id)) {
        throw new CatalogException(e.where() + ": Cannot load rule '" + id + "': the id is used twice.");
      }
      Rule.Kind kind = parse(Rule.Kind.class, e, "kind");
      Severity severity = parse(Severity.class, e, "severity");
      Rule r = new Rule(id, kind, severity, e.requiredString("message"), e.requiredString("fix"),
          e.string("measure"), e.string("than"), e.strings("measures"), e.string("requires"),
          e.number("factor") == null ? 1.0 : e.number("factor"));
      for (String m : referenced(r)) {
        if (!catalog.contains(m)) {
          throw new CatalogException(e.where() + ": Cannot load rule '" + id + "': '" + m
              + "' is not a measure in measures.yaml.");
        }
      }
      if (kind == Rule.Kind.NOT_GREATER_THAN && (r.measure() == null || r.than() == null)) {
        throw new CatalogException(e.where() + ": Cannot load rule '" + id + "': not_greater_than needs 'measure' and 'than'.");
      }
      if (kind == Rule.Kind.REQUIRES && (r.measures().isEmpty() || r.requires() == null)) {
        throw new CatalogException(e.where() + ": Cannot load rule '" + id + "': requires needs 'measures' and 'requires'.");
      }
      out.add(r);
    }
    return new RuleSet(List.copyOf(out));
  }

  private static List<String> referenced(Rule r) {
    List<String> m = new ArrayList<>(r.measures());
    if (r.measure() != null) {
      m.add(r.measure());
    }
    if (r.than() != null) {
      m.add(r.than());
    }
    if (r.requires() != null) {
      m.add(r.requires());
    }
    return m;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, YamlRecords.Entry e, String key) {
    String v = e.requiredString(key);
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      throw new CatalogException(e.where() + ": Cannot load rule: " + key + " '" + v + "' is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ".");
    }
  }
}
