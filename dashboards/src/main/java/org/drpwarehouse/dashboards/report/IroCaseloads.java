package org.drpwarehouse.dashboards.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link ReportTables#CASELOADS} from {@code silver.allocations}: on each count date, the IROs with
 * at least one child allocated (an allocation with {@code from_date <= day} and no {@code to_date}
 * or one on or after the day), the children each held, and the IROs by caseload band (under 50, 50
 * to 70, over 70). The {@code ALL} row's counts are the sums of the band rows. Pure: no action runs.
 *
 * <p>{@code countDates} holds one row per year: {@link MartTables#PERIOD}, {@link
 * MartTables#PERIOD_START}, {@link ReportTables#COUNT_DATE} and {@link GoldTables#AS_OF_DATE}.
 */
public final class IroCaseloads {
  private IroCaseloads() {}

  public static Dataset<Row> apply(Dataset<Row> allocations, Dataset<Row> countDates) {
    Column day = col(ReportTables.COUNT_DATE);
    Dataset<Row> current = allocations
        .where(col(ExchangeColumns.IRO_ID).isNotNull())
        .crossJoin(countDates)
        .where(col(ExchangeColumns.FROM_DATE).leq(day)
            .and(col(ExchangeColumns.TO_DATE).isNull().or(col(ExchangeColumns.TO_DATE).geq(day))));
    Dataset<Row> perIro = current
        .groupBy(col(ExchangeColumns.AUTHORITY), col(MartTables.PERIOD), col(MartTables.PERIOD_START), day,
            col(GoldTables.AS_OF_DATE), col(ExchangeColumns.IRO_ID))
        .agg(countDistinct(col(ExchangeColumns.CHILD_ID)).as(ReportTables.CASES));
    Column cases = col(ReportTables.CASES);
    Column band = when(cases.lt(ReportTables.HANDBOOK_LOW), lit(ReportTables.CASELOAD_BANDS.get(0)))
        .when(cases.leq(ReportTables.HANDBOOK_HIGH), lit(ReportTables.CASELOAD_BANDS.get(1)))
        .otherwise(lit(ReportTables.CASELOAD_BANDS.get(2)));
    Column[] group = {col(ExchangeColumns.AUTHORITY), col(MartTables.PERIOD), col(MartTables.PERIOD_START), day,
        col(GoldTables.AS_OF_DATE)};
    Dataset<Row> bands = perIro.withColumn(MartTables.BREAKDOWN_VALUE, band)
        .groupBy(concat(group, col(MartTables.BREAKDOWN_VALUE)))
        .agg(count(lit(1)).as(ReportTables.IROS), sum(cases).as(ReportTables.CASES))
        .withColumn(MartTables.BREAKDOWN, lit(ReportTables.CASELOAD_BAND));
    Dataset<Row> all = perIro.groupBy(group)
        .agg(count(lit(1)).as(ReportTables.IROS), sum(cases).as(ReportTables.CASES))
        .withColumn(MartTables.BREAKDOWN, lit(MartTables.Breakdown.ALL))
        .withColumn(MartTables.BREAKDOWN_VALUE, lit(MartTables.ALL_VALUE));
    return shape(bands).unionByName(shape(all));
  }

  private static Column[] concat(Column[] group, Column more) {
    Column[] all = java.util.Arrays.copyOf(group, group.length + 1);
    all[group.length] = more;
    return all;
  }

  private static Dataset<Row> shape(Dataset<Row> rows) {
    return rows.select(col(ExchangeColumns.AUTHORITY).as(MartTables.AUTHORITY), col(MartTables.BREAKDOWN),
        col(MartTables.BREAKDOWN_VALUE), lit(MartTables.PeriodType.FINANCIAL_YEAR).as(MartTables.PERIOD_TYPE),
        col(MartTables.PERIOD), col(MartTables.PERIOD_START), col(ReportTables.COUNT_DATE),
        col(ReportTables.IROS).cast("long").as(ReportTables.IROS), col(ReportTables.CASES).cast("long").as(ReportTables.CASES),
        col(GoldTables.AS_OF_DATE));
  }
}
