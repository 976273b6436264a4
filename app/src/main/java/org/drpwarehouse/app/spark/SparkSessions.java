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
  /** The system property spark-submit sets to the master it was given. */
  static final String SUBMITTED_MASTER = "spark.master";

  private SparkSessions() {}

  /**
   * The master: the settings' when they give one; else, under spark-submit, the master it was given
   * (so {@code spark-submit --master spark://...} is not overridden by the default {@code local[*]});
   * else the default.
   */
  static String master(DrpSettings settings, String submitted) {
    if (settings.isGiven(DrpSettings.SPARK_MASTER) || submitted == null || submitted.isBlank()) {
      return settings.get(DrpSettings.SPARK_MASTER);
    }
    return submitted.trim();
  }

  public static SparkSession create(DrpSettings settings, String appName) {
    String master = master(settings, System.getProperty(SUBMITTED_MASTER));
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
