package uk.neighbourhood.outcomes.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the data files of {@code schemas/} come from: the copy bundled in the jar (so executors and
 * spark-submit see the same catalogues), or a folder given with {@code --schemas} for trying changes.
 */
public final class Schemas implements Serializable {
  private static volatile Schemas bundled;

  private final String folder;
  private final MeasureCatalog measures;

  private Schemas(String folder) {
    this.folder = folder;
    try (InputStream in = open("measures.yaml")) {
      this.measures = MeasureCatalog.load("schemas/measures.yaml", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The catalogues bundled in the jar. */
  public static Schemas bundled() {
    Schemas s = bundled;
    if (s == null) {
      synchronized (Schemas.class) {
        if (bundled == null) {
          bundled = new Schemas(null);
        }
        s = bundled;
      }
    }
    return s;
  }

  public static Schemas fromFolder(Path folder) {
    return new Schemas(folder.toAbsolutePath().toString());
  }

  public MeasureCatalog measures() {
    return measures;
  }

  /** Opens a file of schemas/ by name, e.g. {@code indicators.yaml} or {@code profiles/x.yaml}. */
  public InputStream open(String name) {
    try {
      if (folder != null) {
        return Files.newInputStream(Path.of(folder, name));
      }
      InputStream in = Schemas.class.getClassLoader().getResourceAsStream("schemas/" + name);
      if (in == null) {
        throw new CatalogException("Cannot load schemas/" + name + ": it is not bundled in the jar."
            + " Fix: rebuild with ./mvnw package, or pass --schemas DIR.");
      }
      return in;
    } catch (IOException e) {
      throw new CatalogException("Cannot load schemas/" + name + ": " + e.getMessage(), e);
    }
  }

  public boolean exists(String name) {
    if (folder != null) {
      return Files.exists(Path.of(folder, name));
    }
    return Schemas.class.getClassLoader().getResource("schemas/" + name) != null;
  }
}
