package uk.neighbourhood.outcomes.job;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Tells a person what the run is doing: one line per stage, and a progress bar while returns are read
 * (driven by Spark's task-end events, so it works the same on a cluster). Silent when quiet.
 */
public final class Progress {
  private final PrintStream err;
  private final boolean enabled;
  private ProgressBar bar;
  private SparkListener listener;

  public Progress(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  public static Progress silent() {
    return new Progress(System.err, false);
  }

  public void stage(String what) {
    if (enabled) {
      err.println("• " + what);
    }
  }

  /** Shows a bar over the read stage: one step per finished task (a task reads a slice of the files). */
  public void watch(JavaSparkContext jsc, int files, int slices) {
    if (!enabled || files < 20 || System.console() == null) {
      return;
    }
    bar = new ProgressBarBuilder().setTaskName("Reading").setInitialMax(slices)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err)).build();
    AtomicLong done = new AtomicLong();
    ProgressBar b = bar;
    listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        b.stepTo(Math.min(slices, done.incrementAndGet()));
      }
    };
    jsc.sc().addSparkListener(listener);
    this.jsc = jsc;
  }

  private JavaSparkContext jsc;

  public void done() {
    if (bar != null) {
      bar.close();
      jsc.sc().removeSparkListener(listener);
      bar = null;
    }
  }
}
