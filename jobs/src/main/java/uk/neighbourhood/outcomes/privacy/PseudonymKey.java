package uk.neighbourhood.outcomes.privacy;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that turns a participant reference into a pseudonym (HMAC-SHA256). It comes from
 * configuration only: the file named by {@code --pseudonym-key-file}, else the environment variable
 * {@value #ENVIRONMENT_VARIABLE}. Without a key no reference is kept at all. The same reference gives the
 * same pseudonym under the same key, so a team's participants can be followed across quarters without the
 * national side ever holding the team's own references.
 */
public final class PseudonymKey implements Serializable {
  public static final String ENVIRONMENT_VARIABLE = "OUTCOMES_PSEUDONYM_KEY";
  /** 128 bits: shorter keys make the pseudonyms of short references guessable by trying them all. */
  public static final int MIN_BYTES = 16;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;

  private PseudonymKey(byte[] key) {
    if (key.length < MIN_BYTES) {
      throw new IllegalArgumentException("Cannot use the pseudonym key: it has " + key.length
          + " bytes and at least " + MIN_BYTES + " are needed. Fix: generate one with 'openssl rand -hex 32'.");
    }
    this.key = key.clone();
  }

  public static PseudonymKey of(String secret) {
    return new PseudonymKey(secret.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** The key in {@value #ENVIRONMENT_VARIABLE}, when set and not blank. */
  public static Optional<PseudonymKey> fromEnvironment() {
    String v = System.getenv(ENVIRONMENT_VARIABLE);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(of(v));
  }

  /** The key held in a file (its text, without surrounding white space). */
  public static PseudonymKey fromFile(Path file) {
    try {
      return of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the pseudonym key file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file's key when a file is named, else the environment's, else none. */
  public static Optional<PseudonymKey> resolve(Path keyFileOrNull) {
    return keyFileOrNull != null ? Optional.of(fromFile(keyFileOrNull)) : fromEnvironment();
  }

  /**
   * The pseudonym of a reference: hex HMAC-SHA256 of the reference trimmed and upper-cased, so that
   * "p001 " and "P001" are the same person.
   */
  public String pseudonym(String reference) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      byte[] h = mac.doFinal(reference.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Cannot compute a pseudonym: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PseudonymKey k && Arrays.equals(key, k.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  /** Never the key itself: this object may end up in a log line or a Spark error. */
  @Override
  public String toString() {
    return "PseudonymKey[redacted]";
  }
}
