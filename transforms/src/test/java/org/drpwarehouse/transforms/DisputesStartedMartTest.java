package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.warehouse.GoldTables.DISPUTE_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.PROCESS;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.BYPASSES;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_CONSULTED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_REFERRAL_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CHILD_INFORMED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.END_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.ENTRY_RANK;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.FORMAL_START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.HIGHEST_RANK;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.INFORMAL_LIMIT_WD;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.INFORMAL_SKIPPED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.RECORDING_COMPLETE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.REPEAT;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.WITHIN_INFORMAL_LIMIT;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.Breakdown;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One instance for all tests: the mart is built and collected once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisputesStartedMartTest {
  private final Dataset<Row> mart =
      DisputesStartedMart.apply(
          Gold.summaries()
              // informal, escalated with a bypass to stage 3, the informal stage overran its 10 WD
              .row(DISPUTE_ID, "D1", START_DATE, "2024-04-02", ENTRY_RANK, 0, HIGHEST_RANK, 3, FORMAL_START_DATE, "2024-04-22",
                  BYPASSES, 1, INFORMAL_LIMIT_WD, 10, WITHIN_INFORMAL_LIMIT, false, CAFCASS_CONSULTED, true,
                  CAFCASS_REFERRAL_DATE, "2024-05-01", CHILD_INFORMED, true, RECORDING_COMPLETE, true)
              // straight in at stage 1, ended in the next quarter
              .row(DISPUTE_ID, "D2", START_DATE, "2024-06-28", ENTRY_RANK, 1, INFORMAL_SKIPPED, true, HIGHEST_RANK, 1,
                  FORMAL_START_DATE, "2024-06-28", END_DATE, "2024-07-19", CAFCASS_CONSULTED, true, REPEAT, true)
              // informal only, within its limit
              .row(DISPUTE_ID, "D3", START_DATE, "2024-05-13", ENTRY_RANK, 0, HIGHEST_RANK, 0, INFORMAL_LIMIT_WD, 10,
                  WITHIN_INFORMAL_LIMIT, true, CHILD_INFORMED, true)
              // informal under a policy with no informal limit
              .row(DISPUTE_ID, "D4", START_DATE, "2024-05-14", ENTRY_RANK, 0, HIGHEST_RANK, 0)
              // a child protection dispute is reported apart
              .row(DISPUTE_ID, "D5", PROCESS, "CP", START_DATE, "2024-05-15", ENTRY_RANK, 0, HIGHEST_RANK, 0)
              .dataset());

  private Row q1(String process) {
    return Frame.only(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD_TYPE, PeriodType.QUARTER,
        MartTables.PERIOD, "2024-25 Q1", MartTables.PROCESS, process);
  }

  @Test
  void a_dispute_counts_in_the_period_of_its_start_whatever_happened_later() {
    assertThat(Frame.count(q1("CLA"), MartTables.DISPUTES)).as("D2 started 2024-06-28 and ended in July").isEqualTo(4);
    assertThat(Frame.all(mart, MartTables.PERIOD, "2024-07")).isEmpty();
    assertThat(Frame.count(Frame.only(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD, "2024-06", MartTables.PROCESS, "CLA"),
        MartTables.DISPUTES)).isEqualTo(1);
  }

  @Test
  void entry_stages_formal_reach_and_bypasses_are_counted_per_dispute() {
    Row q1 = q1("CLA");
    assertThat(Frame.count(q1, MartTables.INFORMAL_ENTRY)).isEqualTo(3);
    assertThat(Frame.count(q1, MartTables.FORMAL_ENTRY)).as("informal skipped").isEqualTo(1);
    assertThat(Frame.count(q1, MartTables.FORMAL_DISPUTES)).isEqualTo(2);
    assertThat(Frame.count(q1, MartTables.REACHED_STAGE3_PLUS)).isEqualTo(1);
    assertThat(Frame.count(q1, MartTables.BYPASS_DISPUTES)).isEqualTo(1);
  }

  @Test
  void the_informal_limit_is_judged_only_where_the_policy_sets_one() {
    Row q1 = q1("CLA");
    assertThat(Frame.count(q1, MartTables.INFORMAL_ASSESSED)).as("D1 and D3, not D4").isEqualTo(2);
    assertThat(Frame.count(q1, MartTables.INFORMAL_WITHIN_LIMIT)).isEqualTo(1);
  }

  @Test
  void recording_repeats_and_cafcass_consultations_without_referral_are_counted() {
    Row q1 = q1("CLA");
    assertThat(Frame.count(q1, MartTables.CHILD_INFORMED)).isEqualTo(2);
    assertThat(Frame.count(q1, MartTables.RECORDING_COMPLETE)).isEqualTo(1);
    assertThat(Frame.count(q1, MartTables.REPEAT_DISPUTES)).isEqualTo(1);
    assertThat(Frame.count(q1, MartTables.CAFCASS_CONSULTED_NO_REFERRAL)).as("D2 consulted Cafcass, D1 also referred").isEqualTo(1);
  }

  @Test
  void child_protection_disputes_have_their_own_rows() {
    assertThat(Frame.count(q1("CP"), MartTables.DISPUTES)).isEqualTo(1);
  }

  @Test
  void the_output_is_the_mart_disputes_contract() {
    assertThat(mart.schema()).isEqualTo(MartTables.DISPUTES_STARTED.schema());
  }
}
