package uk.neighbourhood.outcomes.model;

import java.io.Serializable;

/** A rectangular block of cells, used for merged regions; bounds are zero-based and inclusive. */
public record CellRange(int firstRow, int lastRow, int firstCol, int lastCol) implements Serializable {

  public boolean contains(int row, int col) {
    return row >= firstRow && row <= lastRow && col >= firstCol && col <= lastCol;
  }

  public static CellRange parse(String a1Range) {
    String[] parts = a1Range.split(":");
    int[] a = CellRef.parseA1(parts[0]);
    int[] b = parts.length > 1 ? CellRef.parseA1(parts[1]) : a;
    return new CellRange(Math.min(a[0], b[0]), Math.max(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[1], b[1]));
  }

  @Override
  public String toString() {
    return CellRef.a1(firstRow, firstCol) + ":" + CellRef.a1(lastRow, lastCol);
  }
}
