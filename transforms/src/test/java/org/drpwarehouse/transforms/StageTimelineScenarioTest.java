package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.transforms.DisputeScenario.d;

import java.util.Map;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;
import org.junit.jupiter.api.Test;

class StageTimelineScenarioTest {
  private static final DisputeScenario GOLD_TABLES_HAVE_EXACTLY_THEIR_CONTRACT_SCHEMAS =
      DisputeScenario.under("lambeth")
        .dispute("D1", "CLA", "PRACTICE")
        .event("D1", "2024-05-03", "STAGE_OPENED", "stage1");

  private static final DisputeScenario LAMBETH_STAGE1_OPENED_BEFORE_A_BANK_HOLIDAY_WEEKEND_AND_ANSWERED_ON_THE_DUE_DATE_IS_ON_TIME =
      DisputeScenario.under("lambeth")
        .dispute("D1", "CLA", "PRACTICE")
        .event("D1", "2024-05-03", "STAGE_OPENED", "stage1")
        .event("D1", "2024-05-10", "RESPONSE_RECEIVED", "stage1");


  @Test
  void gold_tables_have_exactly_their_contract_schemas() {
    DisputeScenario s = GOLD_TABLES_HAVE_EXACTLY_THEIR_CONTRACT_SCHEMAS;
    assertThat(s.outputs().visits().schema()).isEqualTo(GoldTables.STAGE_VISITS.schema());
    assertThat(s.outputs().summary().schema()).isEqualTo(GoldTables.DISPUTE_SUMMARY.schema());
    assertThat(s.outputs().flags().schema()).isEqualTo(GoldTables.DISPUTE_FLAGS.schema());
    assertThat(s.outputs().visits().schema().fields()[0].metadata().getString("comment"))
        .as("the meaning travels with the column").isEqualTo("the local authority code");
  }

  @Test
  void lambeth_stage1_opened_before_a_bank_holiday_weekend_and_answered_on_the_due_date_is_on_time() {
    DisputeScenario s = LAMBETH_STAGE1_OPENED_BEFORE_A_BANK_HOLIDAY_WEEKEND_AND_ANSWERED_ON_THE_DUE_DATE_IS_ON_TIME;
    Map<String, Object> visit = s.visit("D1", 1);
    assertThat(visit.get(Visit.DUE_DATE)).as("stage1 of lambeth is due 4 WD after Friday 3 May, over the 6 May bank holiday")
        .isEqualTo(d("2024-05-10"));
    assertThat(visit.get(Visit.RESPONSE_STATUS)).as("a response on the due date is on time").isEqualTo("ON_TIME");
    assertThat(visit.get(Visit.WD_TO_RESPOND)).as("wd(2024-05-03, 2024-05-10)").isEqualTo(4);
    assertThat(visit.get(Visit.BYPASS)).as("entry at formal stage 1 is not a bypass").isEqualTo(false);
    assertThat(s.summary("D1").get(Summary.INFORMAL_SKIPPED)).as("the first visit is formal").isEqualTo(true);
  }
}
