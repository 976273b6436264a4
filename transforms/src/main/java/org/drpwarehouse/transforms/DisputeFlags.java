package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.date_format;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.Outcome;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Flag;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;

/**
 * {@code gold.dispute_flags}: every place where the data and the policy disagree, one row each,
 * with words an inspector can check ({@link Flag} lists the ids). A flag never changes a measure:
 * a capped date is still measured at its cap, an extension the policy does not provide for still
 * moves the due date (policies.md: "extensions and holds always move a due date when recorded").
 *
 * <p>Input: the visits and {@link DisputeSummaries}' output (which carries the first referral event
 * date, so a referral outcome without a referral event can be told apart). Pure.
 */
public final class DisputeFlags {
  static final String REFERRAL_EVENT = "__referral_event";

  private DisputeFlags() {}

  public static Dataset<Row> apply(Dataset<Row> visits, Dataset<Row> summary) {
    Column policy = concat(col(GoldTables.POLICY_ID), lit(" v"), col(GoldTables.POLICY_VERSION).cast(DataTypes.StringType));
    Column stage = concat(lit("visit "), col(Visit.VISIT_NUMBER).cast(DataTypes.StringType), lit(" ("),
        coalesce(col(Visit.STAGE), lit("?")), lit(", opened "), date_format(col(Visit.OPENED_DATE), "yyyy-MM-dd"), lit("): "));
    Column visitNumber = col(Visit.VISIT_NUMBER);
    Dataset<Row> capped = visitFlag(visits.where(col(Visit.DUE_CAPPED)), Flag.DUE_DATE_CAPPED, visitNumber,
        concat(stage, col(Visit.DUE_DERIVATION)));
    Dataset<Row> extension = visitFlag(visits.where(col(Visit.EXTENSION_NOT_PROVIDED)), Flag.EXTENSION_NOT_PROVIDED,
        visitNumber, concat(stage, col(Visit.EXTENSIONS).cast(DataTypes.StringType),
            lit(" extension(s) recorded, but "), policy, lit(" provides for no extensions")));
    Dataset<Row> hold = visitFlag(visits.where(col(Visit.HOLD_NOT_PROVIDED)), Flag.HOLD_NOT_PROVIDED, visitNumber,
        concat(stage, col(Visit.HOLDS).cast(DataTypes.StringType), lit(" hold(s) recorded, but "), policy,
            lit(" provides for no holds")));
    Dataset<Row> unknownStage = visitFlag(
        visits.where(col(Visit.STAGE_KNOWN).equalTo(false).and(col(GoldTables.POLICY_ID).isNotNull())),
        Flag.UNKNOWN_STAGE, visitNumber,
        concat(stage, lit("stage '"), coalesce(col(Visit.STAGE), lit("")), lit("' is not in the "), col(ExchangeColumns.PROCESS),
            lit(" ladder of "), policy));

    Column noVisit = lit(null).cast(DataTypes.IntegerType);
    Column referredOutcome = col(Summary.OUTCOME).equalTo(Outcome.REFERRED_TO_CAFCASS.name());
    Dataset<Row> outcomeWithoutReferral = visitFlag(
        summary.where(referredOutcome.and(col(REFERRAL_EVENT).isNull())), Flag.CAFCASS_OUTCOME_WITHOUT_REFERRAL, noVisit,
        concat(lit("ended "), date_format(col(Summary.END_DATE), "yyyy-MM-dd"),
            lit(" with outcome REFERRED_TO_CAFCASS, but no CAFCASS_REFERRAL event is recorded")));
    Dataset<Row> referralWithoutOutcome = visitFlag(
        summary.where(col(REFERRAL_EVENT).isNotNull().and(col(Summary.END_DATE).isNotNull())
            .and(coalesce(referredOutcome, lit(false)).equalTo(false))),
        Flag.CAFCASS_REFERRAL_WITHOUT_OUTCOME, noVisit,
        concat(lit("CAFCASS_REFERRAL on "), date_format(col(REFERRAL_EVENT), "yyyy-MM-dd"), lit(", but the dispute ended "),
            date_format(col(Summary.END_DATE), "yyyy-MM-dd"), lit(" with outcome "), coalesce(col(Summary.OUTCOME), lit("(none)"))));
    Dataset<Row> unmapped = visitFlag(
        summary.where(col(Summary.THEME_MAPPED).equalTo(false).and(col(GoldTables.POLICY_ID).isNotNull())),
        Flag.UNMAPPED_CATEGORY, noVisit,
        concat(lit("category '"), coalesce(col(Summary.CATEGORY), lit("")), lit("' is not mapped to a theme by "), policy));
    Dataset<Row> noPolicy = visitFlag(summary.where(col(GoldTables.POLICY_ID).isNull()), Flag.NO_POLICY, noVisit,
        concat(lit("authority "), col(GoldTables.AUTHORITY), lit(" has no policy binding on the start date "),
            date_format(col(Summary.START_DATE), "yyyy-MM-dd"), lit(": add one to policy_bindings.csv")));
    return capped.unionByName(extension).unionByName(hold).unionByName(unknownStage).unionByName(outcomeWithoutReferral)
        .unionByName(referralWithoutOutcome).unionByName(unmapped).unionByName(noPolicy);
  }

  private static Dataset<Row> visitFlag(Dataset<Row> rows, String flag, Column visitNumber, Column detail) {
    return rows.select(col(GoldTables.AUTHORITY), col(GoldTables.DISPUTE_ID), visitNumber.as(Visit.VISIT_NUMBER),
        lit(flag).as(Flag.FLAG), detail.as(Flag.DETAIL), col(GoldTables.POLICY_ID), col(GoldTables.POLICY_VERSION),
        col(GoldTables.AS_OF_DATE));
  }

  /** The summary with each dispute's flag ids (sorted; empty when none), in the contract's columns. */
  public static Dataset<Row> onSummary(Dataset<Row> summary, Dataset<Row> flags) {
    Dataset<Row> ids = flags
        .groupBy(GoldTables.AUTHORITY, GoldTables.DISPUTE_ID)
        .agg(array_sort(collect_set(Flag.FLAG)).as(Summary.FLAGS));
    Dataset<Row> flagged = summary
        .join(ids, new String[] {GoldTables.AUTHORITY, GoldTables.DISPUTE_ID}, "left")
        .withColumn(Summary.FLAGS, coalesce(col(Summary.FLAGS), lit(new String[0])));
    return flagged.select(Arrays.stream(GoldTables.DISPUTE_SUMMARY.schema().fieldNames()).map(c -> col(c)).toArray(Column[]::new));
  }
}
