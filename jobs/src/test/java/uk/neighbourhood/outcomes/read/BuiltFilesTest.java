package uk.neighbourhood.outcomes.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.CellRange;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;

/** Small files made here, one trap each, read through the public entry point. */
class BuiltFilesTest {
  private static final ReadLimits LIMITS = ReadLimits.defaults();

  @TempDir
  Path dir;

  @Test
  void xlsxKeepsMergedHeaderErrorsCachedValuesAndHiddenSheets() throws IOException {
    Path file = dir.resolve("return.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFSheet sheet = wb.createSheet("Return");
      XSSFRow top = sheet.createRow(0);
      top.createCell(0).setCellValue("Referrals");
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
      XSSFRow sub = sheet.createRow(1);
      sub.createCell(0).setCellValue("New");
      sub.createCell(1).setCellValue("Closed");
      XSSFRow data = sheet.createRow(2);
      data.createCell(0).setCellValue(1234);
      data.createCell(1).setCellErrorValue(FormulaError.DIV0);
      var formula = data.createCell(2);
      formula.setCellFormula("1+1");
      formula.setCellValue(99); // the cached value a team saw; never re-evaluated
      data.createCell(3).setCellValue(true);
      wb.createSheet("Lookups").createRow(0).createCell(0).setCellValue("hidden text");
      wb.setSheetHidden(1, true);
      wb.createSheet("Secret").createRow(0).createCell(0).setCellValue("very hidden");
      wb.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
      write(wb, file);
    }

    Workbook read = Readers.read(file, "return.xlsx", LIMITS);

    Sheet s = read.sheets().get(0);
    assertThat(s.merged()).containsExactly(new CellRange(0, 0, 0, 1));
    assertThat(s.cellOrMerged(0, 1).text()).isEqualTo("Referrals");
    assertThat(s.cell(2, 0).number()).isEqualTo(1234);
    assertThat(s.cell(2, 1)).isEqualTo(Cell.error(2, 1, "#DIV/0!"));
    assertThat(s.cell(2, 2).number()).isEqualTo(99);
    assertThat(s.cell(2, 3)).isEqualTo(Cell.bool(2, 3, true));
    assertThat(read.sheets()).extracting(Sheet::name, Sheet::hidden)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Return", false),
            org.assertj.core.groups.Tuple.tuple("Lookups", true), org.assertj.core.groups.Tuple.tuple("Secret", true));
    assertThat(read.visibleSheets()).extracting(Sheet::name).containsExactly("Return");
  }

  @Test
  void datesFollowTheWorkbookDateSystemAndTheLeapYearBug() throws IOException {
    Path file1904 = dir.resolve("mac.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var ct = wb.getCTWorkbook();
      (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
      assertThat(wb.isDate1904()).isTrue();
      CellStyle date = dateStyle(wb);
      var row = wb.createSheet("Dates").createRow(0);
      var c = row.createCell(0);
      c.setCellValue(LocalDate.of(2025, 9, 30));
      c.setCellStyle(date);
      var zero = row.createCell(1);
      zero.setCellValue(0);
      zero.setCellStyle(date);
      write(wb, file1904);
    }
    Sheet mac = Readers.read(file1904, "mac.xlsx", LIMITS).sheets().get(0);
    assertThat(mac.cell(0, 0).date()).isEqualTo(LocalDateTime.of(2025, 9, 30, 0, 0));
    assertThat(mac.cell(0, 1).date()).isEqualTo(LocalDateTime.of(1904, 1, 1, 0, 0));

    Path file1900 = dir.resolve("pc.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle date = dateStyle(wb);
      var row = wb.createSheet("Dates").createRow(0);
      double[] serials = {1, 59, 61, 45930};
      for (int i = 0; i < serials.length; i++) {
        var c = row.createCell(i);
        c.setCellValue(serials[i]);
        c.setCellStyle(date);
      }
      row.createCell(4).setCellValue(45930); // no date format: stays a number
      write(wb, file1900);
    }
    Sheet pc = Readers.read(file1900, "pc.xlsx", LIMITS).sheets().get(0);
    assertThat(pc.cell(0, 0).date()).isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 0));
    assertThat(pc.cell(0, 1).date()).isEqualTo(LocalDateTime.of(1900, 2, 28, 0, 0));
    // Excel counts a 29 February 1900 that never was, so serial 61 is 1 March
    assertThat(pc.cell(0, 2).date()).isEqualTo(LocalDateTime.of(1900, 3, 1, 0, 0));
    assertThat(pc.cell(0, 3).date()).isEqualTo(LocalDateTime.of(2025, 9, 30, 0, 0));
    assertThat(pc.cell(0, 4).kind()).isEqualTo(CellKind.NUMBER);
  }

  @Test
  void inlineStringsFromStreamingWritersAreRead() throws IOException {
    Path file = dir.resolve("streamed.xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
      var row = wb.createSheet("S").createRow(0);
      row.createCell(0).setCellValue("people_supported");
      row.createCell(1).setCellValue(56.5);
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
      wb.dispose();
    }
    assertThat(new String(unzipEntry(file, "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8)).contains("inlineStr");
    Sheet s = Readers.read(file, "streamed.xlsx", LIMITS).sheets().get(0);
    assertThat(s.cell(0, 0)).isEqualTo(Cell.text(0, 0, "people_supported"));
    assertThat(s.cell(0, 1).number()).isEqualTo(56.5);
  }

  @Test
  void utf16LittleEndianTabFileWithBomIsDecodedAndSplitOnTabs() throws IOException {
    Path file = dir.resolve("return.tsv");
    String text = "measure\tvalue\tnote\r\npeople_supported\t1234\tcafé, naïve\r\nvolunteer_hours\t56.5\t\r\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0xFF);
    bytes.write(0xFE);
    bytes.write(text.getBytes(StandardCharsets.UTF_16LE));
    Files.write(file, bytes.toByteArray());

    Sheet s = Readers.read(file, "return.tsv", LIMITS).sheets().get(0);

    assertThat(s.name()).isEqualTo("return");
    assertThat(s.cell(0, 0)).isEqualTo(Cell.text(0, 0, "measure"));
    assertThat(s.cell(1, 1)).isEqualTo(Cell.number(1, 1, 1234));
    assertThat(s.cell(1, 2).text()).isEqualTo("café, naïve");
    assertThat(s.cell(2, 1)).isEqualTo(Cell.number(2, 1, 56.5));
  }

  @Test
  void windows1252SemicolonFileConvertsDecimalCommasButKeepsThousandsAsText() throws IOException {
    Path file = dir.resolve("retour.csv");
    String text = "Mesure;Valeur;Code\r\nDépenses;12,5;007\r\nPersonnes;1,234;1\r\nTotal;1.234,50;-0,25\r\n";
    Files.write(file, text.getBytes(Charset.forName("windows-1252")));

    Sheet s = Readers.read(file, "retour.csv", LIMITS).sheets().get(0);

    assertThat(s.cell(1, 0).text()).isEqualTo("Dépenses");
    assertThat(s.cell(1, 1)).isEqualTo(Cell.number(1, 1, 12.5));
    assertThat(s.cell(1, 2)).isEqualTo(Cell.text(1, 2, "007"));
    assertThat(s.cell(2, 1)).as("1,234 could be either, so the mapper decides").isEqualTo(Cell.text(2, 1, "1,234"));
    assertThat(s.cell(3, 1)).isEqualTo(Cell.text(3, 1, "1.234,50"));
    assertThat(s.cell(3, 2)).isEqualTo(Cell.number(3, 2, -0.25));
  }

  @Test
  void delimiterIsTheOneThatSplitsRowsEvenlyOutsideQuotes() {
    assertThat(DelimitedTextReader.sniffDelimiter("name;note\n\"Smith, J\";\"a, b, c\"\n\"Jones\";x\n", "csv"))
        .isEqualTo(';');
    assertThat(DelimitedTextReader.sniffDelimiter("a|b|c\n1|2,5|3\n4|5|6\n", "txt")).isEqualTo('|');
    assertThat(DelimitedTextReader.sniffDelimiter("a\tb\n1\t2\n", "txt")).isEqualTo('\t');
    assertThat(DelimitedTextReader.sniffDelimiter("just one column\nsecond line\n", "tsv")).isEqualTo('\t');
    assertThat(DelimitedTextReader.sniffDelimiter("just one column\nsecond line\n", "csv")).isEqualTo(',');
  }

  @Test
  void excelsSeparatorHintLineChoosesTheDelimiterAndIsNotData() throws IOException {
    Path file = dir.resolve("hinted.csv");
    Files.writeString(file, "sep=;\nmeasure;value\ncontacts;12,5\n");
    Sheet s = Readers.read(file, "hinted.csv", LIMITS).sheets().get(0);
    assertThat(s.rowIndexes()).containsExactly(1, 2);
    assertThat(s.cell(2, 1)).isEqualTo(Cell.number(2, 1, 12.5));
  }

  @Test
  void quotedThousandsStayTextAndAnUnquotedOneIsJoinedBack() throws IOException {
    Path file = dir.resolve("long.csv");
    Files.writeString(file, "scheme_id,period,measure,value\n"
        + "s,2025-26Q2,contacts,\"1,234\"\n"
        + "s,2025-26Q2,people_supported,1,234\n"
        + "s,2025-26Q2,volunteer_hours,56.5\n"
        + "s,2025-26Q2,\"line one\nline two\",7,extra\n");

    Sheet s = Readers.read(file, "long.csv", LIMITS).sheets().get(0);

    assertThat(s.cell(1, 3)).isEqualTo(Cell.text(1, 3, "1,234"));
    assertThat(s.cell(2, 3)).isEqualTo(Cell.text(2, 3, "1,234"));
    assertThat(s.cell(2, 4)).isNull();
    assertThat(s.cell(3, 3)).isEqualTo(Cell.number(3, 3, 56.5));
    assertThat(s.cell(4, 2).text()).isEqualTo("line one\nline two");
    assertThat(s.cell(4, 4).text()).isEqualTo("extra");
  }

  @Test
  void odsRepeatsSpansHiddenTablesAndTypesAreRead() throws IOException {
    String content = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">
         <office:automatic-styles>
          <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
          <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
         </office:automatic-styles>
         <office:body><office:spreadsheet>
          <table:table table:name="Return" table:style-name="ta1">
           <table:table-row>
            <table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>Referrals</text:p></table:table-cell>
            <table:covered-table-cell/>
            <table:table-cell office:value-type="string"><office:annotation><text:p>a comment, not the value</text:p></office:annotation><text:p>two<text:s text:c="2"/>spaces</text:p></table:table-cell>
           </table:table-row>
           <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
           <table:table-row>
            <table:table-cell office:value-type="float" office:value="1234"><text:p>1,234</text:p></table:table-cell>
            <table:table-cell office:value-type="percentage" office:value="0.565"><text:p>56.5%</text:p></table:table-cell>
            <table:table-cell office:value-type="date" office:date-value="2025-09-30"><text:p>30/09/2025</text:p></table:table-cell>
            <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
            <table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>
           </table:table-row>
          </table:table>
          <table:table table:name="Notes" table:style-name="ta2">
           <table:table-row><table:table-cell office:value-type="string"><text:p>hidden</text:p></table:table-cell></table:table-row>
          </table:table>
         </office:spreadsheet></office:body>
        </office:document-content>
        """.strip();
    Path file = dir.resolve("return.ods");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
      ZipEntry m = new ZipEntry("mimetype");
      m.setMethod(ZipEntry.STORED);
      m.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      m.setCrc(crc.getValue());
      zip.putNextEntry(m);
      zip.write(mimetype);
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
    }

    Workbook wb = Readers.read(file, "return.ods", LIMITS);

    Sheet s = wb.sheets().get(0);
    assertThat(s.merged()).containsExactly(new CellRange(0, 0, 0, 1));
    assertThat(s.cell(0, 0).text()).isEqualTo("Referrals");
    assertThat(s.cell(0, 2).text()).isEqualTo("two  spaces");
    int dataRow = 1 + 1048000;
    assertThat(s.rowIndexes()).containsExactly(0, dataRow);
    assertThat(s.cell(dataRow, 0)).isEqualTo(Cell.number(dataRow, 0, 1234));
    assertThat(s.cell(dataRow, 1)).isEqualTo(Cell.number(dataRow, 1, 0.565));
    assertThat(s.cell(dataRow, 2).date()).isEqualTo(LocalDateTime.of(2025, 9, 30, 0, 0));
    assertThat(s.cell(dataRow, 3)).isEqualTo(Cell.bool(dataRow, 3, true));
    assertThat(s.row(dataRow)).hasSize(6);
    assertThat(wb.sheets().get(1).hidden()).isTrue();
    assertThat(s.hidden()).isFalse();
  }

  @Test
  void aMissingFileOrAFolderIsAnIoRefusalNotACorruptFile() throws IOException {
    assertThatThrownBy(() -> Readers.read(dir.resolve("gone.xlsx"), "gone.xlsx", LIMITS))
        .isInstanceOfSatisfying(ReadException.class, e -> assertThat(e.problem().code()).isEqualTo("read.io"));
    Path folder = Files.createDirectory(dir.resolve("folder.csv"));
    assertThatThrownBy(() -> Readers.read(folder, "folder.csv", LIMITS))
        .isInstanceOfSatisfying(ReadException.class, e -> assertThat(e.problem().code()).isEqualTo("read.io"));
  }

  @Test
  void tooManyCellsIsRefusedWithTheLimitInWords() throws IOException {
    Path file = dir.resolve("wide.csv");
    Files.writeString(file, "a,b,c,d,e\n1,2,3,4,5\n6,7,8,9,10\n");
    assertThatThrownBy(() -> Readers.read(file, "wide.csv", LIMITS.withMaxCells(10)))
        .isInstanceOfSatisfying(ReadException.class, e -> {
          assertThat(e.problem().code()).isEqualTo("read.too_many_cells");
          assertThat(e.problem().message()).contains("more than 10 non-empty cells");
        });
  }

  @Test
  void aReadThatRunsOutOfTimeIsRefused() throws IOException {
    Path file = dir.resolve("long.csv");
    StringBuilder sb = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 200_000; i++) {
      sb.append(i).append(",x,").append(i * 0.5).append('\n');
    }
    Files.writeString(file, sb);
    ReadLimits tight = new ReadLimits(LIMITS.maxFileBytes(), LIMITS.maxCells(), LIMITS.maxInflatedBytes(),
        LIMITS.maxInflationRatio(), Duration.ofMillis(1));
    assertThatThrownBy(() -> Readers.read(file, "long.csv", tight))
        .isInstanceOfSatisfying(ReadException.class,
            e -> assertThat(e.problem().code()).isEqualTo("read.time_limit"));
  }

  @Test
  void aDoctypeInAnyPartIsRefusedAndNoLocalFileIsRead() throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-MARKER");
    Path clean = dir.resolve("clean.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("S").createRow(0).createCell(0).setCellValue("x");
      write(wb, clean);
    }
    Path hostile = dir.resolve("hostile.xlsx");
    String sheetXml = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
        + "<c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>";
    replaceEntry(clean, hostile, "xl/worksheets/sheet1.xml", sheetXml.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> Readers.read(hostile, "hostile.xlsx", LIMITS))
        .isInstanceOfSatisfying(ReadException.class, e -> {
          assertThat(e.problem().code()).isEqualTo("read.xml_entities");
          assertThat(e.problem().render()).doesNotContain("TOP-SECRET-MARKER");
        });
  }

  @Test
  void aSharedStringLongerThanAnyCellIsRefusedNotCopiedIntoEveryCell() throws IOException {
    Path clean = dir.resolve("clean.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var sheet = wb.createSheet("S");
      for (int r = 0; r < 100; r++) {
        sheet.createRow(r).createCell(0).setCellValue("same");
      }
      write(wb, clean);
    }
    Path crafted = dir.resolve("crafted.xlsx");
    String sst = "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        + " count=\"100\" uniqueCount=\"1\"><si><t>" + "x".repeat(1_000_000) + "</t></si></sst>";
    replaceEntry(clean, crafted, "xl/sharedStrings.xml", sst.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> Readers.read(crafted, "crafted.xlsx", LIMITS))
        .isInstanceOfSatisfying(ReadException.class, e -> {
          assertThat(e.problem().code()).isEqualTo("read.cell_too_long");
          assertThat(e.problem().location()).isEqualTo("sheet 'S' cell A1");
        });
  }

  @Test
  void theTallSheetIsRefusedByALowCellLimitWithTheLimitInWords() {
    // read whole under the default limit in TortureCorpusTest
    Path tall = Corpus.tortureOrFail().resolve("made/tall-300k-rows.xlsx");
    assertThatThrownBy(() -> Readers.read(tall, "tall.xlsx", LIMITS.withMaxCells(100_000)))
        .isInstanceOfSatisfying(ReadException.class, e -> {
          assertThat(e.problem().code()).isEqualTo("read.too_many_cells");
          assertThat(e.problem().message())
              .isEqualTo("Cannot read 'tall.xlsx': it holds more than 100,000 non-empty cells");
        });
  }

  private static CellStyle dateStyle(XSSFWorkbook wb) {
    CellStyle style = wb.createCellStyle();
    style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
    return style;
  }

  private static void write(XSSFWorkbook wb, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    }
  }

  private static byte[] unzipEntry(Path zipFile, String name) throws IOException {
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zipFile.toFile())) {
      return z.getInputStream(z.getEntry(name)).readAllBytes();
    }
  }

  private static void replaceEntry(Path from, Path to, String name, byte[] content) throws IOException {
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(from.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(e.getName().equals(name) ? content : in.getInputStream(e).readAllBytes());
      }
    }
  }
}
