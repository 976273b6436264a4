package org.drpwarehouse.transforms;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.SparkSession;

/** Delta table helpers of the transforms' runners. */
final class DeltaTables {
  private DeltaTables() {}

  static boolean exists(SparkSession spark, String location) {
    return DeltaTable.isDeltaTable(spark, location);
  }

  /** The latest version of a Delta table. */
  static long version(SparkSession spark, String location) {
    return DeltaTable.forPath(spark, location).history(1).select("version").head().getLong(0);
  }
}
