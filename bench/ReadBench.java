import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;
import uk.neighbourhood.outcomes.read.ReadException;
import uk.neighbourhood.outcomes.read.ReadLimits;
import uk.neighbourhood.outcomes.read.Readers;

/**
 * Reads files (or every file of the given extension under folders) one after another on one thread
 * through {@code Readers.read}, the way one Spark task does, and prints one line of timings. Run as a
 * source-file program on the jar's classpath, so the benchmark needs no Maven module:
 *
 * <pre>java -cp jobs/target/outcomes.jar:jobs/target/lib/* bench/ReadBench.java [--ext xlsx]
 *     [--max-cells N] [--repeat K] PATH...</pre>
 *
 * Output: {@code read: files=F refused=R seconds=S mb=M xml_mb=X mb_per_s=.. xml_mb_per_s=.. cells=C
 * heap_used_mb=H cpu_s=.. xml_mb_per_cpu_s=..}, where xml_mb counts the inflated worksheet parts (the measure the peers' timings in
 * shared/tips.md use). With --repeat K the files are read K times and the last pass is reported (a warm
 * JIT, as in a long Spark executor); the first pass is reported as well.
 */
public final class ReadBench {
  public static void main(String[] args) throws IOException {
    String ext = "xlsx";
    long maxCells = ReadLimits.defaults().maxCells();
    int repeat = 1;
    List<Path> roots = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--ext" -> ext = args[++i];
        case "--max-cells" -> maxCells = Long.parseLong(args[++i]);
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        default -> roots.add(Path.of(args[i]));
      }
    }
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        String suffix = "." + ext;
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.getFileName().toString().toLowerCase().endsWith(suffix)).sorted().forEach(files::add);
        }
      } else {
        files.add(root);
      }
    }
    long bytes = 0;
    long xml = 0;
    for (Path f : files) {
      bytes += Files.size(f);
      xml += sheetXmlBytes(f);
    }
    ReadLimits limits = ReadLimits.defaults().withMaxCells(maxCells);
    for (int pass = 1; pass <= repeat; pass++) {
      long cells = 0;
      int refused = 0;
      String firstRefusal = null;
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      for (Path f : files) {
        try {
          Workbook wb = Readers.read(f, f.getFileName().toString(), limits);
          for (Sheet s : wb.sheets()) {
            cells += s.cellCount();
          }
        } catch (ReadException e) {
          refused++;
          if (firstRefusal == null) {
            firstRefusal = f.getFileName() + ": " + e.getMessage();
          }
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (processCpuNanos() - cpu0) / 1e9;
      Runtime rt = Runtime.getRuntime();
      System.out.printf("read: pass=%d files=%d refused=%d seconds=%.3f mb=%.2f xml_mb=%.2f mb_per_s=%.2f "
              + "xml_mb_per_s=%.2f files_per_s=%.1f cells=%d heap_used_mb=%d cpu_s=%.3f xml_mb_per_cpu_s=%.2f%n", pass,
          files.size(), refused, s,
          bytes / 1e6, xml / 1e6, bytes / 1e6 / s, xml / 1e6 / s, files.size() / s, cells,
          (rt.totalMemory() - rt.freeMemory()) >> 20, cpu, xml / 1e6 / cpu);
      if (firstRefusal != null) {
        System.out.println("read: first refusal: " + firstRefusal);
      }
    }
  }

  /**
   * CPU time of the whole process (all threads: the reader, GC, JIT). On a loaded machine the wall
   * clock mostly measures waiting for a core; this does not.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Inflated size of the worksheet parts of an xlsx; 0 for other formats. */
  private static long sheetXmlBytes(Path f) {
    try (ZipFile zip = new ZipFile(f.toFile())) {
      long n = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry z = e.nextElement();
        if (z.getName().startsWith("xl/worksheets/") && z.getName().endsWith(".xml") && z.getSize() > 0) {
          n += z.getSize();
        }
      }
      return n;
    } catch (IOException e) {
      return 0;
    }
  }
}
