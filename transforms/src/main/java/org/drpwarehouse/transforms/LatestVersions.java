package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;

/**
 * One row per record: of every version of a record (same authority and natural key, {@link
 * SilverSchemas#key}) the one from the latest load wins, and within one load the last line of the
 * file. A record whose winning version is a tombstone ({@code _deleted}) is gone.
 *
 * <p>Example: dispute {@code (381, D-1)} loaded on 1 May with stage 1, then on 8 May twice in the
 * same file (line 4 stage 1, line 9 stage 2) has one silver row: stage 2 from line 9 of the 8 May
 * load. Exact duplicates (same {@code _record_hash}) hash the key columns too, so they always fall
 * in the same group and count once; the file order of the input never matters.
 *
 * <p>Ties left after load time and line (two files of one load holding the same key) are broken by
 * source name, then record hash, so that a rebuild always picks the same row.
 *
 * <p>Input: {@link TypedRecords}' output (it needs the silver {@code authority}, the key columns,
 * the lineage and {@code _deleted}). Output: the same columns without {@code _deleted}. Pure.
 */
public final class LatestVersions {
  private static final String RANK = "__version_rank";

  private LatestVersions() {}

  public static Dataset<Row> apply(Dataset<Row> typed, RecordSpec spec) {
    Column[] key = SilverSchemas.key(spec).stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    WindowSpec latestFirst = Window.partitionBy(key).orderBy(Lineage.latestFirst());
    return typed
        .withColumn(RANK, row_number().over(latestFirst))
        .where(col(RANK).equalTo(1).and(not(coalesce(col(Lineage.DELETED), lit(false)))))
        .drop(RANK, Lineage.DELETED);
  }
}
