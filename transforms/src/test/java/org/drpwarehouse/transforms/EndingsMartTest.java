package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.warehouse.GoldTables.DISPUTE_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.END_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.FORMAL_START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.OUTCOME;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.RESOLUTION_RANK;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.RESOLUTION_STAGE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.STATUS;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.TOTAL_LIMIT_WD;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.WITHIN_TOTAL_LIMIT;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.Breakdown;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One instance for all tests: the mart is built and collected once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndingsMartTest {
  private final Dataset<Row> mart =
      EndingsMart.apply(
          Gold.summaries()
              .row(DISPUTE_ID, "D1", START_DATE, "2024-03-04", FORMAL_START_DATE, "2024-03-04", END_DATE, "2024-04-02",
                  RESOLUTION_STAGE, "stage2", RESOLUTION_RANK, 2, OUTCOME, "RESOLVED", TOTAL_LIMIT_WD, 20, WITHIN_TOTAL_LIMIT, true)
              .row(DISPUTE_ID, "D2", START_DATE, "2024-04-01", FORMAL_START_DATE, "2024-04-03", END_DATE, "2024-05-31",
                  RESOLUTION_STAGE, "stage2", RESOLUTION_RANK, 2, OUTCOME, "RESOLVED", TOTAL_LIMIT_WD, 20, WITHIN_TOTAL_LIMIT, false)
              .row(DISPUTE_ID, "D3", START_DATE, "2024-04-01", FORMAL_START_DATE, "2024-04-03", END_DATE, "2024-05-31",
                  RESOLUTION_STAGE, "stage2", RESOLUTION_RANK, 2, OUTCOME, "RESOLVED")
              .row(DISPUTE_ID, "D4", START_DATE, "2024-05-01", END_DATE, "2024-05-03", RESOLUTION_STAGE, "informal",
                  RESOLUTION_RANK, 0, TOTAL_LIMIT_WD, 20)
              .row(DISPUTE_ID, "D5", START_DATE, "2024-05-01", FORMAL_START_DATE, "2024-05-02", STATUS, GoldTables.OPEN,
                  TOTAL_LIMIT_WD, 20)
              .dataset());

  private Row q1(String stage, String outcome) {
    return Frame.only(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD_TYPE, PeriodType.QUARTER,
        MartTables.PERIOD, "2024-25 Q1", MartTables.RESOLUTION_STAGE, stage, MartTables.OUTCOME, outcome);
  }

  @Test
  void a_dispute_started_in_march_and_ended_in_april_counts_in_the_april_quarter() {
    assertThat(Frame.all(mart, MartTables.PERIOD, "2023-24 Q4")).isEmpty();
    assertThat(Frame.count(Frame.only(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD, "2024-04"), MartTables.ENDED))
        .isEqualTo(1);
  }

  @Test
  void the_20_wd_share_counts_formal_disputes_ended_under_a_total_limit() {
    Row stage2 = q1("stage2", "RESOLVED");
    assertThat(Frame.count(stage2, MartTables.ENDED)).isEqualTo(3);
    assertThat(Frame.count(stage2, MartTables.FORMAL_ENDED)).isEqualTo(3);
    assertThat(Frame.count(stage2, MartTables.FORMAL_LIMIT_ASSESSED)).as("D3's policy states no total").isEqualTo(2);
    assertThat(Frame.count(stage2, MartTables.FORMAL_WITHIN_LIMIT)).isEqualTo(1);
    assertThat(Frame.value(stage2, MartTables.RESOLUTION_RANK)).isEqualTo(2);
  }

  @Test
  void an_informal_ending_is_not_judged_against_the_formal_total_and_an_open_dispute_has_not_ended() {
    Row informal = q1("informal", Breakdowns.NONE);
    assertThat(Frame.count(informal, MartTables.ENDED)).as("no outcome recorded: (none)").isEqualTo(1);
    assertThat(Frame.count(informal, MartTables.FORMAL_LIMIT_ASSESSED)).isZero();
    long ended = Frame.all(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD_TYPE, PeriodType.FINANCIAL_YEAR).stream()
        .mapToLong(r -> Frame.count(r, MartTables.ENDED)).sum();
    assertThat(ended).as("D5 is open").isEqualTo(4);
  }

  @Test
  void the_output_is_the_mart_endings_contract() {
    assertThat(mart.schema()).isEqualTo(MartTables.ENDINGS.schema());
  }
}
