package uk.neighbourhood.outcomes.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the independent parts of a publication side by side: Spark jobs submitted from several driver
 * threads share the executors, and the driver's own work (the national workbooks) overlaps them. Every
 * part is waited for, even after one fails, so nothing is still writing into the staging folder when the
 * run abandons it; the first failure is then rethrown as it was thrown.
 */
final class Concurrently implements AutoCloseable {
  /** A part of the work; may throw anything, as the code it wraps does. */
  interface Part {
    void run() throws Exception;
  }

  private final ExecutorService pool;
  private final List<Future<?>> running = new ArrayList<>();
  private final java.util.Map<String, Long> millis = new java.util.concurrent.ConcurrentSkipListMap<>();

  Concurrently(String name, int threads) {
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts a part; its wall time is kept under {@code name}. */
  void start(String name, Part part) {
    running.add(pool.submit(() -> {
      long t0 = System.nanoTime();
      try {
        part.run();
      } finally {
        millis.put(name, (System.nanoTime() - t0) / 1_000_000);
      }
      return null;
    }));
  }

  /** Wall milliseconds of each part that has ended, by name. */
  java.util.Map<String, Long> millis() {
    return millis;
  }

  /** Waits for every part started; rethrows the first failure (in start order) once all have ended. */
  void awaitAll() throws Exception {
    Throwable first = null;
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (first == null) {
          first = e;
        }
      }
    }
    running.clear();
    if (first instanceof Exception e) {
      throw e;
    }
    if (first instanceof Error e) {
      throw e;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
