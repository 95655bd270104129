package uk.neighbourhood.outcomes.discover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists returns under {@code <inbox>/<scheme_id>/**}. Works on any Hadoop file system (file:, hdfs:,
 * s3a:, abfss:), since national bodies keep the inbox in object storage.
 */
public final class InboxScanner {
  /** Extensions the contract accepts as returns. */
  public static final Set<String> RETURN_EXTENSIONS = Set.of("xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt");

  private final Configuration hadoop;

  public InboxScanner(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /**
   * What a scan found: every file in a scheme folder (those of other types are refused by the run with
   * a reason), and the files it passed over with the reason (for the run manifest).
   */
  public record Scan(List<ReturnFile> returns, List<String> skipped) {}

  public Scan scan(String inbox) {
    Path root = new Path(inbox);
    List<ReturnFile> found = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException("Cannot read inbox " + inbox + ": it is not a folder.");
      }
      Path qualifiedRoot = fs.makeQualified(root);
      String rootText = qualifiedRoot.toUri().getPath();
      for (FileStatus schemeDir : fs.listStatus(qualifiedRoot)) {
        String name = schemeDir.getPath().getName();
        if (!schemeDir.isDirectory()) {
          if (!name.equals("schemes.csv") && !isIgnored(name)) {
            skipped.add(name + ": not inside a scheme folder (put returns in <inbox>/<scheme_id>/)");
          }
          continue;
        }
        if (isIgnored(name)) {
          continue;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(schemeDir.getPath(), true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          String rel = relative(rootText, f.getPath());
          if (rel.contains("/.") || isIgnored(f.getPath().getName())) {
            continue;
          }
          // files of other types are kept: the run refuses them by name, so the team learns why
          found.add(new ReturnFile(name, f.getPath().toString(), rel, f.getLen(), f.getModificationTime()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read inbox " + inbox + ": " + e.getMessage(), e);
    }
    found.sort(Comparator.comparing(ReturnFile::relativePath));
    return new Scan(found, skipped);
  }

  /** Office lock files ({@code ~$x.xlsx}) and hidden files are never returns. */
  static boolean isIgnored(String name) {
    return name.startsWith("~$") || name.startsWith(".");
  }

  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String relative(String rootPath, Path file) {
    String p = file.toUri().getPath();
    String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    return p.startsWith(prefix) ? p.substring(prefix.length()) : file.getName();
  }
}
