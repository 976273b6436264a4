package org.drpwarehouse.ingestion;

import java.util.Map;

/**
 * One record as read from a source, before validation: its source values by column name (every
 * column of the file, known to the contract or not) and its text as it stood in the file.
 *
 * @param line the line of the file the record starts on (the header is line 1), or the row number
 * @param values column name to the value read; an absent or empty cell is an empty string
 * @param text the record's source text, kept in quarantine so nothing is lost
 * @param structureError a reason the record could not be read into columns at all, or {@code null}
 */
public record RawRecord(long line, Map<String, String> values, String text, Violation structureError) {
  public String value(String column) {
    String value = values.get(column);
    return value == null ? "" : value;
  }

  public boolean has(String column) {
    return !value(column).isBlank();
  }
}
