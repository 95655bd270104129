package uk.neighbourhood.outcomes.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;

/** The fast paths must give exactly what the general routines give, bit for bit. */
class ExcelNumbersTest {

  @Test
  void plainDecimalsParseExactlyAsTheJdkDoes() {
    SplittableRandom random = new SplittableRandom(20261128);
    for (int i = 0; i < 200_000; i++) {
      int digits = 1 + random.nextInt(17);
      long m = random.nextLong(1, Long.MAX_VALUE) % (long) Math.pow(10, Math.min(digits, 18));
      String s = BigDecimal.valueOf(m, random.nextInt(digits + 1)).toPlainString();
      if (random.nextBoolean()) {
        s = "-" + s;
      }
      assertSame(s);
    }
    for (String s : new String[] {"0", "-0", "0.0", "1.", ".5", "-.5", "000123.4500", "999999999999999",
        "0.1", "0.3", "123456789012345.6", "1E3", "1e-7", "2.5E+10", " 7 ", "7\n", "1.7976931348623157E308",
        "4.9E-324", "3.3333333333333335", "0.30000000000000004"}) {
      assertSame(s);
    }
  }

  @Test
  void notNumbersAreRefusedAsTheJdkRefusesThem() {
    for (String s : new String[] {"", "-", ".", "1.2.3", "12a", "--1", "1,5"}) {
      assertThrows(NumberFormatException.class, () -> ExcelNumbers.parse(s), s);
    }
  }

  @Test
  void serialsBecomeTheDatesPoiGives() {
    SplittableRandom random = new SplittableRandom(7);
    for (boolean date1904 : new boolean[] {false, true}) {
      for (int serial = 0; serial < 3000; serial++) {
        assertDate(serial, date1904);
      }
      for (int i = 0; i < 50_000; i++) {
        assertDate(random.nextInt(2_958_466), date1904);
        assertDate(random.nextInt(80_000) + random.nextInt(86_400) / 86_400.0, date1904);
        assertDate(random.nextDouble() * 60_000, date1904);
      }
      assertDate(2_958_465, date1904);
      assertDate(-0.0, date1904);
      assertDate(45_000.999_999_99, date1904);
    }
  }

  private static void assertSame(String s) {
    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s.trim())),
        Double.doubleToRawLongBits(ExcelNumbers.parse(new StringBuilder(s))), s);
  }

  private static void assertDate(double serial, boolean date1904) {
    assertEquals(DateUtil.getLocalDateTime(serial, date1904), ExcelNumbers.date(serial, date1904),
        serial + (date1904 ? " (1904)" : ""));
  }
}
