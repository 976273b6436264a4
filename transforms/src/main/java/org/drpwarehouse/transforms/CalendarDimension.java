package org.drpwarehouse.transforms;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.calendar.CalendarDay;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;

/**
 * The calendar dimension as a Spark table ({@link CalendarDay#SCHEMA}): one row per day, 26 years
 * in under 10,000 rows, small enough to broadcast to every join that does working-day arithmetic.
 *
 * <p>The rows are checkpointed once when built: a plan holding them as local data would hash all
 * of them every time the optimiser compares plans, and a gold build joins the calendar a dozen
 * times.
 */
public final class CalendarDimension {
  private CalendarDimension() {}

  public static Dataset<Row> of(SparkSession spark, WorkingDayCalendar calendar) {
    List<Row> rows =
        calendar.days().stream()
            .map(d -> RowFactory.create(Date.valueOf(d.date()), d.workingDay(), d.workingDayIndex()))
            .toList();
    return spark.createDataFrame(rows, CalendarDay.SCHEMA).localCheckpoint();
  }
}
