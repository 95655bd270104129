package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.discover.InboxScanner;
import uk.neighbourhood.outcomes.discover.ReturnFile;
import uk.neighbourhood.outcomes.map.MappingResult;
import uk.neighbourhood.outcomes.map.ReturnContext;
import uk.neighbourhood.outcomes.map.ReturnMappers;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Workbook;
import uk.neighbourhood.outcomes.privacy.PrivacyGuard;
import uk.neighbourhood.outcomes.privacy.PrivacyRules;
import uk.neighbourhood.outcomes.privacy.PseudonymKey;
import uk.neighbourhood.outcomes.read.ReadException;
import uk.neighbourhood.outcomes.read.ReadLimits;
import uk.neighbourhood.outcomes.read.Readers;
import uk.neighbourhood.outcomes.validate.RuleSet;
import uk.neighbourhood.outcomes.validate.Validator;

/**
 * Reads, maps and validates one return, inside a Spark task. Never throws for a bad file: whatever goes
 * wrong becomes a problem on that return, so one upload cannot bring down the batch.
 */
public final class ReturnProcessor implements Serializable {
  private static final Logger LOG = LogManager.getLogger(ReturnProcessor.class);

  static final String UNREADABLE = "unreadable";
  static final String PERSONAL_DATA = "refused: personal data";

  private final Registry registry;
  private final ReadLimits limits;
  private final LocalDate today;
  private final String schemasFolder;
  private final PseudonymKey pseudonymKey;
  // loaded once per JVM that runs tasks (the processor travels to executors), not once per return
  private transient Schemas schemas;
  private transient RuleSet rules;
  private transient PrivacyRules privacyRules;

  /** Participant references are pseudonymised with the key in {@code OUTCOMES_PSEUDONYM_KEY}, when set. */
  public ReturnProcessor(Registry registry, ReadLimits limits, LocalDate today, String schemasFolder) {
    this(registry, limits, today, schemasFolder, PseudonymKey.fromEnvironment().orElse(null));
  }

  /** @param pseudonymKey from {@code --pseudonym-key-file} or the environment; null keeps no reference at all */
  public ReturnProcessor(Registry registry, ReadLimits limits, LocalDate today, String schemasFolder,
      PseudonymKey pseudonymKey) {
    this.registry = registry;
    this.limits = limits;
    this.today = today;
    this.schemasFolder = schemasFolder;
    this.pseudonymKey = pseudonymKey;
  }

  private synchronized Schemas schemas() {
    if (schemas == null) {
      schemas = schemasFolder == null ? Schemas.bundled() : Schemas.fromFolder(Path.of(schemasFolder));
    }
    return schemas;
  }

  private synchronized RuleSet rules() {
    if (rules == null) {
      try (InputStream in = schemas().open("rules.yaml")) {
        rules = RuleSet.load("schemas/rules.yaml", in, schemas().measures());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return rules;
  }

  private synchronized PrivacyRules privacyRules() {
    if (privacyRules == null) {
      privacyRules = PrivacyRules.load(schemas());
    }
    return privacyRules;
  }

  /**
   * Processes a file on any Hadoop file system: it is copied to local disk first, hashing on the way, and
   * read only when the ledger has no mapping for the same bytes.
   */
  public ProcessedReturn process(ReturnFile file, Configuration hadoop, Ledger ledger) {
    long start = System.nanoTime();
    Path local = null;
    try {
      String ext = InboxScanner.extension(file.fileName());
      if (!InboxScanner.RETURN_EXTENSIONS.contains(ext)) {
        return validate(file, null, MappingResult.refused(UNREADABLE, Problem.error("read.not_a_return_type",
            "Cannot read " + file.fileName() + ": '." + ext + "' files are not returns.",
            "Save the return as .xlsx (or .xls, .ods, .csv) and upload that; remove other files from the folder.")),
            start, false);
      }
      if (file.sizeBytes() > limits.maxFileBytes()) {
        return validate(file, null, MappingResult.refused(UNREADABLE, Problem.error("read.too_large",
            "Cannot read " + file.fileName() + ": it is " + (file.sizeBytes() >> 20) + " MB, above the limit of "
                + (limits.maxFileBytes() >> 20) + " MB.",
            "Send only the return itself; remove other sheets, pictures or raw data.")), start, false);
      }
      String suffix = "." + org.apache.commons.io.FilenameUtils.getExtension(file.fileName());
      local = Files.createTempFile("return-", suffix);
      String sha = copyHashing(file, hadoop, local);
      MappingResult cached = ledger == null ? null : ledger.lookup(sha, file, schemas());
      if (cached != null) {
        return validate(file, sha, cached, start, true);
      }
      return validate(file, sha, readAndMap(file, sha, local), start, false);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not process {}: {}", file.relativePath(), e.toString());
      return validate(file, null, MappingResult.refused(UNREADABLE, Problem.error("read.failed",
          "Cannot read " + file.fileName() + ": the file could not be fetched from the inbox or copied.",
          "Save the file again from your spreadsheet program as .xlsx and upload it again.")), start, false);
    } finally {
      if (local != null) {
        try {
          Files.deleteIfExists(local);
        } catch (IOException ignored) {
          // a temp file left behind is the OS's to clean
        }
      }
    }
  }

  /** Processes a file already on local disk (used by {@code outcomes check}). */
  public ProcessedReturn processLocal(ReturnFile file, String sha, Path local, long startNanos) {
    return validate(file, sha, readAndMap(file, sha, local), startNanos, false);
  }

  /** Reading and mapping: the expensive part, whose result depends only on the bytes, the catalogue and profiles. */
  MappingResult readAndMap(ReturnFile file, String sha, Path local) {
    Workbook workbook;
    try {
      workbook = Readers.read(local, file.fileName(), limits);
    } catch (ReadException e) {
      return MappingResult.refused(UNREADABLE, e.problem());
    } catch (RuntimeException | OutOfMemoryError e) {
      LOG.warn("Reader failed on {}: {}", file.relativePath(), e.toString());
      return MappingResult.refused(UNREADABLE, Problem.error("read.corrupt",
          "Cannot read " + file.fileName() + ": the file is damaged or in a form we cannot read.",
          "Open it in your spreadsheet program, save it again as .xlsx and upload the new copy."));
    }
    Schemas schemas = schemas();
    // before any mapping, so no identifier can reach an observation, a problem message or a log line
    List<Problem> personal = new PrivacyGuard(privacyRules(), today).scan(workbook);
    if (!personal.isEmpty()) {
      return new MappingResult(PERSONAL_DATA, null, List.of(), List.of(), personal);
    }
    ReturnContext ctx = new ReturnContext(file.schemeId(), file.relativePath(), sha, schemas);
    try {
      return ReturnMappers.forScheme(schemas, file.schemeId(), pseudonymKey).map(workbook, ctx);
    } catch (RuntimeException e) {
      LOG.warn("Mapper failed on {}: {}", file.relativePath(), e.toString());
      return MappingResult.refused("unknown", Problem.error("map.failed",
          "Cannot understand the layout of " + file.fileName() + ": the mapper stopped on it unexpectedly.",
          "Use the official template (outcomes template) or the long CSV form."));
    }
  }

  /** Validation runs every time: it depends on the registry, the rules and the run date, not only the bytes. */
  private ProcessedReturn validate(ReturnFile file, String sha, MappingResult mapped, long startNanos, boolean cached) {
    List<Problem> problems = new Validator(rules(), schemas().measures(), registry, today)
        .validate(file.schemeId(), mapped);
    return ProcessedReturn.of(file, sha, mapped, problems, elapsed(startNanos), cached);
  }

  private static long elapsed(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static String copyHashing(ReturnFile file, Configuration hadoop, Path local) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(file.uri());
    FileSystem fs = src.getFileSystem(hadoop);
    try (InputStream in = fs.open(src);
        OutputStream out = new DigestOutputStream(Files.newOutputStream(local), sha)) {
      in.transferTo(out);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  public static String sha256(Path local) throws IOException {
    try (InputStream in = Files.newInputStream(local)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        sha.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
