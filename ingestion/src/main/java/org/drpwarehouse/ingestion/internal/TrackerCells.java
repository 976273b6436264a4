package org.drpwarehouse.ingestion.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.drpwarehouse.ingestion.Violation;

/**
 * Reads the mapped cells of a tracker's rows as exchange values: text, dates (a date cell, or text in
 * one of the mapping's formats), words through the mapping's word maps (roles, outcomes, stage
 * labels, processes) and Y/N flags. A cell that cannot be read gives a {@code tracker.cell} problem
 * naming the sheet, the cell and the header, with the cell's content kept apart as the value.
 */
final class TrackerCells {
  static final String RULE_CELL = "tracker.cell";

  private final TrackerMapping mapping;
  private final SheetTable.Header header;
  private final Map<MappedColumn, Integer> placed;
  private final List<Integer> recordColumns;

  TrackerCells(TrackerMapping mapping, SheetTable.Header header, Map<MappedColumn, Integer> placed) {
    this.mapping = mapping;
    this.header = header;
    this.placed = Map.copyOf(placed);
    List<Integer> columns = new ArrayList<>(new TreeSet<>(mapping.recordColumns().stream().map(placed::get).toList()));
    this.recordColumns = List.copyOf(columns);
  }

  /** Whether the mapping says to leave a row out: listed, matched by a skip rule, or blank in every record column. */
  boolean skipped(SheetTable.Row row) {
    if (mapping.skipRows.contains(row.number())) {
      return true;
    }
    for (TrackerMapping.SkipWhen rule : mapping.skipWhen) {
      TrackerCell cell = row.cell(placed.get(rule.column()));
      if (cell != null && rule.matches(cell.text())) {
        return true;
      }
    }
    return recordColumns.stream().allMatch(column -> row.cell(column) == null);
  }

  /**
   * The row as read, for the quarantine: each non-blank record column as {@code header=value}.
   * Columns the mapping does not name (free text among them) are never part of it.
   */
  String rowText(SheetTable.Row row) {
    List<String> parts = new ArrayList<>();
    for (int column : recordColumns) {
      TrackerCell cell = row.cell(column);
      if (cell != null) {
        parts.add(header.label(column) + "=" + cell.text());
      }
    }
    return String.join(" | ", parts);
  }

  CellRead text(SheetTable.Row row, MappedColumn column, String exchangeColumn) {
    TrackerCell cell = cell(row, column);
    if (cell == null) {
      return CellRead.BLANK;
    }
    if (cell.kind() == TrackerCell.Kind.ERROR) {
      return problem(row, column, cell, exchangeColumn, "holds an Excel error");
    }
    return new CellRead(cell.text(), cell, row.number(), null);
  }

  CellRead date(SheetTable.Row row, MappedColumn column, String exchangeColumn) {
    TrackerCell cell = cell(row, column);
    if (cell == null) {
      return CellRead.BLANK;
    }
    return switch (cell.kind()) {
      case DATE -> new CellRead(cell.date().toString(), cell, row.number(), null);
      case TEXT -> {
        Optional<LocalDate> date = mapping.dates.parse(cell.text());
        yield date.map(d -> new CellRead(d.toString(), cell, row.number(), null))
            .orElseGet(() -> problem(row, column, cell, exchangeColumn,
                "is not a date in an accepted format (" + mapping.dates.describe() + ") nor a date cell"));
      }
      case NUMBER -> problem(row, column, cell, exchangeColumn,
          "is a number, not a date (format the cell as a date, or type the date as " + mapping.dates.describe() + ")");
      case BOOLEAN -> problem(row, column, cell, exchangeColumn, "is TRUE/FALSE, not a date");
      case ERROR -> problem(row, column, cell, exchangeColumn, "holds an Excel error, not a date");
    };
  }

  /**
   * A word of the sheet through one of the mapping's word maps.
   *
   * @param what what the words are, for the message ({@code role}, {@code outcome})
   * @param mapKey the mapping key that lists them ({@code roles})
   */
  CellRead word(SheetTable.Row row, MappedColumn column, String exchangeColumn, WordMap words, String what, String mapKey) {
    TrackerCell cell = cell(row, column);
    if (cell == null) {
      return CellRead.BLANK;
    }
    if (cell.kind() == TrackerCell.Kind.ERROR) {
      return problem(row, column, cell, exchangeColumn, "holds an Excel error, not a " + what);
    }
    return words.target(cell.text())
        .map(target -> new CellRead(target, cell, row.number(), null))
        .orElseGet(() -> problem(row, column, cell, exchangeColumn,
            "is not a " + what + " the mapping knows (add it under '" + mapKey + ":' in " + mapping.file + "; known: "
                + words.describe() + ")"));
  }

  /** A Y/N flag: a TRUE/FALSE cell becomes Y/N; text is passed on for the contract to check. */
  CellRead flag(SheetTable.Row row, MappedColumn column, String exchangeColumn) {
    TrackerCell cell = cell(row, column);
    if (cell == null) {
      return CellRead.BLANK;
    }
    if (cell.kind() == TrackerCell.Kind.BOOLEAN) {
      return new CellRead(cell.text().equals("TRUE") ? "Y" : "N", cell, row.number(), null);
    }
    return text(row, column, exchangeColumn);
  }

  private TrackerCell cell(SheetTable.Row row, MappedColumn column) {
    return column == null ? null : row.cell(placed.get(column));
  }

  private CellRead problem(SheetTable.Row row, MappedColumn column, TrackerCell cell, String exchangeColumn, String problem) {
    String reason = cell.ref() + " (" + header.label(placed.get(column)) + ") " + problem;
    return new CellRead("", cell, row.number(), new Violation(exchangeColumn, RULE_CELL, reason, cell.text()));
  }
}
