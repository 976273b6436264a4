package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.transforms.DisputeScenario.d;

import java.util.List;
import java.util.Map;
import org.drpwarehouse.schemas.warehouse.GoldTables.Flag;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;
import org.junit.jupiter.api.Test;

/** Scenarios for constructive-challenge (001), iro-alerts-five-stage (002), lambeth (003) and lincolnshire (004). */
class OtherPresetsScenarioTest {
  private static final DisputeScenario CONSTRUCTIVE_CHALLENGE_INFORMAL_STAGE_HAS_NO_TIMESCALE_BUT_A_FIVE_DAY_LIMIT_AND_A_ONE_DAY_RAISE_LIMIT =
      DisputeScenario.under("constructive-challenge")
        .dispute("D1", "CLA", "PLAN", "2024-01-04", "C-1", "Team A")
        .event("D1", "2024-01-08", "STAGE_OPENED", "informal")
        .event("D1", "2024-01-17", "STAGE_OPENED", "drp1");

  private static final DisputeScenario CONSTRUCTIVE_CHALLENGE_DRP2_IS_ANSWERED_BY_THE_MEETING_WHEN_NO_REPLY_IS_RECORDED =
      DisputeScenario.under("constructive-challenge")
        .dispute("D1", "CLA", "PLAN")
        .event("D1", "2024-02-05", "STAGE_OPENED", "drp1")
        .event("D1", "2024-02-09", "RESPONSE_RECEIVED", "drp1")
        .event("D1", "2024-02-12", "STAGE_OPENED", "drp2")
        .event("D1", "2024-02-20", "MEETING_HELD", "drp2");

  private static final DisputeScenario IRO_ALERTS_EXTENSION_AGREED_OVER_EASTER_MOVES_THE_DUE_DATE_AND_IS_PROVIDED_FOR =
      DisputeScenario.under("iro-alerts-five-stage")
        .dispute("D1", "CLA", "FAILURE_TO_PLAN")
        .event("D1", "2024-03-25", "STAGE_OPENED", "stage2")
        .event("D1", "2024-04-02", "EXTENSION_AGREED", "stage2", Map.of("agreed_date", "2024-04-12"))
        .event("D1", "2024-04-10", "RESPONSE_RECEIVED", "stage2");

  private static final DisputeScenario IRO_ALERTS_CHILD_PROTECTION_LEVEL3_IS_THE_FIRST_FORMAL_LEVEL_WITH_TEN_WORKING_DAYS =
      DisputeScenario.under("iro-alerts-five-stage")
        .dispute("D1", "CP", "DRIFT")
        .event("D1", "2024-08-19", "STAGE_OPENED", "level3");

  private static final DisputeScenario LAMBETH_HOLD_MOVES_THE_DUE_DATE_AND_AN_OPEN_DISPUTE_PAST_TWENTY_WORKING_DAYS_IS_OUTSIDE_THE_LIMIT =
      DisputeScenario.under("lambeth").asOf("2024-10-15")
        .dispute("D1", "CLA", "PRACTICE")
        .event("D1", "2024-09-02", "STAGE_OPENED", "stage1")
        .event("D1", "2024-09-05", "ON_HOLD", "stage1", Map.of("agreed_date", "2024-09-30"));

  private static final DisputeScenario LAMBETH_EVENTS_OUT_OF_ORDER_AND_A_DUPLICATE_EVENT_GIVE_THE_SAME_TIMELINE =
      DisputeScenario.under("lambeth")
        .dispute("D1", "CLA", "PRACTICE")
        .event("D1", "2024-06-20", "RESOLVED", "stage2", Map.of("outcome", "RESOLVED"))
        .event("D1", "2024-06-14", "RESPONSE_RECEIVED", "stage2")
        .event("D1", "2024-06-11", "STAGE_OPENED", "stage2")
        .event("D1", "2024-06-05", "RESPONSE_RECEIVED", "stage1")
        .event("D1", "2024-06-05", "RESPONSE_RECEIVED", "stage1")
        .event("D1", "2024-06-03", "STAGE_OPENED", "stage1");

  private static final DisputeScenario LAMBETH_BINDING_CHANGES_BY_THE_DAY_THE_DISPUTE_WAS_FIRST_OPENED =
      DisputeScenario.under("calderdale").rebind("lambeth", "2024-04-01")
        .dispute("D1", "CLA", "CARE_PLANNING")
        .dispute("D2", "CLA", "PRACTICE")
        .event("D1", "2024-03-28", "STAGE_OPENED", "stage3")
        .event("D1", "2024-04-08", "STAGE_OPENED", "stage4")
        .event("D2", "2024-04-02", "STAGE_OPENED", "stage3");

  private static final DisputeScenario LINCOLNSHIRE_ENTRY_AT_STAGE2_BYPASSES_STAGE1_WITHOUT_NEEDING_A_CONSULTATION =
      DisputeScenario.under("lincolnshire")
        .dispute("D1", "CLA", "CARE_PLAN")
        .event("D1", "2024-11-04", "STAGE_OPENED", "stage2");

  private static final DisputeScenario LINCOLNSHIRE_REFERRAL_NEEDS_THE_NOMINATED_OFFICER_TOLD_BEFORE =
      DisputeScenario.under("lincolnshire")
        .dispute("D1", "CLA", "CARE_PLAN")
        .dispute("D2", "CLA", "CARE_PLAN")
        .event("D1", "2024-11-04", "STAGE_OPENED", "stage1")
        .event("D1", "2024-11-06", "CAFCASS_NOTICE", null, Map.of("to_role", "NOMINATED_OFFICER"))
        .event("D1", "2024-11-06", "CAFCASS_REFERRAL", null)
        .event("D2", "2024-11-04", "STAGE_OPENED", "stage1")
        .event("D2", "2024-11-06", "CAFCASS_REFERRAL", null)
        .event("D2", "2024-11-08", "RESOLVED", "stage1", Map.of("outcome", "RESOLVED"));

  private static final DisputeScenario AN_UNMAPPED_CATEGORY_IS_KEPT_AND_FLAGGED_AND_A_REPEAT_IS_THE_SAME_CHILD_AND_THEME_WITHIN_A_YEAR =
      DisputeScenario.under("lincolnshire")
        .dispute("D1", "CLA", "NOT_A_CATEGORY", null, "C-7", null)
        .dispute("D2", "CLA", "CARE_PLAN", null, "C-7", null)
        .dispute("D3", "CLA", "CARE_PLAN", null, "C-7", null)
        .allocation("C-7", "Permanence 2", "2023-01-01", null)
        .event("D1", "2024-01-08", "STAGE_OPENED", "informal")
        .event("D2", "2024-01-08", "STAGE_OPENED", "informal")
        .event("D3", "2024-12-20", "STAGE_OPENED", "informal");


  @Test
  void constructive_challenge_informal_stage_has_no_timescale_but_a_five_day_limit_and_a_one_day_raise_limit() {
    DisputeScenario s = CONSTRUCTIVE_CHALLENGE_INFORMAL_STAGE_HAS_NO_TIMESCALE_BUT_A_FIVE_DAY_LIMIT_AND_A_ONE_DAY_RAISE_LIMIT;
    assertThat(s.visit("D1", 1).get(Visit.RESPONSE_STATUS)).as("a stage with no timescale").isEqualTo("NO_TIMESCALE");
    assertThat(s.visit("D1", 1).get(Visit.DUE_DATE)).isNull();
    assertThat(s.visit("D1", 1).get(Visit.ESCALATION_LAG_WD)).as("no due date, no lag").isNull();
    Map<String, Object> summary = s.summary("D1");
    assertThat(summary.get(Summary.INFORMAL_DURATION_WD)).as("wd(2024-01-08, 2024-01-17)").isEqualTo(7);
    assertThat(summary.get(Summary.INFORMAL_LIMIT_WD)).isEqualTo(5);
    assertThat(summary.get(Summary.WITHIN_INFORMAL_LIMIT)).isEqualTo(false);
    assertThat(summary.get(Summary.RAISE_LAG_WD)).as("wd(Thu 2024-01-04, Mon 2024-01-08)").isEqualTo(2);
    assertThat(summary.get(Summary.WITHIN_RAISE_LIMIT)).isEqualTo(false);
    assertThat(s.visit("D1", 2).get(Visit.DUE_DATE)).as("drp1 is due 5 WD after 17 January").isEqualTo(d("2024-01-24"));
  }

  @Test
  void constructive_challenge_drp2_is_answered_by_the_meeting_when_no_reply_is_recorded() {
    DisputeScenario s = CONSTRUCTIVE_CHALLENGE_DRP2_IS_ANSWERED_BY_THE_MEETING_WHEN_NO_REPLY_IS_RECORDED;
    Map<String, Object> drp2 = s.visit("D1", 2);
    assertThat(drp2.get(Visit.DUE_DATE)).isEqualTo(d("2024-02-19"));
    assertThat(drp2.get(Visit.RESPONSE_DATE)).as("the meeting answers a meeting stage").isEqualTo(d("2024-02-20"));
    assertThat(drp2.get(Visit.RESPONSE_STATUS)).isEqualTo("LATE");
    assertThat(s.visit("D1", 1).get(Visit.RESPONSE_STATUS)).isEqualTo("ON_TIME");
  }

  @Test
  void iro_alerts_extension_agreed_over_easter_moves_the_due_date_and_is_provided_for() {
    DisputeScenario s = IRO_ALERTS_EXTENSION_AGREED_OVER_EASTER_MOVES_THE_DUE_DATE_AND_IS_PROVIDED_FOR;
    Map<String, Object> visit = s.visit("D1", 1);
    assertThat(visit.get(Visit.BASE_DUE_DATE)).as("5 WD after 25 March over Good Friday and Easter Monday")
        .isEqualTo(d("2024-04-03"));
    assertThat(visit.get(Visit.DUE_DATE)).isEqualTo(d("2024-04-12"));
    assertThat(visit.get(Visit.EXTENSIONS)).isEqualTo(1);
    assertThat(visit.get(Visit.RESPONSE_STATUS)).isEqualTo("ON_TIME");
    assertThat(visit.get(Visit.BYPASS)).as("stage2 is formal rank 1 of this ladder").isEqualTo(false);
    assertThat(s.flagsOf("D1")).isEmpty();
  }

  @Test
  void iro_alerts_child_protection_level3_is_the_first_formal_level_with_ten_working_days() {
    DisputeScenario s = IRO_ALERTS_CHILD_PROTECTION_LEVEL3_IS_THE_FIRST_FORMAL_LEVEL_WITH_TEN_WORKING_DAYS;
    Map<String, Object> visit = s.visit("D1", 1);
    assertThat(visit.get(Visit.STAGE_RANK)).isEqualTo(1);
    assertThat(visit.get(Visit.DUE_DATE)).as("10 WD after 19 August over the 26 August bank holiday").isEqualTo(d("2024-09-03"));
    assertThat(visit.get(Visit.BYPASS)).isEqualTo(false);
  }

  @Test
  void lambeth_hold_moves_the_due_date_and_an_open_dispute_past_twenty_working_days_is_outside_the_limit() {
    DisputeScenario s = LAMBETH_HOLD_MOVES_THE_DUE_DATE_AND_AN_OPEN_DISPUTE_PAST_TWENTY_WORKING_DAYS_IS_OUTSIDE_THE_LIMIT;
    Map<String, Object> visit = s.visit("D1", 1);
    assertThat(visit.get(Visit.BASE_DUE_DATE)).isEqualTo(d("2024-09-06"));
    assertThat(visit.get(Visit.DUE_DATE)).isEqualTo(d("2024-09-30"));
    assertThat(visit.get(Visit.HOLD_NOT_PROVIDED)).as("Lambeth provides for holds").isEqualTo(false);
    assertThat(visit.get(Visit.RESPONSE_STATUS)).as("open, and the as-of date is past the held date").isEqualTo("OVERDUE");
    Map<String, Object> summary = s.summary("D1");
    assertThat(summary.get(Summary.STATUS)).isEqualTo("OPEN");
    assertThat(summary.get(Summary.FORMAL_WD)).as("wd(2024-09-02, 2024-10-15)").isEqualTo(31);
    assertThat(summary.get(Summary.WITHIN_TOTAL_LIMIT)).isEqualTo(false);
    assertThat(summary.get(Summary.AGE_BAND)).isEqualTo("over 20 WD");
  }

  @Test
  void lambeth_events_out_of_order_and_a_duplicate_event_give_the_same_timeline() {
    DisputeScenario s = LAMBETH_EVENTS_OUT_OF_ORDER_AND_A_DUPLICATE_EVENT_GIVE_THE_SAME_TIMELINE;
    assertThat(s.visits()).hasSize(2);
    assertThat(s.visit("D1", 1).get(Visit.STAGE)).isEqualTo("stage1");
    assertThat(s.visit("D1", 1).get(Visit.RESPONSE_DATE)).isEqualTo(d("2024-06-05"));
    assertThat(s.visit("D1", 2).get(Visit.PREVIOUS_STAGE)).isEqualTo("stage1");
    assertThat(s.summary("D1").get(Summary.VISITS)).isEqualTo(2);
    assertThat(s.summary("D1").get(Summary.END_DATE)).isEqualTo(d("2024-06-20"));
  }

  @Test
  void lambeth_binding_changes_by_the_day_the_dispute_was_first_opened() {
    DisputeScenario s = LAMBETH_BINDING_CHANGES_BY_THE_DAY_THE_DISPUTE_WAS_FIRST_OPENED;
    assertThat(s.summary("D1").get("policy_id")).isEqualTo("calderdale");
    assertThat(s.visit("D1", 1).get(Visit.DUE_DATE)).as("calderdale stage3 has 6 WD, over Easter").isEqualTo(d("2024-04-09"));
    assertThat(s.summary("D2").get("policy_id")).isEqualTo("lambeth");
    assertThat(s.visit("D2", 1).get(Visit.DUE_DATE)).as("lambeth stage3 has 4 WD").isEqualTo(d("2024-04-08"));
    assertThat(s.visit("D2", 1).get(Visit.CONSULTATION_REQUIRED)).isEqualTo(false);
  }

  @Test
  void lincolnshire_entry_at_stage2_bypasses_stage1_without_needing_a_consultation() {
    DisputeScenario s = LINCOLNSHIRE_ENTRY_AT_STAGE2_BYPASSES_STAGE1_WITHOUT_NEEDING_A_CONSULTATION;
    Map<String, Object> visit = s.visit("D1", 1);
    assertThat(visit.get(Visit.BYPASS)).isEqualTo(true);
    assertThat(visit.get(Visit.SKIPPED_STAGES)).isEqualTo(List.of("stage1"));
    assertThat(visit.get(Visit.CONSULTATION_REQUIRED)).isEqualTo(false);
    assertThat(s.summary("D1").get(Summary.BYPASSES_WITHOUT_CONSULTATION)).isEqualTo(0);
    assertThat(s.summary("D1").get(Summary.ENTRY_STAGE)).isEqualTo("stage2");
  }

  @Test
  void lincolnshire_referral_needs_the_nominated_officer_told_before() {
    DisputeScenario s = LINCOLNSHIRE_REFERRAL_NEEDS_THE_NOMINATED_OFFICER_TOLD_BEFORE;
    assertThat(s.summary("D1").get(Summary.CAFCASS_NOTICE_COMPLIANT)).as("0 WD lead: 'before' is enough").isEqualTo(true);
    assertThat(s.summary("D1").get(Summary.CAFCASS_INFORMED)).isEqualTo(true);
    assertThat(s.summary("D2").get(Summary.CAFCASS_NOTICE_COMPLIANT)).isEqualTo(false);
    assertThat(s.summary("D2").get(Summary.CAFCASS_INFORMED)).isEqualTo(false);
    assertThat(s.flagsOf("D2")).containsExactly(Flag.CAFCASS_REFERRAL_WITHOUT_OUTCOME);
  }

  @Test
  void an_unmapped_category_is_kept_and_flagged_and_a_repeat_is_the_same_child_and_theme_within_a_year() {
    DisputeScenario s = AN_UNMAPPED_CATEGORY_IS_KEPT_AND_FLAGGED_AND_A_REPEAT_IS_THE_SAME_CHILD_AND_THEME_WITHIN_A_YEAR;
    assertThat(s.summary("D1").get(Summary.THEME)).isEqualTo("unmapped");
    assertThat(s.summary("D1").get(Summary.THEME_MAPPED)).isEqualTo(false);
    assertThat(s.flagsOf("D1")).containsExactly(Flag.UNMAPPED_CATEGORY);
    assertThat(s.summary("D2").get(Summary.REPEAT)).as("an unmapped dispute is no earlier dispute of the theme").isEqualTo(false);
    assertThat(s.summary("D3").get(Summary.REPEAT)).as("347 days after D2, same child and theme").isEqualTo(true);
    assertThat(s.summary("D3").get("team")).as("no team on the dispute: the child's allocation").isEqualTo("Permanence 2");
  }
}
