package uk.neighbourhood.outcomes.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML catalogue into plain values while remembering the line each list entry starts on, so
 * that a wrong entry is reported as "measures.yaml line 42: ...". Aliases are refused: catalogues
 * and profiles are small hand-written files and an alias there is more likely a trick than a need.
 */
public final class YamlRecords {

  /** One mapping with the file and line it came from. */
  public record Entry(String file, int line, Map<String, Object> fields) {

    public String where() {
      return file + " line " + line;
    }

    public String string(String key) {
      Object v = fields.get(key);
      return v == null ? null : v.toString();
    }

    public String requiredString(String key) {
      String v = string(key);
      if (v == null || v.isBlank()) {
        throw new CatalogException(where() + ": Cannot load entry: the field '" + key + "' is missing."
            + " Fix: add '" + key + ":' to this entry.");
      }
      return v;
    }

    public Double number(String key) {
      Object v = fields.get(key);
      if (v == null) {
        return null;
      }
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      try {
        return Double.parseDouble(v.toString());
      } catch (NumberFormatException e) {
        throw new CatalogException(where() + ": Cannot load entry: '" + key + "' must be a number, not '" + v + "'.");
      }
    }

    public boolean flag(String key, boolean dflt) {
      Object v = fields.get(key);
      if (v == null) {
        return dflt;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      throw new CatalogException(where() + ": Cannot load entry: '" + key + "' must be true or false, not '" + v + "'.");
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String key) {
      Object v = fields.get(key);
      if (v == null) {
        return List.of();
      }
      if (v instanceof List<?> l) {
        List<String> out = new ArrayList<>();
        for (Object o : l) {
          out.add(String.valueOf(o));
        }
        return out;
      }
      return List.of(v.toString());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
      Object v = fields.get(key);
      return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
  }

  private YamlRecords() {}

  /** The top-level mapping of a YAML document. */
  public static Map<String, Object> document(String file, InputStream in) {
    Node root = compose(file, in);
    if (!(root instanceof MappingNode)) {
      throw new CatalogException(file + " line 1: Cannot load: the file must be a YAML mapping (key: value lines).");
    }
    Object plain = toPlain(file, root);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) plain;
    return m;
  }

  /** The entries of the list under {@code key}, each with its line number. */
  public static List<Entry> list(String file, InputStream in, String key) {
    Node root = compose(file, in);
    if (!(root instanceof MappingNode mapping)) {
      throw new CatalogException(file + " line 1: Cannot load: the file must be a YAML mapping with a '" + key + "' list.");
    }
    for (NodeTuple t : mapping.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
          throw new CatalogException(file + " line " + line(t.getValueNode()) + ": Cannot load: '" + key + "' must be a list.");
        }
        List<Entry> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
          Object plain = toPlain(file, item);
          if (!(plain instanceof Map<?, ?>)) {
            throw new CatalogException(file + " line " + line(item) + ": Cannot load: each entry of '" + key + "' must be a mapping.");
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) plain;
          out.add(new Entry(file, line(item), m));
        }
        return out;
      }
    }
    throw new CatalogException(file + ": Cannot load: no '" + key + ":' list found.");
  }

  private static Node compose(String file, InputStream in) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setCodePointLimit(4 * 1024 * 1024);
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      Node node = new Yaml(options).compose(reader);
      if (node == null) {
        throw new CatalogException(file + ": Cannot load: the file is empty.");
      }
      return node;
    } catch (YAMLException e) {
      throw new CatalogException(file + ": Cannot load: not valid YAML: " + e.getMessage().replace('\n', ' '), e);
    } catch (IOException e) {
      throw new CatalogException(file + ": Cannot load: " + e.getMessage(), e);
    }
  }

  private static int line(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  private static Object toPlain(String file, Node node) {
    if (node instanceof ScalarNode s) {
      return scalar(s);
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node n : seq.getValue()) {
        out.add(toPlain(file, n));
      }
      return out;
    }
    if (node instanceof MappingNode m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          throw new CatalogException(file + " line " + line(t.getKeyNode()) + ": Cannot load: keys must be plain words.");
        }
        out.put(k.getValue(), toPlain(file, t.getValueNode()));
      }
      return out;
    }
    throw new CatalogException(file + " line " + line(node) + ": Cannot load: unsupported YAML node.");
  }

  private static Object scalar(ScalarNode s) {
    String v = s.getValue();
    String tag = s.getTag().getValue();
    if (s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
      return v;
    }
    if (tag.endsWith(":int") || v.matches("-?\\d+")) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        return v;
      }
    }
    if (tag.endsWith(":float") || v.matches("-?\\d*\\.\\d+([eE][-+]?\\d+)?")) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        return v;
      }
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    if (v.equals("null") || v.equals("~") || v.isEmpty()) {
      return null;
    }
    return v;
  }
}
