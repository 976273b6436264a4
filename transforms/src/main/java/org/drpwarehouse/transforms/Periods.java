package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;

/**
 * The periods a dated record counts in: each row becomes three, one per {@link PeriodType}, with
 * {@link MartTables#PERIOD_TYPE}, {@link MartTables#PERIOD} and {@link MartTables#PERIOD_START}.
 * Labels are the ones {@link MartTables#month}, {@link MartTables#financialQuarter} and {@link
 * MartTables#financialYear} write, computed in Spark.
 *
 * <p>Example: a visit due on 2024-06-28 counts in {@code 2024-06} (starting 2024-06-01), {@code
 * 2024-25 Q1} (2024-04-01) and {@code 2024-25} (2024-04-01); one due on 2025-03-31 in {@code
 * 2025-03}, {@code 2024-25 Q4} (2025-01-01) and {@code 2024-25}.
 *
 * <p>A row whose date is null counts in no period and is dropped. Pure.
 */
public final class Periods {
  private static final String PERIODS = "__periods";

  private Periods() {}

  /** Every row of {@code rows} once per period type of {@code dateColumn}, with the period columns. */
  public static Dataset<Row> apply(Dataset<Row> rows, String dateColumn) {
    Column date = col(dateColumn);
    Column periods =
        array(
            PeriodType.ALL.stream()
                .map(type -> struct(
                    lit(type).as(MartTables.PERIOD_TYPE),
                    label(type, date).as(MartTables.PERIOD),
                    start(type, date).as(MartTables.PERIOD_START)))
                .toArray(Column[]::new));
    return rows.where(date.isNotNull())
        .withColumn(PERIODS, explode(periods))
        .withColumn(MartTables.PERIOD_TYPE, col(PERIODS + "." + MartTables.PERIOD_TYPE))
        .withColumn(MartTables.PERIOD, col(PERIODS + "." + MartTables.PERIOD))
        .withColumn(MartTables.PERIOD_START, col(PERIODS + "." + MartTables.PERIOD_START))
        .drop(PERIODS);
  }

  /** The label of the period of {@code type} that {@code date} falls in: 2024-05, 2024-25 Q1, 2024-25. */
  public static Column label(String type, Column date) {
    Column startYear = year(date).minus(when(month(date).lt(4), 1).otherwise(0));
    return switch (type) {
      case PeriodType.MONTH -> format_string("%04d-%02d", year(date), month(date));
      case PeriodType.QUARTER ->
          format_string("%d-%02d Q%d", startYear, startYear.plus(1).mod(100), floor(monthsIntoYear(date).divide(3)).plus(1));
      case PeriodType.FINANCIAL_YEAR -> format_string("%d-%02d", startYear, startYear.plus(1).mod(100));
      default -> throw unknown(type);
    };
  }

  /** {@link #label(String, Column)} where the period type is itself a column. */
  public static Column label(Column type, Column date) {
    return when(type.equalTo(PeriodType.MONTH), label(PeriodType.MONTH, date))
        .when(type.equalTo(PeriodType.QUARTER), label(PeriodType.QUARTER, date))
        .when(type.equalTo(PeriodType.FINANCIAL_YEAR), label(PeriodType.FINANCIAL_YEAR, date));
  }

  /** The first day of the period of {@code type} that {@code date} falls in. */
  public static Column start(String type, Column date) {
    Column monthStart = date_add(date, lit(1).minus(dayofmonth(date)));
    return switch (type) {
      case PeriodType.MONTH -> monthStart;
      case PeriodType.QUARTER -> add_months(monthStart, monthsIntoYear(date).mod(3).multiply(-1));
      case PeriodType.FINANCIAL_YEAR -> add_months(monthStart, monthsIntoYear(date).multiply(-1));
      default -> throw unknown(type);
    };
  }

  /** The length of a period of {@code type} in months: 1, 3 or 12. */
  public static int months(String type) {
    return switch (type) {
      case PeriodType.MONTH -> 1;
      case PeriodType.QUARTER -> 3;
      case PeriodType.FINANCIAL_YEAR -> 12;
      default -> throw unknown(type);
    };
  }

  /** {@link #months(String)} where the period type is itself a column. */
  public static Column months(Column type) {
    return when(type.equalTo(PeriodType.MONTH), lit(1))
        .when(type.equalTo(PeriodType.QUARTER), lit(3))
        .when(type.equalTo(PeriodType.FINANCIAL_YEAR), lit(12));
  }

  /** Months since 1 April of the date's financial year: April 0 ... March 11. */
  private static Column monthsIntoYear(Column date) {
    return month(date).plus(8).mod(12);
  }

  private static IllegalArgumentException unknown(String type) {
    return new IllegalArgumentException("Unknown period type '" + type + "': use one of " + PeriodType.ALL);
  }
}
