package org.drpwarehouse.schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The contract of one kind of source record: the file it arrives in, its columns in canonical order,
 * and its natural key. Everything else (Spark schemas, readers, checks, documentation) is derived
 * from it.
 *
 * <p>Example: {@code ExchangeFormat.DISPUTES} arrives as {@code disputes.csv} or {@code
 * disputes.jsonl}, is keyed by {@code (authority, dispute_id)}, and its {@code child_id} column is
 * marked {@link PersonalData#CHILD_ID}.
 */
public record RecordSpec(
    String name,
    SourceFamily family,
    String description,
    List<Column> columns,
    List<String> naturalKey,
    Class<? extends Record> rowType) {

  public RecordSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(family, "family");
    columns = List.copyOf(columns);
    naturalKey = List.copyOf(naturalKey);
    Map<String, Column> byName = new LinkedHashMap<>();
    for (Column column : columns) {
      if (byName.put(column.name(), column) != null) {
        throw new IllegalArgumentException("Record " + name + " declares column " + column.name() + " twice");
      }
    }
    for (String key : naturalKey) {
      if (!byName.containsKey(key)) {
        throw new IllegalArgumentException("Record " + name + " has key column " + key + " that it does not declare");
      }
    }
  }

  /** The file name for the CSV form: {@code disputes.csv}. */
  public String csvFileName() {
    return name + ".csv";
  }

  /** The file name for the JSON Lines form, where the family accepts one. */
  public Optional<String> jsonLinesFileName() {
    return family == SourceFamily.EXCHANGE ? Optional.of(name + ".jsonl") : Optional.empty();
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column column : columns) {
      names.add(column.name());
    }
    return names;
  }

  public Optional<Column> column(String columnName) {
    for (Column column : columns) {
      if (column.name().equals(columnName)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  /** Looks up a column the caller knows exists; a miss is a programming error. */
  public Column requireColumn(String columnName) {
    return column(columnName)
        .orElseThrow(() -> new IllegalArgumentException("Record " + name + " has no column " + columnName));
  }

  public List<Column> requiredColumns() {
    return columns.stream().filter(Column::isRequired).toList();
  }

  public List<Column> personalColumns() {
    return columns.stream().filter(c -> c.personalData().isPersonal()).toList();
  }

  /** The conformed (typed) Spark schema: dates as {@code DateType}, flags as booleans. */
  public StructType sparkSchema() {
    return new StructType(columns.stream().map(Column::sparkField).toArray(StructField[]::new));
  }

  /** The raw Spark schema: every column as the string read from the source. */
  public StructType rawSchema() {
    return new StructType(columns.stream().map(Column::rawField).toArray(StructField[]::new));
  }
}
