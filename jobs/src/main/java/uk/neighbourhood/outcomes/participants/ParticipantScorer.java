package uk.neighbourhood.outcomes.participants;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import uk.neighbourhood.outcomes.model.Cell;
import uk.neighbourhood.outcomes.model.CellKind;
import uk.neighbourhood.outcomes.model.CellRef;
import uk.neighbourhood.outcomes.model.Problem;
import uk.neighbourhood.outcomes.model.Sheet;
import uk.neighbourhood.outcomes.privacy.PrivacyRules;
import uk.neighbourhood.outcomes.privacy.PseudonymKey;

/**
 * Scores every participant row of a recognised sheet as the scales' owners publish: SWEMWBS items summed
 * (no reverse scoring) and the raw total converted to the metric score; a response with a missing item is
 * not scored (Warwick) and is flagged; ONS4 answers 0-10; UCLA items 1-3 summed to 3-9. Problems never
 * quote a cell's content, only where it is.
 */
public final class ParticipantScorer {
  private static final List<DateTimeFormatter> TEXT_DATES = List.of(
      DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK));
  private static final int ROWS_LISTED = 10;

  /** What scoring made of one sheet. */
  public record Scored(List<ParticipantRow> rows, List<Problem> problems) {}

  private final Scales scales;
  private final PseudonymKey key;

  /** @param key the configured pseudonym key, or null to keep no reference at all */
  public ParticipantScorer(Scales scales, PseudonymKey key) {
    this.scales = scales;
    this.key = key;
  }

  public Scored score(Sheet sheet, ParticipantColumns cols) {
    return new Run(sheet, cols).score();
  }

  private final class Run {
    final Sheet sheet;
    final ParticipantColumns cols;
    final List<Problem> problems = new ArrayList<>();
    final Map<String, List<Integer>> incomplete = new TreeMap<>();
    final Map<String, List<Integer>> invalid = new TreeMap<>();
    /** Duplicates are found with a key that lives only as long as this run, so no reference outlives it. */
    final PseudonymKey ephemeral = PseudonymKey.of(HexFormat.of().formatHex(randomBytes()));
    final Map<String, Integer> seen = new HashMap<>();
    final List<int[]> duplicates = new ArrayList<>();

    Run(Sheet sheet, ParticipantColumns cols) {
      this.sheet = sheet;
      this.cols = cols;
    }

    Scored score() {
      List<ParticipantRow> rows = new ArrayList<>();
      for (int r : sheet.rowIndexes()) {
        if (r <= cols.headerRow()) {
          continue;
        }
        ParticipantRow p = row(r);
        if (p != null) {
          rows.add(p);
        }
      }
      report();
      return new Scored(List.copyOf(rows), List.copyOf(problems));
    }

    private ParticipantRow row(int r) {
      boolean any = cols.columns().values().stream().anyMatch(c -> !blank(sheet.cell(r, c)));
      if (!any) {
        return null;
      }
      String pseudonym = null;
      Integer refCol = cols.col("reference");
      if (refCol != null && !blank(sheet.cell(r, refCol))) {
        String ref = sheet.cell(r, refCol).display();
        Integer before = seen.putIfAbsent(ephemeral.pseudonym(ref), r);
        if (before != null) {
          duplicates.add(new int[] {before, r});
        }
        pseudonym = key == null ? null : key.pseudonym(ref);
      }
      LocalDate start = date(r, "start_date");
      LocalDate followup = date(r, "followup_date");
      return new ParticipantRow(r, pseudonym, start, followup, swemwbs(r, "baseline"), swemwbs(r, "followup"),
          ons4(r, "baseline"), ons4(r, "followup"), ucla(r));
    }

    private Double swemwbs(int r, String time) {
      List<String> items = IntStream.rangeClosed(1, scales.swemwbsItems())
          .mapToObj(n -> "swemwbs_" + time + "_item_" + n).toList();
      String what = "SWEMWBS at " + time(time);
      if (items.stream().anyMatch(cols::has)) {
        int[] values = answers(r, items, scales.swemwbsItemMin(), scales.swemwbsItemMax(), scales.swemwbsResponses(),
            what);
        if (values == null) {
          return null;
        }
        return scales.swemwbsMetric(IntStream.of(values).sum()).orElseThrow();
      }
      Integer totalCol = cols.col("swemwbs_" + time + "_total");
      if (totalCol == null || blank(sheet.cell(r, totalCol))) {
        return null;
      }
      Integer raw = whole(sheet.cell(r, totalCol));
      if (raw == null || raw < scales.swemwbsRawMin() || raw > scales.swemwbsRawMax()) {
        invalid.computeIfAbsent(what + " total (a whole number from " + scales.swemwbsRawMin() + " to "
            + scales.swemwbsRawMax() + ")", k -> new ArrayList<>()).add(r);
        return null;
      }
      return scales.swemwbsMetric(raw).orElseThrow();
    }

    private double[] ons4(int r, String time) {
      List<String> fields = scales.ons4Questions().stream().map(q -> "ons4_" + time + "_" + q).toList();
      if (fields.stream().noneMatch(cols::has)) {
        return null;
      }
      int[] v = answers(r, fields, scales.ons4Min(), scales.ons4Max(), Map.of(), "ONS4 at " + time(time));
      return v == null ? null : IntStream.of(v).asDoubleStream().toArray();
    }

    private Integer ucla(int r) {
      List<String> fields = IntStream.rangeClosed(1, scales.uclaItems()).mapToObj(n -> "ucla_item_" + n).toList();
      if (fields.stream().noneMatch(cols::has)) {
        return null;
      }
      int[] v = answers(r, fields, scales.uclaItemMin(), scales.uclaItemMax(), scales.uclaResponses(),
          "UCLA loneliness");
      return v == null ? null : IntStream.of(v).sum();
    }

    /** All answers of one scale at one time, or null (with the row flagged) when any is missing or invalid. */
    private int[] answers(int r, List<String> fields, int min, int max, Map<String, Integer> words, String what) {
      int[] values = new int[fields.size()];
      int blanks = 0;
      boolean bad = false;
      for (int i = 0; i < fields.size(); i++) {
        Integer c = cols.col(fields.get(i));
        Cell cell = c == null ? null : sheet.cell(r, c);
        if (blank(cell)) {
          blanks++;
          continue;
        }
        Integer v = whole(cell);
        if (v == null && cell.kind() == CellKind.TEXT) {
          v = words.get(PrivacyRules.normalise(cell.text()));
        }
        if (v == null || v < min || v > max) {
          bad = true;
        } else {
          values[i] = v;
        }
      }
      if (blanks == fields.size()) {
        return null;
      }
      if (bad) {
        invalid.computeIfAbsent(what + " (whole numbers from " + min + " to " + max + ")", k -> new ArrayList<>())
            .add(r);
        return null;
      }
      if (blanks > 0) {
        incomplete.computeIfAbsent(what, k -> new ArrayList<>()).add(r);
        return null;
      }
      return values;
    }

    private LocalDate date(int r, String field) {
      Integer c = cols.col(field);
      Cell cell = c == null ? null : sheet.cell(r, c);
      if (blank(cell)) {
        return null;
      }
      if (cell.kind() == CellKind.DATE) {
        return cell.date().toLocalDate();
      }
      String s = cell.display().strip();
      for (DateTimeFormatter f : TEXT_DATES) {
        try {
          return LocalDate.parse(s, f);
        } catch (DateTimeParseException ignored) {
          // the next way of writing a date
        }
      }
      invalid.computeIfAbsent(field.replace('_', ' ') + " (a date such as 14/05/2025)", k -> new ArrayList<>()).add(r);
      return null;
    }

    private void report() {
      incomplete.forEach((what, rows) -> problems.add(Problem.warning("participants.incomplete",
          "Cannot score " + what + " for " + rows.size() + " participant" + (rows.size() == 1 ? "" : "s") + " ("
              + rowList(rows) + "): one or more answers are missing"
              + (what.startsWith("SWEMWBS") ? ", and Warwick's guidance is not to score an incomplete response." : "."),
          "Fill in every item for these participants if you have the answers; otherwise leave them as they are,"
              + " they are left out of the wellbeing figures.")
          .at(sheet.name(), CellRef.a1(rows.get(0), 0))));
      invalid.forEach((what, rows) -> problems.add(Problem.warning("participants.invalid_answer",
          "Cannot score " + rows.size() + " participant" + (rows.size() == 1 ? "" : "s") + " (" + rowList(rows)
              + "): the answers are not " + what + ".",
          "Correct these cells; until then these participants are left out of that figure.")
          .at(sheet.name(), CellRef.a1(rows.get(0), 0))));
      if (!duplicates.isEmpty()) {
        problems.add(Problem.warning("participants.duplicate_reference",
            "Cannot tell whether " + duplicates.size() + " row" + (duplicates.size() == 1 ? "" : "s")
                + " repeat a participant: the same participant reference appears more than once ("
                + duplicates.stream().limit(ROWS_LISTED).map(d -> "rows " + (d[0] + 1) + " and " + (d[1] + 1))
                    .collect(Collectors.joining(", ")) + "); each row is counted.",
            "Give each participant one row, with baseline and follow-up answers side by side.")
            .at(sheet.name(), CellRef.a1(duplicates.get(0)[1], cols.col("reference"))));
      }
    }

    private static String rowList(List<Integer> rows) {
      String listed = rows.stream().limit(ROWS_LISTED).map(r -> Integer.toString(r + 1)).collect(Collectors.joining(", "));
      return (rows.size() == 1 ? "row " : "rows ") + listed + (rows.size() > ROWS_LISTED ? " and more" : "");
    }
  }

  private static String time(String t) {
    return t.equals("followup") ? "follow-up" : t;
  }

  private static boolean blank(Cell c) {
    return c == null || c.isBlank();
  }

  /** A whole number from a number cell or a text cell such as "4"; null otherwise. */
  static Integer whole(Cell c) {
    double v;
    if (c.kind() == CellKind.NUMBER) {
      v = c.number();
    } else if (c.kind() == CellKind.TEXT) {
      try {
        v = Double.parseDouble(c.text().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return v == Math.rint(v) && Math.abs(v) < 1e6 ? (int) v : null;
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
