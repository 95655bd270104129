package uk.neighbourhood.outcomes.privacy;

import java.util.ArrayList;
import java.util.List;

/** Made-up identifiers for tests: NHS numbers with a valid check digit, emails, phones, names, postcodes. */
public final class SyntheticPeople {
  private SyntheticPeople() {}

  /** NHS numbers passing the modulus 11 check, from the 999 test range, written 3-3-4 with spaces. */
  public static List<String> nhsNumbers(int n) {
    List<String> out = new ArrayList<>();
    for (long stem = 999_000_001L; out.size() < n; stem++) {
      String nine = Long.toString(stem);
      int check = NhsNumber.checkDigit(nine);
      if (check >= 0) {
        String d = nine + check;
        out.add(d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6));
      }
    }
    return out;
  }

  public static final List<String> EMAILS = List.of("maisie.tolland@example.org", "b.okonkwo77@example.net",
      "quentin.ashgrove@example.co.uk", "rhiannon.vale@example.com");
  public static final List<String> PHONES = List.of("07700 900418", "+44 7700 900932", "01632 960517", "020 7946 0381");
  public static final List<String> NAMES = List.of("Maisie Tolland", "Bartholomew Okonkwo", "Quentin Ashgrove",
      "Rhiannon Vale");
  public static final List<String> POSTCODES = List.of("SW1A 1AA", "M1 1AE", "LS2 7UE", "B33 8TH");
  public static final List<String> BIRTH_DATES = List.of("14/03/1951", "02/11/1987", "29/07/1963", "08/01/1999");
}
