package uk.neighbourhood.outcomes.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SafeCellsTest {
  private static final List<String> DANGEROUS = List.of("=1+1", "+44 20 7946 0000", "-2+3", "@SUM(A1)",
      "\t=cmd", "\r=cmd");

  @Test
  void textThatLooksLikeAFormulaIsStoredAsAQuotePrefixedString() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      SafeCells safe = new SafeCells(wb);
      XSSFSheet s = wb.createSheet("x");
      for (int i = 0; i < DANGEROUS.size(); i++) {
        safe.text(s.createRow(i).createCell(0), DANGEROUS.get(i));
      }
      safe.text(s.createRow(DANGEROUS.size()).createCell(0), "Riverside");
      wb.write(bytes);
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
      XSSFSheet s = wb.getSheet("x");
      for (int i = 0; i < DANGEROUS.size(); i++) {
        Cell c = s.getRow(i).getCell(0);
        assertThat(c.getCellType()).as(DANGEROUS.get(i)).isEqualTo(CellType.STRING);
        assertThat(c.getStringCellValue()).isEqualTo(DANGEROUS.get(i));
        assertThat(c.getCellStyle().getQuotePrefixed()).isTrue();
      }
      Cell plain = s.getRow(DANGEROUS.size()).getCell(0);
      assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
    }
  }

  @Test
  void onlyLeadingFormulaCharactersCount() {
    assertThat(SafeCells.looksLikeFormula("a=b")).isFalse();
    assertThat(SafeCells.looksLikeFormula("")).isFalse();
    assertThat(SafeCells.looksLikeFormula(null)).isFalse();
    assertThat(DANGEROUS).allMatch(SafeCells::looksLikeFormula);
  }
}
