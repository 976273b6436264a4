package org.drpwarehouse.ingestion.internal;

import org.drpwarehouse.ingestion.Violation;

/**
 * A value read from one mapped cell for one exchange column: the value as the exchange format writes
 * it (an ISO date, a role, an outcome, a stage id, text), or why the cell cannot be read.
 *
 * @param value the value, empty when the cell is blank or unreadable
 * @param cell the cell it came from, or null (a blank cell, or a value the mapping fixes)
 * @param row the sheet row it came from, or 0
 * @param problem why the cell cannot be read ({@code tracker.cell}) or disagrees with another row of
 *     the same alert ({@code tracker.conflict}), or null
 */
record CellRead(String value, TrackerCell cell, long row, Violation problem) {
  static final CellRead BLANK = new CellRead("", null, 0, null);

  /** A value the mapping gives rather than a cell (a stage block's stage id, the default process). */
  static CellRead fixed(String value) {
    return new CellRead(value, null, 0, null);
  }

  /** Whether the cell gave a value. */
  boolean present() {
    return !value.isEmpty();
  }

  /** Whether there is anything to act on: a value, or a cell that could not be read. */
  boolean filled() {
    return present() || problem != null;
  }
}
