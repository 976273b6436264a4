package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.drpwarehouse.transforms.MartColumns.countWhere;
import static org.drpwarehouse.transforms.MartColumns.orNone;
import static org.drpwarehouse.transforms.MartColumns.byBreakdown;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link GoldTables#DISPUTE_SUMMARY} to {@link MartTables#OPEN_DISPUTES_BY_AGE}: a snapshot at the
 * inputs' as-of date. Per authority, breakdown ({@link Breakdowns#STANDARD}), process, current stage
 * and age band (0-5, 6-10, 11-20, over 20 WD since the start), the disputes open, the formal ones,
 * and the formal ones already past the policy's total limit: the figure shown beside the share of
 * disputes ended within 20 WD, so that the share cannot flatter.
 *
 * <p>Example: a dispute whose formal stage opened 25 WD before the as-of date and has not ended is
 * open, formal and past the limit. Pure.
 */
public final class OpenDisputesMart {
  private OpenDisputesMart() {}

  public static Dataset<Row> apply(Dataset<Row> summary) {
    Column formal = col(Summary.FORMAL_START_DATE).isNotNull();
    Dataset<Row> open = summary.where(col(Summary.STATUS).equalTo(GoldTables.OPEN));
    Dataset<Row> counted =
        Breakdowns.apply(open, Breakdowns.STANDARD)
            .groupBy(byBreakdown(
                    orNone(GoldTables.PROCESS).as(MartTables.PROCESS),
                    orNone(Summary.CURRENT_STAGE).as(MartTables.CURRENT_STAGE),
                    orNone(Summary.AGE_BAND).as(MartTables.AGE_BAND)))
            .agg(
                min(col(Summary.CURRENT_RANK)).as(MartTables.CURRENT_RANK),
                count(lit(1)).as(MartTables.OPEN_DISPUTES),
                countWhere(formal).as(MartTables.FORMAL_OPEN),
                countWhere(formal.and(not(col(Summary.WITHIN_TOTAL_LIMIT)))).as(MartTables.FORMAL_PAST_LIMIT));
    return ContractProjection.apply(counted, MartTables.OPEN_DISPUTES_BY_AGE);
  }
}
