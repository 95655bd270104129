package uk.neighbourhood.outcomes.privacy;

/** The NHS number's modulus 11 check (NHS Data Dictionary, "NHS Number"). */
public final class NhsNumber {
  private NhsNumber() {}

  /** True for ten digits whose tenth is the modulus 11 check digit of the first nine; spaces and hyphens ignored. */
  public static boolean isValid(String candidate) {
    if (candidate == null) {
      return false;
    }
    String digits = candidate.replace(" ", "").replace("-", "");
    if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int expected = checkDigit(digits.substring(0, 9));
    return expected >= 0 && expected == digits.charAt(9) - '0';
  }

  /** The check digit for nine digits, or -1 when no NHS number can start with them (remainder gives 10). */
  public static int checkDigit(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      return 0;
    }
    return check == 10 ? -1 : check;
  }
}
