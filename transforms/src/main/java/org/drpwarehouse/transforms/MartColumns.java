package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.drpwarehouse.schemas.warehouse.MartTables;

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

  /**
   * A mart's grouping by authority, breakdown and period (type, label, first day), then its own
   * dimensions, then the as-of date: the order of the mart contracts' leading columns.
   */
  static Column[] byBreakdownAndPeriod(Column... dimensions) {
    return grouping(List.of(MartTables.AUTHORITY, MartTables.BREAKDOWN, MartTables.BREAKDOWN_VALUE, MartTables.PERIOD_TYPE,
        MartTables.PERIOD, MartTables.PERIOD_START), dimensions);
  }

  /** A mart's grouping by authority and period, then its own dimensions, then the as-of date. */
  static Column[] byPeriod(Column... dimensions) {
    return grouping(List.of(MartTables.AUTHORITY, MartTables.PERIOD_TYPE, MartTables.PERIOD, MartTables.PERIOD_START),
        dimensions);
  }

  /** A mart's grouping by authority and breakdown (no period), then its own dimensions, then the as-of date. */
  static Column[] byBreakdown(Column... dimensions) {
    return grouping(List.of(MartTables.AUTHORITY, MartTables.BREAKDOWN, MartTables.BREAKDOWN_VALUE), dimensions);
  }

  private static Column[] grouping(List<String> leading, Column... dimensions) {
    List<Column> columns = new ArrayList<>();
    leading.forEach(name -> columns.add(col(name)));
    columns.addAll(Arrays.asList(dimensions));
    columns.add(col(MartTables.AS_OF_DATE));
    return columns.toArray(Column[]::new);
  }
}
