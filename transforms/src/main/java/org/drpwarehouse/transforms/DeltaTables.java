package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import scala.collection.JavaConverters;

/**
 * Delta table helpers of the transforms' runners, and the warehouse's physical layout: every silver,
 * gold and mart table is partitioned by {@code authority}, one folder per authority. The authority
 * is the unit of everything after silver (an ingest batch, an incremental build, the gate's verdict,
 * a publication), so replacing one authority's rows rewrites that authority's folder only.
 */
final class DeltaTables {
  /** The partition column of every table laid out by authority. */
  static final String PARTITION = GoldTables.AUTHORITY;

  private DeltaTables() {}

  static boolean exists(SparkSession spark, String location) {
    return DeltaTable.isDeltaTable(spark, location);
  }

  /** The latest version of a Delta table. */
  static long version(SparkSession spark, String location) {
    return latest(spark, location).version();
  }

  /** Whether the table exists and is partitioned by authority (a warehouse written before the layout is not). */
  static boolean byAuthority(SparkSession spark, String location) {
    return exists(spark, location)
        && JavaConverters.seqAsJavaList(latest(spark, location).metadata().partitionColumns()).equals(List.of(PARTITION));
  }

  /**
   * The table's latest snapshot, from the Delta log the reads share: its version and metadata come
   * from the log alone, with no Spark job (the public API's {@code history()} and {@code detail()}
   * each run jobs, {@code detail()} over every file of the table), and the reads that follow reuse it.
   */
  private static Snapshot latest(SparkSession spark, String location) {
    DeltaLog log = DeltaLog.forTable(spark, location);
    return log.update(log.update$default$1(), log.update$default$2(), log.update$default$3());
  }

  /**
   * Replaces a whole table, laid out by authority (give it rows {@link #gathered} by authority) (schema and partitioning as given), with the
   * commit's user metadata (or none).
   */
  static void overwrite(Dataset<Row> rows, String location, String userMetadata) {
    writer(rows, userMetadata).option("overwriteSchema", "true").save(location);
  }

  /** Replaces the rows of the given authorities only, in one commit; the other folders are untouched. */
  static void replaceAuthorities(Dataset<Row> rows, Collection<String> authorities, String location, String userMetadata) {
    writer(rows, userMetadata).option("replaceWhere", inAuthorities(authorities)).save(location);
  }

  /** {@code authority IN ('a', 'b')}, quoted as SQL; the codes come from the data, never from a user. */
  static String inAuthorities(Collection<String> authorities) {
    if (authorities.isEmpty()) {
      throw new IllegalArgumentException("No authority given: a replacement needs at least one");
    }
    return PARTITION + " IN (" + String.join(", ", authorities.stream().map(a -> "'" + a.replace("'", "''") + "'").toList())
        + ")";
  }

  /**
   * The rows gathered by authority (one shuffle), so that a task writes a few folders whole, one
   * file each, instead of every task writing a small file into every folder. Rows already gathered
   * (silver's, by {@link SilverConformance}) are written as they are.
   */
  static Dataset<Row> gathered(Dataset<Row> rows) {
    return rows.repartition(col(PARTITION));
  }

  private static DataFrameWriter<Row> writer(Dataset<Row> rows, String userMetadata) {
    DataFrameWriter<Row> writer = rows.write().format("delta").mode("overwrite").partitionBy(PARTITION);
    return userMetadata == null ? writer : writer.option("userMetadata", userMetadata);
  }
}
