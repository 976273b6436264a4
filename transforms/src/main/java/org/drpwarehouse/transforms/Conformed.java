package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * A computed table in its contract's shape, ready to write: exactly the contract's columns, in its
 * order, each cast to its type and carrying its meaning as the column comment. A computed column
 * the contract does not name is dropped; a contract column the computation lacks is a bug and
 * fails at once, naming it. Pure.
 */
public final class Conformed {
  private Conformed() {}

  public static Dataset<Row> to(TableContract contract, Dataset<Row> computed) {
    java.util.Set<String> have = java.util.Set.of(computed.columns());
    Column[] columns = new Column[contract.columns().size()];
    int i = 0;
    for (StructField field : contract.schema().fields()) {
      if (!have.contains(field.name())) {
        throw new IllegalStateException(
            "The computation of " + contract.qualifiedName() + " lacks column " + field.name() + " (has " + have + ")");
      }
      columns[i++] = col(field.name()).cast(field.dataType()).as(field.name(), field.metadata());
    }
    return computed.select(columns);
  }
}
