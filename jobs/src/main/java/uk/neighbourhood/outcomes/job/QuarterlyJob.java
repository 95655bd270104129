package uk.neighbourhood.outcomes.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.aggregate.MeasureTotal;
import uk.neighbourhood.outcomes.catalog.Registry;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.discover.InboxScanner;
import uk.neighbourhood.outcomes.discover.ReturnFile;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.privacy.PseudonymKey;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.ReturnRecord;
import uk.neighbourhood.outcomes.publish.FaultInjection;
import uk.neighbourhood.outcomes.publish.FunnelLine;
import uk.neighbourhood.outcomes.publish.ParquetTables;
import uk.neighbourhood.outcomes.publish.Publication;
import uk.neighbourhood.outcomes.publish.Quarantine;
import uk.neighbourhood.outcomes.publish.ReportInputs;
import uk.neighbourhood.outcomes.publish.RunLock;
import uk.neighbourhood.outcomes.publish.Revision;
import uk.neighbourhood.outcomes.publish.RunManifest;
import uk.neighbourhood.outcomes.read.ReadLimits;

/**
 * The quarterly job: discover, then read, map and validate every return in Spark tasks (files dealt
 * across tasks by size), decide which returns stand, total each scheme's measures in Spark, compute
 * indicators on the small totals with disclosure control spread over tasks, draw every Excel workbook in
 * a task, and publish Parquet and Excel in one commit. The driver holds return metadata, totals and
 * indicator rows, never the observations.
 */
public final class QuarterlyJob {
  private static final Logger LOG = LogManager.getLogger(QuarterlyJob.class);
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final RunOptions options;
  private final Progress progress;

  public QuarterlyJob(SparkSession spark, RunOptions options, Progress progress) {
    this.spark = spark;
    this.options = options;
    this.progress = progress;
  }

  public RunSummary run() {
    long start = System.currentTimeMillis();
    String runId = RUN_ID.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path out = new Path(options.out());
    FileSystem fs;
    try {
      fs = out.getFileSystem(hadoop);
      // no .crc side files beside the published outputs on a local disk; HDFS and object stores ignore this
      fs.setWriteChecksum(false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open output folder " + out + ": " + e.getMessage(), e);
    }
    try (RunLock lock = RunLock.acquire(fs, out, runId)) {
      Publication.recover(fs, out);
      Publication publication = new Publication(fs, out, runId);
      try {
        RunSummary summary = runLocked(runId, hadoop, fs, publication, start);
        return summary;
      } catch (RuntimeException | Error e) {
        publication.abandon();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RunSummary runLocked(String runId, Configuration hadoop, FileSystem fs, Publication publication, long start)
      throws IOException {
    StageClock clock = new StageClock();
    clock.begin("catalogues");
    Schemas schemas = options.schemasFolder() == null ? Schemas.bundled()
        : Schemas.fromFolder(java.nio.file.Path.of(options.schemasFolder()));
    CatalogCheck.all(schemas);
    Registry registry = loadRegistry(hadoop);
    InboxScanner.Scan scan = new InboxScanner(hadoop).scan(options.inbox());
    List<ReturnFile> files = scan.returns();
    progress.stage("Reading " + files.size() + " returns from " + options.inbox());
    clock.begin("read");

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(hadoop));
    // the key is read once, on the driver, and travels to the tasks inside the processor
    PseudonymKey key = PseudonymKey.resolve(options.pseudonymKeyFile() == null ? null
        : java.nio.file.Path.of(options.pseudonymKeyFile())).orElse(null);
    ReturnProcessor processor = new ReturnProcessor(registry, ReadLimits.defaults(), options.today(),
        options.schemasFolder(), key);
    Ledger ledger = Ledger.load(spark, fs, new Path(options.out()));
    Broadcast<Ledger> ledgerShared = jsc.broadcast(ledger);
    List<ArrayList<ReturnFile>> slices = FileSlices.deal(files, jsc.defaultParallelism() * 4);
    JavaRDD<ProcessedReturn> processed = jsc.parallelize(slices, slices.size())
        .flatMap(slice -> slice.stream().map(f -> {
          FaultInjection.at(FaultInjection.Stage.READING);
          return processor.process(f, conf.value().value(), ledgerShared.value());
        }).iterator())
        .persist(StorageLevel.MEMORY_AND_DISK());
    progress.watch(jsc, files.size(), slices.size());
    // tasks hold files dealt by size, not in listing order: put the returns back in the inbox's order
    List<ProcessedReturn> meta = new ArrayList<>(processed.map(ProcessedReturn::withoutObservations).collect());
    meta.sort(java.util.Comparator.comparing(r -> r.file().relativePath()));
    progress.done();

    Map<String, String> status = StatusResolver.resolve(meta);
    Set<String> periods = selectPeriods(meta, status);
    Set<String> acceptedFiles = status.entrySet().stream().filter(e -> e.getValue().equals(ReturnRecord.ACCEPTED))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
    Broadcast<Set<String>> accepted = jsc.broadcast(acceptedFiles);
    Broadcast<Set<String>> wanted = jsc.broadcast(periods);

    JavaRDD<Observation> observations = processed
        .filter(r -> accepted.value().contains(r.file().relativePath()))
        .flatMap(r -> r.observations().iterator())
        .filter(o -> wanted.value().contains(o.period()));
    progress.stage("Aggregating " + periods.size() + " period(s): " + String.join(", ", periods));
    clock.begin("aggregate");
    List<MeasureTotal> totals = observations
        .groupBy(o -> o.schemeId() + "|" + o.period())
        .flatMap(g -> MeasureTotals.of(g._2(), schemas).iterator())
        .collect();
    totals = new ArrayList<>(totals);
    totals.sort(MeasureTotals.TOTAL_ORDER);
    Indicators.Results results = Indicators.compute(periods, totals, registry, schemas,
        new SparkFanout(jsc));
    List<IndicatorRow> indicators = results.rows();

    List<ReturnRecord> returnRecords = new ArrayList<>();
    for (ProcessedReturn r : meta) {
      returnRecords.add(ReturnRecords.of(r, status.get(r.file().relativePath())));
    }

    PublishedTables published = new PublishedTables(spark, fs, new Path(options.out()));
    List<Revision> revisions = new ArrayList<>(published.revisions());
    revisions.addAll(Revisions.between(published.indicatorsIn(periods), indicators, returnRecords, runId,
        options.today().toString()));

    progress.stage("Writing Parquet tables and Excel reports");
    clock.begin("write");
    Map<String, List<String>> parquetCommits = new LinkedHashMap<>();
    long[] observationCount = new long[1];
    ReportInputs reportInputs = reportInputs(published, periods, results, returnRecords, registry, schemas, revisions);
    Schemas ledgerSchemas = schemas;
    // independent outputs, written side by side: Spark jobs from several threads share the executors
    try (Concurrently parts = new Concurrently("publish", 10)) {
      startTables(parts, publication, jsc, returnRecords, observations, periods, results, revisions, parquetCommits);
      parts.start("excel", () -> ReportWorkbooks.write(jsc, conf,
          reportTargets(publication, periods, results, reportInputs), observations, reportInputs));
      parts.start("ledger", () -> {
        JavaRDD<Row> ledgerRows = processed.map(r -> ledgerShared.value().row(r, ledgerSchemas))
            .filter(java.util.Objects::nonNull);
        spark.createDataFrame(ledgerRows, Ledger.SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
            .parquet(publication.staged(Ledger.FOLDER).toString());
      });
      parts.start("quarantine", () -> {
        Quarantine.write(fs, hadoop, publication.staged("quarantine"), meta, status);
        snapshotRegistry(hadoop, fs, publication.staged(ReportJob.REGISTRY_SNAPSHOT));
      });
      parts.start("count", () -> observationCount[0] = observations.count());
      awaitAll(parts);
      parts.millis().forEach((name, ms) -> clock.part("write." + name, ms));
    }
    FaultInjection.at(FaultInjection.Stage.WRITING_EXCEL);
    List<String> commits = new ArrayList<>();
    parquetCommits.values().forEach(commits::addAll);
    periods.forEach(p -> commits.add("excel/" + p));
    commits.add("quarantine");
    commits.add("registry");
    commits.add(Ledger.FOLDER);

    progress.stage("Publishing");
    clock.begin("commit");
    publication.commit(commits);
    processed.unpersist(false);

    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (String s : List.of(ReturnRecord.ACCEPTED, ReturnRecord.QUARANTINED, ReturnRecord.SUPERSEDED, ReturnRecord.DUPLICATE)) {
      byStatus.put(s, status.values().stream().filter(s::equals).count());
    }
    List<String> quarantined = meta.stream()
        .filter(r -> ReturnRecord.QUARANTINED.equals(status.get(r.file().relativePath())))
        .map(r -> r.file().relativePath() + ": " + r.problems().stream().filter(Problem::isError).findFirst()
            .map(Problem::message).orElse("refused"))
        .toList();
    int read = (int) meta.stream().filter(r -> !r.fromLedger()).count();
    RunSummary summary = new RunSummary(runId, files.size(), read, byStatus, List.copyOf(periods),
        observationCount[0], indicators.size(), options.out(), quarantined, System.currentTimeMillis() - start,
        clock.millis());
    RunManifest.write(fs, new Path(options.out(), "runs/" + runId + ".json"), summary, options, returnRecords,
        scan.skipped(), commits);
    return summary;
  }

  /**
   * Starts staging every Parquet table of the run, one part each: the tables are small, and what a write
   * costs is mostly Spark planning it on the driver, which overlaps across threads. Each table's
   * partitions go to its own commit list, so the commit order does not depend on which finishes first.
   */
  private void startTables(Concurrently parts, Publication publication, JavaSparkContext jsc,
      List<ReturnRecord> returnRecords, JavaRDD<Observation> observations, Set<String> periods,
      Indicators.Results results, List<Revision> revisions, Map<String, List<String>> commits) {
    for (String table : List.of(ParquetTables.RETURNS, ParquetTables.OBSERVATIONS, ParquetTables.INDICATORS,
        ParquetTables.BREAKDOWNS, ParquetTables.REVISIONS, ParquetTables.FUNNELS)) {
      commits.put(table, new ArrayList<>());
    }
    List<IndicatorRow> indicators = results.rows();
    Set<String> returnPeriods = returnRecords.stream().map(ReturnRecord::period)
        .filter(p -> periods.contains(p) || !isPeriod(p)).collect(Collectors.toCollection(TreeSet::new));
    parts.start("parquet.returns", () -> writeTable(publication, ParquetTables.RETURNS,
        spark.createDataFrame(jsc.parallelize(returnRecords.stream().filter(r -> returnPeriods.contains(r.period()))
            .map(ParquetTables::row).toList(), 1), ParquetTables.RETURNS_SCHEMA),
        returnPeriods, commits.get(ParquetTables.RETURNS), "scheme_id", "file"));
    parts.start("parquet.observations", () -> {
      FaultInjection.at(FaultInjection.Stage.WRITING_PARQUET);
      writeTable(publication, ParquetTables.OBSERVATIONS,
          spark.createDataFrame(observations.map(ParquetTables::row), ParquetTables.OBSERVATIONS_SCHEMA),
          periods, commits.get(ParquetTables.OBSERVATIONS), "scheme_id", "measure", "area_code", "source_file",
          "source_cell");
    });
    parts.start("parquet.indicators", () -> writeTable(publication, ParquetTables.INDICATORS,
        spark.createDataFrame(jsc.parallelize(indicators.stream().map(ParquetTables::row).toList(), 1),
            ParquetTables.INDICATORS_SCHEMA),
        periods, commits.get(ParquetTables.INDICATORS), "indicator", "scheme_id"));
    parts.start("parquet.breakdowns", () -> writeTable(publication, ParquetTables.BREAKDOWNS,
        spark.createDataFrame(jsc.parallelize(results.breakdowns().stream().map(ParquetTables::row).toList(), 1),
            ParquetTables.BREAKDOWNS_SCHEMA),
        periods, commits.get(ParquetTables.BREAKDOWNS), "indicator", "group_type", "group"));
    parts.start("parquet.revisions", () -> {
      // one small table across quarters, not partitioned: it holds the history, and an empty one keeps its schema
      spark.createDataFrame(jsc.parallelize(revisions.stream().map(ParquetTables::row).toList(), 1),
              ParquetTables.REVISIONS_SCHEMA)
          .coalesce(1).sortWithinPartitions("period", "scheme_id", "indicator", "run_id")
          .write().mode(SaveMode.Overwrite)
          .parquet(publication.staged("parquet/" + ParquetTables.REVISIONS).toString());
      commits.get(ParquetTables.REVISIONS).add("parquet/" + ParquetTables.REVISIONS);
    });
    parts.start("parquet.funnels", () -> writeTable(publication, ParquetTables.FUNNELS,
        spark.createDataFrame(jsc.parallelize(funnelRows(results.funnels()), 1), ParquetTables.FUNNELS_SCHEMA),
        periods, commits.get(ParquetTables.FUNNELS), "indicator", "scheme_id"));
  }

  /** What every report reads, without observations: the national workbooks do not need them. */
  private static ReportInputs reportInputs(PublishedTables published, Set<String> periods, Indicators.Results results,
      List<ReturnRecord> returnRecords, Registry registry, Schemas schemas, List<Revision> revisions) {
    // trends need the periods published before this run too
    List<IndicatorRow> allIndicators = new ArrayList<>(published.indicatorsExcept(periods));
    allIndicators.addAll(results.rows());
    Set<String> allPeriods = new TreeSet<>(periods);
    allIndicators.forEach(i -> allPeriods.add(i.period()));
    return ReportInputs.of(List.copyOf(allPeriods), allIndicators,
        returnRecords.stream().filter(r -> periods.contains(r.period())).toList(), List.of(), registry,
        schemas.measures()).withRevisions(revisions);
  }

  /** Every workbook of the run, with each period's funnel limits as the aggregate stage drew them. */
  private static List<ReportWorkbooks.Target> reportTargets(Publication publication, Set<String> periods,
      Indicators.Results results, ReportInputs in) {
    Map<String, String> folders = new LinkedHashMap<>();
    Map<String, List<FunnelLine>> funnels = new LinkedHashMap<>();
    for (String period : periods) {
      folders.put(period, publication.staged("excel/" + period).toString());
      funnels.put(period, results.funnels().stream().filter(f -> f.period().equals(period))
          .flatMap(f -> f.drawn().lines().stream().map(l -> new FunnelLine(f.drawn().indicator(), l.denominator(),
              l.lower95(), l.upper95(), l.lower998(), l.upper998())))
          .toList());
    }
    return ReportWorkbooks.targets(folders, funnels, in);
  }

  /** Waits for the parts; a part's failure surfaces as the unchecked exception or error it was. */
  private static void awaitAll(Concurrently parts) throws IOException {
    try {
      parts.awaitAll();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Row> funnelRows(List<Indicators.PeriodFunnel> funnels) {
    List<Row> rows = new ArrayList<>();
    for (Indicators.PeriodFunnel f : funnels) {
      for (int i = 0; i < f.atSchemes().points().size(); i++) {
        rows.add(ParquetTables.funnelRow(f.period(), f.atSchemes(), i));
      }
    }
    return rows;
  }

  private static boolean isPeriod(String p) {
    return uk.neighbourhood.outcomes.model.Period.tryParse(p).isPresent();
  }

  /** The periods to publish: those asked for, else every period an accepted return covers. */
  private Set<String> selectPeriods(List<ProcessedReturn> meta, Map<String, String> status) {
    if (!options.periods().isEmpty()) {
      return new TreeSet<>(options.periods());
    }
    Set<String> found = new TreeSet<>();
    for (ProcessedReturn r : meta) {
      if (ReturnRecord.ACCEPTED.equals(status.get(r.file().relativePath()))) {
        found.addAll(r.periods());
      }
    }
    return found;
  }

  private void writeTable(Publication publication, String table, Dataset<Row> df, Collection<String> periods,
      List<String> commits, String... sortBy) {
    String staged = publication.staged("parquet/" + table).toString();
    List<String> order = new ArrayList<>(List.of("period"));
    order.addAll(List.of(sortBy));
    // small tables built on the driver arrive as one partition: no shuffle; big ones get one writer per period
    Dataset<Row> grouped = df.rdd().getNumPartitions() == 1 ? df : df.repartition(df.col("period"));
    grouped.sortWithinPartitions(order.stream().map(df::col).toArray(org.apache.spark.sql.Column[]::new))
        .write().mode(SaveMode.Overwrite).partitionBy("period").parquet(staged);
    for (String p : periods) {
      // an empty folder still replaces the published partition, so a period with nothing left is emptied
      Path partition = new Path(staged, "period=" + p);
      try {
        if (!publication.fileSystem().exists(partition)) {
          publication.fileSystem().mkdirs(partition);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      commits.add("parquet/" + table + "/period=" + p);
    }
  }

  private Registry loadRegistry(Configuration hadoop) throws IOException {
    Path p = new Path(options.registryPath());
    FileSystem fs = p.getFileSystem(hadoop);
    if (!fs.exists(p)) {
      if (options.registry() != null) {
        throw new IllegalArgumentException("Cannot read the registry " + p + ": no such file.");
      }
      LOG.warn("No registry at {}: every return will be refused as from an unregistered scheme", p);
      return Registry.empty();
    }
    try (InputStream in = fs.open(p)) {
      return Registry.load(p.getName(), in);
    }
  }

  /** Keeps the registry the run used beside the tables, so reports can be rendered again later. */
  private void snapshotRegistry(Configuration hadoop, FileSystem fs, Path target) throws IOException {
    Path src = new Path(options.registryPath());
    FileSystem srcFs = src.getFileSystem(hadoop);
    if (srcFs.exists(src)) {
      fs.mkdirs(target.getParent());
      org.apache.hadoop.fs.FileUtil.copy(srcFs, src, fs, target, false, hadoop);
    }
  }

  static void writeText(FileSystem fs, Path p, String text) throws IOException {
    try (OutputStream o = fs.create(p, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
