package org.drpwarehouse.ingestion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellReference;

/**
 * The part of one tracker sheet a mapping reads: the header row's labels, and the data rows below it
 * with only their mapped cells (blank cells left out). Columns the mapping does not name, free-text
 * columns among them, are never held.
 */
record SheetTable(Header header, List<Row> rows) {
  SheetTable {
    rows = List.copyOf(rows);
  }

  /**
   * The header row.
   *
   * @param sheet the sheet's name
   * @param row the header row's number, as Excel shows it
   * @param labels the non-blank labels by 0-based column index
   */
  record Header(String sheet, int row, SortedMap<Integer, String> labels) {
    Header {
      labels = new TreeMap<>(labels);
    }

    /** The header text of a column, or its letter where the header cell is blank. */
    String label(int column) {
      String label = labels.get(column);
      return label == null ? "column " + CellReference.convertNumToColString(column) : label;
    }

    /** Every header with its letter, for messages: {@code 'Alert ref' (A), 'Child ID' (B)}. */
    String describe() {
      if (labels.isEmpty()) {
        return "(row " + row + " is empty)";
      }
      List<String> parts = new ArrayList<>();
      labels.forEach((column, label) -> parts.add("'" + label + "' (" + CellReference.convertNumToColString(column) + ")"));
      return String.join(", ", parts);
    }
  }

  /**
   * One data row.
   *
   * @param number the row's number, as Excel shows it
   * @param cells the mapped non-blank cells by 0-based column index
   */
  record Row(long number, Map<Integer, TrackerCell> cells) {
    Row {
      cells = Map.copyOf(cells);
    }

    /** The cell at a column, or null when it is blank. */
    TrackerCell cell(int column) {
      return cells.get(column);
    }
  }
}
