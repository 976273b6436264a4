package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

class WorkingDayArithmeticTest {
  private final SparkSession spark = SharedSpark.session();
  private final WorkingDayCalendar calendar = WorkingDayCalendar.england();
  private final Dataset<Row> dimension = CalendarDimension.of(spark, calendar);
  private final WorkingDayArithmetic arithmetic = new WorkingDayArithmetic(dimension);

  private Dataset<Row> stages(Object[]... rows) {
    StructType schema =
        new StructType()
            .add("visit", DataTypes.StringType)
            .add("opened", DataTypes.DateType)
            .add("timescale", DataTypes.IntegerType)
            .add("responded", DataTypes.DateType);
    return spark.createDataFrame(List.of(rows).stream().map(RowFactory::create).toList(), schema);
  }

  private static Date d(String iso) {
    return Date.valueOf(iso);
  }

  @Test
  void due_dates_joined_from_the_calendar_match_the_convention() {
    Dataset<Row> visits =
        stages(
            new Object[] {"lambeth stage2 opened the Friday before a bank holiday", d("2024-05-03"), 4, null},
            new Object[] {"opened on Christmas Eve 2021", d("2021-12-24"), 4, null},
            new Object[] {"opened on a Saturday", d("2024-05-04"), 1, null},
            new Object[] {"opened before the Jubilee", d("2022-06-01"), 2, null});
    List<Row> rows = arithmetic.withDue(visits, "opened", col("timescale"), "due").collectAsList();
    Map<String, LocalDate> due =
        rows.stream()
            .collect(
                Collectors.toMap(
                    r -> r.getString(r.fieldIndex("visit")), r -> r.getDate(r.fieldIndex("due")).toLocalDate()));
    assertThat(due)
        .containsEntry("lambeth stage2 opened the Friday before a bank holiday", LocalDate.parse("2024-05-10"))
        .containsEntry("opened on Christmas Eve 2021", LocalDate.parse("2022-01-04"))
        .containsEntry("opened on a Saturday", LocalDate.parse("2024-05-07"))
        .containsEntry("opened before the Jubilee", LocalDate.parse("2022-06-07"));
    for (Row row : rows) {
      LocalDate opened = row.getDate(row.fieldIndex("opened")).toLocalDate();
      int days = row.getInt(row.fieldIndex("timescale"));
      assertThat(row.getDate(row.fieldIndex("due")).toLocalDate())
          .as("the join agrees with WorkingDayCalendar.due(%s, %d)", opened, days)
          .isEqualTo(calendar.due(opened, days));
    }
  }

  @Test
  void working_days_to_respond_is_a_difference_of_joined_indexes() {
    Dataset<Row> visits =
        stages(
            new Object[] {"on the due date", d("2024-05-03"), 4, d("2024-05-10")},
            new Object[] {"a day late over Christmas", d("2021-12-24"), 4, d("2022-01-05")},
            new Object[] {"no response yet", d("2024-05-03"), 4, null});
    Dataset<Row> measured =
        arithmetic.withIndex(arithmetic.withIndex(visits, "opened", "i_open"), "responded", "i_resp")
            .withColumn("wd_to_respond", col("i_resp").minus(col("i_open")));
    Map<String, Object> wd =
        measured.collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getString(r.fieldIndex("visit")),
                    r -> r.isNullAt(r.fieldIndex("wd_to_respond")) ? "none" : r.getInt(r.fieldIndex("wd_to_respond"))));
    assertThat(wd).containsEntry("on the due date", 4).containsEntry("a day late over Christmas", 5).containsEntry("no response yet", "none");
  }

  @Test
  void the_plan_uses_joins_not_udfs() {
    Dataset<Row> visits = stages(new Object[] {"v", d("2024-05-03"), 4, null});
    String plan = arithmetic.withDue(visits, "opened", lit(4), "due").queryExecution().executedPlan().toString();
    assertThat(plan).contains("BroadcastHashJoin").doesNotContainIgnoringCase("udf");
  }

  @Test
  void the_calendar_dimension_round_trips_through_delta() throws Exception {
    Path table = Files.createTempDirectory("drp-calendar").resolve("calendar");
    dimension.write().format("delta").save(table.toUri().toString());
    Dataset<Row> back = spark.read().format("delta").load(table.toUri().toString());
    assertThat(back.count()).isEqualTo(calendar.days().size());
    Row may6 = back.where(col("date").equalTo(lit(d("2024-05-06")))).first();
    assertThat(may6.getBoolean(may6.fieldIndex("is_working_day"))).as("2024-05-06 is a bank holiday").isFalse();
  }
}
