package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.junit.jupiter.api.Test;

class PeriodsTest {
  private static Dataset<Row> dated(String... dates) {
    Frame frame = Frame.of(new StructType().add("record", DataTypes.StringType).add("dated", DataTypes.DateType));
    for (String date : dates) {
      frame.row("record", date == null ? "undated" : "on " + date, "dated", date);
    }
    return frame.dataset();
  }

  private static Map<String, List<Object>> periodsOf(Dataset<Row> periods) {
    return periods.collectAsList().stream()
        .collect(Collectors.toMap(
            r -> r.getString(r.fieldIndex(MartTables.PERIOD_TYPE)),
            r -> List.of(r.getString(r.fieldIndex(MartTables.PERIOD)), Frame.value(r, MartTables.PERIOD_START))));
  }

  @Test
  void a_visit_due_on_2024_06_28_counts_in_june_2024_25_q1_and_2024_25() {
    Map<String, List<Object>> periods = periodsOf(Periods.apply(dated("2024-06-28"), "dated"));
    assertThat(periods)
        .as("a record dated 2024-06-28 is in three periods, each with its first day")
        .containsOnly(
            Map.entry(PeriodType.MONTH, List.of("2024-06", LocalDate.parse("2024-06-01"))),
            Map.entry(PeriodType.QUARTER, List.of("2024-25 Q1", LocalDate.parse("2024-04-01"))),
            Map.entry(PeriodType.FINANCIAL_YEAR, List.of("2024-25", LocalDate.parse("2024-04-01"))));
  }

  @Test
  void the_31st_of_march_is_in_q4_of_the_financial_year_that_began_the_april_before() {
    Map<String, List<Object>> periods = periodsOf(Periods.apply(dated("2025-03-31"), "dated"));
    assertThat(periods.get(PeriodType.QUARTER)).as("Q4 is January to March").containsExactly("2024-25 Q4", LocalDate.parse("2025-01-01"));
    assertThat(periods.get(PeriodType.FINANCIAL_YEAR)).containsExactly("2024-25", LocalDate.parse("2024-04-01"));
    Map<String, List<Object>> april = periodsOf(Periods.apply(dated("2025-04-01"), "dated"));
    assertThat(april.get(PeriodType.FINANCIAL_YEAR)).as("1 April starts a new year").containsExactly("2025-26", LocalDate.parse("2025-04-01"));
    Map<String, List<Object>> turnOfCentury = periodsOf(Periods.apply(dated("2100-01-15"), "dated"));
    assertThat(turnOfCentury.get(PeriodType.FINANCIAL_YEAR).get(0)).as("two digits for the second year").isEqualTo("2099-00");
  }

  @Test
  void an_undated_record_counts_in_no_period() {
    assertThat(Periods.apply(dated("2024-05-01", null), "dated").where(col("record").equalTo("undated")).collectAsList()).isEmpty();
  }

  @Test
  void spark_labels_and_starts_agree_with_the_java_label_functions_for_every_day_of_four_years() {
    LocalDate first = LocalDate.parse("2023-01-01");
    Dataset<Row> days =
        SharedSpark.session().range(0, 4 * 366).select(date_add(lit(Date.valueOf(first)), col("id").cast("int")).as("dated"));
    List<Row> periods = Periods.apply(days, "dated").collectAsList();
    assertThat(periods).hasSize(3 * 4 * 366);
    for (Row row : periods) {
      LocalDate date = (LocalDate) Frame.value(row, "dated");
      String type = row.getString(row.fieldIndex(MartTables.PERIOD_TYPE));
      String expected =
          switch (type) {
            case PeriodType.MONTH -> MartTables.month(date);
            case PeriodType.QUARTER -> MartTables.financialQuarter(date);
            default -> MartTables.financialYear(date);
          };
      LocalDate start = (LocalDate) Frame.value(row, MartTables.PERIOD_START);
      assertThat(row.getString(row.fieldIndex(MartTables.PERIOD))).as("%s label of %s", type, date).isEqualTo(expected);
      assertThat(start).as("%s start of %s", type, date).isBeforeOrEqualTo(date);
      assertThat(start.getDayOfMonth()).isEqualTo(1);
      String startLabel =
          switch (type) {
            case PeriodType.MONTH -> MartTables.month(start);
            case PeriodType.QUARTER -> MartTables.financialQuarter(start);
            default -> MartTables.financialYear(start);
          };
      assertThat(startLabel).as("%s start of %s is in the same period", type, date).isEqualTo(expected);
      assertThat(start.minusDays(1)).as("the day before the start of %s is in another period", expected)
          .matches(before -> !(switch (type) {
            case PeriodType.MONTH -> MartTables.month(before);
            case PeriodType.QUARTER -> MartTables.financialQuarter(before);
            default -> MartTables.financialYear(before);
          }).equals(expected));
    }
  }

  @Test
  void a_label_from_a_period_type_column_is_the_label_of_that_type() {
    Dataset<Row> typed =
        Frame.of(new StructType().add("type", DataTypes.StringType).add("dated", DataTypes.DateType))
            .row("type", PeriodType.QUARTER, "dated", "2024-11-05")
            .row("type", PeriodType.MONTH, "dated", "2024-11-05")
            .row("type", PeriodType.FINANCIAL_YEAR, "dated", "2024-11-05")
            .dataset()
            .select(col("type"), Periods.label(col("type"), col("dated")).as("label"), Periods.months(col("type")).as("months"));
    assertThat(Frame.only(typed, "type", PeriodType.QUARTER).getString(1)).isEqualTo("2024-25 Q3");
    assertThat(Frame.only(typed, "type", PeriodType.MONTH).getString(1)).isEqualTo("2024-11");
    assertThat(Frame.only(typed, "type", PeriodType.FINANCIAL_YEAR).getInt(2)).isEqualTo(12);
  }

  @Test
  void an_unknown_period_type_is_refused_with_the_valid_ones() {
    assertThatThrownBy(() -> Periods.label("WEEK", col("dated")))
        .hasMessageContaining("WEEK")
        .hasMessageContaining("FINANCIAL_YEAR");
  }
}
