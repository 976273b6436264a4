package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.transforms.DisputeScenario.d;

import java.util.List;
import java.util.Map;
import org.drpwarehouse.schemas.warehouse.GoldTables.Flag;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;
import org.junit.jupiter.api.Test;

/** Calderdale (000): informal set by the IRO at most 10 WD; stages 4, 4, 6, 6 WD; consult before a bypass; 2 WD notice. */
class CalderdaleScenarioTest {
  private static final DisputeScenario AN_INFORMAL_DATE_SET_BEYOND_TEN_WORKING_DAYS_IS_CAPPED_AT_THE_TENTH_AND_FLAGGED =
      DisputeScenario.under("calderdale")
        .dispute("D1", "CLA", "CARE_PLANNING")
        .event("D1", "2024-05-03", "STAGE_OPENED", "informal", Map.of("agreed_date", "2024-05-31"))
        .event("D1", "2024-05-17", "RESPONSE_RECEIVED", "informal");

  private static final DisputeScenario STAGE3_BYPASS_WITHOUT_CONSULTATION_IS_FLAGGED_AND_SKIPS_STAGES_1_AND_2 =
      DisputeScenario.under("calderdale")
        .dispute("D1", "CLA", "CARE_PLANNING")
        .event("D1", "2024-05-31", "MANAGER_CONSULTED", null)
        .event("D1", "2024-06-03", "STAGE_OPENED", "informal")
        .event("D1", "2024-06-10", "STAGE_OPENED", "stage3");

  private static final DisputeScenario STAGE3_BYPASS_AFTER_CONSULTING_THE_IRO_TEAM_MANAGER_IS_CONSULTED =
      DisputeScenario.under("calderdale")
        .dispute("D1", "CLA", "CARE_PLANNING")
        .event("D1", "2024-06-03", "STAGE_OPENED", "informal")
        .event("D1", "2024-06-07", "MANAGER_CONSULTED", null, Map.of("to_role", "IRO_MANAGER"))
        .event("D1", "2024-06-10", "STAGE_OPENED", "stage3");

  private static final DisputeScenario STAGE1_UNANSWERED_AND_ESCALATED_IS_OVERDUE_WITH_THE_ESCALATION_LAG_FROM_ITS_DUE_DATE =
      DisputeScenario.under("calderdale")
        .dispute("D1", "CLA", "CARE_PLANNING")
        .event("D1", "2024-05-03", "STAGE_OPENED", "stage1")
        .event("D1", "2024-05-15", "STAGE_OPENED", "stage2")
        .event("D1", "2024-05-17", "RESPONSE_RECEIVED", "stage2")
        .event("D1", "2024-05-20", "RESOLVED", "stage2", Map.of("outcome", "RESOLVED"));

  private static final DisputeScenario EVENTS_AFTER_THE_AS_OF_DATE_DO_NOT_EXIST_YET =
      DisputeScenario.under("calderdale").asOf("2024-05-13")
        .dispute("D1", "CLA", "CARE_PLANNING")
        .event("D1", "2024-05-03", "STAGE_OPENED", "stage1")
        .event("D1", "2024-05-15", "STAGE_OPENED", "stage2");

  private static final DisputeScenario A_CAFCASS_NOTICE_ON_THE_DAY_OF_THE_REFERRAL_IS_TWO_WORKING_DAYS_SHORT =
      DisputeScenario.under("calderdale")
        .dispute("D1", "CLA", "CARE_PLANNING")
        .dispute("D2", "CLA", "CARE_PLANNING")
        .event("D1", "2024-07-01", "STAGE_OPENED", "stage1")
        .event("D1", "2024-07-10", "CAFCASS_NOTICE", null, Map.of("to_role", "DIRECTOR"))
        .event("D1", "2024-07-10", "CAFCASS_REFERRAL", null)
        .event("D2", "2024-07-01", "STAGE_OPENED", "stage1")
        .event("D2", "2024-07-08", "CAFCASS_NOTICE", null, Map.of("to_role", "DIRECTOR"))
        .event("D2", "2024-07-10", "CAFCASS_REFERRAL", null);

  private static final DisputeScenario A_REFERRAL_MADE_WHEN_INVOKING_THE_DRP_IS_CONCURRENT =
      DisputeScenario.under("calderdale")
        .dispute("D1", "CLA", "CARE_PLANNING")
        .event("D1", "2024-07-01", "CAFCASS_NOTICE", null)
        .event("D1", "2024-07-03", "STAGE_OPENED", "stage1")
        .event("D1", "2024-07-03", "CAFCASS_REFERRAL", null)
        .event("D1", "2024-07-05", "CLOSED", "stage1", Map.of("outcome", "REFERRED_TO_CAFCASS"));

  private static final DisputeScenario AN_EXTENSION_OR_HOLD_UNDER_CALDERDALE_MOVES_THE_DUE_DATE_AND_IS_FLAGGED =
      DisputeScenario.under("calderdale")
        .dispute("D1", "CLA", "CARE_PLANNING")
        .event("D1", "2024-05-03", "STAGE_OPENED", "stage1")
        .event("D1", "2024-05-09", "EXTENSION_AGREED", "stage1", Map.of("agreed_date", "2024-05-17"))
        .event("D1", "2024-05-16", "RESPONSE_RECEIVED", "stage1");

  private static final DisputeScenario RECORDING_IS_COMPLETE_ONLY_WHEN_OPENINGS_FORMS_AND_ENDING_ARE_ON_FILE =
      DisputeScenario.under("calderdale")
        .dispute("D1", "CLA", "CARE_PLANNING")
        .dispute("D2", "CLA", "CARE_PLANNING")
        .event("D1", "2024-05-03", "STAGE_OPENED", "stage1")
        .event("D1", "2024-05-08", "RESOLVED", "stage1", Map.of("outcome", "RESOLVED"))
        .event("D2", "2024-05-03", "STAGE_OPENED", "stage1", Map.of("form_attached", false))
        .event("D2", "2024-05-08", "RESOLVED", "stage1", Map.of("outcome", "RESOLVED"))
        .event("D2", "2024-05-09", "CHILD_INFORMED", null);


  @Test
  void an_informal_date_set_beyond_ten_working_days_is_capped_at_the_tenth_and_flagged() {
    DisputeScenario s = AN_INFORMAL_DATE_SET_BEYOND_TEN_WORKING_DAYS_IS_CAPPED_AT_THE_TENTH_AND_FLAGGED;
    Map<String, Object> visit = s.visit("D1", 1);
    assertThat(visit.get(Visit.DUE_DATE)).as("the 10th working day after Friday 3 May (6 May a bank holiday)")
        .isEqualTo(d("2024-05-20"));
    assertThat(visit.get(Visit.DUE_CAPPED)).isEqualTo(true);
    assertThat((String) visit.get(Visit.DUE_DERIVATION)).contains("2024-05-31").contains("capped");
    assertThat(visit.get(Visit.RESPONSE_STATUS)).isEqualTo("ON_TIME");
    assertThat(s.flagsOf("D1")).containsExactly(Flag.DUE_DATE_CAPPED);
    assertThat(s.summary("D1").get(Summary.FLAGS)).isEqualTo(List.of(Flag.DUE_DATE_CAPPED));
  }

  @Test
  void stage3_bypass_without_consultation_is_flagged_and_skips_stages_1_and_2() {
    DisputeScenario s = STAGE3_BYPASS_WITHOUT_CONSULTATION_IS_FLAGGED_AND_SKIPS_STAGES_1_AND_2;
    Map<String, Object> stage3 = s.visit("D1", 2);
    assertThat(stage3.get(Visit.BYPASS)).as("rank 3 > highest 0 + 1").isEqualTo(true);
    assertThat(stage3.get(Visit.SKIPPED_STAGES)).isEqualTo(List.of("stage1", "stage2"));
    assertThat(stage3.get(Visit.CONSULTATION_REQUIRED)).isEqualTo(true);
    assertThat(stage3.get(Visit.CONSULTED_BEFORE))
        .as("a consultation before the previous visit opened does not count for this bypass").isEqualTo(false);
    assertThat(s.summary("D1").get(Summary.BYPASSES_WITHOUT_CONSULTATION)).isEqualTo(1);
    assertThat(s.summary("D1").get(Summary.INFORMAL_SKIPPED)).isEqualTo(false);
  }

  @Test
  void stage3_bypass_after_consulting_the_iro_team_manager_is_consulted() {
    DisputeScenario s = STAGE3_BYPASS_AFTER_CONSULTING_THE_IRO_TEAM_MANAGER_IS_CONSULTED;
    assertThat(s.visit("D1", 2).get(Visit.CONSULTED_BEFORE)).isEqualTo(true);
    assertThat(s.summary("D1").get(Summary.BYPASSES_WITHOUT_CONSULTATION)).isEqualTo(0);
    assertThat(s.summary("D1").get(Summary.HIGHEST_STAGE)).isEqualTo("stage3");
  }

  @Test
  void stage1_unanswered_and_escalated_is_overdue_with_the_escalation_lag_from_its_due_date() {
    DisputeScenario s = STAGE1_UNANSWERED_AND_ESCALATED_IS_OVERDUE_WITH_THE_ESCALATION_LAG_FROM_ITS_DUE_DATE;
    Map<String, Object> stage1 = s.visit("D1", 1);
    assertThat(stage1.get(Visit.DUE_DATE)).isEqualTo(d("2024-05-10"));
    assertThat(stage1.get(Visit.RESPONSE_STATUS)).as("no response, and the visit ended after its due date").isEqualTo("OVERDUE");
    assertThat(stage1.get(Visit.ESCALATION_LAG_WD)).as("wd(2024-05-10, 2024-05-15)").isEqualTo(3);
    assertThat(stage1.get(Visit.END_REASON)).isEqualTo("ESCALATED");
    assertThat(s.visit("D1", 2).get(Visit.BYPASS)).as("stage1 to stage2 is the next rung").isEqualTo(false);
    Map<String, Object> summary = s.summary("D1");
    assertThat(summary.get(Summary.STAGES_LATE)).isEqualTo(1);
    assertThat(summary.get(Summary.FORMAL_WD)).as("wd(2024-05-03, 2024-05-20)").isEqualTo(10);
    assertThat(summary.get(Summary.WITHIN_TOTAL_LIMIT)).isEqualTo(true);
    assertThat(summary.get(Summary.RESOLUTION_STAGE)).isEqualTo("stage2");
    assertThat(summary.get(Summary.STATUS)).isEqualTo("CLOSED");
  }

  @Test
  void events_after_the_as_of_date_do_not_exist_yet() {
    DisputeScenario s = EVENTS_AFTER_THE_AS_OF_DATE_DO_NOT_EXIST_YET;
    assertThat(s.visits()).hasSize(1);
    assertThat(s.visit("D1", 1).get(Visit.RESPONSE_STATUS)).as("still open and past its 10 May due date").isEqualTo("OVERDUE");
    assertThat(s.summary("D1").get(Summary.AGE_WD)).as("wd(2024-05-03, 2024-05-13)").isEqualTo(5);
    assertThat(s.summary("D1").get(Summary.AGE_BAND)).isEqualTo("0-5 WD");
  }

  @Test
  void a_cafcass_notice_on_the_day_of_the_referral_is_two_working_days_short() {
    DisputeScenario s = A_CAFCASS_NOTICE_ON_THE_DAY_OF_THE_REFERRAL_IS_TWO_WORKING_DAYS_SHORT;
    Map<String, Object> late = s.summary("D1");
    assertThat(late.get(Summary.CAFCASS_NOTICE_LEAD_WD)).isEqualTo(0);
    assertThat(late.get(Summary.CAFCASS_NOTICE_REQUIRED_WD)).isEqualTo(2);
    assertThat(late.get(Summary.CAFCASS_NOTICE_COMPLIANT)).isEqualTo(false);
    assertThat(late.get(Summary.CAFCASS_STAGE)).isEqualTo("stage1");
    assertThat(late.get(Summary.CAFCASS_CONCURRENT)).as("referred after the formal start").isEqualTo(false);
    Map<String, Object> inTime = s.summary("D2");
    assertThat(inTime.get(Summary.CAFCASS_NOTICE_LEAD_WD)).as("wd(2024-07-08, 2024-07-10)").isEqualTo(2);
    assertThat(inTime.get(Summary.CAFCASS_NOTICE_COMPLIANT)).isEqualTo(true);
  }

  @Test
  void a_referral_made_when_invoking_the_drp_is_concurrent() {
    DisputeScenario s = A_REFERRAL_MADE_WHEN_INVOKING_THE_DRP_IS_CONCURRENT;
    Map<String, Object> summary = s.summary("D1");
    assertThat(summary.get(Summary.CAFCASS_REFERRAL_DATE)).isEqualTo(d("2024-07-03"));
    assertThat(summary.get(Summary.CAFCASS_CONCURRENT)).isEqualTo(true);
    assertThat(summary.get(Summary.CAFCASS_NOTICE_COMPLIANT)).as("wd(1 Jul, 3 Jul) = 2").isEqualTo(true);
    assertThat(s.flagsOf("D1")).isEmpty();
  }

  @Test
  void an_extension_or_hold_under_calderdale_moves_the_due_date_and_is_flagged() {
    DisputeScenario s = AN_EXTENSION_OR_HOLD_UNDER_CALDERDALE_MOVES_THE_DUE_DATE_AND_IS_FLAGGED;
    Map<String, Object> visit = s.visit("D1", 1);
    assertThat(visit.get(Visit.BASE_DUE_DATE)).isEqualTo(d("2024-05-10"));
    assertThat(visit.get(Visit.DUE_DATE)).isEqualTo(d("2024-05-17"));
    assertThat(visit.get(Visit.RESPONSE_STATUS)).isEqualTo("ON_TIME");
    assertThat(visit.get(Visit.EXTENSION_NOT_PROVIDED)).isEqualTo(true);
    assertThat(s.flagsOf("D1")).containsExactly(Flag.EXTENSION_NOT_PROVIDED);
  }

  @Test
  void recording_is_complete_only_when_openings_forms_and_ending_are_on_file() {
    DisputeScenario s = RECORDING_IS_COMPLETE_ONLY_WHEN_OPENINGS_FORMS_AND_ENDING_ARE_ON_FILE;
    assertThat(s.summary("D1").get(Summary.RECORDING_COMPLETE)).isEqualTo(true);
    assertThat(s.summary("D1").get(Summary.CHILD_INFORMED)).isEqualTo(false);
    assertThat(s.summary("D2").get(Summary.FORMS_ATTACHED)).isEqualTo(false);
    assertThat(s.summary("D2").get(Summary.RECORDING_COMPLETE)).isEqualTo(false);
    assertThat(s.summary("D2").get(Summary.CHILD_INFORMED)).isEqualTo(true);
  }
}
