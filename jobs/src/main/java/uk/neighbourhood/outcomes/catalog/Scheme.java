package uk.neighbourhood.outcomes.catalog;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** One registered scheme, a row of {@code schemes.csv}. Optional fields are null when not given. */
public record Scheme(
    String id,
    String name,
    String model,
    long population,
    String region,
    String lead,
    String areaType,
    List<String> areaCodes,
    Integer imdDecile,
    LocalDate startDate)
    implements Serializable {

  /** Deprivation group used in breakdowns: quintiles of the registry's IMD decile. */
  public String deprivationGroup() {
    if (imdDecile == null) {
      return "unknown";
    }
    int quintile = (imdDecile + 1) / 2;
    return switch (quintile) {
      case 1 -> "Q1 most deprived";
      case 5 -> "Q5 least deprived";
      default -> "Q" + quintile;
    };
  }
}
