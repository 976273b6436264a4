package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.drpwarehouse.transforms.MartColumns.countWhere;
import static org.drpwarehouse.transforms.MartColumns.orNone;
import static org.drpwarehouse.transforms.MartColumns.byBreakdownAndPeriod;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.ResponseStatus;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link GoldTables#STAGE_VISITS} to {@link MartTables#STAGE_TIMELINESS}: per authority, breakdown
 * ({@link Breakdowns#STANDARD}), period, process and stage, how the responses due in the period
 * went. A visit counts in the period of its <b>due date</b> ("of the responses due this quarter, how
 * many came on time"); a visit with no due date ({@code NO_TIMESCALE}) counts nowhere.
 *
 * <p>The on-time share is {@code on_time / assessed}, with {@code assessed = ON_TIME + LATE +
 * OVERDUE}: visits that ended before their due date or are still pending are shown but not judged.
 * The median WD to respond is exact over the visits with a response: for 2, 4, 9 and 11 WD it is
 * 6.5.
 *
 * <p>Example: a stage 1 visit due 2024-06-28 and answered 2024-07-01 counts as LATE in {@code
 * 2024-06}, {@code 2024-25 Q1} and {@code 2024-25}, not in July. Pure.
 */
public final class StageTimelinessMart {
  private StageTimelinessMart() {}

  public static Dataset<Row> apply(Dataset<Row> visits) {
    Dataset<Row> due = visits.where(col(Visit.DUE_DATE).isNotNull());
    Column status = col(Visit.RESPONSE_STATUS);
    Dataset<Row> counted =
        Breakdowns.apply(Periods.apply(due, Visit.DUE_DATE), Breakdowns.STANDARD)
            .groupBy(byBreakdownAndPeriod(
                    orNone(GoldTables.PROCESS).as(MartTables.PROCESS),
                    orNone(Visit.STAGE).as(MartTables.STAGE)))
            .agg(
                min(col(Visit.STAGE_RANK)).as(MartTables.STAGE_RANK),
                count(lit(1)).as(MartTables.VISITS_DUE),
                countWhere(status.equalTo(ResponseStatus.ON_TIME)).as(MartTables.ON_TIME),
                countWhere(status.equalTo(ResponseStatus.LATE)).as(MartTables.LATE),
                countWhere(status.equalTo(ResponseStatus.OVERDUE)).as(MartTables.OVERDUE),
                countWhere(status.equalTo(ResponseStatus.ENDED_BEFORE_DUE)).as(MartTables.ENDED_BEFORE_DUE),
                countWhere(status.equalTo(ResponseStatus.PENDING)).as(MartTables.PENDING),
                countWhere(status.isin(ResponseStatus.ON_TIME, ResponseStatus.LATE, ResponseStatus.OVERDUE))
                    .as(MartTables.ASSESSED),
                count(col(Visit.RESPONSE_DATE)).as(MartTables.RESPONSES),
                percentile(col(Visit.WD_TO_RESPOND), lit(0.5)).as(MartTables.MEDIAN_WD_TO_RESPOND));
    return ContractProjection.apply(counted, MartTables.STAGE_TIMELINESS);
  }
}
