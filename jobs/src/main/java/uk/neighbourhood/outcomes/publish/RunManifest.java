package uk.neighbourhood.outcomes.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import uk.neighbourhood.outcomes.job.RunOptions;
import uk.neighbourhood.outcomes.job.RunSummary;
import uk.neighbourhood.outcomes.model.ReturnRecord;

/** {@code runs/<run_id>.json}: what a run read (with checksums), wrote and refused, and how long it took. */
public final class RunManifest {
  private RunManifest() {}

  public static void write(FileSystem fs, Path file, RunSummary summary, RunOptions options,
      List<ReturnRecord> returns, List<String> skipped, List<String> published) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", summary.runId());
    m.put("version", Version.text());
    m.put("spark_version", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    m.put("java_version", System.getProperty("java.version"));
    m.put("inbox", options.inbox());
    m.put("out", options.out());
    m.put("registry", options.registryPath());
    m.put("master", options.master());
    m.put("run_date", options.today().toString());
    m.put("periods", summary.periods());
    m.put("files_seen", summary.filesSeen());
    m.put("files_read", summary.filesRead());
    m.put("by_status", summary.byStatus());
    m.put("observations", summary.observations());
    m.put("indicators", summary.indicators());
    m.put("duration_ms", summary.millis());
    m.put("stages_ms", summary.stageMillis());
    m.put("inputs", returns.stream().map(r -> {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("file", r.file());
      i.put("scheme_id", r.schemeId());
      i.put("period", r.period());
      i.put("sha256", r.sha256());
      i.put("size_bytes", r.sizeBytes());
      i.put("status", r.status());
      i.put("layout", r.layout());
      i.put("observations", r.observations());
      i.put("problems", r.problems());
      return i;
    }).toList());
    m.put("skipped", skipped);
    m.put("outputs", published);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (OutputStream o = fs.create(file, true)) {
      json.writeValue(o, m);
    }
  }
}
