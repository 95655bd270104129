package uk.neighbourhood.outcomes.model;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** A whole return as read: its sheets in workbook order (a CSV is one sheet named after the file). */
public record Workbook(String format, List<Sheet> sheets) implements Serializable {

  public Optional<Sheet> sheet(String name) {
    return sheets.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
  }

  public List<Sheet> visibleSheets() {
    return sheets.stream().filter(s -> !s.hidden()).toList();
  }
}
