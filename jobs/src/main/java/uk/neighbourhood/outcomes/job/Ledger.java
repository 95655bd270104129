package uk.neighbourhood.outcomes.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.discover.ReturnFile;
import uk.neighbourhood.outcomes.map.MappingResult;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.publish.Version;

/**
 * The ledger of processed returns, keyed by content hash: what reading and mapping made of a file, so a
 * later run reads only new or changed files. Validation is not cached: it depends on the registry, the
 * rules and the run date, and costs nothing next to reading. An entry is valid only under the same
 * fingerprint (code version, measure catalogue, the scheme's mapping profile): change either and the
 * file is read again, because both change what a return means.
 */
public final class Ledger implements Serializable {
  public static final String FOLDER = "ledger";
  static final StructType SCHEMA = new StructType()
      .add("sha256", DataTypes.StringType, false)
      .add("scheme_id", DataTypes.StringType, false)
      .add("fingerprint", DataTypes.StringType, false)
      .add("result", DataTypes.BinaryType, false);

  private final Map<String, byte[]> byKey;
  /** Fingerprints by scheme: each reads and hashes catalogue files, so it is made once per scheme, not per return. */
  private transient Map<String, String> fingerprints;

  private Ledger(Map<String, byte[]> byKey) {
    this.byKey = byKey;
  }

  public static Ledger empty() {
    return new Ledger(new HashMap<>());
  }

  private static String key(String sha, String schemeId, String fingerprint) {
    return sha + "|" + schemeId + "|" + fingerprint;
  }

  /** Loads the published ledger. */
  public static Ledger load(SparkSession spark, FileSystem fs, Path out) {
    Path p = new Path(out, FOLDER);
    Map<String, byte[]> m = new HashMap<>();
    try {
      if (fs.exists(p) && fs.listStatus(p).length > 0) {
        for (Row r : spark.read().parquet(p.toString()).collectAsList()) {
          m.put(key(r.getString(0), r.getString(1), r.getString(2)), (byte[]) r.get(3));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // an unreadable ledger only costs a full re-read
      m.clear();
    }
    return new Ledger(m);
  }

  public int size() {
    return byKey.size();
  }

  /**
   * The earlier mapping of the same bytes in the same scheme's folder under the same fingerprint,
   * re-labelled with the file's current name (a renamed file keeps its lineage right).
   */
  public MappingResult lookup(String sha, ReturnFile file, Schemas schemas) {
    byte[] blob = byKey.get(key(sha, file.schemeId(), fingerprintOf(schemas, file.schemeId())));
    if (blob == null) {
      return null;
    }
    MappingResult was = decode(blob);
    List<Observation> relabelled = was.observations().stream().map(o -> new Observation(o.schemeId(), o.period(),
        o.areaCode(), o.measure(), o.value(), o.unit(), o.suppressed(), file.relativePath(), o.sourceSha256(),
        o.sourceSheet(), o.sourceCell())).toList();
    return new MappingResult(was.layout(), was.declaredScheme(), was.periods(), relabelled, was.problems());
  }

  /** A ledger row for a processed return, or null for one that could not even be hashed. */
  public Row row(ProcessedReturn r, Schemas schemas) {
    if (r.sha256() == null) {
      return null;
    }
    return RowFactory.create(r.sha256(), r.file().schemeId(), fingerprintOf(schemas, r.file().schemeId()), encode(r.mapped()));
  }

  private synchronized String fingerprintOf(Schemas schemas, String schemeId) {
    if (fingerprints == null) {
      fingerprints = new HashMap<>();
    }
    return fingerprints.computeIfAbsent(schemeId, id -> fingerprint(schemas, id));
  }

  /** What the mapping of a return depends on, besides its bytes. */
  static String fingerprint(Schemas schemas, String schemeId) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(Version.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (String f : List.of("measures.yaml", "profiles/" + schemeId + ".yaml", "privacy.yaml", "participants.yaml",
          "scales.yaml")) {
        if (schemas.exists(f)) {
          try (InputStream in = schemas.open(f)) {
            d.update(in.readAllBytes());
          }
        }
      }
      return HexFormat.of().formatHex(d.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] encode(MappingResult r) {
    try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ObjectOutputStream o = new ObjectOutputStream(b)) {
      o.writeObject(r);
      o.flush();
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MappingResult decode(byte[] blob) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(blob))) {
      return (MappingResult) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Cannot read a ledger entry: " + e.getMessage(), e);
    }
  }
}
