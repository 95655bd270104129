package uk.neighbourhood.outcomes.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.neighbourhood.outcomes.publish.NationalSummaryWorkbookTest.rowOf;
import static uk.neighbourhood.outcomes.publish.NationalSummaryWorkbookTest.texts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.neighbourhood.outcomes.model.Observation;
import uk.neighbourhood.outcomes.model.Problem;

class FeedbackWorkbookTest {
  @TempDir Path dir;

  private XSSFWorkbook written(ReportInputs in, String scheme) throws Exception {
    return ReportFiles.writeAndOpen(dir.resolve("feedback").resolve(scheme + ".xlsx"),
        out -> FeedbackWorkbook.write(in, scheme, ReportFixtures.Q2, out));
  }

  @Test
  void aRefusedReturnSaysWhyAndListsEachProblemWithItsCell() throws Exception {
    try (XSSFWorkbook wb = written(ReportFixtures.inputs(), "hollins-lac")) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).containsExactly("Summary", "What we read", "Problems", "How you compare");
      List<String> summary = texts(wb.getSheet("Summary"));
      assertThat(summary).anySatisfy(t -> assertThat(t).startsWith("Not accepted."));
      assertThat(summary).anySatisfy(t -> assertThat(t).contains("Type the number of people only"));
      XSSFSheet problems = wb.getSheet("Problems");
      for (Problem p : ReportFixtures.HOLLINS_PROBLEMS) {
        Row row = rowWith(problems, p.message());
        assertThat(row.getCell(2).getStringCellValue()).isEqualTo(p.sheet());
        assertThat(row.getCell(3).getStringCellValue()).isEqualTo(p.cell());
        assertThat(row.getCell(5).getStringCellValue()).isEqualTo(p.fix());
        assertThat(row.getCell(1).getStringCellValue()).isEqualToIgnoringCase(p.severity().name());
      }
      assertThat(problems.getTables()).hasSize(1);
      assertThat(problems.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(2);
    }
  }

  @Test
  void aProblemMessageStartingWithEqualsIsAStringCellNotAFormula() throws Exception {
    try (XSSFWorkbook wb = written(ReportFixtures.inputs(), "hollins-lac")) {
      Row row = rowWith(wb.getSheet("Problems"), ReportFixtures.HOLLINS_PROBLEMS.get(2).message());
      Cell message = row.getCell(4);
      assertThat(message.getCellType()).isEqualTo(CellType.STRING);
      assertThat(message.getStringCellValue()).startsWith("=SUM(");
      assertThat(message.getCellStyle().getQuotePrefixed()).isTrue();
    }
  }

  @Test
  void whatWeReadTracesEveryValueToItsFileSheetAndCell() throws Exception {
    ReportInputs in = ReportFixtures.inputs();
    try (XSSFWorkbook wb = written(in, "kestrel-hub")) {
      XSSFSheet read = wb.getSheet("What we read");
      List<Observation> mine = in.observations().stream()
          .filter(o -> o.schemeId().equals("kestrel-hub") && o.period().equals(ReportFixtures.Q2)).toList();
      assertThat(read.getLastRowNum()).isEqualTo(mine.size());
      for (Observation o : mine) {
        Row row = rowWith(read, o.measure());
        assertThat(row.getCell(5).getStringCellValue()).isEqualTo(o.sourceFile());
        assertThat(row.getCell(6).getStringCellValue()).isEqualTo(o.sourceSheet());
        assertThat(row.getCell(7).getStringCellValue()).isEqualTo(o.sourceCell());
        if (o.suppressed()) {
          assertThat(row.getCell(3).getStringCellValue()).isEqualTo("[c]");
        } else {
          assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(o.value());
        }
      }
      assertThat(read.getTables()).hasSize(1);
      assertThat(texts(wb.getSheet("Summary"))).anySatisfy(t -> assertThat(t).startsWith("Accepted."));
    }
  }

  @Test
  void howYouCompareSetsTheSchemeBesideEnglandAndSameModelPeers() throws Exception {
    ReportInputs in = ReportFixtures.inputs();
    try (XSSFWorkbook wb = written(in, "riverside-sp")) {
      XSSFSheet s = wb.getSheet("How you compare");
      Row belong = rowWith(s, "Feel they belong to their neighbourhood (%)");
      double mine = value(in, "riverside-sp", "belong_neighbourhood_pct");
      double peer = value(in, "sandy-brook-sp", "belong_neighbourhood_pct");
      assertThat(belong.getCell(1).getNumericCellValue()).isEqualTo(mine);
      assertThat(belong.getCell(4).getNumericCellValue()).isEqualTo(value(in, "ENGLAND", "belong_neighbourhood_pct"));
      assertThat(belong.getCell(5).getNumericCellValue()).isEqualTo(peer);
      assertThat(belong.getCell(6).getNumericCellValue()).isEqualTo(1.0);
      assertThat(belong.getCell(7).getStringCellValue()).isIn("Better", "Similar", "Worse");
      assertThat(s.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(3);
    }
  }

  @Test
  void aSchemeWithoutAReturnIsToldSoAndWhenTheNextIsDue() throws Exception {
    ReportInputs base = ReportFixtures.inputs();
    ReportInputs in = new ReportInputs(base.periods(), base.indicators(),
        base.returns().stream().filter(r -> !(r.schemeId().equals("marsh-lane-big-local")
            && r.period().equals(ReportFixtures.Q2))).toList(),
        base.observations(), base.registry(), base.catalog(), base.funnel(), base.text(), base.dueDates(),
        base.revisions());
    try (XSSFWorkbook wb = written(in, "marsh-lane-big-local")) {
      List<String> summary = texts(wb.getSheet("Summary"));
      assertThat(summary).anySatisfy(t -> assertThat(t).startsWith("We have not received a return"));
      assertThat(summary).anySatisfy(t -> assertThat(t).contains("Q3 2025-26").contains("2026-01-30"));
      assertThat(texts(wb.getSheet("Problems"))).contains("No problems found.");
    }
  }

  private static double value(ReportInputs in, String scheme, String indicator) {
    return in.indicators().stream().filter(r -> r.schemeId().equals(scheme) && r.period().equals(ReportFixtures.Q2)
        && r.indicator().equals(indicator)).findFirst().orElseThrow().value();
  }

  static Row rowWith(XSSFSheet s, String text) {
    for (Row r : s) {
      for (Cell c : r) {
        if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
          return r;
        }
      }
    }
    throw new AssertionError("no row with " + text);
  }
}
