package uk.neighbourhood.outcomes.publish;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes a workbook to a file, keeps a copy when -Dreports.keep=DIR is set (for rendering), reopens it. */
final class ReportFiles {
  interface Writer {
    void write(OutputStream out) throws Exception;
  }

  private ReportFiles() {}

  static XSSFWorkbook writeAndOpen(Path file, Writer writer) throws Exception {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      writer.write(out);
    }
    String keep = System.getProperty("reports.keep");
    if (keep != null && !keep.isBlank()) {
      Path target = Path.of(keep).resolve(file.getFileName());
      Files.createDirectories(target.getParent());
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
    try (InputStream is = Files.newInputStream(file)) {
      return new XSSFWorkbook(is);
    }
  }
}
