package org.drpwarehouse.dashboards;

import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.warehouse.SparkConventions;

/** One small local SparkSession for the whole test JVM. */
final class SharedSpark {
  private SharedSpark() {}

  private static final class Holder {
    static final SparkSession SESSION =
        SparkConventions.local(SparkSession.builder().appName("drp-dashboards-tests").master("local[2]"), 2).getOrCreate();
  }

  static SparkSession session() {
    return Holder.SESSION;
  }
}
