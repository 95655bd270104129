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
  private final NavigableMap<Integer, RowCells> rows = new TreeMap<>();
  /** The row last written: readers emit cells row by row, so this saves a tree lookup per cell. */
  private transient RowCells current;
  private int currentIndex = -1;
  private final List<CellRange> merged = new ArrayList<>();
  private int cellCount;
  private int lastCol = -1;

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
    RowCells r;
    if (current != null && currentIndex == cell.row()) {
      r = current;
    } else {
      r = rows.computeIfAbsent(cell.row(), i -> new RowCells());
      current = r;
      currentIndex = cell.row();
    }
    if (r.put(cell)) {
      cellCount++;
      lastCol = Math.max(lastCol, cell.col());
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
    RowCells r = rows.get(row);
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
    RowCells r = rows.get(row);
    return r == null ? List.of() : r.list();
  }

  public int lastRow() {
    return rows.isEmpty() ? -1 : rows.lastKey();
  }

  /** The rightmost column holding a cell; kept as cells arrive, since layout detection asks it in loops. */
  public int lastCol() {
    return lastCol;
  }

  public CellRef ref(int row, int col) {
    return new CellRef(name, row, col);
  }

  @Override
  public String toString() {
    return "Sheet[" + name + ", " + cellCount + " cells]";
  }

  /**
   * The cells of one row, sorted by column in parallel arrays. Readers append cells left to right, so
   * the common case is an append; a cell out of order is inserted in place. This is the reading hot
   * path: a boxed tree per row cost a sixth of the xlsx reader's time (docs/benchmarks.md).
   */
  private static final class RowCells implements Serializable {
    private int[] cols = new int[8];
    private Cell[] cells = new Cell[8];
    private int size;

    /** Returns true when the column was empty. */
    boolean put(Cell cell) {
      int col = cell.col();
      if (size == 0 || col > cols[size - 1]) {
        grow();
        cols[size] = col;
        cells[size++] = cell;
        return true;
      }
      int i = java.util.Arrays.binarySearch(cols, 0, size, col);
      if (i >= 0) {
        cells[i] = cell;
        return false;
      }
      int at = -i - 1;
      grow();
      System.arraycopy(cols, at, cols, at + 1, size - at);
      System.arraycopy(cells, at, cells, at + 1, size - at);
      cols[at] = col;
      cells[at] = cell;
      size++;
      return true;
    }

    Cell get(int col) {
      int i = java.util.Arrays.binarySearch(cols, 0, size, col);
      return i >= 0 ? cells[i] : null;
    }

    List<Cell> list() {
      return new ArrayList<>(java.util.Arrays.asList(java.util.Arrays.copyOf(cells, size)));
    }

    int lastCol() {
      return size == 0 ? -1 : cols[size - 1];
    }

    private void grow() {
      if (size == cols.length) {
        cols = java.util.Arrays.copyOf(cols, size * 2);
        cells = java.util.Arrays.copyOf(cells, size * 2);
      }
    }
  }
}
