package org.drpwarehouse.schemas.calendar;

import java.time.LocalDate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of the calendar dimension that transforms join to do working-day arithmetic without a UDF.
 *
 * <p>{@code working_day_index} counts the working days from the start of the calendar up to and
 * including the date, so for any dates D and E: {@code wd(D, E) = index(E) - index(D)}, and {@code
 * due(D, n)} is the working day whose index is {@code index(D) + n}.
 */
public record CalendarDay(LocalDate date, boolean workingDay, int workingDayIndex) {

  public static final String DATE = "date";
  public static final String IS_WORKING_DAY = "is_working_day";
  public static final String WORKING_DAY_INDEX = "working_day_index";

  public static final StructType SCHEMA =
      new StructType()
          .add(DATE, DataTypes.DateType, false)
          .add(IS_WORKING_DAY, DataTypes.BooleanType, false)
          .add(WORKING_DAY_INDEX, DataTypes.IntegerType, false);
}
