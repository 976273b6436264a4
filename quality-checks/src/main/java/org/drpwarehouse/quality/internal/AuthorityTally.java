package org.drpwarehouse.quality.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;

/**
 * Deequ's row-level results of one frame, tallied per authority in one aggregation: for the rule
 * whose row-level column is {@code q_i}, {@code a_i} records in scope, {@code f_i} failing, and for
 * a recording rule {@code c_i} the distinct policy clauses of the records in scope. One row per
 * authority (a null authority is a group of its own).
 */
public final class AuthorityTally {
  private final List<Rule> rules;

  /** @param rules the frame's rules; rule i's row-level result is column {@link #resultColumn(int)} */
  public AuthorityTally(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static String resultColumn(int index) {
    return "q_" + index;
  }

  public static String applicableColumn(int index) {
    return "a_" + index;
  }

  public static String failingColumn(int index) {
    return "f_" + index;
  }

  public static String clausesColumn(int index) {
    return "c_" + index;
  }

  public Dataset<Row> apply(Dataset<Row> rowLevel) {
    List<Column> aggregates = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Column result = col(resultColumn(i));
      aggregates.add(sum(when(result.isNotNull(), lit(1L)).otherwise(lit(0L))).as(applicableColumn(i)));
      aggregates.add(sum(when(result.equalTo(false), lit(1L)).otherwise(lit(0L))).as(failingColumn(i)));
      if (rules.get(i).recording()) {
        aggregates.add(collect_set(when(result.isNotNull(), col(PolicyClauses.column(rules.get(i).id())))).as(clausesColumn(i)));
      }
    }
    return rowLevel
        .groupBy(col(GoldTables.AUTHORITY))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
  }
}
