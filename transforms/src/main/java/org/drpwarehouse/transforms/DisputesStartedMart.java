package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.drpwarehouse.transforms.MartColumns.countTrue;
import static org.drpwarehouse.transforms.MartColumns.countWhere;
import static org.drpwarehouse.transforms.MartColumns.orNone;
import static org.drpwarehouse.transforms.MartColumns.byBreakdownAndPeriod;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link GoldTables#DISPUTE_SUMMARY} to {@link MartTables#DISPUTES_STARTED}: per authority,
 * breakdown ({@link Breakdowns#STANDARD}), period and process, the disputes <b>started</b> in the
 * period (a dispute, its entry stage and its theme count by the first STAGE_OPENED date), and what
 * became of them by the as-of date.
 *
 * <ul>
 *   <li>informal / formal entry: the first visit's rank is 0 / 1 or more;
 *   <li>formal disputes: reached a formal stage; stage 3 or above: highest formal rank &ge; 3;
 *   <li>informal within limit: of the disputes entered informally under a policy with an informal
 *       limit, those whose informal duration kept within it;
 *   <li>Cafcass consulted without referral: a CAFCASS_CONSULTED event and no referral.
 * </ul>
 *
 * Pure.
 */
public final class DisputesStartedMart {
  private DisputesStartedMart() {}

  public static Dataset<Row> apply(Dataset<Row> summary) {
    Dataset<Row> counted =
        Breakdowns.apply(Periods.apply(summary, Summary.START_DATE), Breakdowns.STANDARD)
            .groupBy(byBreakdownAndPeriod(
                    orNone(GoldTables.PROCESS).as(MartTables.PROCESS)))
            .agg(
                count(lit(1)).as(MartTables.DISPUTES),
                countWhere(col(Summary.ENTRY_RANK).equalTo(0)).as(MartTables.INFORMAL_ENTRY),
                countWhere(col(Summary.ENTRY_RANK).geq(1)).as(MartTables.FORMAL_ENTRY),
                countWhere(col(Summary.FORMAL_START_DATE).isNotNull()).as(MartTables.FORMAL_DISPUTES),
                countWhere(col(Summary.HIGHEST_RANK).geq(3)).as(MartTables.REACHED_STAGE3_PLUS),
                countWhere(col(Summary.BYPASSES).gt(0)).as(MartTables.BYPASS_DISPUTES),
                countWhere(informallyAssessed()).as(MartTables.INFORMAL_ASSESSED),
                countWhere(informallyAssessed().and(col(Summary.WITHIN_INFORMAL_LIMIT))).as(MartTables.INFORMAL_WITHIN_LIMIT),
                countTrue(Summary.CHILD_INFORMED).as(MartTables.CHILD_INFORMED),
                countTrue(Summary.RECORDING_COMPLETE).as(MartTables.RECORDING_COMPLETE),
                countTrue(Summary.REPEAT).as(MartTables.REPEAT_DISPUTES),
                countWhere(col(Summary.CAFCASS_CONSULTED).and(col(Summary.CAFCASS_REFERRAL_DATE).isNull()))
                    .as(MartTables.CAFCASS_CONSULTED_NO_REFERRAL));
    return ContractProjection.apply(counted, MartTables.DISPUTES_STARTED);
  }

  private static org.apache.spark.sql.Column informallyAssessed() {
    return col(Summary.ENTRY_RANK).equalTo(0).and(col(Summary.INFORMAL_LIMIT_WD).isNotNull());
  }
}
