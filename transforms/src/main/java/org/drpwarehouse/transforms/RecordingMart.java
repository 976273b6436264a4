package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.drpwarehouse.transforms.MartColumns.countWhere;
import static org.drpwarehouse.transforms.MartColumns.byBreakdownAndPeriod;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.policy.PolicyRules;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link GoldTables#DISPUTE_SUMMARY} (with the bypass visits of {@link GoldTables#STAGE_VISITS}) to
 * {@link MartTables#RECORDING}: per authority, breakdown ({@link Breakdowns#STANDARD}), period of the
 * dispute's <b>start</b> and recording requirement, the disputes it applies to and those meeting it.
 * Every group has one row per requirement, 0 applicable included:
 *
 * <table>
 *   <caption>Requirements (rule ids of {@link PolicyRules})</caption>
 *   <tr><th>requirement</th><th>applies to</th><th>met when</th></tr>
 *   <tr><td>{@value PolicyRules#STAGE_ON_FILE}</td><td>every dispute</td><td>every opening on file</td></tr>
 *   <tr><td>{@value PolicyRules#FORM_ATTACHED}</td><td>disputes with a formal stage</td><td>every formal opening has its form</td></tr>
 *   <tr><td>{@value PolicyRules#ENDING_ON_FILE}</td><td>ended disputes</td><td>the ending is on file</td></tr>
 *   <tr><td>{@value PolicyRules#CHILD_INFORMED}</td><td>every dispute</td><td>a CHILD_INFORMED event</td></tr>
 *   <tr><td>{@value PolicyRules#BYPASS_CONSULTATION}</td><td>disputes with a bypass where the policy requires consultation</td><td>every such bypass was preceded by one</td></tr>
 *   <tr><td>{@value PolicyRules#CAFCASS_NOTICE}</td><td>referrals under a policy with a notice rule</td><td>notice given with the lead time</td></tr>
 *   <tr><td>{@value PolicyRules#CAFCASS_INFORM}</td><td>referrals under a policy naming people to tell</td><td>all of them told first</td></tr>
 * </table>
 *
 * <p>Whether a bypass needed a consultation is a property of the visit (the summary only counts the
 * unconsulted ones), hence the visits input. Pure.
 */
public final class RecordingMart {
  private static final String NEEDING = "__bypasses_needing_consultation";
  private static final String UNCONSULTED = "__bypasses_unconsulted";
  private static final String RULE = "__rule";

  private RecordingMart() {}

  public static Dataset<Row> apply(Dataset<Row> visits, Dataset<Row> summary) {
    Column needing = col(Visit.BYPASS).and(col(Visit.CONSULTATION_REQUIRED));
    Dataset<Row> bypasses =
        visits
            .groupBy(col(GoldTables.AUTHORITY).as("__v_authority"), col(GoldTables.DISPUTE_ID).as("__v_dispute"))
            .agg(
                countWhere(needing).as(NEEDING),
                countWhere(needing.and(not(coalesce(col(Visit.CONSULTED_BEFORE), lit(false))))).as(UNCONSULTED));
    Dataset<Row> disputes =
        summary.join(
            bypasses,
            summary.col(GoldTables.AUTHORITY).equalTo(col("__v_authority"))
                .and(summary.col(GoldTables.DISPUTE_ID).equalTo(col("__v_dispute"))),
            "left");
    Column referred = col(Summary.CAFCASS_REFERRAL_DATE).isNotNull();
    Column rules =
        array(
            rule(PolicyRules.STAGE_ON_FILE, lit(true), col(Summary.OPENINGS_ON_FILE)),
            rule(PolicyRules.FORM_ATTACHED, col(Summary.FORMAL_START_DATE).isNotNull(), col(Summary.FORMS_ATTACHED)),
            rule(PolicyRules.ENDING_ON_FILE, col(Summary.END_DATE).isNotNull(), col(Summary.ENDING_ON_FILE)),
            rule(PolicyRules.CHILD_INFORMED, lit(true), col(Summary.CHILD_INFORMED)),
            rule(PolicyRules.BYPASS_CONSULTATION, coalesce(col(NEEDING), lit(0L)).gt(0), coalesce(col(UNCONSULTED), lit(0L)).equalTo(0)),
            rule(PolicyRules.CAFCASS_NOTICE, referred.and(col(Summary.CAFCASS_NOTICE_REQUIRED_WD).isNotNull()), col(Summary.CAFCASS_NOTICE_COMPLIANT)),
            rule(PolicyRules.CAFCASS_INFORM, referred.and(size(col(Summary.CAFCASS_INFORM_REQUIRED)).gt(0)), col(Summary.CAFCASS_INFORMED)));
    Dataset<Row> perRule =
        disputes
            .withColumn(RULE, explode(rules))
            .withColumn(MartTables.REQUIREMENT, col(RULE + ".requirement"))
            .withColumn(MartTables.APPLICABLE, col(RULE + ".applicable"))
            .withColumn(MartTables.MET, col(RULE + ".met"));
    Dataset<Row> counted =
        Breakdowns.apply(Periods.apply(perRule, Summary.START_DATE), Breakdowns.STANDARD)
            .groupBy(byBreakdownAndPeriod(
                    col(MartTables.REQUIREMENT)))
            .agg(
                countWhere(col(MartTables.APPLICABLE)).as(MartTables.APPLICABLE),
                countWhere(col(MartTables.APPLICABLE).and(col(MartTables.MET))).as(MartTables.MET));
    return ContractProjection.apply(counted, MartTables.RECORDING);
  }

  /** One requirement of one dispute; a null "met" (not recorded) is not met. */
  private static Column rule(String requirement, Column applicable, Column met) {
    return struct(
        lit(requirement).as("requirement"),
        coalesce(applicable, lit(false)).as("applicable"),
        coalesce(met, lit(false)).as("met"));
  }
}
