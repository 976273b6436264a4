package org.drpwarehouse.app.spark;

import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.app.config.DrpSettings;
import org.drpwarehouse.schemas.warehouse.SparkConventions;

/**
 * The one SparkSession of a {@code drp} process, configured from the settings: the master (local or a
 * cluster), Delta's extensions, and conservative defaults for a small machine. Nothing else in the
 * code base builds a session, so tests and the command line run the same configuration.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(DrpSettings settings, String appName) {
    String master = settings.get(DrpSettings.SPARK_MASTER);
    int partitions = settings.get(DrpSettings.SHUFFLE_PARTITIONS);
    SparkSession.Builder builder = SparkSession.builder().appName(appName).master(master);
    if (master.startsWith("local")) {
      SparkConventions.local(builder, partitions);
    } else {
      SparkConventions.apply(builder).config("spark.sql.shuffle.partitions", String.valueOf(partitions));
    }
    return builder.getOrCreate();
  }
}
