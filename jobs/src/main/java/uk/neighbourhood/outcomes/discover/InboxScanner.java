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
        for (FileStatus f : filesUnder(fs, schemeDir)) {
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

  /**
   * Every file below a scheme folder. Object stores and HDFS list a whole tree in one call (listFiles);
   * on a local disk that call builds a located status per file, and Hadoop's local file system fills in
   * owner and permissions by running a shell command for each one (about 3 ms a file: 6 s for 2,048
   * returns), so there the tree is walked with plain listings, which never ask for them.
   */
  private static List<FileStatus> filesUnder(FileSystem fs, FileStatus dir) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    if (!"file".equals(fs.getUri().getScheme())) {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir.getPath(), true);
      while (it.hasNext()) {
        out.add(it.next());
      }
      return out;
    }
    java.util.ArrayDeque<Path> todo = new java.util.ArrayDeque<>(List.of(dir.getPath()));
    while (!todo.isEmpty()) {
      for (FileStatus f : fs.listStatus(todo.pop())) {
        if (f.isDirectory()) {
          todo.push(f.getPath());
        } else {
          out.add(f);
        }
      }
    }
    return out;
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
