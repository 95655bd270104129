package uk.neighbourhood.outcomes.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.publish.ParquetTables;

/**
 * The published Parquet read with parquet-hadoop's own reader, not Spark's: the footers must use the standard
 * types any tool (DuckDB, pandas/pyarrow, Polars, R arrow, Power BI) understands, so nobody needs Spark to
 * read what we publish. DuckDB's view of the same files is checked by {@code bench/cluster/duckdb-read.mjs}.
 */
class ParquetCompatibilityTest {
  private static final Pattern PART = Pattern.compile("parquet/(\\w+)/period=([^/]+)/part-[^/]+\\.snappy\\.parquet");
  private static final Map<String, StructType> SCHEMAS = Map.of(ParquetTables.RETURNS, ParquetTables.RETURNS_SCHEMA,
      ParquetTables.OBSERVATIONS, ParquetTables.OBSERVATIONS_SCHEMA, ParquetTables.INDICATORS, ParquetTables.INDICATORS_SCHEMA,
      ParquetTables.BREAKDOWNS, ParquetTables.BREAKDOWNS_SCHEMA, ParquetTables.FUNNELS, ParquetTables.FUNNELS_SCHEMA);

  @TempDir static Path work;
  static SparkSession spark;
  static Path out;
  static RunSummary summary;
  /** Every published Parquet file, relative to the output folder, with its footer. */
  static Map<String, ParquetMetadata> footers = new LinkedHashMap<>();

  @BeforeAll
  static void publishTheFixtures() throws IOException {
    spark = SharedSpark.spark();
    Path inbox = FixtureInbox.copyTo(work.resolve("inbox"));
    out = work.resolve("out");
    summary = new QuarterlyJob(spark, new RunOptions(inbox.toString(), out.toString(), null, List.of(), null, null,
        LocalDate.of(2026, 1, 15), false), Progress.silent()).run();
    Configuration conf = new Configuration();
    try (Stream<Path> files = Files.walk(out.resolve("parquet"))) {
      // revisions is one small unpartitioned table across quarters; it is checked on its own below
      for (Path f : files.filter(p -> p.toString().endsWith(".parquet"))
          .filter(p -> !p.toString().contains("/parquet/" + ParquetTables.REVISIONS + "/")).sorted().toList()) {
        try (ParquetFileReader reader = ParquetFileReader.open(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()), conf))) {
          footers.put(out.relativize(f).toString().replace('\\', '/'), reader.getFooter());
        }
      }
    }
  }

  @Test
  void everyTableIsPublishedInHivePartitionsOfThePeriods() {
    assertThat(footers).isNotEmpty();
    for (String file : footers.keySet()) {
      assertThat(file).matches(PART);
    }
    for (String table : SCHEMAS.keySet()) {
      assertThat(footers.keySet().stream().map(PART::matcher).filter(Matcher::matches)
          .filter(m -> m.group(1).equals(table)).map(m -> m.group(2)).distinct().sorted().toList())
          .as(table).isEqualTo(summary.periods());
    }
  }

  @Test
  void thePartitionColumnLivesInThePathNotInTheFiles() {
    footers.forEach((file, footer) -> assertThat(footer.getFileMetaData().getSchema().containsField("period"))
        .as(file).isFalse());
  }

  @Test
  void receivedAtIsInt64MicrosecondsAdjustedToUtcNotInt96() {
    footers.entrySet().stream().filter(e -> e.getKey().startsWith("parquet/returns/")).forEach(e -> {
      PrimitiveType t = e.getValue().getFileMetaData().getSchema().getType("received_at").asPrimitiveType();
      assertThat(t.getPrimitiveTypeName()).as(e.getKey()).isEqualTo(PrimitiveTypeName.INT64);
      assertThat(t.getLogicalTypeAnnotation()).as(e.getKey())
          .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
    });
    assertThat(footers.keySet()).anyMatch(f -> f.startsWith("parquet/returns/"));
  }

  @Test
  void noColumnOfAnyTableUsesTheLegacyInt96() {
    footers.forEach((file, footer) -> assertThat(footer.getFileMetaData().getSchema().getColumns())
        .as(file).extracting(c -> c.getPrimitiveType().getPrimitiveTypeName())
        .doesNotContain(PrimitiveTypeName.INT96));
  }

  @Test
  void stringsAreBinaryWithTheStringLogicalType() {
    footers.forEach((file, footer) -> {
      MessageType schema = footer.getFileMetaData().getSchema();
      for (StructField f : SCHEMAS.get(table(file)).fields()) {
        if (f.dataType().equals(DataTypes.StringType) && !f.name().equals("period")) {
          PrimitiveType t = schema.getType(f.name()).asPrimitiveType();
          assertThat(t.getPrimitiveTypeName()).as(file + " " + f.name()).isEqualTo(PrimitiveTypeName.BINARY);
          assertThat(t.getLogicalTypeAnnotation()).as(file + " " + f.name()).isEqualTo(LogicalTypeAnnotation.stringType());
        }
      }
    });
  }

  @Test
  void problemsIsAStandardThreeLevelListOfStrings() {
    footers.entrySet().stream().filter(e -> e.getKey().startsWith("parquet/returns/")).forEach(e -> {
      Type problems = e.getValue().getFileMetaData().getSchema().getType("problems");
      assertThat(problems.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.listType());
      Type element = problems.asGroupType().getType("list").asGroupType().getType("element");
      assertThat(element.asPrimitiveType().getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
    });
  }

  @Test
  void numbersAndFlagsHaveTheirPlainPhysicalTypes() {
    footers.forEach((file, footer) -> {
      MessageType schema = footer.getFileMetaData().getSchema();
      for (StructField f : SCHEMAS.get(table(file)).fields()) {
        PrimitiveTypeName expected = f.dataType().equals(DataTypes.DoubleType) ? PrimitiveTypeName.DOUBLE
            : f.dataType().equals(DataTypes.LongType) ? PrimitiveTypeName.INT64
            : f.dataType().equals(DataTypes.IntegerType) ? PrimitiveTypeName.INT32
            : f.dataType().equals(DataTypes.BooleanType) ? PrimitiveTypeName.BOOLEAN : null;
        if (expected != null) {
          assertThat(schema.getType(f.name()).asPrimitiveType().getPrimitiveTypeName()).as(file + " " + f.name())
              .isEqualTo(expected);
        }
      }
    });
  }

  @Test
  void everyColumnChunkIsSnappyCompressed() {
    footers.forEach((file, footer) -> {
      assertThat(footer.getBlocks()).as(file).isNotEmpty();
      for (BlockMetaData block : footer.getBlocks()) {
        assertThat(block.getColumns()).extracting(ColumnChunkMetaData::getCodec).as(file)
            .containsOnly(CompressionCodecName.SNAPPY);
      }
    });
  }

  @Test
  void rowCountsInTheFootersAreWhatTheRunReported() {
    assertThat(rows(ParquetTables.OBSERVATIONS)).isEqualTo(summary.observations()).isPositive();
    assertThat(rows(ParquetTables.INDICATORS)).isEqualTo(summary.indicators()).isPositive();
    assertThat(rows(ParquetTables.RETURNS)).isEqualTo(spark.read().parquet(out.resolve("parquet/returns").toString()).count())
        .isPositive();
  }

  @Test
  void theFilesCarryTheContractColumnsInTheContractOrder() {
    footers.forEach((file, footer) -> assertThat(footer.getFileMetaData().getSchema().getColumns().stream()
        .map(ColumnDescriptor::getPath).map(p -> p[0]).distinct().toList())
        .as(file).isEqualTo(Stream.of(SCHEMAS.get(table(file)).fieldNames()).filter(n -> !n.equals("period")).toList()));
  }

  private static String table(String file) {
    Matcher m = PART.matcher(file);
    if (!m.matches()) {
      throw new IllegalArgumentException(file);
    }
    return m.group(1);
  }

  private static long rows(String table) {
    return footers.entrySet().stream().filter(e -> e.getKey().startsWith("parquet/" + table + "/"))
        .mapToLong(e -> e.getValue().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum()).sum();
  }


  @Test
  void theRevisionsTableIsOneUnpartitionedFileThatKeepsItsSchemaWhenEmpty() throws IOException {
    List<Path> parts;
    try (Stream<Path> files = Files.walk(out.resolve("parquet/" + ParquetTables.REVISIONS))) {
      parts = files.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
    assertThat(parts).hasSize(1);
    try (ParquetFileReader reader = ParquetFileReader.open(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(parts.get(0).toUri()), new Configuration()))) {
      assertThat(reader.getFooter().getFileMetaData().getSchema().getFields()).extracting(f -> f.getName())
          .containsExactly(ParquetTables.REVISIONS_SCHEMA.fieldNames());
      assertThat(reader.getRecordCount()).as("a first publication revises nothing").isZero();
    }
  }
}
