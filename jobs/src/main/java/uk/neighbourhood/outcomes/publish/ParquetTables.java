package uk.neighbourhood.outcomes.publish;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.neighbourhood.outcomes.aggregate.IndicatorRow;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.ReturnRecord;

/**
 * The published tables' schemas, with the contract's columns first and in the contract's order, and the
 * conversion of our records to Spark rows. {@code period} is the Hive partition column.
 */
public final class ParquetTables {
  public static final String RETURNS = "returns";
  public static final String OBSERVATIONS = "observations";
  public static final String INDICATORS = "indicators";
  public static final String BREAKDOWNS = "breakdowns";
  public static final String FUNNELS = "funnels";
  public static final String REVISIONS = "revisions";

  public static final StructType RETURNS_SCHEMA = new StructType()
      .add("scheme_id", DataTypes.StringType, false)
      .add("period", DataTypes.StringType, false)
      .add("file", DataTypes.StringType, false)
      .add("sha256", DataTypes.StringType, true)
      .add("status", DataTypes.StringType, false)
      .add("problems", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("observations", DataTypes.LongType, false)
      .add("layout", DataTypes.StringType, true)
      .add("size_bytes", DataTypes.LongType, false)
      .add("received_at", DataTypes.TimestampType, true)
      .add("errors", DataTypes.IntegerType, false)
      .add("warnings", DataTypes.IntegerType, false);

  public static final StructType OBSERVATIONS_SCHEMA = new StructType()
      .add("scheme_id", DataTypes.StringType, false)
      .add("period", DataTypes.StringType, false)
      .add("area_code", DataTypes.StringType, true)
      .add("measure", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType, true)
      .add("unit", DataTypes.StringType, true)
      .add("source_file", DataTypes.StringType, false)
      .add("source_sha256", DataTypes.StringType, true)
      .add("source_sheet", DataTypes.StringType, true)
      .add("source_cell", DataTypes.StringType, true)
      .add("suppressed", DataTypes.BooleanType, false);

  public static final StructType INDICATORS_SCHEMA = new StructType()
      .add("scheme_id", DataTypes.StringType, false)
      .add("period", DataTypes.StringType, false)
      .add("indicator", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType, true)
      .add("lower_ci", DataTypes.DoubleType, true)
      .add("upper_ci", DataTypes.DoubleType, true)
      .add("numerator", DataTypes.DoubleType, true)
      .add("denominator", DataTypes.DoubleType, true)
      .add("method", DataTypes.StringType, true)
      .add("comparison", DataTypes.StringType, false)
      .add("suppressed", DataTypes.BooleanType, false)
      .add("label", DataTypes.StringType, true)
      .add("unit", DataTypes.StringType, true)
      .add("note", DataTypes.StringType, true);

  /** Indicators pooled by scheme model and by deprivation group (an extension of the contract). */
  public static final StructType BREAKDOWNS_SCHEMA = new StructType()
      .add("group_type", DataTypes.StringType, false)
      .add("group", DataTypes.StringType, false)
      .add("period", DataTypes.StringType, false)
      .add("indicator", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType, true)
      .add("lower_ci", DataTypes.DoubleType, true)
      .add("upper_ci", DataTypes.DoubleType, true)
      .add("numerator", DataTypes.DoubleType, true)
      .add("denominator", DataTypes.DoubleType, true)
      .add("schemes", DataTypes.IntegerType, false)
      .add("method", DataTypes.StringType, true)
      .add("comparison", DataTypes.StringType, false)
      .add("suppressed", DataTypes.BooleanType, false);

  /** Each scheme on the funnel plot of each proportion and rate indicator, with the limits at its denominator. */
  public static final StructType FUNNELS_SCHEMA = new StructType()
      .add("scheme_id", DataTypes.StringType, false)
      .add("period", DataTypes.StringType, false)
      .add("indicator", DataTypes.StringType, false)
      .add("denominator", DataTypes.DoubleType, false)
      .add("value", DataTypes.DoubleType, false)
      .add("target", DataTypes.DoubleType, false)
      .add("z_score", DataTypes.DoubleType, false)
      .add("lower_95", DataTypes.DoubleType, false)
      .add("upper_95", DataTypes.DoubleType, false)
      .add("lower_998", DataTypes.DoubleType, false)
      .add("upper_998", DataTypes.DoubleType, false)
      .add("inside_95", DataTypes.BooleanType, false)
      .add("inside_998", DataTypes.BooleanType, false)
      .add("phi", DataTypes.DoubleType, false)
      .add("method", DataTypes.StringType, true);

  /**
   * Published figures of earlier quarters that later returns changed; rows accumulate run after run. One
   * unpartitioned table (it is small and spans quarters).
   */
  public static final StructType REVISIONS_SCHEMA = new StructType()
      .add("scheme_id", DataTypes.StringType, false)
      .add("period", DataTypes.StringType, false)
      .add("indicator", DataTypes.StringType, false)
      .add("previous", DataTypes.DoubleType, true)
      .add("revised", DataTypes.DoubleType, true)
      .add("reason", DataTypes.StringType, true)
      .add("run_id", DataTypes.StringType, false)
      .add("revised_on", DataTypes.StringType, false);

  private ParquetTables() {}

  public static Row row(Revision v) {
    return RowFactory.create(v.schemeId(), v.period(), v.indicator(), v.previous(), v.revised(), v.reason(), v.runId(),
        v.revisedOn());
  }

  public static Revision revision(Row r) {
    return new Revision(r.getAs("period"), r.getAs("scheme_id"), r.getAs("indicator"), r.getAs("previous"),
        r.getAs("revised"), r.getAs("reason"), r.getAs("run_id"), r.getAs("revised_on"));
  }

  public static Row row(uk.neighbourhood.outcomes.aggregate.BreakdownRow b) {
    return RowFactory.create(b.groupType(), b.group(), b.period(), b.indicator(), b.value(), b.lowerCi(), b.upperCi(),
        b.numerator(), b.denominator(), b.schemes(), b.method(), b.comparison(), b.suppressed());
  }

  /**
   * One row per funnel point, with the limits evaluated at the point's own denominator (the lines of
   * {@code atSchemes} are in the order of its points).
   */
  public static Row funnelRow(String period, uk.neighbourhood.outcomes.aggregate.FunnelLimits atSchemes, int i) {
    var p = atSchemes.points().get(i);
    var l = atSchemes.lines().get(i);
    return RowFactory.create(p.schemeId(), period, atSchemes.indicator(), p.denominator(), p.value(),
        atSchemes.target(), p.zScore(), l.lower95(), l.upper95(), l.lower998(), l.upper998(), p.inside95(),
        p.inside998(), atSchemes.phi(), atSchemes.method());
  }


  public static Row row(ReturnRecord r) {
    return RowFactory.create(r.schemeId(), r.period(), r.file(), r.sha256(), r.status(), seq(r.problems()),
        r.observations(), r.layout(), r.sizeBytes(),
        r.receivedAt() == null ? null : Timestamp.from(Instant.parse(r.receivedAt())), r.errors(), r.warnings());
  }

  /** Spark's row encoder wants a Scala Seq for array columns. */
  private static scala.collection.Seq<String> seq(java.util.List<String> list) {
    return scala.collection.JavaConverters.asScalaBufferConverter(new java.util.ArrayList<>(list)).asScala().toList();
  }

  public static Row row(Observation o) {
    return RowFactory.create(o.schemeId(), o.period(), o.areaCode(), o.measure(), o.value(), o.unit(),
        o.sourceFile(), o.sourceSha256(), o.sourceSheet(), o.sourceCell(), o.suppressed());
  }

  public static Row row(IndicatorRow i) {
    return RowFactory.create(i.schemeId(), i.period(), i.indicator(), i.value(), i.lowerCi(), i.upperCi(),
        i.numerator(), i.denominator(), i.method(), i.comparison(), i.suppressed(), i.label(), i.unit(), i.note());
  }

  public static IndicatorRow indicator(Row r) {
    return new IndicatorRow(r.getAs("scheme_id"), r.getAs("period"), r.getAs("indicator"), r.getAs("value"),
        r.getAs("lower_ci"), r.getAs("upper_ci"), r.getAs("numerator"), r.getAs("denominator"), r.getAs("method"),
        r.getAs("comparison"), r.getAs("suppressed"), r.getAs("label"), r.getAs("unit"), r.getAs("note"));
  }

  public static Observation observation(Row r) {
    return new Observation(r.getAs("scheme_id"), r.getAs("period"), r.getAs("area_code"), r.getAs("measure"),
        r.getAs("value"), r.getAs("unit"), r.getAs("suppressed"), r.getAs("source_file"), r.getAs("source_sha256"),
        r.getAs("source_sheet"), r.getAs("source_cell"));
  }

  public static ReturnRecord returnRecord(Row r) {
    Timestamp t = r.getAs("received_at");
    return new ReturnRecord(r.getAs("scheme_id"), r.getAs("period"), r.getAs("file"), r.getAs("sha256"),
        r.getAs("status"), r.getList(r.fieldIndex("problems")), r.getAs("observations"), r.getAs("layout"),
        r.getAs("size_bytes"), t == null ? null : t.toInstant().toString(), r.getAs("errors"), r.getAs("warnings"));
  }
}
