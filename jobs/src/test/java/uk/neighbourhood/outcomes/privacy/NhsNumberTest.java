package uk.neighbourhood.outcomes.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

  @Test
  void theNhsDataDictionaryExamplePassesTheModulus11Check() {
    // 943 476 5919: 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11 - 2 = 9
    assertThat(NhsNumber.isValid("9434765919")).isTrue();
    assertThat(NhsNumber.isValid("943 476 5919")).isTrue();
    assertThat(NhsNumber.isValid("943-476-5919")).isTrue();
  }

  @Test
  void aWrongCheckDigitOrLengthFails() {
    assertThat(NhsNumber.isValid("9434765918")).isFalse();
    assertThat(NhsNumber.isValid("943476591")).isFalse();
    assertThat(NhsNumber.isValid("94347659190")).isFalse();
    assertThat(NhsNumber.isValid("94347659I9")).isFalse();
  }

  @Test
  void stemsWhoseCheckWouldBeTenHaveNoValidNumber() {
    // 000000001: sum 1*2 = 2, 11 - 2 = 9 -> valid with 9; 000000010: 1*3 = 3 -> 8; 100000000: 10 -> 11-10 = 1
    assertThat(NhsNumber.checkDigit("000000001")).isEqualTo(9);
    assertThat(NhsNumber.checkDigit("100000000")).isEqualTo(1);
    // 100000001: 10 + 2 = 12; 12 mod 11 = 1; 11 - 1 = 10, which no check digit can be
    assertThat(NhsNumber.checkDigit("100000001")).isEqualTo(-1);
    for (int d = 0; d <= 9; d++) {
      assertThat(NhsNumber.isValid("100000001" + d)).isFalse();
    }
  }
}
