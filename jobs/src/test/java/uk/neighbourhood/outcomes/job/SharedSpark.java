package uk.neighbourhood.outcomes.job;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * One quiet local Spark for every test in the JVM (starting Spark costs seconds). spark-testing-base
 * owns the context, so its DataFrame assertions are available; our own session settings are applied on
 * top of it through {@link SparkSessions#create}.
 */
public final class SharedSpark {
  private static JavaDataFrameSuiteBase base;

  private SharedSpark() {}

  public static synchronized JavaDataFrameSuiteBase base() {
    if (base == null) {
      base = new JavaDataFrameSuiteBase() {
        @Override
        public boolean enableHiveSupport() {
          return false;
        }

        @Override
        public SparkConf conf() {
          return new SparkConf().setMaster("local[2]").setAppName("outcomes-tests")
              .set("spark.ui.enabled", "false")
              .set("spark.ui.showConsoleProgress", "false")
              .set("spark.sql.shuffle.partitions", "2")
              .set("spark.app.id", "outcomes-tests")
              .set("spark.driver.host", "127.0.0.1");
        }
      };
      base.runBefore();
    }
    return base;
  }

  public static SparkSession spark() {
    base();
    return SparkSessions.create(null, "outcomes-tests");
  }
}
