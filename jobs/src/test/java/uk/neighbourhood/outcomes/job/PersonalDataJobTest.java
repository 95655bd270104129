package uk.neighbourhood.outcomes.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.privacy.SyntheticPeople;

/**
 * A return full of synthetic personal identifiers goes through the whole job: it must be refused, not
 * kept, and no identifier (nor a participant reference of an accepted return) may appear in any file the
 * run wrote or in its log.
 */
class PersonalDataJobTest {
  static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
  static final String[] REFS = {"RS-7731", "RS-7732", "RS-7733", "RS-7734"};

  @TempDir static Path work;
  static SparkSession spark;
  static Path out;
  static final StringWriter LOGS = new StringWriter();
  static final List<String> IDENTIFIERS = new ArrayList<>();

  @BeforeAll
  static void runOnAnInboxWithIdentifiers() throws IOException {
    spark = SharedSpark.spark();
    Path inbox = work.resolve("inbox");
    Files.createDirectories(inbox.resolve("riverside-sp"));
    Files.createDirectories(inbox.resolve("kestrel-hub"));
    Files.copy(FixtureInbox.bundled().resolve("schemes.csv"), inbox.resolve("schemes.csv"));
    Files.copy(FixtureInbox.bundled().resolve("kestrel-hub/2025-26Q1.csv"), inbox.resolve("kestrel-hub/2025-26Q1.csv"));

    List<String> nhs = SyntheticPeople.nhsNumbers(4);
    writeIdentifiedWorkbook(inbox.resolve("riverside-sp/riverside-sp_participants_2025-26Q3.xlsx"), nhs);
    writeIdentifiedCsv(inbox.resolve("kestrel-hub/kestrel-hub_participants.csv"), nhs);
    writeCleanParticipantCsv(inbox.resolve("riverside-sp/riverside-sp_wellbeing_2025-26Q3.csv"));
    for (String n : nhs) {
      IDENTIFIERS.add(n);
      IDENTIFIERS.add(n.replace(" ", ""));
    }
    IDENTIFIERS.addAll(SyntheticPeople.EMAILS);
    IDENTIFIERS.addAll(SyntheticPeople.PHONES);
    IDENTIFIERS.addAll(SyntheticPeople.NAMES);
    SyntheticPeople.NAMES.forEach(n -> IDENTIFIERS.add(n.substring(n.indexOf(' ') + 1)));
    IDENTIFIERS.addAll(SyntheticPeople.POSTCODES);
    IDENTIFIERS.addAll(SyntheticPeople.BIRTH_DATES);
    IDENTIFIERS.addAll(List.of("1951-03-14", "1987-11-02", "1963-07-29", "1999-01-08"));
    IDENTIFIERS.addAll(List.of(REFS));

    out = work.resolve("out");
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    LoggerConfig root = ctx.getConfiguration().getRootLogger();
    Level before = root.getLevel();
    WriterAppender appender = WriterAppender.newBuilder().setName("privacy-test").setTarget(LOGS)
        .setLayout(PatternLayout.newBuilder().withPattern("%p %c{1}: %m%n%throwable").build()).build();
    appender.start();
    root.addAppender(appender, Level.ALL, null);
    root.setLevel(Level.INFO);
    ctx.updateLoggers();
    try {
      RunOptions o = new RunOptions(inbox.toString(), out.toString(), null, List.of(), null, null, TODAY, false);
      new QuarterlyJob(spark, o, Progress.silent()).run();
    } finally {
      root.removeAppender("privacy-test");
      root.setLevel(before);
      ctx.updateLoggers();
      appender.stop();
    }
  }

  @Test
  void returnsWithIdentifiersAreRefusedWithTheColumnsToRemove() {
    Map<String, Row> returns = spark.read().parquet(out.resolve("parquet/returns").toString()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("file"), r -> r));
    Row xlsx = returns.get("riverside-sp/riverside-sp_participants_2025-26Q3.xlsx");
    assertThat((String) xlsx.getAs("status")).isEqualTo("quarantined");
    List<String> problems = xlsx.getList(xlsx.fieldIndex("problems"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("sheet 'Participants' column B holds NHS numbers"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("column D holds email addresses"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("column E holds phone numbers"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("column F holds dates of birth"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("column C holds names beside postcodes in column G"));
    Row csv = returns.get("kestrel-hub/kestrel-hub_participants.csv");
    assertThat((String) csv.getAs("status")).isEqualTo("quarantined");
    assertThat(csv.<String>getList(csv.fieldIndex("problems"))).anySatisfy(p -> assertThat(p).contains("NHS numbers"));
  }

  @Test
  void aReturnRefusedForPersonalDataIsNotCopiedToQuarantine() throws IOException {
    Path folder = out.resolve("quarantine/riverside-sp");
    assertThat(folder.resolve("riverside-sp_participants_2025-26Q3.xlsx")).doesNotExist();
    assertThat(out.resolve("quarantine/kestrel-hub/kestrel-hub_participants.csv")).doesNotExist();
    assertThat(Files.readString(folder.resolve("riverside-sp_participants_2025-26Q3.xlsx.problems.txt")))
        .contains("has not been kept").contains("column B holds NHS numbers");
  }

  @Test
  void aCleanParticipantReturnIsPublishedAsWellbeingMeasures() {
    List<Row> obs = spark.read().parquet(out.resolve("parquet/observations").toString())
        .where("scheme_id = 'riverside-sp' and measure = 'swemwbs_paired_n'").collectAsList();
    assertThat(obs).singleElement().satisfies(r -> {
      assertThat((Double) r.getAs("value")).isEqualTo(4.0);
      assertThat((String) r.getAs("period")).isEqualTo("2025-26Q3");
      assertThat((String) r.getAs("source_cell")).isEqualTo("C2:D5");
    });
  }

  @Test
  void noIdentifierOrReferenceAppearsInAnyFileTheRunWroteOrInItsLog() throws IOException {
    Map<String, String> texts = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anySatisfy(f -> assertThat(f.toString()).endsWith(".parquet"));
    assertThat(files).anySatisfy(f -> assertThat(f.toString()).endsWith(".xlsx"));
    assertThat(files).anySatisfy(f -> assertThat(f.toString()).contains("runs"));
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      texts.put(f.toString(), new String(bytes, StandardCharsets.ISO_8859_1));
      if (f.toString().endsWith(".xlsx")) {
        texts.put(f + " (unzipped)", unzipped(f));
      }
    }
    // Parquet pages are compressed: decode every table, binary columns (the ledger) as raw bytes
    try (Stream<Path> s = Files.walk(out)) {
      for (Path dir : s.filter(Files::isDirectory).filter(PersonalDataJobTest::holdsParquetDirectly).toList()) {
        StringBuilder sb = new StringBuilder();
        for (Row r : spark.read().parquet(dir.toString()).collectAsList()) {
          for (int i = 0; i < r.size(); i++) {
            Object v = r.get(i);
            sb.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v)).append('|');
          }
          sb.append('\n');
        }
        texts.put(dir + " (decoded)", sb.toString());
      }
    }
    assertThat(texts.keySet()).anySatisfy(k -> assertThat(k).contains("ledger").endsWith("(decoded)"));
    texts.put("log", LOGS.toString());
    assertThat(LOGS.toString()).isNotEmpty();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      for (String id : IDENTIFIERS) {
        assertThat(e.getValue()).as(e.getKey() + " must not hold an identifier").doesNotContain(id);
      }
    }
  }

  private static boolean holdsParquetDirectly(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.toString().endsWith(".parquet") || Files.isDirectory(p)
          && p.getFileName().toString().contains("=") && hasParquet(p));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasParquet(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.toString().endsWith(".parquet"));
    } catch (IOException e) {
      return false;
    }
  }

  private static String unzipped(Path xlsx) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(xlsx.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        try (InputStream in = z.getInputStream(e)) {
          sb.append(e.getName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    return sb.toString();
  }

  /** Columns: A ref, B NHS number, C name, D email, E phone, F date of birth, G postcode, H-I SWEMWBS totals. */
  private static void writeIdentifiedWorkbook(Path file, List<String> nhs) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(file)) {
      XSSFSheet s = wb.createSheet("Participants");
      String[] header = {"Participant ref", "NHS number", "Client name", "Email", "Phone", "DOB", "Postcode",
          "SWEMWBS baseline total", "SWEMWBS follow-up total", "Follow-up date"};
      XSSFRow h = s.createRow(0);
      for (int c = 0; c < header.length; c++) {
        h.createCell(c).setCellValue(header[c]);
      }
      for (int i = 0; i < 4; i++) {
        XSSFRow r = s.createRow(i + 1);
        r.createCell(0).setCellValue(REFS[i]);
        r.createCell(1).setCellValue(nhs.get(i));
        r.createCell(2).setCellValue(SyntheticPeople.NAMES.get(i));
        r.createCell(3).setCellValue(SyntheticPeople.EMAILS.get(i));
        r.createCell(4).setCellValue(SyntheticPeople.PHONES.get(i));
        r.createCell(5).setCellValue(SyntheticPeople.BIRTH_DATES.get(i));
        r.createCell(6).setCellValue(SyntheticPeople.POSTCODES.get(i));
        r.createCell(7).setCellValue(20 + i);
        r.createCell(8).setCellValue(24 + i);
        r.createCell(9).setCellValue("10/11/2025");
      }
      wb.write(o);
    }
  }

  private static void writeIdentifiedCsv(Path file, List<String> nhs) throws IOException {
    StringBuilder sb = new StringBuilder("Client ref,NHS No,SWEMWBS baseline total,SWEMWBS follow-up total,Follow-up date\n");
    for (int i = 0; i < 4; i++) {
      sb.append(REFS[i]).append(',').append(nhs.get(i).replace(" ", "")).append(',').append(20 + i).append(',')
          .append(25 + i).append(",10/11/2025\n");
    }
    Files.writeString(file, sb.toString());
  }

  /** Allowed: a participant reference (pseudonymised, never published) beside the scores. */
  private static void writeCleanParticipantCsv(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("Participant ref,Follow-up date,SWEMWBS baseline total,SWEMWBS follow-up total\n");
    for (int i = 0; i < 4; i++) {
      sb.append(REFS[i]).append(",10/11/2025,").append(18 + i).append(',').append(23 + i).append('\n');
    }
    Files.writeString(file, sb.toString());
  }
}
