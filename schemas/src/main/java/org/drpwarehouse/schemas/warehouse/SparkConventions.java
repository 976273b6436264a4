package org.drpwarehouse.schemas.warehouse;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark settings every session of the warehouse needs, defined once: Delta Lake's SQL extension
 * and catalog, and the Europe/London session time zone (dates are calendar dates in England). The
 * {@code drp} command and every module's tests build their sessions through here.
 */
public final class SparkConventions {
  private SparkConventions() {}

  /** Adds the warehouse's settings to a session builder. */
  public static SparkSession.Builder apply(SparkSession.Builder builder) {
    return builder
        .config("spark.sql.session.timeZone", "Europe/London")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
  }

  /**
   * Adds the settings for a session in this JVM ({@code local[N]}): the driver on the loopback
   * address, no web UI, and small Delta snapshot and shuffle partitions for small machines.
   */
  public static SparkSession.Builder local(SparkSession.Builder builder, int shufflePartitions) {
    return apply(builder)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
        .config("spark.default.parallelism", String.valueOf(shufflePartitions))
        .config("spark.databricks.delta.snapshotPartitions", "2");
  }
}
