package org.drpwarehouse.quality.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.drpwarehouse.schemas.warehouse.QualityTables;

/**
 * The first {@code limit} failing record ids per authority and rule, in id order, from {@link
 * FailingRecords}: {@code authority, rule_id, record_id}. Small enough to collect.
 */
public final class FailingSample {
  private final int limit;

  public FailingSample(int limit) {
    this.limit = limit;
  }

  public Dataset<Row> apply(Dataset<Row> failing) {
    String rank = "_rank";
    return failing
        .select(col(QualityTables.AUTHORITY), col(QualityTables.RULE_ID), col(FailingRecords.RECORD_ID))
        .withColumn(rank, row_number().over(
            Window.partitionBy(col(QualityTables.AUTHORITY), col(QualityTables.RULE_ID)).orderBy(col(FailingRecords.RECORD_ID))))
        .where(col(rank).leq(limit))
        .drop(rank);
  }
}
