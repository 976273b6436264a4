package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * Tiny tables built inline in a canonical schema (a contract's, or a silver table's): each {@link
 * #row} names the values the test cares about as {@code "column", value} pairs; the rest are the
 * frame's defaults, else null, else (for a non-null column) a neutral value: false, 0, or for
 * lineage a placeholder. Dates may be written {@code "2024-05-03"}.
 */
final class Frame {
  private final StructType schema;
  private final Map<String, Object> defaults = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();

  private Frame(StructType schema) {
    this.schema = schema;
  }

  static Frame of(TableContract contract) {
    return new Frame(contract.schema());
  }

  static Frame of(StructType schema) {
    return new Frame(schema);
  }

  Frame defaults(Object... columnValuePairs) {
    defaults.putAll(pairs(columnValuePairs));
    return this;
  }

  Frame row(Object... columnValuePairs) {
    Map<String, Object> values = new LinkedHashMap<>(defaults);
    values.putAll(pairs(columnValuePairs));
    Object[] cells = new Object[schema.size()];
    for (int i = 0; i < schema.size(); i++) {
      StructField field = schema.fields()[i];
      Object value = values.containsKey(field.name()) ? convert(field, values.get(field.name())) : null;
      cells[i] = value == null && !field.nullable() ? neutral(field) : value;
    }
    rows.add(RowFactory.create(cells));
    return this;
  }

  Dataset<Row> dataset() {
    return SharedSpark.session().createDataFrame(rows, schema);
  }

  private Map<String, Object> pairs(Object[] columnValuePairs) {
    if (columnValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException("Give values as column, value pairs");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < columnValuePairs.length; i += 2) {
      String column = (String) columnValuePairs[i];
      if (List.of(schema.fieldNames()).stream().noneMatch(column::equals)) {
        throw new IllegalArgumentException("No column " + column + " in " + List.of(schema.fieldNames()));
      }
      values.put(column, columnValuePairs[i + 1]);
    }
    return values;
  }

  private static Object convert(StructField field, Object value) {
    DataType type = field.dataType();
    if (value == null) {
      return null;
    }
    if (type.equals(DataTypes.DateType)) {
      return value instanceof LocalDate d ? Date.valueOf(d) : value instanceof String s ? Date.valueOf(s) : value;
    }
    if (type.equals(DataTypes.LongType) && value instanceof Integer i) {
      return i.longValue();
    }
    return value;
  }

  private static Object neutral(StructField field) {
    DataType type = field.dataType();
    if (type.equals(DataTypes.BooleanType)) {
      return false;
    }
    if (type.equals(DataTypes.IntegerType)) {
      return 0;
    }
    if (type.equals(DataTypes.LongType)) {
      return 0L;
    }
    if (field.name().startsWith("_") && type.equals(DataTypes.StringType)) {
      return "test";
    }
    if (field.name().startsWith("_") && type.equals(DataTypes.TimestampType)) {
      return Timestamp.valueOf("2025-01-01 00:00:00");
    }
    throw new IllegalArgumentException("Column " + field.name() + " is required: give it a value or a default");
  }

  // ---- reading results --------------------------------------------------------------------

  /** Results collected once per dataset, so that a test asking many questions runs one job. */
  private static final Map<Dataset<Row>, List<Row>> COLLECTED = new java.util.WeakHashMap<>();

  private static List<Row> collected(Dataset<Row> rows) {
    synchronized (COLLECTED) {
      return COLLECTED.computeIfAbsent(rows, Dataset::collectAsList);
    }
  }

  /** The one row of {@code rows} whose columns equal the given values (dates as {@code "2024-05-01"}). */
  static Row only(Dataset<Row> rows, Object... columnValuePairs) {
    List<Row> found = all(rows, columnValuePairs);
    assertThat(found).as("exactly one row where %s", List.of(columnValuePairs)).hasSize(1);
    return found.get(0);
  }

  /** The rows of {@code rows} whose columns equal the given values. */
  static List<Row> all(Dataset<Row> rows, Object... columnValuePairs) {
    List<Row> found = new ArrayList<>();
    for (Row row : collected(rows)) {
      boolean matches = true;
      for (int i = 0; i < columnValuePairs.length && matches; i += 2) {
        matches = comparable(row.get(row.fieldIndex((String) columnValuePairs[i])))
            .equals(comparable(columnValuePairs[i + 1]));
      }
      if (matches) {
        found.add(row);
      }
    }
    return found;
  }

  private static Object comparable(Object value) {
    if (value == null) {
      return "<null>";
    }
    if (value instanceof Date || value instanceof LocalDate) {
      return value.toString();
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    return value;
  }

  static long count(Row row, String column) {
    return row.getLong(row.fieldIndex(column));
  }

  static Object value(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    return value instanceof Date d ? d.toLocalDate() : value;
  }
}
