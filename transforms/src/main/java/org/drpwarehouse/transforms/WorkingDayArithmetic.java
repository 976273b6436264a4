package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.calendar.CalendarDay;

/**
 * Working-day arithmetic by joining the calendar dimension, never a per-row UDF:
 *
 * <ul>
 *   <li>{@link #withIndex}: the working-day index of a date column ({@code wd(D, E) = index(E) -
 *       index(D)});
 *   <li>{@link #withDue}: {@code due(D, n)}, the working day whose index is {@code index(D) + n}.
 * </ul>
 *
 * <p>Pure: no actions, no I/O. Rows whose date is null keep a null result.
 */
public final class WorkingDayArithmetic {
  private final Dataset<Row> calendar;

  public WorkingDayArithmetic(Dataset<Row> calendar) {
    this.calendar = calendar;
  }

  /** Adds {@code indexColumn}: the working-day index of {@code dateColumn}. */
  public Dataset<Row> withIndex(Dataset<Row> rows, String dateColumn, String indexColumn) {
    Dataset<Row> index =
        calendar.select(
            col(CalendarDay.DATE).as("__wd_date"), col(CalendarDay.WORKING_DAY_INDEX).as(indexColumn));
    return rows.join(broadcast(index), rows.col(dateColumn).equalTo(col("__wd_date")), "left").drop("__wd_date");
  }

  /**
   * Adds {@code dueColumn} = {@code due(dateColumn, daysColumn)}: the {@code n}-th working day after
   * the date ({@code n >= 1}).
   */
  public Dataset<Row> withDue(Dataset<Row> rows, String dateColumn, Column days, String dueColumn) {
    Dataset<Row> withStart = withIndex(rows, dateColumn, "__wd_start");
    Dataset<Row> workingDays =
        calendar
            .where(col(CalendarDay.IS_WORKING_DAY))
            .select(col(CalendarDay.DATE).as(dueColumn), col(CalendarDay.WORKING_DAY_INDEX).as("__wd_target"));
    return withStart
        .join(broadcast(workingDays), col("__wd_start").plus(days).equalTo(col("__wd_target")), "left")
        .drop("__wd_start", "__wd_target");
  }
}
