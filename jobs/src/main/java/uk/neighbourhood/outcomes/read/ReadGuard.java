package uk.neighbourhood.outcomes.read;

/**
 * The budget of one read: wall time, non-blank cells and characters of text. Readers call it from
 * their inner loops, so a hostile file is stopped where it is being parsed instead of by a watchdog
 * after the damage (memory, minutes) is done.
 */
final class ReadGuard {
  /** Excel's own limit for one cell; a longer string can only come from a crafted or foreign file. */
  static final int MAX_CELL_CHARS = 32_767;
  /** Total characters of text per file, counted per cell (a shared string used twice counts twice). */
  static final long MAX_TEXT_CHARS = 200_000_000L;

  private final String file;
  private final ReadLimits limits;
  private final long deadlineNanos;
  private long cells;
  private long textChars;
  private int ticks;

  ReadGuard(String file, ReadLimits limits) {
    this.file = file;
    this.limits = limits;
    this.deadlineNanos = System.nanoTime() + limits.timeLimit().toNanos();
  }

  String file() {
    return file;
  }

  ReadLimits limits() {
    return limits;
  }

  /** Cheap enough for every row or element: the clock is read once every 1,024 calls. */
  void tick() {
    if ((++ticks & 1023) == 0) {
      checkTime();
    }
  }

  void checkTime() {
    if (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted()) {
      throw Refusal.timeLimit(file, limits.timeLimit());
    }
  }

  /** Counts one non-blank cell, and its text if it has some. */
  void cell(String sheet, int row, int col, String text) {
    if (++cells > limits.maxCells()) {
      throw Refusal.tooManyCells(file, limits.maxCells());
    }
    if (text != null) {
      if (text.length() > MAX_CELL_CHARS) {
        throw Refusal.cellTooLong(file, sheet, uk.neighbourhood.outcomes.model.CellRef.a1(row, col),
            MAX_CELL_CHARS);
      }
      textChars += text.length();
      if (textChars > MAX_TEXT_CHARS) {
        throw Refusal.tooMuchText(file, MAX_TEXT_CHARS);
      }
    }
    tick();
  }

  /** Adds a non-blank cell to its sheet within the budget; blank cells cost nothing. */
  void put(uk.neighbourhood.outcomes.model.Sheet sheet, uk.neighbourhood.outcomes.model.Cell cell) {
    if (cell.isBlank()) {
      tick();
      return;
    }
    cell(sheet.name(), cell.row(), cell.col(), cell.kind() == uk.neighbourhood.outcomes.model.CellKind.TEXT
        ? cell.text() : null);
    sheet.put(cell);
  }

  long cells() {
    return cells;
  }
}
