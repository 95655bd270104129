import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The floor under any StAX xlsx reader: inflate xl/worksheets/sheet1.xml and walk it once with the JDK's
 * namespace-aware StAX parser (the one SecureXml uses), counting <c> elements and touching nothing else.
 * Compare its CPU seconds with ReadBench's on the same file to split the reader's cost into "parser"
 * and "everything we do per cell". usage: java bench/XmlFloor.java FILE.xlsx [repeat]
 */
public final class XmlFloor {
  public static void main(String[] args) throws Exception {
    int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int pass = 1; pass <= repeat; pass++) {
      long t0 = System.nanoTime();
      long c0 = os.getProcessCpuTime();
      long cells = 0;
      long bytes;
      try (ZipFile zip = new ZipFile(args[0])) {
        var entry = zip.getEntry("xl/worksheets/sheet1.xml");
        bytes = entry.getSize();
        try (InputStream in = zip.getInputStream(entry)) {
          XMLStreamReader r = f.createXMLStreamReader(in);
          while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("c")) {
              cells++;
            }
          }
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - c0) / 1e9;
      System.out.printf("floor: pass=%d cells=%d seconds=%.3f cpu_s=%.3f xml_mb_per_cpu_s=%.2f%n", pass, cells, s, cpu,
          bytes / 1e6 / cpu);
    }
  }
}
