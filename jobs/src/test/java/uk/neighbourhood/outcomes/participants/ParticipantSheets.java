package uk.neighbourhood.outcomes.participants;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.Sheet;

/**
 * The hand-worked example: four participants with SWEMWBS items, ONS4 and UCLA answers. Columns: A ref,
 * B start, C follow-up, D-J SWEMWBS baseline items, K-Q follow-up items, R-U ONS4 baseline, V-Y ONS4
 * follow-up, Z-AB UCLA items. By hand, with Warwick's table:
 * <pre>
 *   P1 baseline 3x7 = 21 -> 19.25, follow-up 4,4,4,3,3,3,3 = 24 -> 21.54, change 2.29
 *   P2 baseline 2x7 = 14 -> 15.32, follow-up 3,3,3,3,3,3,4 = 22 -> 19.98, change 4.66 (meaningful)
 *   P3 baseline 4x7 = 28 -> 25.03, follow-up 5,5,4,4,4,4,4 = 30 -> 27.03, change 2.00
 *   P4 baseline has a missing item: not scored; follow-up 5x7 = 35 -> 35.00
 *   paired n 3; baseline mean 59.60/3 = 19.8667; follow-up mean 68.55/3 = 22.85; 1 meaningful improvement;
 *   changes 2.29, 4.66, 2.00: mean 8.95/3 = 2.98333, squared deviations 0.480711 + 2.811211 + 0.966944
 *   = 4.258867, SD sqrt(4.258867/2) = 1.45926
 *   ONS4 paired: P1 and P2 (P3 has no follow-up, P4 none): follow-up means 6.5, 6.5, 5.5, 4.0
 *   UCLA: P1 1+2+1 = 4, P2 3+2+2 = 7 (lonely), P3 2+2+2 = 6 (lonely), P4 incomplete: 3 respondents, 2 lonely
 * </pre>
 */
public final class ParticipantSheets {
  private ParticipantSheets() {}

  public static final String[] REFS = {"RS-1041", "RS-1042", "RS-1043", "RS-1044"};

  public static Sheet handWorked(String name) {
    List<Object> header = new ArrayList<>(List.of("Participant ref", "Start date", "Follow-up date"));
    for (int i = 1; i <= 7; i++) {
      header.add("SWEMWBS baseline Q" + i);
    }
    for (int i = 1; i <= 7; i++) {
      header.add("SWEMWBS follow-up Q" + i);
    }
    header.addAll(List.of("Life satisfaction baseline", "Worthwhile baseline", "Happiness baseline", "Anxiety baseline",
        "Life satisfaction follow-up", "Worthwhile follow-up", "Happiness follow-up", "Anxiety follow-up",
        "UCLA lack companionship", "UCLA left out", "UCLA isolated"));
    Object[][] rows = {
        header.toArray(),
        row(REFS[0], 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 3, 3, 3, 3, 5, 6, 5, 4, 7, 7, 6, 3, 1, 2, 1),
        row(REFS[1], 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 3, 4, 4, 7, 6, 6, 5, 5, 3, 2, 2),
        row(REFS[2], 4, 4, 4, 4, 4, 4, 4, 5, 5, 4, 4, 4, 4, 4, 6, 6, 6, 2, null, null, null, null, 2, 2, 2),
        row(REFS[3], 4, 4, null, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, null, null, null, null, null, null, null, null,
            2, null, 3),
    };
    Sheet s = new Sheet(name, 0, false);
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < rows[r].length; c++) {
        Object v = rows[r][c];
        if (v instanceof Number n) {
          s.put(Cell.number(r, c, n.doubleValue()));
        } else if (v instanceof LocalDate d) {
          s.put(Cell.date(r, c, d.atStartOfDay()));
        } else if (v != null) {
          s.put(Cell.text(r, c, v.toString()));
        }
      }
    }
    return s;
  }

  private static Object[] row(String ref, Object... answers) {
    List<Object> out = new ArrayList<>();
    out.add(ref);
    out.add(LocalDate.of(2025, 6, 2));
    out.add(LocalDate.of(2025, 11, 10));
    out.addAll(java.util.Arrays.asList(answers));
    return out.toArray();
  }
}
