package org.drpwarehouse.ingestion;

import org.apache.spark.sql.SparkSession;

/** One small local SparkSession with Delta for the whole test JVM. */
final class SharedSpark {
  private SharedSpark() {}

  private static final class Holder {
    static final SparkSession SESSION =
        SparkSession.builder()
            .appName("drp-ingestion-tests")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.sql.session.timeZone", "Europe/London")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .getOrCreate();
  }

  static SparkSession session() {
    return Holder.SESSION;
  }
}
