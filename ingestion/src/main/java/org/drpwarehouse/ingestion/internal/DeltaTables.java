package org.drpwarehouse.ingestion.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Questions about Delta tables that ingestion asks before reading one that may not exist yet. */
public final class DeltaTables {
  private DeltaTables() {}

  /** Whether a Delta table exists at {@code table} (it has a transaction log), on any file system. */
  public static boolean exists(SparkSession spark, URI table) {
    try {
      Path log = new Path(table.toString() + "/_delta_log");
      return log.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for table " + table, e);
    }
  }
}
