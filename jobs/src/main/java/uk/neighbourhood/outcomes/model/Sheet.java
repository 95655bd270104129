package uk.neighbourhood.outcomes.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One worksheet read into a sparse grid of typed cells. Readers stop at a configured cell limit, so a
 * Sheet is always small enough to hold; merged regions let the mapper fill two-row headers.
 */
public final class Sheet implements Serializable {
  private final String name;
  private final int index;
  private final boolean hidden;
  private final NavigableMap<Integer, NavigableMap<Integer, Cell>> rows = new TreeMap<>();
  private final List<CellRange> merged = new ArrayList<>();
  private int cellCount;

  public Sheet(String name, int index, boolean hidden) {
    this.name = name;
    this.index = index;
    this.hidden = hidden;
  }

  public String name() {
    return name;
  }

  public int index() {
    return index;
  }

  public boolean hidden() {
    return hidden;
  }

  /** Adds a cell; blank cells are not stored, so a styled but empty sheet costs nothing. */
  public void put(Cell cell) {
    if (cell.isBlank()) {
      return;
    }
    if (rows.computeIfAbsent(cell.row(), r -> new TreeMap<>()).put(cell.col(), cell) == null) {
      cellCount++;
    }
  }

  public void addMerged(CellRange range) {
    merged.add(range);
  }

  public List<CellRange> merged() {
    return Collections.unmodifiableList(merged);
  }

  public int cellCount() {
    return cellCount;
  }

  public boolean isEmpty() {
    return cellCount == 0;
  }

  public Cell cell(int row, int col) {
    NavigableMap<Integer, Cell> r = rows.get(row);
    return r == null ? null : r.get(col);
  }

  /** The cell's value, or the value of the top-left cell of the merged region that covers it. */
  public Cell cellOrMerged(int row, int col) {
    Cell c = cell(row, col);
    if (c != null) {
      return c;
    }
    for (CellRange m : merged) {
      if (m.contains(row, col)) {
        return cell(m.firstRow(), m.firstCol());
      }
    }
    return null;
  }

  public String text(int row, int col) {
    Cell c = cell(row, col);
    return c == null ? "" : c.display();
  }

  /** Row indexes that hold at least one non-blank cell, in order. */
  public List<Integer> rowIndexes() {
    return new ArrayList<>(rows.keySet());
  }

  /** The non-blank cells of a row, left to right. */
  public List<Cell> row(int row) {
    NavigableMap<Integer, Cell> r = rows.get(row);
    return r == null ? List.of() : new ArrayList<>(r.values());
  }

  public int lastRow() {
    return rows.isEmpty() ? -1 : rows.lastKey();
  }

  public int lastCol() {
    int max = -1;
    for (NavigableMap<Integer, Cell> r : rows.values()) {
      max = Math.max(max, r.lastKey());
    }
    return max;
  }

  public CellRef ref(int row, int col) {
    return new CellRef(name, row, col);
  }

  @Override
  public String toString() {
    return "Sheet[" + name + ", " + cellCount + " cells]";
  }
}
