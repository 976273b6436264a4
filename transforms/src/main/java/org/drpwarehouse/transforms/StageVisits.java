package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.policy.Timescale;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.EndReason;
import org.drpwarehouse.schemas.warehouse.GoldTables.ResponseStatus;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;

/**
 * {@code gold.dispute_stage_visits}: one row per stage visit, measured as metrics.md defines it.
 *
 * <p>Visits are the {@code STAGE_OPENED} events of a dispute in event order (date, then the
 * stage's ladder rank, then event id). A stage event (extension, hold, response, meeting) belongs
 * to the latest visit of its own stage opened on or before it, which is "on or after the opening
 * and before a later visit of the same stage".
 *
 * <p>Worked example (Lambeth, stage1 4 WD): opened Friday 2024-05-03; Monday 6 May is a bank
 * holiday, so the base due date is {@code due(2024-05-03, 4)} = Friday 2024-05-10. A response on
 * 2024-05-10 is {@code ON_TIME}; none by an escalation to stage3 on 2024-05-15 makes the visit
 * {@code OVERDUE} with an escalation lag of {@code wd(2024-05-10, 2024-05-15)} = 3 WD, and the
 * stage3 visit a bypass (rank 3 &gt; 1 + 1) skipping stage2.
 *
 * <p>Inputs: {@link StageEvents}' output and the dispute endings ({@link DisputeEndings}). Working
 * days by joining the calendar dimension ({@link WorkingDayArithmetic}). Pure.
 */
public final class StageVisits {
  private static final String I_OPENED = "__i_opened";
  private static final String I_RESPONSE = "__i_response";
  private static final String I_DUE = "__i_due";
  private static final String I_NEXT = "__i_next";
  private static final String LIMIT_DUE = "__limit_due";
  private static final String PREVIOUS_OPENED = "__previous_opened";
  private static final String NEXT_OPENED = "__next_opened";

  private final WorkingDayArithmetic workingDays;

  public StageVisits(Dataset<Row> calendar) {
    this.workingDays = new WorkingDayArithmetic(calendar);
  }

  public Dataset<Row> apply(Dataset<Row> stageEvents, Dataset<Row> endings, LocalDate asOf) {
    Column asOfDate = lit(Date.valueOf(asOf));
    Dataset<Row> openings = openings(stageEvents);
    Dataset<Row> atVisit = stageEventsAtVisits(stageEvents, openings);
    Dataset<Row> consulted = consultations(stageEvents, openings);

    Dataset<Row> visits =
        openings
            .join(atVisit, keys(), "left")
            .join(consulted, keys(), "left")
            .join(endings.select(col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.DISPUTE_ID),
                    col(DisputeEndings.END_DATE).as("__dispute_end")),
                new String[] {ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID}, "left");

    visits = workingDays.withDue(visits, Visit.OPENED_DATE, col(PolicyDimensions.TIMESCALE_WD), LIMIT_DUE);
    visits = withBaseDue(visits);
    visits = visits
        .withColumn(Visit.DUE_DATE, coalesce(col("__agreed_at_visit"), col(Visit.BASE_DUE_DATE)))
        .withColumn(Visit.DUE_DERIVATION,
            when(col("__agreed_at_visit").isNotNull(),
                concat(col("__agreed_by"), lit(" on "), date_format(col("__agreed_on"), "yyyy-MM-dd"),
                    lit(": due "), date_format(col("__agreed_at_visit"), "yyyy-MM-dd"),
                    lit(" (was "), coalesce(col("__base_derivation"), lit("no timescale")), lit(")")))
                .otherwise(col("__base_derivation")))
        .withColumn(Visit.ENDED_DATE, coalesce(col(NEXT_OPENED), col("__dispute_end")))
        .withColumn(Visit.END_REASON,
            when(col(NEXT_OPENED).isNotNull(), lit(EndReason.ESCALATED))
                .when(col("__dispute_end").isNotNull(), lit(EndReason.DISPUTE_ENDED))
                .otherwise(lit(EndReason.OPEN)));
    Column due = col(Visit.DUE_DATE);
    Column response = col(Visit.RESPONSE_DATE);
    Column ended = col(Visit.ENDED_DATE);
    visits = visits.withColumn(Visit.RESPONSE_STATUS,
        when(due.isNull(), lit(ResponseStatus.NO_TIMESCALE))
            .when(response.isNotNull().and(response.leq(due)), lit(ResponseStatus.ON_TIME))
            .when(response.isNotNull(), lit(ResponseStatus.LATE))
            .when(ended.isNotNull().and(ended.gt(due)), lit(ResponseStatus.OVERDUE))
            .when(ended.isNotNull(), lit(ResponseStatus.ENDED_BEFORE_DUE))
            .when(asOfDate.gt(due), lit(ResponseStatus.OVERDUE))
            .otherwise(lit(ResponseStatus.PENDING)));

    visits = workingDays.withIndex(visits, Visit.OPENED_DATE, I_OPENED);
    visits = workingDays.withIndex(visits, Visit.RESPONSE_DATE, I_RESPONSE);
    visits = workingDays.withIndex(visits, Visit.DUE_DATE, I_DUE);
    visits = workingDays.withIndex(visits, NEXT_OPENED, I_NEXT);
    Column escalated = col(NEXT_OPENED).isNotNull();
    Column noResponseByDue = response.isNull().or(response.gt(due));
    Column bypass = coalesce(col(PolicyDimensions.FORMAL)
        .and(col(PolicyDimensions.STAGE_RANK).gt(col(Visit.HIGHEST_RANK_BEFORE).plus(1))), lit(false));
    visits = visits
        .withColumn(Visit.WD_TO_RESPOND, col(I_RESPONSE).minus(col(I_OPENED)))
        .withColumn(Visit.ESCALATED, escalated)
        .withColumn(Visit.ESCALATION_LAG_WD,
            when(escalated.and(due.isNotNull()),
                when(noResponseByDue, greatest(lit(0), col(I_NEXT).minus(col(I_DUE)))).otherwise(lit(0))))
        .withColumn(Visit.BYPASS, bypass)
        .withColumn(Visit.SKIPPED_STAGES,
            when(bypass,
                    slice(col(PolicyDimensions.FORMAL_STAGES), col(Visit.HIGHEST_RANK_BEFORE).plus(1),
                        col(PolicyDimensions.STAGE_RANK).minus(col(Visit.HIGHEST_RANK_BEFORE)).minus(1)))
                .otherwise(array().cast(DataTypes.createArrayType(DataTypes.StringType))))
        .withColumn(Visit.CONSULTED_BEFORE, when(bypass, coalesce(col("__consulted"), lit(false))))
        .withColumn(GoldTables.AS_OF_DATE, asOfDate);

    return visits.select(
        col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.DISPUTE_ID), col(ExchangeColumns.CHILD_ID),
        col(ExchangeColumns.PROCESS), col(ExchangeColumns.RAISED_BY), col(ExchangeColumns.TEAM),
        col(GoldTables.POLICY_ID), col(GoldTables.POLICY_VERSION), col(Visit.VISIT_NUMBER),
        col(ExchangeColumns.STAGE).as(Visit.STAGE), col(PolicyDimensions.STAGE_RANK).as(Visit.STAGE_RANK),
        col(PolicyDimensions.STAGE_RANK).isNotNull().as(Visit.STAGE_KNOWN),
        col(PolicyDimensions.FORMAL).as(Visit.FORMAL), col(Visit.OPENING_EVENT_ID), col(Visit.OPENED_DATE),
        col(Visit.ENDED_DATE), col(Visit.END_REASON), col(PolicyDimensions.TIMESCALE_TEXT).as(Visit.TIMESCALE),
        col(Visit.BASE_DUE_DATE), col(Visit.DUE_DATE), col(Visit.DUE_DERIVATION), col(Visit.DUE_CAPPED),
        coalesce(col("__extensions"), lit(0)).cast(DataTypes.IntegerType).as(Visit.EXTENSIONS),
        coalesce(col("__holds"), lit(0)).cast(DataTypes.IntegerType).as(Visit.HOLDS),
        coalesce(col("__extensions"), lit(0)).gt(0).and(not(PolicyDimensions.EXTENSIONS_ALLOWED)).as(Visit.EXTENSION_NOT_PROVIDED),
        coalesce(col("__holds"), lit(0)).gt(0).and(not(PolicyDimensions.HOLDS_ALLOWED)).as(Visit.HOLD_NOT_PROVIDED),
        col(Visit.RESPONSE_DATE), col(Visit.RESPONSE_STATUS), col(Visit.WD_TO_RESPOND), col(Visit.ESCALATED),
        col(Visit.NEXT_STAGE), col(Visit.ESCALATION_LAG_WD), col(Visit.PREVIOUS_STAGE), col(Visit.PREVIOUS_RANK),
        col(Visit.HIGHEST_RANK_BEFORE), col(Visit.BYPASS), col(Visit.SKIPPED_STAGES),
        coalesce(col(PolicyDimensions.CONSULTATION_REQUIRED), lit(false)).as(Visit.CONSULTATION_REQUIRED),
        col(Visit.CONSULTED_BEFORE), col(Visit.RECORDED_ON_FILE), col(Visit.FORM_ATTACHED), col(GoldTables.AS_OF_DATE));
  }

  /** A policy flag read as false when the dispute has no policy (no binding): nothing is provided. */
  private static Column not(String flag) {
    return coalesce(col(flag), lit(false)).equalTo(lit(false));
  }

  private static String[] keys() {
    return new String[] {ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID, Visit.VISIT_NUMBER};
  }

  /** The STAGE_OPENED events numbered in event order, with their neighbours. */
  private static Dataset<Row> openings(Dataset<Row> stageEvents) {
    WindowSpec byDispute = Window.partitionBy(ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID);
    WindowSpec inOrder = byDispute.orderBy(
        col(ExchangeColumns.EVENT_DATE), col(PolicyDimensions.STAGE_RANK).asc_nulls_last(), col(ExchangeColumns.EVENT_ID));
    Dataset<Row> numbered =
        stageEvents
            .where(col(ExchangeColumns.EVENT_TYPE).equalTo(EventType.STAGE_OPENED.name()))
            .withColumn(Visit.VISIT_NUMBER, row_number().over(inOrder));
    WindowSpec byVisit = byDispute.orderBy(Visit.VISIT_NUMBER);
    return numbered
        .withColumn(Visit.OPENING_EVENT_ID, col(ExchangeColumns.EVENT_ID))
        .withColumn(Visit.OPENED_DATE, col(ExchangeColumns.EVENT_DATE))
        .withColumn(NEXT_OPENED, lead(col(ExchangeColumns.EVENT_DATE), 1).over(byVisit))
        .withColumn(Visit.NEXT_STAGE, lead(col(ExchangeColumns.STAGE), 1).over(byVisit))
        .withColumn(PREVIOUS_OPENED, lag(col(ExchangeColumns.EVENT_DATE), 1).over(byVisit))
        .withColumn(Visit.PREVIOUS_STAGE, lag(col(ExchangeColumns.STAGE), 1).over(byVisit))
        .withColumn(Visit.PREVIOUS_RANK, lag(col(PolicyDimensions.STAGE_RANK), 1).over(byVisit))
        .withColumn(Visit.HIGHEST_RANK_BEFORE,
            coalesce(max(col(PolicyDimensions.STAGE_RANK)).over(byVisit.rowsBetween(Window.unboundedPreceding(), -1)), lit(0)))
        .withColumnRenamed(ExchangeColumns.AGREED_DATE, "__opening_agreed")
        .drop(ExchangeColumns.EVENT_ID, ExchangeColumns.EVENT_DATE, ExchangeColumns.EVENT_TYPE, ExchangeColumns.TO_ROLE,
            DisputeEvents.TO_ROLES, ExchangeColumns.OUTCOME, DisputeEvents.TYPE_ORDER);
  }

  /**
   * Extensions, holds and responses gathered at the visit they belong to: the latest visit of the
   * event's stage opened on or before the event.
   */
  private static Dataset<Row> stageEventsAtVisits(Dataset<Row> stageEvents, Dataset<Row> openings) {
    Dataset<Row> events =
        stageEvents
            .where(col(ExchangeColumns.EVENT_TYPE).isin(EventType.EXTENSION_AGREED.name(), EventType.ON_HOLD.name(),
                EventType.RESPONSE_RECEIVED.name(), EventType.MEETING_HELD.name()))
            .select(col(ExchangeColumns.AUTHORITY).as("__e_authority"), col(ExchangeColumns.DISPUTE_ID).as("__e_dispute"),
                col(ExchangeColumns.STAGE).as("__e_stage"), col(ExchangeColumns.EVENT_ID).as("__e_id"),
                col(ExchangeColumns.EVENT_DATE).as("__e_date"), col(ExchangeColumns.EVENT_TYPE).as("__e_type"),
                col(ExchangeColumns.AGREED_DATE).as("__e_agreed"), col(DisputeEvents.TYPE_ORDER).as("__e_order"));
    Dataset<Row> visits = openings.select(col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.DISPUTE_ID),
        col(ExchangeColumns.STAGE), col(Visit.VISIT_NUMBER), col(Visit.OPENED_DATE), col(PolicyDimensions.MEETING_RESPONSE));
    Dataset<Row> candidates =
        events.join(visits,
            col("__e_authority").equalTo(col(ExchangeColumns.AUTHORITY))
                .and(col("__e_dispute").equalTo(col(ExchangeColumns.DISPUTE_ID)))
                .and(col("__e_stage").equalTo(col(ExchangeColumns.STAGE)))
                .and(col(Visit.OPENED_DATE).leq(col("__e_date"))));
    Dataset<Row> attributed =
        candidates
            .withColumn("__latest", row_number().over(
                Window.partitionBy("__e_authority", "__e_dispute", "__e_id").orderBy(col(Visit.VISIT_NUMBER).desc())))
            .where(col("__latest").equalTo(1));
    Column type = col("__e_type");
    Column moves = type.isin(EventType.EXTENSION_AGREED.name(), EventType.ON_HOLD.name()).and(col("__e_agreed").isNotNull());
    Column answers = type.equalTo(EventType.RESPONSE_RECEIVED.name())
        .or(type.equalTo(EventType.MEETING_HELD.name()).and(coalesce(col(PolicyDimensions.MEETING_RESPONSE), lit(false))));
    Column latestMove = struct(col("__e_date"), col("__e_order"), col("__e_id"));
    return attributed
        .groupBy(ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID, Visit.VISIT_NUMBER)
        .agg(
            sum(when(type.equalTo(EventType.EXTENSION_AGREED.name()), 1).otherwise(0)).as("__extensions"),
            sum(when(type.equalTo(EventType.ON_HOLD.name()), 1).otherwise(0)).as("__holds"),
            max_by(when(moves, col("__e_agreed")), when(moves, latestMove)).as("__agreed_at_visit"),
            max_by(when(moves, col("__e_date")), when(moves, latestMove)).as("__agreed_on"),
            max_by(when(moves, type), when(moves, latestMove)).as("__agreed_type"),
            min(when(answers, col("__e_date"))).as(Visit.RESPONSE_DATE))
        .withColumn("__agreed_by",
            when(col("__agreed_type").equalTo(EventType.ON_HOLD.name()), lit("put on hold"))
                .otherwise(lit("extension agreed")));
  }

  /** Whether a MANAGER_CONSULTED precedes each visit: on or before it, after the previous opening. */
  private static Dataset<Row> consultations(Dataset<Row> stageEvents, Dataset<Row> openings) {
    Dataset<Row> consults =
        stageEvents
            .where(col(ExchangeColumns.EVENT_TYPE).equalTo(EventType.MANAGER_CONSULTED.name()))
            .select(col(ExchangeColumns.AUTHORITY).as("__c_authority"), col(ExchangeColumns.DISPUTE_ID).as("__c_dispute"),
                col(ExchangeColumns.EVENT_DATE).as("__c_date"));
    return openings
        .select(col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.DISPUTE_ID), col(Visit.VISIT_NUMBER),
            col(Visit.OPENED_DATE), col(PREVIOUS_OPENED))
        .join(consults,
            col("__c_authority").equalTo(col(ExchangeColumns.AUTHORITY))
                .and(col("__c_dispute").equalTo(col(ExchangeColumns.DISPUTE_ID)))
                .and(col("__c_date").leq(col(Visit.OPENED_DATE)))
                .and(col(PREVIOUS_OPENED).isNull().or(col("__c_date").gt(col(PREVIOUS_OPENED)))))
        .groupBy(ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID, Visit.VISIT_NUMBER)
        .agg(count(lit(1)).gt(0).as("__consulted"));
  }

  /**
   * The due date before extensions and holds, as {@link Timescale#due} derives it: fixed n WD; or
   * the IRO's date on opening, capped at the maximum; or the maximum; or none.
   */
  private static Dataset<Row> withBaseDue(Dataset<Row> visits) {
    Column kind = col(PolicyDimensions.TIMESCALE_KIND);
    Column agreed = col("__opening_agreed");
    Column limit = col(LIMIT_DUE);
    Column n = col(PolicyDimensions.TIMESCALE_WD).cast(DataTypes.StringType);
    Column opened = date_format(col(Visit.OPENED_DATE), "yyyy-MM-dd");
    Column setByIro = kind.equalTo(Timescale.Kind.SET_BY_IRO.name());
    Column capped = setByIro.and(agreed.isNotNull()).and(limit.isNotNull()).and(agreed.gt(limit));
    Column base =
        when(kind.equalTo(Timescale.Kind.FIXED.name()), limit)
            .when(setByIro.and(agreed.isNull()), limit)
            .when(capped, limit)
            .when(setByIro, agreed);
    Column derivation =
        when(kind.equalTo(Timescale.Kind.FIXED.name()), concat(n, lit(" WD after "), opened))
            .when(setByIro.and(agreed.isNull()).and(limit.isNotNull()),
                concat(lit("no date set by the IRO: the maximum, "), n, lit(" WD after "), opened))
            .when(capped,
                concat(lit("date set by the IRO, "), date_format(agreed, "yyyy-MM-dd"), lit(", capped at the maximum of "),
                    n, lit(" WD after "), opened))
            .when(setByIro.and(agreed.isNotNull()), lit("date set by the IRO on opening"));
    return visits
        .withColumn(Visit.BASE_DUE_DATE, base)
        .withColumn("__base_derivation", derivation)
        .withColumn(Visit.DUE_CAPPED, coalesce(capped, lit(false)));
  }
}
