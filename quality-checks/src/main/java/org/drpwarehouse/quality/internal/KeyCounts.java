package org.drpwarehouse.quality.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Adds {@link Helpers#KEY_COUNT}: how many rows share each row's key. */
public final class KeyCounts {
  private final List<String> key;

  public KeyCounts(List<String> key) {
    this.key = List.copyOf(key);
  }

  public Dataset<Row> apply(Dataset<Row> rows) {
    Column[] partition = key.stream().map(k -> col(k)).toArray(Column[]::new);
    return rows.withColumn(Helpers.KEY_COUNT, count(lit(1)).over(Window.partitionBy(partition)));
  }
}
