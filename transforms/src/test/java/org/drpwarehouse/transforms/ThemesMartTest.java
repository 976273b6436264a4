package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.warehouse.GoldTables.CHILD_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.DISPUTE_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.REPEAT;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.THEME;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.THEME_MAPPED;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One instance for all tests: the mart is built and collected once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemesMartTest {
  private final Dataset<Row> mart =
      ThemesMart.apply(
          Gold.summaries()
              .defaults(THEME, "drift")
              .row(DISPUTE_ID, "D1", START_DATE, "2023-07-03")
              .row(DISPUTE_ID, "D2", START_DATE, "2023-08-01")
              .row(DISPUTE_ID, "D3", START_DATE, "2024-04-08", CHILD_ID, "c1")
              .row(DISPUTE_ID, "D4", START_DATE, "2024-05-08", CHILD_ID, "c1", REPEAT, true)
              .row(DISPUTE_ID, "D5", START_DATE, "2024-06-10")
              .row(DISPUTE_ID, "D6", START_DATE, "2024-07-15")
              .row(DISPUTE_ID, "D7", START_DATE, "2024-07-16", THEME, null, THEME_MAPPED, false)
              .dataset());

  private Row quarter(String quarter, String theme) {
    return Frame.only(mart, MartTables.PERIOD_TYPE, PeriodType.QUARTER, MartTables.PERIOD, quarter, MartTables.THEME, theme);
  }

  @Test
  void a_repeat_dispute_is_counted_in_mart_themes() {
    Row q1 = quarter("2024-25 Q1", "drift");
    assertThat(Frame.count(q1, MartTables.DISPUTES)).isEqualTo(3);
    assertThat(Frame.count(q1, MartTables.REPEAT_DISPUTES)).as("D4: the same child and theme within 365 days").isEqualTo(1);
  }

  @Test
  void beside_each_quarter_are_the_previous_quarter_and_the_same_quarter_a_year_before() {
    Row q2 = quarter("2024-25 Q2", "drift");
    assertThat(Frame.count(q2, MartTables.DISPUTES)).isEqualTo(1);
    assertThat(Frame.count(q2, MartTables.PREVIOUS_PERIOD_DISPUTES)).isEqualTo(3);
    assertThat(Frame.count(q2, MartTables.PREVIOUS_YEAR_DISPUTES)).as("2023-24 Q2").isEqualTo(2);
    assertThat(Frame.count(quarter("2024-25 Q1", "drift"), MartTables.PREVIOUS_PERIOD_DISPUTES)).as("none in 2023-24 Q4").isZero();
    Row year = Frame.only(mart, MartTables.PERIOD_TYPE, PeriodType.FINANCIAL_YEAR, MartTables.PERIOD, "2024-25", MartTables.THEME, "drift");
    assertThat(Frame.count(year, MartTables.DISPUTES)).isEqualTo(4);
    assertThat(Frame.count(year, MartTables.PREVIOUS_PERIOD_DISPUTES)).isEqualTo(2);
    assertThat(Frame.count(year, MartTables.PREVIOUS_YEAR_DISPUTES)).isEqualTo(2);
    Row june = Frame.only(mart, MartTables.PERIOD_TYPE, PeriodType.MONTH, MartTables.PERIOD, "2024-06", MartTables.THEME, "drift");
    assertThat(Frame.count(june, MartTables.PREVIOUS_PERIOD_DISPUTES)).as("May 2024").isEqualTo(1);
  }

  @Test
  void a_theme_that_falls_to_zero_shows_a_zero_beside_its_previous_count() {
    Row q3 = quarter("2024-25 Q3", "drift");
    assertThat(Frame.count(q3, MartTables.DISPUTES)).isZero();
    assertThat(Frame.count(q3, MartTables.PREVIOUS_PERIOD_DISPUTES)).isEqualTo(1);
    Row q3LastYear = quarter("2023-24 Q3", "drift");
    assertThat(Frame.count(q3LastYear, MartTables.PREVIOUS_PERIOD_DISPUTES)).isEqualTo(2);
    assertThat(Frame.all(mart, MartTables.PERIOD, "2025-26 Q2")).as("a period after the as-of date").isEmpty();
    assertThat(Frame.all(mart, MartTables.PERIOD, "2025-04")).isEmpty();
  }

  @Test
  void a_category_the_policy_does_not_map_counts_as_unmapped() {
    assertThat(Frame.count(quarter("2024-25 Q2", ThemesMart.UNMAPPED), MartTables.DISPUTES)).isEqualTo(1);
  }

  @Test
  void the_output_is_the_mart_themes_contract() {
    assertThat(mart.schema()).isEqualTo(MartTables.THEMES.schema());
  }
}
