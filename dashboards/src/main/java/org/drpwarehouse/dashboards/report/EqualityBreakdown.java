package org.drpwarehouse.dashboards.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.SilverTables;

/**
 * {@link ReportTables#EQUALITY} from {@code gold.dispute_summary} and {@code silver.children}: the
 * CLA challenges started in each of the given financial years, in all and by the child's sex,
 * ethnic group (the SSDA903 ETHNIC code's major group) and age band at the start (whole years from
 * the month of birth). A child not in {@code silver.children}, or with the value not recorded, is
 * counted as "Not known" (sex, age) or "Refused or not obtained" (ethnicity), so that every
 * breakdown adds up to the {@code ALL} row. Pure: no action runs.
 */
public final class EqualityBreakdown {
  private EqualityBreakdown() {}

  private static final String BREAKDOWNS = "__breakdowns";
  private static final String AGE = "__age";

  public static Dataset<Row> apply(Dataset<Row> summary, Dataset<Row> children, List<String> financialYears) {
    Column start = col(GoldTables.Summary.START_DATE);
    Dataset<Row> cla = summary
        .where(col(GoldTables.PROCESS).equalTo(DisputeProcess.CLA.name()))
        .withColumn(MartTables.PERIOD, FinancialYears.labelOf(start))
        .where(col(MartTables.PERIOD).isin(financialYears.toArray()))
        .select(col(GoldTables.AUTHORITY), col(GoldTables.CHILD_ID), start, col(MartTables.PERIOD), col(GoldTables.AS_OF_DATE));
    Dataset<Row> child = children.select(col(GoldTables.AUTHORITY).as("__c_authority"), col(GoldTables.CHILD_ID).as("__c_child"),
        col(SilverTables.Child.SEX), col(SilverTables.Child.ETHNICITY), col(SilverTables.Child.DOB_MONTH));
    Dataset<Row> joined = cla.join(child, cla.col(GoldTables.AUTHORITY).equalTo(child.col("__c_authority"))
        .and(cla.col(GoldTables.CHILD_ID).equalTo(child.col("__c_child"))), "left");
    Column age = floor(months_between(start, col(SilverTables.Child.DOB_MONTH)).divide(12));
    Dataset<Row> tagged = joined.withColumn(AGE, age).withColumn(BREAKDOWNS, array(
        entry(MartTables.Breakdown.ALL, lit(MartTables.ALL_VALUE)),
        entry(ReportTables.SEX, sex(col(SilverTables.Child.SEX))),
        entry(ReportTables.ETHNIC_GROUP, ethnicGroup(col(SilverTables.Child.ETHNICITY))),
        entry(ReportTables.AGE_BAND, ageBand(col(AGE)))));
    return tagged
        .select(col(GoldTables.AUTHORITY), col(MartTables.PERIOD), start, col(GoldTables.AS_OF_DATE), explode(col(BREAKDOWNS)).as("__b"))
        .groupBy(col(GoldTables.AUTHORITY), col("__b.b").as(MartTables.BREAKDOWN), col("__b.v").as(MartTables.BREAKDOWN_VALUE),
            col(MartTables.PERIOD))
        .agg(count(lit(1)).as(ReportTables.DISPUTES), org.apache.spark.sql.functions.max(col(GoldTables.AS_OF_DATE)).as(GoldTables.AS_OF_DATE),
            org.apache.spark.sql.functions.min(FinancialYears.startOf(start)).as(MartTables.PERIOD_START))
        .select(col(GoldTables.AUTHORITY), col(MartTables.BREAKDOWN), col(MartTables.BREAKDOWN_VALUE),
            lit(MartTables.PeriodType.FINANCIAL_YEAR).as(MartTables.PERIOD_TYPE), col(MartTables.PERIOD),
            col(MartTables.PERIOD_START), col(ReportTables.DISPUTES), col(GoldTables.AS_OF_DATE));
  }

  private static Column entry(String breakdown, Column value) {
    return struct(lit(breakdown).as("b"), value.as("v"));
  }

  static Column sex(Column code) {
    return when(code.equalTo("1"), lit("Male")).when(code.equalTo("2"), lit("Female")).otherwise(lit("Not known"));
  }

  static Column ethnicGroup(Column code) {
    return when(code.startsWith("W"), lit(ReportTables.ETHNIC_GROUPS.get(0)))
        .when(code.startsWith("M"), lit(ReportTables.ETHNIC_GROUPS.get(1)))
        .when(code.startsWith("A").or(code.equalTo("CHNE")), lit(ReportTables.ETHNIC_GROUPS.get(2)))
        .when(code.startsWith("B"), lit(ReportTables.ETHNIC_GROUPS.get(3)))
        .when(code.equalTo("OOTH"), lit(ReportTables.ETHNIC_GROUPS.get(4)))
        .otherwise(lit(ReportTables.ETHNIC_GROUPS.get(5)));
  }

  static Column ageBand(Column years) {
    List<String> bands = ReportTables.AGE_BANDS;
    return coalesce(when(years.lt(1), lit(bands.get(0))).when(years.lt(5), lit(bands.get(1)))
        .when(years.lt(10), lit(bands.get(2))).when(years.lt(16), lit(bands.get(3))).when(years.isNotNull(), lit(bands.get(4))),
        lit(bands.get(5)));
  }
}
