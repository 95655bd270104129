package uk.neighbourhood.outcomes.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.neighbourhood.outcomes.model.ReturnRecord;

/** One scheme's return files for one period, counted the way the Data quality sheet shows them. */
record ReportReturns(String schemeId, String period, List<ReturnRecord> files, LocalDate due) {

  static ReportReturns of(ReportInputs in, String schemeId, String period) {
    List<ReturnRecord> files = in.returns().stream()
        .filter(r -> r.schemeId().equals(schemeId) && r.period().equals(period))
        .sorted(Comparator.comparing((ReturnRecord r) -> r.receivedAt() == null ? "" : r.receivedAt())
            .thenComparing(ReturnRecord::file))
        .toList();
    return new ReportReturns(schemeId, period, files, in.dueDate(period));
  }

  boolean received() {
    return !files.isEmpty();
  }

  /** The first file arrived by the due date (UK dates: the instant is read in UTC). */
  boolean onTime() {
    return files.stream().map(ReportReturns::receivedDate).flatMap(Optional::stream)
        .anyMatch(d -> !d.isAfter(due));
  }

  long count(String status) {
    return files.stream().filter(r -> status.equals(r.status())).count();
  }

  String status() {
    if (!received()) {
      return "Not received";
    }
    if (count(ReturnRecord.ACCEPTED) > 0) {
      return onTime() ? "Accepted" : "Accepted late";
    }
    if (count(ReturnRecord.QUARANTINED) > 0) {
      return "Quarantined";
    }
    return "Not accepted";
  }

  static Optional<LocalDate> receivedDate(ReturnRecord r) {
    String s = r.receivedAt();
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.ofInstant(Instant.parse(s), ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(s).toLocalDate());
      } catch (DateTimeParseException e2) {
        try {
          return Optional.of(LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s));
        } catch (DateTimeParseException e3) {
          return Optional.empty();
        }
      }
    }
  }
}
