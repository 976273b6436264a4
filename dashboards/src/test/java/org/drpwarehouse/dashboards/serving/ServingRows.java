package org.drpwarehouse.dashboards.serving;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableColumn;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * Tiny tables built from the canonical contract schemas. Columns a test does not name get a plain
 * value of their type when the contract requires them and null otherwise (and null when the row's
 * {@code suppressed} list names them, as suppression leaves them); {@code authority} is {@code LA1},
 * {@code LA2}, ... so rows differ.
 */
final class ServingRows {
  static final LocalDate AS_OF = LocalDate.of(2024, 6, 28);

  private ServingRows() {}

  /** {@code rows} rows of a gold table. */
  static Dataset<Row> gold(TableContract contract, int rows, Map<String, Object> values) {
    return build(contract.schema(), contract, rows, values);
  }

  /** {@code rows} rows of a suppressed board mart: the contract's columns plus {@code suppressed}. */
  static Dataset<Row> board(TableContract contract, int rows, Map<String, Object> values) {
    StructType schema = suppressedSchema(contract);
    return build(schema, contract, rows, values);
  }

  /** What small-number suppression produces: every count nullable, plus the suppressed column. */
  static StructType suppressedSchema(TableContract contract) {
    List<StructField> fields = new ArrayList<>();
    for (TableColumn column : contract.columns()) {
      fields.add(new StructField(column.name(), column.type(), true, column.sparkField().metadata()));
    }
    fields.add(new StructField(ServingDatabase.SUPPRESSED, DataTypes.createArrayType(DataTypes.StringType, false), false,
        Metadata.empty()));
    return new StructType(fields.toArray(StructField[]::new));
  }

  private static Dataset<Row> build(StructType schema, TableContract contract, int rows, Map<String, Object> values) {
    List<?> suppressed = (List<?>) values.getOrDefault(ServingDatabase.SUPPRESSED, List.of());
    List<Row> data = new ArrayList<>();
    for (int i = 1; i <= rows; i++) {
      Object[] cells = new Object[schema.fields().length];
      for (int f = 0; f < cells.length; f++) {
        StructField field = schema.fields()[f];
        boolean required = contract.column(field.name()).map(c -> !c.nullable()).orElse(!field.nullable());
        if (values.containsKey(field.name())) {
          cells[f] = values.get(field.name());
        } else if (suppressed.contains(field.name())) {
          cells[f] = null;
        } else if (field.name().equals(MartTables.AUTHORITY)) {
          cells[f] = "LA" + i;
        } else if (required) {
          cells[f] = plain(field.dataType(), i);
        }
      }
      data.add(RowFactory.create(cells));
    }
    return SharedSpark.session().createDataFrame(data, schema);
  }

  private static Object plain(DataType type, int i) {
    if (type.equals(DataTypes.StringType)) {
      return "value" + i;
    } else if (type.equals(DataTypes.LongType)) {
      return (long) i;
    } else if (type.equals(DataTypes.IntegerType)) {
      return i;
    } else if (type.equals(DataTypes.DoubleType)) {
      return (double) i;
    } else if (type.equals(DataTypes.BooleanType)) {
      return false;
    } else if (type.equals(DataTypes.DateType)) {
      return Date.valueOf(AS_OF);
    } else if (type instanceof ArrayType) {
      return List.of();
    }
    throw new IllegalArgumentException("No plain value for " + type);
  }
}
