package org.drpwarehouse.app.spark;

import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.app.config.DrpSettings;

/**
 * The one SparkSession of a {@code drp} process, configured from the settings: the master (local or a
 * cluster), Delta's extensions, and conservative defaults for a small machine. Nothing else in the
 * code base builds a session, so tests and the command line run the same configuration.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(DrpSettings settings, String appName) {
    String master = settings.get(DrpSettings.SPARK_MASTER);
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "Europe/London")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.shuffle.partitions", settings.get(DrpSettings.SHUFFLE_PARTITIONS).toString());
    if (master.startsWith("local")) {
      builder
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.databricks.delta.snapshotPartitions", "2");
    }
    return builder.getOrCreate();
  }
}
