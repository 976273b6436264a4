package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.Outcome;
import org.drpwarehouse.schemas.policy.ThemeTaxonomy;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.ResponseStatus;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;

/**
 * {@code gold.dispute_summary} without its {@code flags} (see {@link DisputeFlags}): one row per
 * started dispute, measured as metrics.md defines it, from the bound dispute, its visits, its ending
 * and its other events.
 *
 * <p>Worked example (Calderdale, informal limit 10 WD, notice lead 2 WD): opened informally on
 * Wednesday 2024-05-01, escalated to stage1 on 2024-05-20: informal duration {@code wd(2024-05-01,
 * 2024-05-20)} = 12 WD (6 May is a bank holiday), not within the limit. A CAFCASS_NOTICE on
 * 2024-05-21 and a referral on 2024-05-22 give a lead of 1 WD: not compliant.
 *
 * <p>Pure: no actions, no I/O; working days by joining the calendar dimension.
 */
public final class DisputeSummaries {
  private final WorkingDayArithmetic workingDays;
  private final GoldTimeline.Barrier barrier;

  /**
   * @param barrier applied where an intermediate is read more than once (the joined measures, which
   *     the Cafcass step joins back to itself; the summary, which the repeat step joins to itself)
   */
  public DisputeSummaries(Dataset<Row> calendar, GoldTimeline.Barrier barrier) {
    this.workingDays = new WorkingDayArithmetic(calendar);
    this.barrier = barrier;
  }

  public Dataset<Row> apply(Dataset<Row> boundDisputes, Dataset<Row> stageEvents, Dataset<Row> visits,
      Dataset<Row> endings, PolicyDimensions policies, LocalDate asOf) {
    Column asOfDate = lit(Date.valueOf(asOf));
    String[] dispute = {ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID};

    Dataset<Row> summary = barrier.apply("dispute measures",
        withLadder(boundDisputes, policies)
            .join(visitMeasures(visits), dispute, "left")
            .join(endings, dispute, "left")
            .join(eventMeasures(stageEvents), dispute, "left"));
    summary = withCafcass(summary, stageEvents, visits);

    Column open = col(DisputeEndings.END_DATE).isNull();
    Column informalEnd = coalesce(col(Summary.FORMAL_START_DATE), col(DisputeEndings.END_DATE), asOfDate);
    Column formalEnd = coalesce(col(DisputeEndings.END_DATE), asOfDate);
    summary = summary
        .withColumn("__informal_end", informalEnd)
        .withColumn("__formal_end", formalEnd)
        .withColumn("__as_of", asOfDate);
    summary = workingDays.withIndex(summary, Summary.IDENTIFIED_DATE, "__i_identified");
    summary = workingDays.withIndex(summary, Summary.START_DATE, "__i_start");
    summary = workingDays.withIndex(summary, "__informal_end", "__i_informal_end");
    summary = workingDays.withIndex(summary, Summary.FORMAL_START_DATE, "__i_formal_start");
    summary = workingDays.withIndex(summary, "__formal_end", "__i_formal_end");
    summary = workingDays.withIndex(summary, "__as_of", "__i_as_of");
    summary = workingDays.withIndex(summary, Summary.CAFCASS_NOTICE_DATE, "__i_notice");
    summary = workingDays.withIndex(summary, Summary.CAFCASS_REFERRAL_DATE, "__i_referral");

    Column raiseLimit = col(PolicyDimensions.RAISE_LIMIT_WD);
    Column raiseLag = when(raiseLimit.isNotNull(), col("__i_start").minus(col("__i_identified")));
    Column informalLimit = col(PolicyDimensions.INFORMAL_LIMIT_WD);
    Column informalDuration = when(col(Summary.ENTRY_RANK).equalTo(0), col("__i_informal_end").minus(col("__i_start")));
    Column totalLimit = col(PolicyDimensions.TOTAL_LIMIT_WD);
    Column formalWd = when(col(Summary.FORMAL_START_DATE).isNotNull(), col("__i_formal_end").minus(col("__i_formal_start")));
    Column referral = col(Summary.CAFCASS_REFERRAL_DATE);
    Column noticeRequired = when(referral.isNotNull(), col(PolicyDimensions.NOTICE_LEAD_WD));
    Column noticeLead = col("__i_referral").minus(col("__i_notice"));
    Column mustInform = col(PolicyDimensions.MUST_INFORM);
    Column ageWd = when(open, col("__i_as_of").minus(col("__i_start")));
    Column endingOnFile = when(open.equalTo(lit(false)), coalesce(col(DisputeEndings.ENDING_ON_FILE), lit(false)));

    summary = summary
        .withColumn(Summary.RAISE_LAG_WD, raiseLag)
        .withColumn(Summary.WITHIN_RAISE_LIMIT, when(raiseLag.isNotNull(), raiseLag.leq(raiseLimit)))
        .withColumn(Summary.INFORMAL_DURATION_WD, informalDuration)
        .withColumn(Summary.WITHIN_INFORMAL_LIMIT,
            when(informalDuration.isNotNull().and(informalLimit.isNotNull()), informalDuration.leq(informalLimit)))
        .withColumn(Summary.STATUS, when(open, lit(GoldTables.OPEN)).otherwise(lit(GoldTables.CLOSED)))
        .withColumn(Summary.FORMAL_WD, formalWd)
        .withColumn(Summary.WITHIN_TOTAL_LIMIT,
            when(formalWd.isNotNull().and(totalLimit.isNotNull()), formalWd.leq(totalLimit)))
        .withColumn(Summary.CAFCASS_NOTICE_LEAD_WD, when(col(Summary.CAFCASS_NOTICE_DATE).isNotNull(), noticeLead))
        .withColumn(Summary.CAFCASS_NOTICE_REQUIRED_WD, noticeRequired)
        .withColumn(Summary.CAFCASS_NOTICE_COMPLIANT,
            when(noticeRequired.isNotNull(),
                col(Summary.CAFCASS_NOTICE_DATE).isNotNull().and(coalesce(noticeLead.geq(noticeRequired), lit(false)))))
        .withColumn(Summary.CAFCASS_INFORM_REQUIRED, mustInform)
        .withColumn(Summary.CAFCASS_INFORMED,
            when(referral.isNotNull().and(size(mustInform).gt(0)),
                size(array_intersect(mustInform, coalesce(col("__informed_roles"), lit(new String[0])))).gt(0)))
        .withColumn(Summary.ENDING_ON_FILE, endingOnFile)
        .withColumn(Summary.RECORDING_COMPLETE,
            col(Summary.OPENINGS_ON_FILE).and(col(Summary.FORMS_ATTACHED)).and(coalesce(endingOnFile, lit(true))))
        .withColumn(Summary.AGE_WD, ageWd)
        .withColumn(Summary.AGE_BAND,
            when(ageWd.isNull(), lit(null).cast(DataTypes.StringType))
                .when(ageWd.leq(5), lit(GoldTables.AGE_BANDS.get(0)))
                .when(ageWd.leq(10), lit(GoldTables.AGE_BANDS.get(1)))
                .when(ageWd.leq(20), lit(GoldTables.AGE_BANDS.get(2)))
                .otherwise(lit(GoldTables.AGE_BANDS.get(3))))
        .withColumn(GoldTables.AS_OF_DATE, asOfDate);
    summary = withRepeat(barrier.apply("dispute limits and Cafcass", summary));

    return summary.select(
        col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.DISPUTE_ID), col(ExchangeColumns.CHILD_ID),
        col(ExchangeColumns.PROCESS), col(ExchangeColumns.RAISED_BY), col(ExchangeColumns.TEAM),
        col(GoldTables.POLICY_ID), col(GoldTables.POLICY_VERSION), col(ExchangeColumns.CATEGORY).as(Summary.CATEGORY),
        col(Summary.THEME), col(Summary.THEME_MAPPED), col(ExchangeColumns.REVIEW_ID).as(Summary.REVIEW_ID),
        col(ExchangeColumns.IDENTIFIED_DATE).as(Summary.IDENTIFIED_DATE), col(Summary.START_DATE),
        col(Summary.RAISE_LAG_WD), raiseLimit.as(Summary.RAISE_LIMIT_WD), col(Summary.WITHIN_RAISE_LIMIT),
        col(Summary.VISITS).cast(DataTypes.IntegerType).as(Summary.VISITS), col(Summary.ENTRY_STAGE), col(Summary.ENTRY_RANK),
        coalesce(col(Summary.ENTRY_RANK).gt(0), lit(false)).as(Summary.INFORMAL_SKIPPED),
        col(Summary.HIGHEST_STAGE), col(Summary.HIGHEST_RANK), col(Summary.CURRENT_STAGE), col(Summary.CURRENT_RANK),
        col(Summary.INFORMAL_DURATION_WD), informalLimit.as(Summary.INFORMAL_LIMIT_WD), col(Summary.WITHIN_INFORMAL_LIMIT),
        col(Summary.FORMAL_START_DATE), col(DisputeEndings.END_DATE).as(Summary.END_DATE), col(Summary.STATUS),
        col(Summary.FORMAL_WD), totalLimit.as(Summary.TOTAL_LIMIT_WD), col(Summary.WITHIN_TOTAL_LIMIT),
        col(DisputeEndings.RESOLUTION_STAGE).as(Summary.RESOLUTION_STAGE),
        col(DisputeEndings.RESOLUTION_RANK).as(Summary.RESOLUTION_RANK), col(DisputeEndings.OUTCOME).as(Summary.OUTCOME),
        col(Summary.STAGES_LATE).cast(DataTypes.IntegerType).as(Summary.STAGES_LATE),
        col(Summary.BYPASSES).cast(DataTypes.IntegerType).as(Summary.BYPASSES),
        col(Summary.BYPASSES_WITHOUT_CONSULTATION).cast(DataTypes.IntegerType).as(Summary.BYPASSES_WITHOUT_CONSULTATION),
        col(Summary.CAFCASS_REFERRAL_DATE), col(Summary.CAFCASS_STAGE), col(Summary.CAFCASS_CONCURRENT),
        col(Summary.CAFCASS_NOTICE_DATE), col(Summary.CAFCASS_NOTICE_LEAD_WD), col(Summary.CAFCASS_NOTICE_REQUIRED_WD),
        col(Summary.CAFCASS_NOTICE_COMPLIANT), col(Summary.CAFCASS_INFORM_REQUIRED), col(Summary.CAFCASS_INFORMED),
        col(Summary.CAFCASS_CONSULTED), col(Summary.CHILD_INFORMED), col(Summary.OPENINGS_ON_FILE), col(Summary.FORMS_ATTACHED),
        col(Summary.ENDING_ON_FILE), col(Summary.RECORDING_COMPLETE), col(Summary.AGE_WD), col(Summary.AGE_BAND),
        col(Summary.REPEAT), col("__referral_event").as("__referral_event"), col(GoldTables.AS_OF_DATE));
  }

  private static Dataset<Row> withLadder(Dataset<Row> boundDisputes, PolicyDimensions policies) {
    Dataset<Row> ladders = policies.ladders().select(
        col(PolicyDimensions.POLICY_ID).as("__l_policy"), col(PolicyDimensions.POLICY_VERSION).as("__l_version"),
        col(PolicyDimensions.PROCESS).as("__l_process"), col(PolicyDimensions.RAISE_LIMIT_WD),
        col(PolicyDimensions.INFORMAL_LIMIT_WD), col(PolicyDimensions.TOTAL_LIMIT_WD), col(PolicyDimensions.NOTICE_LEAD_WD),
        col(PolicyDimensions.MUST_INFORM));
    return boundDisputes
        .join(broadcast(ladders),
            col(GoldTables.POLICY_ID).equalTo(col("__l_policy"))
                .and(col(GoldTables.POLICY_VERSION).equalTo(col("__l_version")))
                .and(col(ExchangeColumns.PROCESS).equalTo(col("__l_process"))),
            "left")
        .drop("__l_policy", "__l_version", "__l_process")
        .withColumn(PolicyDimensions.MUST_INFORM,
            coalesce(col(PolicyDimensions.MUST_INFORM), lit(new String[0])));
  }

  private static Dataset<Row> visitMeasures(Dataset<Row> visits) {
    Column rank = col(Visit.STAGE_RANK);
    Column number = col(Visit.VISIT_NUMBER);
    Column formal = coalesce(col(Visit.FORMAL), lit(false));
    return visits
        .groupBy(ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID)
        .agg(
            count(lit(1)).as(Summary.VISITS),
            min_by(col(Visit.STAGE), number).as(Summary.ENTRY_STAGE),
            min_by(rank, number).as(Summary.ENTRY_RANK),
            max(rank).as(Summary.HIGHEST_RANK),
            max_by(col(Visit.STAGE), struct(coalesce(rank, lit(-1)), number.multiply(-1))).as(Summary.HIGHEST_STAGE),
            max_by(col(Visit.STAGE), number).as(Summary.CURRENT_STAGE),
            max_by(rank, number).as(Summary.CURRENT_RANK),
            min(when(formal, col(Visit.OPENED_DATE))).as(Summary.FORMAL_START_DATE),
            sum(when(col(Visit.RESPONSE_STATUS).isin(ResponseStatus.LATE, ResponseStatus.OVERDUE), 1).otherwise(0))
                .as(Summary.STAGES_LATE),
            sum(when(col(Visit.BYPASS), 1).otherwise(0)).as(Summary.BYPASSES),
            sum(when(col(Visit.BYPASS).and(col(Visit.CONSULTATION_REQUIRED))
                    .and(coalesce(col(Visit.CONSULTED_BEFORE), lit(false)).equalTo(false)), 1).otherwise(0))
                .as(Summary.BYPASSES_WITHOUT_CONSULTATION),
            min(when(coalesce(col(Visit.RECORDED_ON_FILE), lit(false)), 1).otherwise(0)).equalTo(1)
                .as(Summary.OPENINGS_ON_FILE),
            coalesce(min(when(formal, when(coalesce(col(Visit.FORM_ATTACHED), lit(false)), 1).otherwise(0))).equalTo(1),
                    lit(true))
                .as(Summary.FORMS_ATTACHED));
  }

  private static Dataset<Row> eventMeasures(Dataset<Row> stageEvents) {
    Column type = col(ExchangeColumns.EVENT_TYPE);
    return stageEvents
        .groupBy(ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID)
        .agg(
            min(when(type.equalTo(EventType.CAFCASS_REFERRAL.name()), col(ExchangeColumns.EVENT_DATE))).as("__referral_event"),
            max(type.equalTo(EventType.CHILD_INFORMED.name())).as(Summary.CHILD_INFORMED),
            max(type.equalTo(EventType.CAFCASS_CONSULTED.name())).as(Summary.CAFCASS_CONSULTED));
  }

  /**
   * The Cafcass referral (the first CAFCASS_REFERRAL, else an ending referred to Cafcass), the stage
   * current then, whether it was concurrent, the last notice before it and the roles it informed.
   */
  private static Dataset<Row> withCafcass(Dataset<Row> summary, Dataset<Row> stageEvents, Dataset<Row> visits) {
    Column referredEnding = when(col(DisputeEndings.OUTCOME).equalTo(Outcome.REFERRED_TO_CAFCASS.name()),
        col(DisputeEndings.END_DATE));
    Dataset<Row> withReferral = summary
        .withColumn(Summary.CAFCASS_REFERRAL_DATE, coalesce(col("__referral_event"), referredEnding))
        .withColumn(Summary.CAFCASS_CONCURRENT,
            when(col(Summary.CAFCASS_REFERRAL_DATE).isNotNull(),
                col(Summary.FORMAL_START_DATE).isNull().or(col(Summary.CAFCASS_REFERRAL_DATE).leq(col(Summary.FORMAL_START_DATE)))))
        .withColumn(Summary.CHILD_INFORMED, coalesce(col(Summary.CHILD_INFORMED), lit(false)))
        .withColumn(Summary.CAFCASS_CONSULTED, coalesce(col(Summary.CAFCASS_CONSULTED), lit(false)));
    Dataset<Row> referrals = withReferral
        .where(col(Summary.CAFCASS_REFERRAL_DATE).isNotNull())
        .select(col(ExchangeColumns.AUTHORITY).as("__r_authority"), col(ExchangeColumns.DISPUTE_ID).as("__r_dispute"),
            col(Summary.CAFCASS_REFERRAL_DATE).as("__r_date"));
    Dataset<Row> stageAtReferral = referrals
        .join(visits,
            col("__r_authority").equalTo(col(ExchangeColumns.AUTHORITY))
                .and(col("__r_dispute").equalTo(col(ExchangeColumns.DISPUTE_ID)))
                .and(col(Visit.OPENED_DATE).leq(col("__r_date"))))
        .groupBy("__r_authority", "__r_dispute")
        .agg(max_by(col(Visit.STAGE), col(Visit.VISIT_NUMBER)).as(Summary.CAFCASS_STAGE));
    Dataset<Row> notices = referrals
        .join(stageEvents.where(col(ExchangeColumns.EVENT_TYPE).equalTo(EventType.CAFCASS_NOTICE.name())),
            col("__r_authority").equalTo(col(ExchangeColumns.AUTHORITY))
                .and(col("__r_dispute").equalTo(col(ExchangeColumns.DISPUTE_ID)))
                .and(col(ExchangeColumns.EVENT_DATE).leq(col("__r_date"))))
        .withColumn("__role", explode_outer(col(DisputeEvents.TO_ROLES)))
        .groupBy("__r_authority", "__r_dispute")
        .agg(max(ExchangeColumns.EVENT_DATE).as(Summary.CAFCASS_NOTICE_DATE), collect_set("__role").as("__informed_roles"));
    Column sameDispute = col(ExchangeColumns.AUTHORITY).equalTo(col("__r_authority"))
        .and(col(ExchangeColumns.DISPUTE_ID).equalTo(col("__r_dispute")));
    return withReferral
        .join(stageAtReferral, sameDispute, "left").drop("__r_authority", "__r_dispute")
        .join(notices, col(ExchangeColumns.AUTHORITY).equalTo(col("__r_authority"))
            .and(col(ExchangeColumns.DISPUTE_ID).equalTo(col("__r_dispute"))), "left")
        .drop("__r_authority", "__r_dispute");
  }

  /** Same child, same (mapped) theme, started within 365 days after an earlier dispute. */
  private static Dataset<Row> withRepeat(Dataset<Row> summary) {
    Dataset<Row> earlier = summary
        .where(col(Summary.THEME_MAPPED))
        .select(col(ExchangeColumns.AUTHORITY).as("__p_authority"), col(ExchangeColumns.CHILD_ID).as("__p_child"),
            col(Summary.THEME).as("__p_theme"), col(Summary.START_DATE).as("__p_start"),
            col(ExchangeColumns.DISPUTE_ID).as("__p_dispute"));
    Dataset<Row> repeats = summary
        .where(col(Summary.THEME_MAPPED).and(col(Summary.THEME).notEqual(ThemeTaxonomy.UNMAPPED)))
        .join(earlier,
            col(ExchangeColumns.AUTHORITY).equalTo(col("__p_authority"))
                .and(col(ExchangeColumns.CHILD_ID).equalTo(col("__p_child")))
                .and(col(Summary.THEME).equalTo(col("__p_theme")))
                .and(col("__p_start").lt(col(Summary.START_DATE))
                    .or(col("__p_start").equalTo(col(Summary.START_DATE)).and(col("__p_dispute").lt(col(ExchangeColumns.DISPUTE_ID)))))
                .and(datediff(col(Summary.START_DATE), col("__p_start")).leq(365)))
        .select(col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.DISPUTE_ID))
        .distinct()
        .withColumn(Summary.REPEAT, lit(true));
    return summary
        .join(repeats, new String[] {ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID}, "left")
        .withColumn(Summary.REPEAT, coalesce(col(Summary.REPEAT), lit(false)));
  }
}
