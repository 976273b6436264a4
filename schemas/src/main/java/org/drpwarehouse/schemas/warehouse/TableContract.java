package org.drpwarehouse.schemas.warehouse;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The contract of a table the warehouse derives: where it lives ({@code WAREHOUSE/layer/name}), what
 * one row is, its key, and its columns with their meanings. Transforms write exactly {@link
 * #schema()}; checks, dashboards and reports read through the column constants beside each
 * contract ({@link GoldTables}, {@link MartTables}); {@code docs/metric-dictionary.md} is generated
 * from these contracts.
 *
 * <p>Build with {@link #builder(String, String)}.
 */
public record TableContract(String layer, String name, String grain, String countsIn, List<String> key,
    List<TableColumn> columns) {

  public TableContract {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(grain, "grain");
    countsIn = countsIn == null ? "" : countsIn;
    key = List.copyOf(key);
    columns = List.copyOf(columns);
    Set<String> names = new LinkedHashSet<>();
    for (TableColumn column : columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("Table " + name + " declares column " + column.name() + " twice");
      }
    }
    for (String k : key) {
      if (!names.contains(k)) {
        throw new IllegalArgumentException("Table " + name + " has key column " + k + " that it does not declare");
      }
    }
  }

  public static Builder builder(String layer, String name) {
    return new Builder(layer, name);
  }

  /** The Spark schema a writer must produce, column for column, in this order. */
  public StructType schema() {
    return new StructType(columns.stream().map(TableColumn::sparkField).toArray(StructField[]::new));
  }

  /**
   * Whether a computed schema has this contract's columns, names and types, in order. Nullability
   * and comments are not compared: Spark cannot prove a computed column non-null, and comments are
   * applied when the table is written ({@code Conformed} in transforms); the quality gate checks
   * that required columns are complete.
   */
  public boolean matches(StructType computed) {
    return mismatch(computed).isEmpty();
  }

  /** What differs between a computed schema and this contract, in words; empty when it matches. */
  public Optional<String> mismatch(StructType computed) {
    StructField[] fields = computed.fields();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < Math.max(fields.length, columns.size()); i++) {
      String expected = i < columns.size() ? columns.get(i).name() + " " + columns.get(i).type().simpleString() : "nothing";
      String actual = i < fields.length ? fields[i].name() + " " + fields[i].dataType().simpleString() : "nothing";
      if (!expected.equals(actual)) {
        problems.add("column " + (i + 1) + ": expected " + expected + ", found " + actual);
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(qualifiedName() + ": " + String.join("; ", problems));
  }

  public List<String> columnNames() {
    return columns.stream().map(TableColumn::name).toList();
  }

  public Optional<TableColumn> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** {@code gold.dispute_summary}: how commands and reports name the table. */
  public String qualifiedName() {
    return layer + "." + name;
  }

  public URI location(URI warehouse) {
    return WarehouseTables.location(warehouse, layer, name);
  }

  /** Builds a contract column by column. */
  public static final class Builder {
    private final String layer;
    private final String name;
    private String grain = "";
    private String countsIn = "";
    private final List<String> key = new ArrayList<>();
    private final List<TableColumn> columns = new ArrayList<>();

    private Builder(String layer, String name) {
      this.layer = layer;
      this.name = name;
    }

    /** What one row is, e.g. "one row per stage visit". */
    public Builder grain(String text) {
      this.grain = text;
      return this;
    }

    /** Which date decides the period a row counts in (metrics.md), for marts. */
    public Builder countsIn(String text) {
      this.countsIn = text;
      return this;
    }

    public Builder key(String... columnNames) {
      key.addAll(List.of(columnNames));
      return this;
    }

    public Builder column(String columnName, DataType type, String description) {
      columns.add(new TableColumn(columnName, type, true, description));
      return this;
    }

    public Builder required(String columnName, DataType type, String description) {
      columns.add(new TableColumn(columnName, type, false, description));
      return this;
    }

    public Builder columns(List<TableColumn> more) {
      columns.addAll(more);
      return this;
    }

    public TableContract build() {
      return new TableContract(layer, name, grain, countsIn, key, columns);
    }
  }

  /** Shorthand for builders: the Spark type of an array of strings. */
  public static DataType stringArray() {
    return org.apache.spark.sql.types.DataTypes.createArrayType(org.apache.spark.sql.types.DataTypes.StringType, true);
  }
}
