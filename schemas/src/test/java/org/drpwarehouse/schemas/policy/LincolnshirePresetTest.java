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

/** The lincolnshire preset, read from seed 004: one ladder for LAC and CP conference concerns. */
class LincolnshirePresetTest {
  static final SeedQuote THREE_STAGES =
      SeedQuote.of("004", "§4.2", "The 3 EPCP/DRP stages involve social work and IRO practitioners at different levels");
  static final SeedQuote SCOPE =
      SeedQuote.of("004", "scope", "for the care planning of Looked After Children and children within the Child Protection Conference arena");
  static final SeedQuote QAP =
      SeedQuote.of("004", "§4.1", "forward to the Social Worker and their Practice Supervisor, copy to the Team Manager. The Team have 5 days to respond to the concerns/actions requested.");
  static final SeedQuote STAGE1 =
      SeedQuote.of("004", "§4.2", "The Team Manager must respond on the form within five days");
  static final SeedQuote STAGE2 =
      SeedQuote.of("004", "§4.2", "Formal (Stage 2) Responses within five working days of receipt.… The Children's Service Manager must respond on the form within five days");
  static final SeedQuote STAGE3 =
      SeedQuote.of("004", "§4.2", "Formal (Stage 3) Responses within five working days of receipt.… The Assistant Director must respond on the form within five days");
  static final SeedQuote TOTAL =
      SeedQuote.of("004", "§4.2", "Once the EPCP/DRP has been accessed, the resolution period is 20 working days.");
  static final SeedQuote BYPASS =
      SeedQuote.of("004", "§4.2", "The Independent Chair may bypass any stage and progress the escalation process to the level s/he considers most appropriate at any point.");
  static final SeedQuote CAFCASS =
      SeedQuote.of("004", "§5", "The Independent Chair must inform Local Authority Nominated Officer prior to the referral being made. The Independent Chair can refer to CAFCASS at any time and does not have to wait until the escalation process has been completed.");
  static final SeedQuote AMENDED =
      SeedQuote.of("004", "Amendment", "This chapter was updated and revised in August 2015");

  private final Policy lincolnshire = preset("lincolnshire");
  private final Ladder cla = lincolnshire.ladder(DisputeProcess.CLA);

  @Test
  void lincolnshire_ladder_is_the_qap_then_three_formal_stages() {
    assertLadderOrder(cla, List.of("informal", "stage1", "stage2", "stage3"), List.of(false, true, true, true),
        List.of(0, 1, 2, 3), THREE_STAGES);
  }

  @Test
  void lincolnshire_cp_conference_concerns_use_the_same_ladder_through_the_cla_fallback() {
    assertThat(lincolnshire.definesLadder(DisputeProcess.CP)).as(SCOPE.says("no separate CP ladder")).isFalse();
    assertThat(lincolnshire.ladder(DisputeProcess.CP).stages()).as(SCOPE.says("CP ladder")).isEqualTo(cla.stages());
  }

  @Test
  void lincolnshire_qap_team_has_5_working_days_and_no_informal_limit() {
    assertStage(cla, "informal", Role.SOCIAL_WORKER, Timescale.fixed(5), ResponseKind.REPLY, QAP);
    assertThat(cla.informalLimitWd()).as(QAP.says("no informal limit")).isNull();
    assertThat(cla.informalRaiseLimitWd()).as(QAP.says("no raise limit")).isNull();
  }

  @Test
  void lincolnshire_stage1_team_manager_has_5_working_days() {
    assertStage(cla, "stage1", Role.TEAM_MANAGER, Timescale.fixed(5), ResponseKind.REPLY, STAGE1);
  }

  @Test
  void lincolnshire_stage2_childrens_service_manager_has_5_working_days() {
    assertStage(cla, "stage2", Role.SERVICE_MANAGER, Timescale.fixed(5), ResponseKind.REPLY, STAGE2);
  }

  @Test
  void lincolnshire_stage3_assistant_director_has_5_working_days() {
    assertStage(cla, "stage3", Role.ASSISTANT_DIRECTOR, Timescale.fixed(5), ResponseKind.REPLY, STAGE3);
  }

  @Test
  void lincolnshire_formal_process_must_end_within_20_working_days() {
    assertThat(cla.totalLimitWd()).as(TOTAL.says("total limit, WD")).isEqualTo(20);
  }

  @Test
  void lincolnshire_bypass_needs_no_consultation() {
    assertThat(cla.bypass().consultationRequired()).as(BYPASS.says("no consultation required")).isFalse();
  }

  @Test
  void lincolnshire_nominated_officer_must_be_informed_before_a_cafcass_referral() {
    CafcassRule cafcass = lincolnshire.cafcass();
    assertThat(cafcass.noticeLeadWd()).as(CAFCASS.says("notice lead 0 WD: before, no lead time")).isZero();
    assertThat(cafcass.mustInform()).as(CAFCASS.says("told before the referral")).containsExactly(Role.NOMINATED_OFFICER);
    assertThat(cafcass.internalRouteFirst()).as(CAFCASS.says("need not wait for the escalation process")).isFalse();
  }

  @Test
  void lincolnshire_provides_for_neither_extensions_nor_holds() {
    assertThat(lincolnshire.extensionsAllowed()).as(STAGE1.says("no extensions")).isFalse();
    assertThat(lincolnshire.holdsAllowed()).as(STAGE1.says("no holds")).isFalse();
  }

  @Test
  void lincolnshire_is_in_force_from_its_august_2015_revision() {
    assertThat(lincolnshire.effectiveFrom()).as(AMENDED.says("effective from")).isEqualTo(LocalDate.of(2015, 8, 1));
  }
}
