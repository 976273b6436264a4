package org.drpwarehouse.schemas;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

/**
 * Writes row records as CSV lines in their contract's column order and spelling (RFC 4180 quoting,
 * dates as the column type says). Reusable across rows; not thread-safe-sensitive (no state per row).
 *
 * <p>Example: {@code CsvRows.of(ExchangeFormat.DISPUTES).line(dispute)} gives {@code
 * 381,D-1,566910,CLA,IRO-07,2024-05-01,DRIFT,,Children in Care 2}.
 */
public final class CsvRows {
  private final RecordSpec spec;
  private final MethodHandle[] accessors;

  private CsvRows(RecordSpec spec) {
    this.spec = spec;
    RecordComponent[] components = spec.rowType().getRecordComponents();
    List<Column> columns = spec.columns();
    this.accessors = new MethodHandle[columns.size()];
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    for (int i = 0; i < columns.size(); i++) {
      String field = fieldName(columns.get(i).name());
      RecordComponent match = null;
      for (RecordComponent component : components) {
        if (component.getName().equals(field)) {
          match = component;
        }
      }
      if (match == null) {
        throw new IllegalStateException(
            spec.rowType().getSimpleName() + " has no component " + field + " for column " + columns.get(i).name());
      }
      try {
        accessors[i] = lookup.unreflect(match.getAccessor());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + spec.rowType().getName() + "." + field, e);
      }
    }
  }

  public static CsvRows of(RecordSpec spec) {
    return new CsvRows(spec);
  }

  /** The Java component name of a column: {@code dispute_id} and {@code DISPUTE_ID} give {@code disputeId}. */
  public static String fieldName(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** The header line, without a line break. */
  public String header() {
    return String.join(",", spec.columnNames());
  }

  /** One row as a CSV line, without a line break. */
  public String line(Record row) {
    if (!spec.rowType().isInstance(row)) {
      throw new IllegalArgumentException("Expected a " + spec.rowType().getSimpleName() + " for " + spec.name() + ", got " + row);
    }
    StringBuilder out = new StringBuilder(128);
    List<Column> columns = spec.columns();
    for (int i = 0; i < accessors.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      Object value;
      try {
        value = accessors[i].invoke(row);
      } catch (Throwable e) {
        throw new IllegalStateException("Cannot read column " + columns.get(i).name() + " of " + row, e);
      }
      if (value instanceof Enum<?> code) {
        value = code.name();
      }
      out.append(quote(columns.get(i).type().format(value)));
    }
    return out.toString();
  }

  /** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
  public static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
