package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.drpwarehouse.transforms.MartColumns.countTrue;
import static org.drpwarehouse.transforms.MartColumns.countWhere;
import static org.drpwarehouse.transforms.MartColumns.orNone;
import static org.drpwarehouse.transforms.MartColumns.byPeriod;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link GoldTables#DISPUTE_SUMMARY} to {@link MartTables#CAFCASS}: per authority, period and stage
 * at referral, the Cafcass referrals made in the period (a referral counts by its <b>referral
 * date</b>), the concurrent ones (on or before the formal start), notice compliance under policies
 * with a notice rule, and whether everyone the policy names was told first. Consultations with
 * Cafcass that led to no referral are counted with the disputes ({@link DisputesStartedMart}).
 *
 * <p>Example: a Calderdale referral on Wednesday 2024-05-08 whose notice went out on Friday
 * 2024-05-03 had 2 WD of notice (6 May is a bank holiday): compliant with the 2 WD lead. Pure.
 */
public final class CafcassMart {
  private CafcassMart() {}

  public static Dataset<Row> apply(Dataset<Row> summary) {
    Dataset<Row> counted =
        Periods.apply(summary, Summary.CAFCASS_REFERRAL_DATE)
            .groupBy(byPeriod(
                    orNone(Summary.CAFCASS_STAGE).as(MartTables.STAGE_AT_REFERRAL)))
            .agg(
                count(lit(1)).as(MartTables.REFERRALS),
                countTrue(Summary.CAFCASS_CONCURRENT).as(MartTables.CONCURRENT),
                countWhere(col(Summary.CAFCASS_NOTICE_REQUIRED_WD).isNotNull()).as(MartTables.NOTICE_ASSESSED),
                countWhere(col(Summary.CAFCASS_NOTICE_REQUIRED_WD).isNotNull().and(col(Summary.CAFCASS_NOTICE_COMPLIANT)))
                    .as(MartTables.NOTICE_COMPLIANT),
                countWhere(size(col(Summary.CAFCASS_INFORM_REQUIRED)).gt(0)).as(MartTables.INFORM_ASSESSED),
                countWhere(size(col(Summary.CAFCASS_INFORM_REQUIRED)).gt(0).and(col(Summary.CAFCASS_INFORMED)))
                    .as(MartTables.INFORMED));
    return ContractProjection.apply(counted, MartTables.CAFCASS);
  }
}
