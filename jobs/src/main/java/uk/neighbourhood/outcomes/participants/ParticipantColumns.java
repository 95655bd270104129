package uk.neighbourhood.outcomes.participants;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a participant sheet keeps each field: the header row and the column of every recognised field
 * (e.g. {@code swemwbs_baseline_item_3 -> 5}).
 */
public record ParticipantColumns(String sheet, int headerRow, Map<String, Integer> columns) implements Serializable {

  public ParticipantColumns {
    columns = Map.copyOf(columns);
  }

  public Integer col(String field) {
    return columns.get(field);
  }

  public boolean has(String field) {
    return columns.containsKey(field);
  }

  /** The columns of the given fields that the sheet has, in field order, with nulls for missing ones. */
  public List<Integer> cols(List<String> fields) {
    return fields.stream().map(columns::get).toList();
  }

  /** The smallest and largest column among the fields the sheet has whose names start with the prefix. */
  public int[] span(String prefix) {
    int[] s = {Integer.MAX_VALUE, -1};
    columns.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
        .filter(Objects::nonNull).forEach(c -> {
          s[0] = Math.min(s[0], c);
          s[1] = Math.max(s[1], c);
        });
    return s;
  }
}
