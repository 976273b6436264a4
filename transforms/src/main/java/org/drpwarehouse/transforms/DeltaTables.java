package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.warehouse.GoldTables;

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
    return DeltaTable.forPath(spark, location).history(1).select("version").head().getLong(0);
  }

  /** Whether the table exists and is partitioned by authority (a warehouse written before the layout is not). */
  static boolean byAuthority(SparkSession spark, String location) {
    return exists(spark, location)
        && DeltaTable.forPath(spark, location).detail().select("partitionColumns").head().getList(0)
            .equals(List.of(PARTITION));
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
