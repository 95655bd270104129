package uk.neighbourhood.outcomes.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes the Excel reports of one period into a folder on any Hadoop file system: the national summary,
 * the evaluators' comparison and one feedback workbook per registered scheme and per sender, each on its
 * own so that the job can draw them in separate Spark tasks.
 */
public final class ExcelReports {
  public static final String NATIONAL = "national-summary.xlsx";
  public static final String COMPARISON = "scheme-comparison.xlsx";

  private ExcelReports() {}

  /** The national summary and the evaluators' comparison: they need every scheme's figures, not observations. */
  public static List<String> writeNational(FileSystem fs, Path folder, String period, ReportInputs in)
      throws IOException {
    fs.mkdirs(folder);
    try (OutputStream o = fs.create(new Path(folder, NATIONAL), true)) {
      NationalSummaryWorkbook.write(in, period, o);
    }
    try (OutputStream o = fs.create(new Path(folder, COMPARISON), true)) {
      SchemeComparisonWorkbook.write(in, period, o);
    }
    return List.of(NATIONAL, COMPARISON);
  }

  /** Every registered scheme hears back, including those whose return has not arrived, and every sender. */
  public static Set<String> feedbackSchemes(ReportInputs in, String period) {
    Set<String> schemes = new TreeSet<>(schemesWithReturns(in, period));
    in.registry().all().forEach(s -> schemes.add(s.id()));
    return schemes;
  }

  /**
   * One scheme's feedback workbook; {@code in} needs only that scheme's observations, so the job can write
   * each scheme's workbook in its own task. Returns the file written, relative to the folder.
   */
  public static String writeFeedback(FileSystem fs, Path folder, String scheme, String period, ReportInputs in)
      throws IOException {
    String name = "feedback/" + scheme + ".xlsx";
    try (OutputStream o = fs.create(new Path(folder, name), true)) {
      FeedbackWorkbook.write(in, scheme, period, o);
    }
    return name;
  }

  /** Schemes that sent anything for the period (accepted or not): each gets feedback. */
  static Set<String> schemesWithReturns(ReportInputs in, String period) {
    Set<String> s = new TreeSet<>();
    in.returns().stream().filter(r -> period.equals(r.period())).forEach(r -> s.add(r.schemeId()));
    return s;
  }
}
