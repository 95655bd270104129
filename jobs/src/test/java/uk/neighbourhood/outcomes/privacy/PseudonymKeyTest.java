package uk.neighbourhood.outcomes.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyTest {
  static final String SECRET = "0f3c9a7e5b21d4c8a6e0f2b4d6c8e0a1";

  @Test
  void theSameReferenceGivesTheSamePseudonymUnderTheSameKeyOnly() {
    PseudonymKey key = PseudonymKey.of(SECRET);
    String p = key.pseudonym("RS-0042");
    assertThat(p).hasSize(64).matches("[0-9a-f]+").doesNotContain("0042");
    assertThat(key.pseudonym(" rs-0042 ")).isEqualTo(p);
    assertThat(key.pseudonym("RS-0043")).isNotEqualTo(p);
    assertThat(PseudonymKey.of(SECRET + "x").pseudonym("RS-0042")).isNotEqualTo(p);
  }

  @Test
  void itIsHmacSha256AsPublished() {
    // RFC 4231 test case 2 uses key "Jefe" (too short for us); this checks the algorithm with our own key
    // against the JDK's HMAC on the upper-cased reference, computed independently of the class
    PseudonymKey key = PseudonymKey.of(SECRET);
    assertThat(key.pseudonym("abc")).isEqualTo(hmac(SECRET, "ABC"));
  }

  @Test
  void aKeyFileIsReadWithoutItsNewlineAndAShortKeyIsRefused(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("key");
    Files.writeString(f, SECRET + "\n");
    assertThat(PseudonymKey.resolve(f)).contains(PseudonymKey.of(SECRET));
    assertThatThrownBy(() -> PseudonymKey.of("short"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16");
  }

  @Test
  void theKeyNeverShowsInItsText() {
    assertThat(PseudonymKey.of(SECRET).toString()).doesNotContain(SECRET).contains("redacted");
  }

  private static String hmac(String key, String text) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
