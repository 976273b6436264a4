package org.drpwarehouse.dashboards;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Tiny tables built inline on a canonical schema (a contract's, or silver's): defaults, then one
 * call per row naming only what matters. A column not named is null, or for a non-null column 0,
 * false, an empty text, list or map, or the epoch. Written to Delta at a URI.
 */
final class TableRows {
  private final StructType schema;
  private final Map<String, Object> defaults = new LinkedHashMap<>();
  private final List<Map<String, Object>> rows = new ArrayList<>();

  private TableRows(StructType schema) {
    this.schema = schema;
  }

  static TableRows of(StructType schema) {
    return new TableRows(schema);
  }

  TableRows defaults(Object... pairs) {
    defaults.putAll(pairs(pairs));
    return this;
  }

  TableRows row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>(defaults);
    row.putAll(pairs(pairs));
    for (String name : row.keySet()) {
      if (!List.of(schema.fieldNames()).contains(name)) {
        throw new IllegalArgumentException("No column " + name + " in " + schema.simpleString());
      }
    }
    rows.add(row);
    return this;
  }

  Dataset<Row> dataset() {
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        StructField field = schema.fields()[i];
        Object value = row.get(field.name());
        values[i] = value == null && !field.nullable() ? empty(field.dataType()) : convert(field.dataType(), value);
      }
      out.add(RowFactory.create(values));
    }
    return SharedSpark.session().createDataFrame(out, schema);
  }

  /** Writes the rows as a new version of the Delta table at {@code location} (overwriting). */
  void write(java.net.URI location) {
    dataset().write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(location.toString());
  }

  private static Object empty(DataType type) {
    if (type.equals(DataTypes.BooleanType)) {
      return false;
    }
    if (type.equals(DataTypes.IntegerType)) {
      return 0;
    }
    if (type.equals(DataTypes.LongType)) {
      return 0L;
    }
    if (type.equals(DataTypes.StringType)) {
      return "";
    }
    if (type.equals(DataTypes.DateType)) {
      return Date.valueOf(LocalDate.of(2025, 6, 30));
    }
    if (type.equals(DataTypes.TimestampType)) {
      return Timestamp.from(Instant.EPOCH);
    }
    if (type instanceof ArrayType) {
      return scala.collection.JavaConverters.asScalaBuffer(new ArrayList<>()).toList();
    }
    if (type instanceof MapType) {
      return scala.collection.JavaConverters.mapAsScalaMap(new LinkedHashMap<>());
    }
    return null;
  }

  private static Object convert(DataType type, Object value) {
    if (value == null) {
      return null;
    }
    if (type.equals(DataTypes.LongType)) {
      return ((Number) value).longValue();
    }
    if (type.equals(DataTypes.IntegerType)) {
      return ((Number) value).intValue();
    }
    if (type.equals(DataTypes.DoubleType)) {
      return ((Number) value).doubleValue();
    }
    if (type.equals(DataTypes.DateType)) {
      return Date.valueOf(LocalDate.parse(value.toString()));
    }
    if (type.equals(DataTypes.TimestampType)) {
      return Timestamp.from(Instant.parse(value.toString()));
    }
    if (type instanceof ArrayType && value instanceof List<?> list) {
      return scala.collection.JavaConverters.asScalaBuffer(new ArrayList<Object>(list)).toList();
    }
    if (type instanceof MapType && value instanceof Map<?, ?> map) {
      return scala.collection.JavaConverters.mapAsScalaMap(new LinkedHashMap<Object, Object>(map));
    }
    if (type.equals(DataTypes.BooleanType)) {
      return value;
    }
    return value.toString();
  }

  private static Map<String, Object> pairs(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i].toString(), pairs[i + 1]);
    }
    return map;
  }
}
