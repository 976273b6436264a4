package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.warehouse.GoldTables.DISPUTE_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.RAISED_BY;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.THEME;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.BYPASS;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.CONSULTATION_REQUIRED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.CONSULTED_BEFORE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.OPENED_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.PREVIOUS_RANK;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.PREVIOUS_STAGE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.STAGE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.STAGE_RANK;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.VISIT_NUMBER;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.Breakdown;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One instance for all tests: the mart is built and collected once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BypassTransitionsMartTest {
  private final Dataset<Row> visits =
      Gold.visits()
          .defaults(RAISED_BY, "iro-a")
          // D1: informal, then straight to stage 3 in July without consulting the IRO Team Manager
          .row(DISPUTE_ID, "D1", VISIT_NUMBER, 1, STAGE, "informal", STAGE_RANK, 0, OPENED_DATE, "2024-05-01", CONSULTATION_REQUIRED, true)
          .row(DISPUTE_ID, "D1", VISIT_NUMBER, 2, STAGE, "stage3", STAGE_RANK, 3, OPENED_DATE, "2024-07-10",
              PREVIOUS_STAGE, "informal", PREVIOUS_RANK, 0, BYPASS, true, CONSULTATION_REQUIRED, true, CONSULTED_BEFORE, false)
          // D2: enters at stage 2 after consulting
          .row(DISPUTE_ID, "D2", VISIT_NUMBER, 1, STAGE, "stage2", STAGE_RANK, 2, OPENED_DATE, "2024-05-20",
              BYPASS, true, CONSULTATION_REQUIRED, true, CONSULTED_BEFORE, true, RAISED_BY, "iro-b")
          // D3: stage 1 to stage 3 under a policy that requires no consultation
          .row(DISPUTE_ID, "D3", VISIT_NUMBER, 1, STAGE, "stage1", STAGE_RANK, 1, OPENED_DATE, "2024-06-03")
          .row(DISPUTE_ID, "D3", VISIT_NUMBER, 2, STAGE, "stage3", STAGE_RANK, 3, OPENED_DATE, "2024-06-10",
              PREVIOUS_STAGE, "stage1", PREVIOUS_RANK, 1, BYPASS, true)
          .dataset();
  private final Dataset<Row> summary =
      Gold.summaries()
          .row(DISPUTE_ID, "D1", START_DATE, "2024-05-01", THEME, "drift")
          .row(DISPUTE_ID, "D2", START_DATE, "2024-05-20", THEME, "drift")
          .row(DISPUTE_ID, "D3", START_DATE, "2024-06-03")
          .dataset();
  private final Dataset<Row> mart = BypassTransitionsMart.apply(visits, summary);

  private Row q1(String breakdown, String member, String from, String to) {
    return Frame.only(mart, MartTables.BREAKDOWN, breakdown, MartTables.BREAKDOWN_VALUE, member, MartTables.PERIOD_TYPE,
        PeriodType.QUARTER, MartTables.PERIOD, "2024-25 Q1", MartTables.FROM_STAGE, from, MartTables.TO_STAGE, to);
  }

  @Test
  void a_stage_3_bypass_without_consultation_is_counted_where_consultation_was_required() {
    Row informalToStage3 = q1(Breakdown.ALL, MartTables.ALL_VALUE, "informal", "stage3");
    assertThat(Frame.count(informalToStage3, MartTables.TRANSITIONS)).isEqualTo(1);
    assertThat(Frame.count(informalToStage3, MartTables.BYPASSES)).isEqualTo(1);
    assertThat(Frame.count(informalToStage3, MartTables.BYPASSES_CONSULTATION_REQUIRED)).isEqualTo(1);
    assertThat(Frame.count(informalToStage3, MartTables.BYPASSES_WITHOUT_CONSULTATION)).isEqualTo(1);
    assertThat(Frame.value(informalToStage3, MartTables.FROM_RANK)).isEqualTo(0);
    assertThat(Frame.value(informalToStage3, MartTables.TO_RANK)).isEqualTo(3);
    Row stage1ToStage3 = q1(Breakdown.ALL, MartTables.ALL_VALUE, "stage1", "stage3");
    assertThat(Frame.count(stage1ToStage3, MartTables.BYPASSES_CONSULTATION_REQUIRED)).as("not required by D3's policy").isZero();
    assertThat(Frame.count(stage1ToStage3, MartTables.BYPASSES_WITHOUT_CONSULTATION)).isEqualTo(1);
  }

  @Test
  void a_first_visit_comes_from_the_start_and_a_consulted_entry_bypass_is_counted_as_consulted() {
    Row startToStage2 = q1(Breakdown.ALL, MartTables.ALL_VALUE, MartTables.START, "stage2");
    assertThat(Frame.count(startToStage2, MartTables.BYPASSES_CONSULTED)).isEqualTo(1);
    assertThat(Frame.count(startToStage2, MartTables.BYPASSES_WITHOUT_CONSULTATION)).isZero();
    assertThat(Frame.value(startToStage2, MartTables.FROM_RANK)).isNull();
    Row startToInformal = q1(Breakdown.ALL, MartTables.ALL_VALUE, MartTables.START, "informal");
    assertThat(Frame.count(startToInformal, MartTables.TRANSITIONS)).isEqualTo(1);
    assertThat(Frame.count(startToInformal, MartTables.BYPASSES)).isZero();
  }

  @Test
  void a_transition_counts_in_the_period_of_its_disputes_start() {
    assertThat(Frame.all(mart, MartTables.PERIOD, "2024-25 Q2")).as("D1's stage 3 opened in July").isEmpty();
    assertThat(Frame.count(Frame.only(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD, "2024-05",
        MartTables.FROM_STAGE, "informal"), MartTables.BYPASSES)).isEqualTo(1);
  }

  @Test
  void bypasses_break_down_by_theme_and_iro() {
    assertThat(Frame.count(q1(Breakdown.THEME, "drift", "informal", "stage3"), MartTables.BYPASSES)).isEqualTo(1);
    assertThat(Frame.count(q1(Breakdown.THEME, Breakdowns.NONE, "stage1", "stage3"), MartTables.BYPASSES)).as("D3 has no theme").isEqualTo(1);
    assertThat(Frame.count(q1(Breakdown.IRO, "iro-b", MartTables.START, "stage2"), MartTables.BYPASSES)).isEqualTo(1);
    assertThat(Frame.all(mart, MartTables.BREAKDOWN, Breakdown.TEAM)).isEmpty();
  }

  @Test
  void the_output_is_the_mart_bypass_transitions_contract() {
    assertThat(mart.schema()).isEqualTo(MartTables.BYPASS_TRANSITIONS.schema());
  }
}
