package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** Small column helpers the mart transforms share. */
final class MartColumns {
  private MartColumns() {}

  /** Rows where the condition is true (a null condition does not count); never null, 0 for none. */
  static Column countWhere(Column condition) {
    return count(when(condition, lit(1)));
  }

  /** Rows where the boolean column is true. */
  static Column countTrue(String column) {
    return countWhere(col(column));
  }

  /** The column's value, or {@value Breakdowns#NONE} when null or blank. */
  static Column orNone(String column) {
    return Breakdowns.orNone(col(column));
  }
}
