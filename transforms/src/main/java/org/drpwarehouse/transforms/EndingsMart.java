package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.drpwarehouse.transforms.MartColumns.countTrue;
import static org.drpwarehouse.transforms.MartColumns.countWhere;
import static org.drpwarehouse.transforms.MartColumns.orNone;
import static org.drpwarehouse.transforms.MartColumns.byBreakdownAndPeriod;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link GoldTables#DISPUTE_SUMMARY} to {@link MartTables#ENDINGS}: per authority, breakdown
 * ({@link Breakdowns#STANDARD}), period, process, resolution stage and outcome, the disputes that
 * <b>ended</b> in the period (a dispute counts by its end date), and the 20 WD share: of the formal
 * disputes ended under a policy with a total limit, those whose formal WD kept within it. The open
 * formal disputes already past the limit are in {@link OpenDisputesMart}, to be shown beside it.
 *
 * <p>Example: a formal dispute started 2024-03-04 and resolved at stage 2 on 2024-04-02 counts in
 * {@code 2024-25 Q1}, not in the quarter it started. Pure.
 */
public final class EndingsMart {
  private EndingsMart() {}

  public static Dataset<Row> apply(Dataset<Row> summary) {
    Column formal = col(Summary.FORMAL_START_DATE).isNotNull();
    Column limitAssessed = formal.and(col(Summary.TOTAL_LIMIT_WD).isNotNull());
    Dataset<Row> counted =
        Breakdowns.apply(Periods.apply(summary, Summary.END_DATE), Breakdowns.STANDARD)
            .groupBy(byBreakdownAndPeriod(
                    orNone(GoldTables.PROCESS).as(MartTables.PROCESS),
                    orNone(Summary.RESOLUTION_STAGE).as(MartTables.RESOLUTION_STAGE),
                    orNone(Summary.OUTCOME).as(MartTables.OUTCOME)))
            .agg(
                min(col(Summary.RESOLUTION_RANK)).as(MartTables.RESOLUTION_RANK),
                count(lit(1)).as(MartTables.ENDED),
                countWhere(formal).as(MartTables.FORMAL_ENDED),
                countWhere(limitAssessed).as(MartTables.FORMAL_LIMIT_ASSESSED),
                countWhere(limitAssessed.and(col(Summary.WITHIN_TOTAL_LIMIT))).as(MartTables.FORMAL_WITHIN_LIMIT));
    return ContractProjection.apply(counted, MartTables.ENDINGS);
  }
}
