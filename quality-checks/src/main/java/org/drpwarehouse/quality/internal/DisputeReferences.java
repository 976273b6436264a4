package org.drpwarehouse.quality.internal;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;

/**
 * Silver disputes with what the integrity rules look up for them: whether the child is among the
 * authority's SSDA903 children ({@link Helpers#IN_SSDA903}), known to it at all through SSDA903, CP
 * plans or allocations ({@link Helpers#CHILD_KNOWN}), whether the dispute was opened by the as-of
 * date ({@link Helpers#OPENED_BY_AS_OF}) and whether gold summarises it ({@link Helpers#IN_GOLD}).
 * Child ids are the silver pseudonyms, computed the same way in every table, so they join.
 */
public final class DisputeReferences {
  private static final String A = "_ref_authority";
  private static final String K = "_ref_key";

  private final LocalDate asOf;

  public DisputeReferences(LocalDate asOf) {
    this.asOf = asOf;
  }

  public Dataset<Row> apply(Dataset<Row> disputes, Dataset<Row> events, Dataset<Row> header, Dataset<Row> cpPlans,
      Dataset<Row> allocations, Dataset<Row> summary) {
    Dataset<Row> ssda903 = children(header, Ssda903Columns.CHILD);
    Dataset<Row> known =
        ssda903.union(children(cpPlans, ExchangeColumns.CHILD_ID)).union(children(allocations, ExchangeColumns.CHILD_ID))
            .distinct();
    Dataset<Row> opened =
        events
            .where(col(ExchangeColumns.EVENT_TYPE).equalTo(EventType.STAGE_OPENED.name())
                .and(col(ExchangeColumns.EVENT_DATE).leq(lit(asOf))))
            .select(col(ExchangeColumns.AUTHORITY).as(A), col(ExchangeColumns.DISPUTE_ID).as(K))
            .distinct();
    Dataset<Row> inGold =
        summary.select(col(GoldTables.AUTHORITY).as(A), col(GoldTables.DISPUTE_ID).as(K)).distinct();
    Dataset<Row> rows = new KeyCounts(SilverSchemas.key(ExchangeFormat.DISPUTES)).apply(disputes);
    rows = flag(rows, ssda903, ExchangeColumns.CHILD_ID, Helpers.IN_SSDA903);
    rows = flag(rows, known, ExchangeColumns.CHILD_ID, Helpers.CHILD_KNOWN);
    rows = flag(rows, opened, ExchangeColumns.DISPUTE_ID, Helpers.OPENED_BY_AS_OF);
    return flag(rows, inGold, ExchangeColumns.DISPUTE_ID, Helpers.IN_GOLD);
  }

  private static Dataset<Row> children(Dataset<Row> table, String childColumn) {
    return table.select(col(SilverSchemas.AUTHORITY).as(A), col(childColumn).as(K)).distinct();
  }

  /** {@code flag} is true where (authority, {@code column}) is among the keys. */
  private static Dataset<Row> flag(Dataset<Row> rows, Dataset<Row> keys, String column, String flag) {
    Dataset<Row> marked = keys.withColumn(flag, lit(true));
    return rows
        .join(marked,
            rows.col(ExchangeColumns.AUTHORITY).equalTo(marked.col(A)).and(rows.col(column).equalTo(marked.col(K))),
            "left")
        .drop(A, K)
        .withColumn(flag, coalesce(col(flag), lit(false)));
  }
}
