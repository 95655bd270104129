package uk.neighbourhood.outcomes.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import uk.neighbourhood.outcomes.job.ProcessedReturn;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.ReturnRecord;
import uk.neighbourhood.outcomes.model.Severity;
import uk.neighbourhood.outcomes.privacy.PrivacyGuard;

/**
 * {@code quarantine/<scheme_id>/<file>}: a copy of each refused return beside {@code <file>.problems.txt},
 * which says in plain words what is wrong, where, and how to fix it. A return refused for holding personal
 * data is not copied: keeping it would keep the identifiers on the national side. Its problems file says so.
 */
public final class Quarantine {
  private Quarantine() {}

  public static void write(FileSystem outFs, Configuration hadoop, Path folder, List<ProcessedReturn> returns,
      Map<String, String> status) throws IOException {
    outFs.mkdirs(folder);
    for (ProcessedReturn r : returns) {
      if (!ReturnRecord.QUARANTINED.equals(status.get(r.file().relativePath()))) {
        continue;
      }
      String rel = r.file().relativePath();
      Path copy = new Path(folder, rel);
      Path src = new Path(r.file().uri());
      outFs.mkdirs(copy.getParent());
      if (!PrivacyGuard.holdsPersonalData(r.problems())) {
        FileUtil.copy(src.getFileSystem(hadoop), src, outFs, copy, false, hadoop);
      }
      try (OutputStream o = outFs.create(new Path(folder, rel + ".problems.txt"), true)) {
        o.write(problemsText(r).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** The text a local team reads; it never quotes the return's content beyond cell references. */
  public static String problemsText(ProcessedReturn r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Return: ").append(r.file().relativePath()).append('\n');
    sb.append("Scheme folder: ").append(r.file().schemeId()).append('\n');
    if (r.sha256() != null) {
      sb.append("SHA-256: ").append(r.sha256()).append('\n');
    }
    sb.append("Status: refused (quarantined). Nothing from this file has been published.\n");
    if (PrivacyGuard.holdsPersonalData(r.problems())) {
      sb.append("The file itself has not been kept, because it holds personal data. Remove it from the inbox"
          + " folder too.\n");
    }
    sb.append('\n');
    int n = 1;
    for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
      for (Problem p : r.problems()) {
        if (p.severity() != s) {
          continue;
        }
        sb.append(n++).append(". ").append(s == Severity.ERROR ? "Must fix" : s == Severity.WARNING ? "Please check" : "Note");
        if (!p.location().isEmpty()) {
          sb.append(" (").append(p.location()).append(")");
        }
        sb.append(": ").append(p.message()).append('\n');
        if (p.fix() != null && !p.fix().isBlank()) {
          sb.append("   How to fix: ").append(p.fix()).append('\n');
        }
      }
    }
    sb.append("\nCorrect the file and upload it again to the same folder; the next run reads it.\n");
    return sb.toString();
  }
}
