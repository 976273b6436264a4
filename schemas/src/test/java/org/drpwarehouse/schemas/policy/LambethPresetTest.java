package org.drpwarehouse.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.policy.PresetAsserts.assertLadderOrder;
import static org.drpwarehouse.schemas.policy.PresetAsserts.assertStage;
import static org.drpwarehouse.schemas.policy.PresetAsserts.preset;

import java.time.LocalDate;
import java.util.List;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.Role;
import org.junit.jupiter.api.Test;

/** The lambeth preset, read from seed 003: one ladder for IROs and CP chairs. */
class LambethPresetTest {
  static final SeedQuote ANNEX_B = SeedQuote.of("003", "Annex B", "Annex B - Stages");
  static final SeedQuote IRO_CP_CHAIR =
      SeedQuote.of("003", "Purpose", "To set out the policy for IROs and CP Chairs and CSC");
  static final SeedQuote INFORMAL =
      SeedQuote.of("003", "§7", "The IRO will determine the time frame (taking account of the child's needs) in which the informal practice alert is to be resolved");
  static final SeedQuote STAGE1 = SeedQuote.of("003", "Annex B", "Stage 1 (formal)… Team Manager… 4 working days");
  static final SeedQuote STAGE2 =
      SeedQuote.of("003", "Annex B", "IRO/CP chair to escalate to the workers SM… 4 working days… Service Manager");
  static final SeedQuote STAGE3 =
      SeedQuote.of("003", "§7", "The Assistant Director will have 4 working days to respond to the practice alert.");
  static final SeedQuote STAGE4 =
      SeedQuote.of("003", "Annex B", "[expectation stages 4 and 5 are rarely used]… IRO/CP Chair to escalate to the Director");
  static final SeedQuote STAGE5 =
      SeedQuote.of("003", "Annex B", "IRO to escalate the alert to the Executive Director/DCS. This will be an exception and rare event. 4 working days");
  static final SeedQuote TOTAL =
      SeedQuote.of("003", "§7", "The total number of working days to fully complete the formal dispute resolution process is 20 working days.");
  static final SeedQuote ENTRY =
      SeedQuote.of("003", "§7", "The IRO has the powers to enter into dispute at any of the 3 stages of the RDP.");
  static final SeedQuote CAFCASS =
      SeedQuote.of("003", "§7", "following consultation with Senior Management and ensuring that the Executive Director for Children, Families and Schools (DCS) must be informed.");
  static final SeedQuote CAFCASS_INTENT =
      SeedQuote.of("003", "Annex A", "The DCS must be informed that the IRO is intending to make a referral.");
  static final SeedQuote CAFCASS_NORMALLY_OTHERWISE =
      SeedQuote.of("003", "§3", "although the expectation is that concerns will normally be resolved in other ways.");
  static final SeedQuote HOLD =
      SeedQuote.of("003", "§7", "The alert will be put on hold until the agreed date for completion of the task by the social worker / team manager.");
  static final SeedQuote DATED = SeedQuote.of("003", "cover", "Dispute resolution and Escalation Procedure September 2023");

  private final Policy lambeth = preset("lambeth");
  private final Ladder cla = lambeth.ladder(DisputeProcess.CLA);

  @Test
  void lambeth_ladder_is_informal_then_five_formal_stages() {
    assertLadderOrder(cla, List.of("informal", "stage1", "stage2", "stage3", "stage4", "stage5"),
        List.of(false, true, true, true, true, true), List.of(0, 1, 2, 3, 4, 5), ANNEX_B);
  }

  @Test
  void lambeth_cp_chairs_use_the_same_ladder_through_the_cla_fallback() {
    assertThat(lambeth.definesLadder(DisputeProcess.CP)).as(IRO_CP_CHAIR.says("no separate CP ladder")).isFalse();
    assertThat(lambeth.ladder(DisputeProcess.CP).stages()).as(IRO_CP_CHAIR.says("CP ladder")).isEqualTo(cla.stages());
  }

  @Test
  void lambeth_informal_timeframe_is_set_by_the_iro_with_no_maximum() {
    assertStage(cla, "informal", Role.SOCIAL_WORKER, Timescale.setByIro(null), ResponseKind.REPLY, INFORMAL);
    assertThat(cla.informalLimitWd()).as(INFORMAL.says("no informal limit")).isNull();
  }

  @Test
  void lambeth_stage1_team_manager_has_4_working_days() {
    assertStage(cla, "stage1", Role.TEAM_MANAGER, Timescale.fixed(4), ResponseKind.REPLY, STAGE1);
  }

  @Test
  void lambeth_stage2_service_manager_has_4_working_days() {
    assertStage(cla, "stage2", Role.SERVICE_MANAGER, Timescale.fixed(4), ResponseKind.REPLY, STAGE2);
  }

  @Test
  void lambeth_stage3_assistant_director_has_4_working_days() {
    assertStage(cla, "stage3", Role.ASSISTANT_DIRECTOR, Timescale.fixed(4), ResponseKind.REPLY, STAGE3);
  }

  @Test
  void lambeth_stage4_director_has_4_working_days() {
    assertStage(cla, "stage4", Role.DIRECTOR, Timescale.fixed(4), ResponseKind.REPLY, STAGE4);
  }

  @Test
  void lambeth_stage5_dcs_has_4_working_days() {
    assertStage(cla, "stage5", Role.DCS, Timescale.fixed(4), ResponseKind.REPLY, STAGE5);
  }

  @Test
  void lambeth_formal_process_must_end_within_20_working_days() {
    assertThat(cla.totalLimitWd()).as(TOTAL.says("total limit, WD")).isEqualTo(20);
  }

  @Test
  void lambeth_iro_may_enter_at_any_stage_without_consultation() {
    assertThat(cla.bypass().consultationRequired()).as(ENTRY.says("no consultation required")).isFalse();
  }

  @Test
  void lambeth_dcs_must_be_informed_before_a_cafcass_referral() {
    CafcassRule cafcass = lambeth.cafcass();
    assertThat(cafcass.noticeLeadWd()).as(CAFCASS_INTENT.says("notice lead 0 WD: before, no lead time")).isZero();
    assertThat(cafcass.mustInform()).as(CAFCASS.says("told before the referral")).containsExactly(Role.DCS);
    assertThat(cafcass.consultBefore()).as(CAFCASS.says("consulted first")).containsExactly("Senior Management");
    assertThat(cafcass.internalRouteFirst()).as(CAFCASS_NORMALLY_OTHERWISE.says("internal route first")).isTrue();
  }

  @Test
  void lambeth_alerts_can_be_put_on_hold_but_not_extended() {
    assertThat(lambeth.holdsAllowed()).as(HOLD.says("holds")).isTrue();
    assertThat(lambeth.extensionsAllowed()).as(HOLD.says("no extensions")).isFalse();
    assertThat(lambeth.clause(PolicyRules.HOLDS)).as(HOLD.says("hold clause")).contains("§7", "put on hold");
  }

  @Test
  void lambeth_is_in_force_from_the_month_on_its_cover() {
    assertThat(lambeth.effectiveFrom()).as(DATED.says("effective from")).isEqualTo(LocalDate.of(2023, 9, 1));
  }
}
