package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.KnownNotNull;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.warehouse.TableColumn;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * The last step of every gold and mart transform: the contract's columns, in its order, with its
 * types, nullability and column comments, so that the output's schema equals {@link
 * TableContract#schema()} exactly and a Delta table written from it carries the meanings.
 *
 * <ul>
 *   <li>A column the rows lack, or whose type differs from the contract's, is a bug in the transform
 *       and fails at once (no silent cast).
 *   <li>A required column whose expression Spark cannot prove non-null is guarded: a null reaching it
 *       fails the job with a message naming the table and column, and the schema says non-null.
 *   <li>An optional column whose expression happens to be non-null is declared nullable.
 * </ul>
 *
 * <p>Pure: a projection, no actions.
 */
public final class ContractProjection {
  private ContractProjection() {}

  public static Dataset<Row> apply(Dataset<Row> rows, TableContract contract) {
    StructType have = rows.schema();
    List<Column> projected = new ArrayList<>();
    for (TableColumn column : contract.columns()) {
      StructField field = field(have, column.name(), contract);
      // Types are compared as written (array<string>), so that an array built from literals, whose
      // elements Spark knows to be non-null, still matches a contract that allows null elements.
      if (!field.dataType().simpleString().equals(column.type().simpleString())) {
        throw new IllegalStateException(
            "Transform of " + contract.qualifiedName() + " makes column " + column.name() + " a "
                + field.dataType().simpleString() + " but the contract says " + column.type().simpleString()
                + ": fix the transform's expression");
      }
      Column value = field.dataType().equals(column.type()) ? col(column.name()) : col(column.name()).cast(column.type());
      if (!column.nullable() && field.nullable()) {
        value = required(value, contract.qualifiedName() + "." + column.name());
      } else if (column.nullable() && !field.nullable()) {
        value = when(value.isNotNull(), value);
      }
      projected.add(value.as(column.name(), column.sparkField().metadata()));
    }
    return rows.select(projected.toArray(Column[]::new));
  }

  private static StructField field(StructType have, String name, TableContract contract) {
    for (StructField field : have.fields()) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    throw new IllegalStateException(
        "Transform of " + contract.qualifiedName() + " does not produce column " + name + " (it has "
            + String.join(", ", have.fieldNames()) + "): add it to the transform");
  }

  /**
   * The value, declared non-null; a null fails the job. Spark has no public way to declare an
   * expression non-null, so the guard is Catalyst's {@code KnownNotNull} around a {@code coalesce}
   * whose fallback raises the error: the declaration is only ever true.
   */
  private static Column required(Column value, String where) {
    Column guarded =
        coalesce(
            value,
            raise_error(lit(where + " is null, but the contract requires a value: the input broke its own contract"
                + " (check the upstream table's required columns)")));
    return new Column(new KnownNotNull(guarded.expr()));
  }
}
