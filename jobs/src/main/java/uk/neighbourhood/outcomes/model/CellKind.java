package uk.neighbourhood.outcomes.model;

/** What a spreadsheet cell holds once read: the reader decides, the mapper interprets. */
public enum CellKind {
  BLANK,
  NUMBER,
  TEXT,
  BOOLEAN,
  DATE,
  /** An Excel error value such as {@code #DIV/0!}; its code is in {@link Cell#text()}. */
  ERROR
}
