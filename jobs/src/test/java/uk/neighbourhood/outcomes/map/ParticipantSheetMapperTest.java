package uk.neighbourhood.outcomes.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.catalog.Schemas;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.model.Workbook;
import uk.neighbourhood.outcomes.participants.ParticipantColumns;
import uk.neighbourhood.outcomes.participants.ParticipantSheets;
import uk.neighbourhood.outcomes.privacy.PseudonymKey;
import uk.neighbourhood.outcomes.publish.TemplateWriter;
import uk.neighbourhood.outcomes.read.ReadLimits;
import uk.neighbourhood.outcomes.read.Readers;

class ParticipantSheetMapperTest {
  static final Schemas SCHEMAS = Schemas.bundled();
  static final ReturnContext CTX = new ReturnContext("riverside-sp", "riverside-sp/participants.csv",
      "ab".repeat(32), SCHEMAS);

  static Map<String, Observation> byMeasure(MappingResult r) {
    return r.observations().stream().collect(Collectors.toMap(Observation::measure, o -> o));
  }

  @Test
  void aParticipantCsvOnItsOwnGivesTheWellbeingMeasuresInTheQuarterOfItsFollowUps() {
    Workbook wb = new Workbook("csv", List.of(ParticipantSheets.handWorked("participants")));
    MappingResult r = ReturnMappers.forScheme(SCHEMAS, "riverside-sp", null).map(wb, CTX);
    assertThat(r.layout()).isEqualTo(ParticipantSheetMapper.LAYOUT);
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.periods()).containsExactly("2025-26Q3");
    Map<String, Observation> obs = byMeasure(r);
    assertThat(obs.keySet()).contains("swemwbs_paired_n", "swemwbs_baseline_mean", "swemwbs_followup_mean",
        "swemwbs_meaningful_improvement", "swemwbs_change_sd", "ons4_paired_n", "ucla_lonely", "ucla_respondents");
    Observation mean = obs.get("swemwbs_followup_mean");
    assertThat(mean.value()).isCloseTo(22.85, within(1e-9));
    assertThat(mean.unit()).isEqualTo("score");
    assertThat(mean.sourceSheet()).isEqualTo("participants");
    assertThat(mean.sourceCell()).isEqualTo("D2:Q4");
    assertThat(mean.sourceSha256()).isEqualTo(CTX.sha256());
    assertThat(obs.get("ucla_respondents").unit()).isEqualTo("people");
  }

  @Test
  void participantValuesReplaceAggregateOnesWithAWarningNamingThoseThatDiffer() {
    Sheet participants = ParticipantSheets.handWorked("Participants");
    Workbook wb = new Workbook("xlsx", List.of(participants));
    ParticipantSheetMapper mapper = new ParticipantSheetMapper(null);
    Map<Sheet, ParticipantColumns> found = mapper.find(wb, SCHEMAS);
    MappingResult aggregate = new MappingResult("template v1", "riverside-sp", List.of("2025-26Q2"), List.of(
        obs("people_supported", 40.0, "C8"), obs("swemwbs_paired_n", 3.0, "C30"),
        obs("swemwbs_baseline_mean", 21.0, "C31")), List.of());
    MappingResult r = mapper.merge(aggregate, found, CTX);
    assertThat(r.layout()).isEqualTo("template v1 + participants");
    assertThat(r.declaredScheme()).isEqualTo("riverside-sp");
    // the return's own period wins over the follow-up dates
    assertThat(r.periods()).containsExactly("2025-26Q2");
    assertThat(r.observations()).filteredOn(o -> o.measure().equals("swemwbs_baseline_mean")).singleElement()
        .satisfies(o -> {
          assertThat(o.value()).isCloseTo(19.8667, within(0.0001));
          assertThat(o.sourceSheet()).isEqualTo("Participants");
        });
    assertThat(r.observations()).filteredOn(o -> o.measure().equals("people_supported")).singleElement()
        .satisfies(o -> assertThat(o.sourceCell()).isEqualTo("C8"));
    assertThat(r.problems()).filteredOn(p -> p.code().equals("participants.replace_aggregate")).singleElement()
        .satisfies(p -> {
          assertThat(p.isError()).isFalse();
          assertThat(p.message()).contains("swemwbs_baseline_mean (Return!C31)").doesNotContain("swemwbs_paired_n (");
        });
  }

  @Test
  void withAKeyTheMappingIsTheSameAndNoReferenceReachesTheResult() {
    Workbook wb = new Workbook("csv", List.of(ParticipantSheets.handWorked("participants")));
    MappingResult plain = ReturnMappers.forScheme(SCHEMAS, "riverside-sp", null).map(wb, CTX);
    MappingResult keyed = ReturnMappers.forScheme(SCHEMAS, "riverside-sp",
        PseudonymKey.of("another-test-key-32-bytes-long!!")).map(wb, CTX);
    assertThat(keyed.observations()).isEqualTo(plain.observations());
    assertThat(keyed.toString()).doesNotContain("RS-104");
  }

  @Test
  void aWorkbookWithoutParticipantSheetsIsMappedAsBefore() {
    Workbook wb = new Workbook("csv", List.of(Sheets.of("long",
        Sheets.row("scheme_id", "period", "measure", "value"),
        Sheets.row("riverside-sp", "2025-26Q1", "people_supported", 12))));
    MappingResult r = ReturnMappers.forScheme(SCHEMAS, "riverside-sp", null).map(wb, CTX);
    assertThat(r.layout()).doesNotContain("participants");
    assertThat(byMeasure(r)).containsKey("people_supported");
  }

  @Test
  void theParticipantCsvFixtureIsReadAndScoredAsWorkedByHand() throws Exception {
    Path f = Path.of("..", "fixtures", "participants",
        "riverside-sp_participants_2025-26Q3.csv").toAbsolutePath().normalize();
    Workbook wb = Readers.read(f, f.getFileName().toString(),
        ReadLimits.defaults());
    MappingResult r = ReturnMappers.forScheme(SCHEMAS, "riverside-sp", null).map(wb, CTX);
    assertThat(r.periods()).containsExactly("2025-26Q3");
    Map<String, Observation> obs = byMeasure(r);
    assertThat(obs.get("swemwbs_paired_n").value()).isEqualTo(3.0);
    assertThat(obs.get("swemwbs_baseline_mean").value()).isCloseTo(19.8667, within(0.0001));
    assertThat(obs.get("swemwbs_followup_mean").value()).isCloseTo(22.85, within(1e-9));
    assertThat(obs.get("swemwbs_meaningful_improvement").value()).isEqualTo(1.0);
    assertThat(obs.get("swemwbs_change_sd").value()).isCloseTo(1.45926, within(0.00001));
    assertThat(obs.get("ons4_anxiety_mean").value()).isEqualTo(4.0);
    assertThat(obs.get("ucla_lonely").value()).isEqualTo(2.0);
    assertThat(r.problems()).extracting(Problem::code)
        .containsExactly("participants.incomplete", "participants.incomplete");
  }

  @Test
  void aTemplateWithAParticipantsSheetKeepsItsSchemeAndPeriod() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TemplateWriter.write(bytes, SCHEMAS.measures(), "riverside-sp", "2025-26Q2");
    Path f = Files.createTempFile("template-participants", ".xlsx");
    try (XSSFWorkbook x = new XSSFWorkbook(
        new ByteArrayInputStream(bytes.toByteArray()));
        OutputStream o = Files.newOutputStream(f)) {
      XSSFSheet p = x.createSheet("Participants");
      Sheet worked = ParticipantSheets.handWorked("Participants");
      for (int r : worked.rowIndexes()) {
        XSSFRow row = p.createRow(r);
        for (Cell c : worked.row(r)) {
          if (c.kind() == CellKind.NUMBER) {
            row.createCell(c.col()).setCellValue(c.number());
          } else {
            row.createCell(c.col()).setCellValue(c.display());
          }
        }
      }
      x.write(o);
    }
    try {
      Workbook wb = Readers.read(f, "riverside-sp.xlsx",
          ReadLimits.defaults());
      MappingResult r = ReturnMappers.forScheme(SCHEMAS, "riverside-sp", null).map(wb, CTX);
      assertThat(r.layout()).isEqualTo(TemplateMapper.LAYOUT + " + " + ParticipantSheetMapper.LAYOUT);
      assertThat(r.declaredScheme()).isEqualTo("riverside-sp");
      assertThat(r.periods()).containsExactly("2025-26Q2");
      assertThat(byMeasure(r).get("swemwbs_paired_n").value()).isEqualTo(3.0);
      assertThat(byMeasure(r).get("swemwbs_paired_n").period()).isEqualTo("2025-26Q2");
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @Test
  void aWideAggregateSheetWithWellbeingColumnsIsNotAParticipantSheet() {
    Workbook wb = new Workbook("csv", List.of(Sheets.of("wide",
        Sheets.row("Start date", "End date", "People supported", "SWEMWBS baseline", "SWEMWBS follow-up"),
        Sheets.row("01/07/2025", "30/09/2025", 120, 19.5, 21.0))));
    assertThat(new ParticipantSheetMapper(null).find(wb, SCHEMAS)).isEmpty();
    Workbook participants = new Workbook("csv", List.of(Sheets.of("list",
        Sheets.row("Start date", "End date", "SWEMWBS baseline", "SWEMWBS follow-up"),
        Sheets.row("01/07/2025", "30/09/2025", 21, 24))));
    assertThat(new ParticipantSheetMapper(null).find(participants, SCHEMAS)).hasSize(1);
  }

  @Test
  void noSheetOfTheFixtureReturnsIsTakenForAParticipantSheet() throws IOException {
    Path inbox = Path.of("..", "fixtures", "inbox").toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> s = Files.walk(inbox)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    ParticipantSheetMapper mapper = new ParticipantSheetMapper(null);
    int read = 0;
    for (Path f : files) {
      Workbook wb;
      try {
        wb = Readers.read(f, f.getFileName().toString(),
            ReadLimits.defaults());
      } catch (Exception e) {
        continue;
      }
      read++;
      assertThat(mapper.find(wb, SCHEMAS)).as(f.toString()).isEmpty();
    }
    assertThat(read).isGreaterThan(10);
  }

  private static Observation obs(String measure, double value, String cell) {
    return new Observation("riverside-sp", "2025-26Q2", null, measure, value, "people", false, CTX.file(),
        CTX.sha256(), "Return", cell);
  }
}
