package org.drpwarehouse.quality.internal;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.to_date;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;

/**
 * Silver dispute events with what the integrity rules compare them to: whether the event's dispute
 * exists ({@link Helpers#DISPUTE_EXISTS}), the dispute's first opening ({@link
 * Helpers#FIRST_OPENING}), the day the record was loaded ({@link Helpers#LOADED_ON}), and the key
 * count.
 */
public final class EventReferences {
  private static final String A = "_ref_authority";
  private static final String D = "_ref_dispute";

  public Dataset<Row> apply(Dataset<Row> events, Dataset<Row> disputes) {
    Dataset<Row> firstOpening =
        events
            .where(col(ExchangeColumns.EVENT_TYPE).equalTo(EventType.STAGE_OPENED.name()))
            .groupBy(col(ExchangeColumns.AUTHORITY).as(A), col(ExchangeColumns.DISPUTE_ID).as(D))
            .agg(min(ExchangeColumns.EVENT_DATE).as(Helpers.FIRST_OPENING));
    Dataset<Row> known =
        disputes
            .select(col(ExchangeColumns.AUTHORITY).as(A), col(ExchangeColumns.DISPUTE_ID).as(D))
            .distinct()
            .withColumn(Helpers.DISPUTE_EXISTS, lit(true));
    Dataset<Row> keyed = new KeyCounts(SilverSchemas.key(ExchangeFormat.DISPUTE_EVENTS)).apply(events)
        .withColumn(Helpers.LOADED_ON, to_date(col(Lineage.INGESTED_AT)));
    return join(join(keyed, firstOpening), known)
        .withColumn(Helpers.DISPUTE_EXISTS, coalesce(col(Helpers.DISPUTE_EXISTS), lit(false)));
  }

  private static Dataset<Row> join(Dataset<Row> events, Dataset<Row> byDispute) {
    return events
        .join(byDispute,
            events.col(ExchangeColumns.AUTHORITY).equalTo(byDispute.col(A))
                .and(events.col(ExchangeColumns.DISPUTE_ID).equalTo(byDispute.col(D))),
            "left")
        .drop(A, D);
  }
}
