package uk.neighbourhood.outcomes.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxScannerTest {
  @TempDir Path inbox;

  private void write(String relative, String text) throws Exception {
    Path p = inbox.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void listsEveryFileInSchemeFoldersAtAnyDepthSortedWithSizes() throws Exception {
    write("schemes.csv", "scheme_id\n");
    write("kestrel-hub/2025-26Q1.xlsx", "12345");
    write("kestrel-hub/archive/2024/old.csv", "a,b\n");
    write("kestrel-hub/notes.pdf", "%PDF");
    write("kestrel-hub/~$2025-26Q1.xlsx", "lock");
    write("kestrel-hub/.hidden.csv", "x");
    write("kestrel-hub/.git/config", "x");
    write("alder-lac/q1.csv", "x,y\n1,2\n");
    write("stray.xlsx", "x");
    write(".DS_Store", "x");

    InboxScanner.Scan scan = new InboxScanner(new Configuration()).scan(inbox.toString());

    assertThat(scan.returns()).extracting(ReturnFile::relativePath).containsExactly(
        "alder-lac/q1.csv", "kestrel-hub/2025-26Q1.xlsx", "kestrel-hub/archive/2024/old.csv", "kestrel-hub/notes.pdf");
    assertThat(scan.returns()).extracting(ReturnFile::schemeId)
        .containsExactly("alder-lac", "kestrel-hub", "kestrel-hub", "kestrel-hub");
    ReturnFile xlsx = scan.returns().get(1);
    assertThat(xlsx.sizeBytes()).isEqualTo(5);
    assertThat(xlsx.modifiedMillis()).isPositive();
    assertThat(xlsx.uri()).startsWith("file:").endsWith("kestrel-hub/2025-26Q1.xlsx");
    assertThat(scan.skipped()).containsExactly(
        "stray.xlsx: not inside a scheme folder (put returns in <inbox>/<scheme_id>/)");
  }

  @Test
  void anInboxThatIsNotAFolderIsRefusedByName() throws Exception {
    write("file.txt", "x");
    assertThatThrownBy(() -> new InboxScanner(new Configuration()).scan(inbox.resolve("file.txt").toString()))
        .hasMessageContaining("file.txt").hasMessageContaining("not a folder");
    assertThatThrownBy(() -> new InboxScanner(new Configuration()).scan(inbox.resolve("missing").toString()))
        .hasMessageContaining("not a folder");
  }
}
