package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.drpwarehouse.transforms.MartColumns.countWhere;
import static org.drpwarehouse.transforms.MartColumns.orNone;
import static org.drpwarehouse.transforms.MartColumns.byBreakdownAndPeriod;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link GoldTables#STAGE_VISITS} (with each dispute's start and theme from {@link
 * GoldTables#DISPUTE_SUMMARY}) to {@link MartTables#BYPASS_TRANSITIONS}: per authority, breakdown
 * ({@link Breakdowns#BYPASS}: the authority, each IRO, each theme), period, process and from-stage
 * &rarr; to-stage, the visits that made the move (the links of a Sankey), and of those the bypasses,
 * with and without the consultation the policy may require. The first visit comes from {@value
 * MartTables#START}. A transition counts in the period of its dispute's <b>start</b>, like the
 * dispute.
 *
 * <p>Example: a Calderdale dispute informal &rarr; stage3 is one {@code informal -> stage3}
 * transition that bypasses stage 1 and 2; without a MANAGER_CONSULTED before it, it is a bypass
 * without consultation where one was required. Pure.
 */
public final class BypassTransitionsMart {
  private static final String DISPUTE_START = "__dispute_start";

  private BypassTransitionsMart() {}

  public static Dataset<Row> apply(Dataset<Row> visits, Dataset<Row> summary) {
    Dataset<Row> disputes =
        summary.select(
            col(GoldTables.AUTHORITY).as("__s_authority"),
            col(GoldTables.DISPUTE_ID).as("__s_dispute"),
            col(Summary.THEME),
            col(Summary.START_DATE).as(DISPUTE_START));
    Dataset<Row> withStart =
        visits.join(
            disputes,
            visits.col(GoldTables.AUTHORITY).equalTo(col("__s_authority"))
                .and(visits.col(GoldTables.DISPUTE_ID).equalTo(col("__s_dispute"))));
    Column bypass = col(Visit.BYPASS);
    Column consulted = coalesce(col(Visit.CONSULTED_BEFORE), lit(false));
    Column fromStage =
        when(col(Visit.VISIT_NUMBER).equalTo(1), lit(MartTables.START)).otherwise(orNone(Visit.PREVIOUS_STAGE));
    Dataset<Row> counted =
        Breakdowns.apply(Periods.apply(withStart, DISPUTE_START), Breakdowns.BYPASS)
            .groupBy(byBreakdownAndPeriod(
                    orNone(GoldTables.PROCESS).as(MartTables.PROCESS),
                    fromStage.as(MartTables.FROM_STAGE),
                    orNone(Visit.STAGE).as(MartTables.TO_STAGE)))
            .agg(
                min(col(Visit.PREVIOUS_RANK)).as(MartTables.FROM_RANK),
                min(col(Visit.STAGE_RANK)).as(MartTables.TO_RANK),
                count(lit(1)).as(MartTables.TRANSITIONS),
                countWhere(bypass).as(MartTables.BYPASSES),
                countWhere(bypass.and(col(Visit.CONSULTATION_REQUIRED))).as(MartTables.BYPASSES_CONSULTATION_REQUIRED),
                countWhere(bypass.and(consulted)).as(MartTables.BYPASSES_CONSULTED),
                countWhere(bypass.and(not(consulted))).as(MartTables.BYPASSES_WITHOUT_CONSULTATION));
    return ContractProjection.apply(counted, MartTables.BYPASS_TRANSITIONS);
  }
}
