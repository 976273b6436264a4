package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;

/**
 * How each dispute ended: its first {@code RESOLVED} or {@code CLOSED} event in event order (date,
 * the stage's rank, the same-day order, the event id). Disputes still open have no row.
 *
 * <p>Input: {@link StageEvents}' output. Output: {@code authority, dispute_id, end_date,
 * resolution_stage, resolution_rank, outcome, ending_on_file, ending_event_id}. Pure.
 */
public final class DisputeEndings {
  public static final String END_DATE = "end_date";
  public static final String RESOLUTION_STAGE = "resolution_stage";
  public static final String RESOLUTION_RANK = "resolution_rank";
  public static final String OUTCOME = "outcome";
  public static final String ENDING_ON_FILE = "ending_on_file";
  public static final String ENDING_EVENT_ID = "ending_event_id";

  private DisputeEndings() {}

  public static Dataset<Row> apply(Dataset<Row> stageEvents) {
    return stageEvents
        .where(col(ExchangeColumns.EVENT_TYPE).isin(EventType.RESOLVED.name(), EventType.CLOSED.name()))
        .withColumn("__first", row_number().over(
            Window.partitionBy(ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID)
                .orderBy(col(ExchangeColumns.EVENT_DATE), col(PolicyDimensions.STAGE_RANK).asc_nulls_last(),
                    col(DisputeEvents.TYPE_ORDER), col(ExchangeColumns.EVENT_ID))))
        .where(col("__first").equalTo(1))
        .select(col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.DISPUTE_ID),
            col(ExchangeColumns.EVENT_DATE).as(END_DATE), col(ExchangeColumns.STAGE).as(RESOLUTION_STAGE),
            col(PolicyDimensions.STAGE_RANK).as(RESOLUTION_RANK), col(ExchangeColumns.OUTCOME).as(OUTCOME),
            col(ExchangeColumns.RECORDED_ON_FILE).as(ENDING_ON_FILE), col(ExchangeColumns.EVENT_ID).as(ENDING_EVENT_ID));
  }
}
