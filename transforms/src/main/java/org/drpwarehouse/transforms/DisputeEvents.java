package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;

/**
 * The events of every dispute as the timeline reads them (metrics.md, "Ordering events"):
 *
 * <ul>
 *   <li>events dated after the as-of date do not exist yet;
 *   <li>events that are the same in dispute, type, stage and date count once whatever their ids:
 *       the copy with the smallest {@code event_id} is kept, and {@link #TO_ROLES} gathers the
 *       recipients of every copy (two notices on one day, to the DCS and to the nominated officer,
 *       both inform);
 *   <li>{@link #TYPE_ORDER} gives the order of one stage's events on one day ({@link
 *       EventType#sameDayOrder()}), so that, with the stage's rank, the file order never matters.
 * </ul>
 *
 * <p>Input: silver {@code dispute_events}. Output: {@code authority, dispute_id, event_id,
 * event_date, event_type, stage, to_role, to_roles, recorded_on_file, form_attached, agreed_date,
 * outcome, type_order}. Pure.
 */
public final class DisputeEvents {
  public static final String TO_ROLES = "to_roles";
  public static final String TYPE_ORDER = "type_order";

  private DisputeEvents() {}

  public static Dataset<Row> apply(Dataset<Row> silverEvents, LocalDate asOf) {
    Column[] kept = {
      col(ExchangeColumns.EVENT_ID), col(ExchangeColumns.TO_ROLE), col(ExchangeColumns.RECORDED_ON_FILE),
      col(ExchangeColumns.FORM_ATTACHED), col(ExchangeColumns.AGREED_DATE), col(ExchangeColumns.OUTCOME)
    };
    Dataset<Row> deduplicated =
        silverEvents
            .where(col(ExchangeColumns.EVENT_DATE).leq(lit(java.sql.Date.valueOf(asOf))))
            .groupBy(
                col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.DISPUTE_ID), col(ExchangeColumns.EVENT_TYPE),
                col(ExchangeColumns.STAGE), col(ExchangeColumns.EVENT_DATE))
            .agg(
                min_by(struct(kept), col(ExchangeColumns.EVENT_ID)).as("__kept"),
                collect_set(col(ExchangeColumns.TO_ROLE)).as(TO_ROLES));
    Column order = lit(0);
    for (EventType type : EventType.values()) {
      order = when(col(ExchangeColumns.EVENT_TYPE).equalTo(type.name()), lit(type.sameDayOrder())).otherwise(order);
    }
    return deduplicated.select(
        col(ExchangeColumns.AUTHORITY),
        col(ExchangeColumns.DISPUTE_ID),
        col("__kept." + ExchangeColumns.EVENT_ID).as(ExchangeColumns.EVENT_ID),
        col(ExchangeColumns.EVENT_DATE),
        col(ExchangeColumns.EVENT_TYPE),
        col(ExchangeColumns.STAGE),
        col("__kept." + ExchangeColumns.TO_ROLE).as(ExchangeColumns.TO_ROLE),
        col(TO_ROLES),
        col("__kept." + ExchangeColumns.RECORDED_ON_FILE).as(ExchangeColumns.RECORDED_ON_FILE),
        col("__kept." + ExchangeColumns.FORM_ATTACHED).as(ExchangeColumns.FORM_ATTACHED),
        col("__kept." + ExchangeColumns.AGREED_DATE).as(ExchangeColumns.AGREED_DATE),
        col("__kept." + ExchangeColumns.OUTCOME).as(ExchangeColumns.OUTCOME),
        order.as(TYPE_ORDER));
  }
}
