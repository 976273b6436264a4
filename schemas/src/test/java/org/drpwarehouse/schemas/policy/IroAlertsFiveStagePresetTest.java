package org.drpwarehouse.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.policy.PresetAsserts.assertLadderOrder;
import static org.drpwarehouse.schemas.policy.PresetAsserts.assertStage;
import static org.drpwarehouse.schemas.policy.PresetAsserts.preset;

import java.util.List;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.Role;
import org.junit.jupiter.api.Test;

/** The iro-alerts-five-stage preset, read from seed 002: a CLA ladder and a CP ladder. */
class IroAlertsFiveStagePresetTest {
  static final SeedQuote FIVE_STAGES =
      SeedQuote.of("002", "§3.5", "First stage informal resolution;… Second stage alerts go to team managers;");
  static final SeedQuote INFORMAL = SeedQuote.of("002", "§3.5", "First stage informal resolution");
  static final SeedQuote STAGE2 =
      SeedQuote.of("002", "§4.2", "It is the responsibility of the receiving manager to respond to the alert within 5 working days of receipt, unless an alternative timescale has been agreed with the IRO.");
  static final SeedQuote STAGE3 = SeedQuote.of("002", "§4.2", "HOS has 5 working days to respond.");
  static final SeedQuote STAGE4 =
      SeedQuote.of("002", "§4.2", "Alerts that remain unresolved at this point are escalated to the Divisional Director setting out the concerns and attempts made to resolve them. A response is expected within 3 working days.");
  static final SeedQuote STAGE5 =
      SeedQuote.of("002", "§3.5", "Fifth stage where alerts cannot be resolved at stage 4 they will be escalated to Deputy Chief executive.");
  static final SeedQuote TOTAL =
      SeedQuote.of("002", "§2.1", "The process should have a timescale no more than 20 working days in total.");
  static final SeedQuote BYPASS =
      SeedQuote.of("002", "§3.4", "The IRO may bypass any stage and progress the dispute to the level s/he considers appropriate subject to prior discussion with their line manager, except in emergencies.");
  static final SeedQuote CAFCASS =
      SeedQuote.of("002", "§2.3", "While IROs have the authority to refer to CAFCASS at any stage, there is a local expectation that efforts to resolve issues are undertaken through agreed internal processes in the first instance.");
  static final SeedQuote MORE_TIME =
      SeedQuote.of("002", "§5", "To consider and if they are in agreement act on requests from managers for further time to resolve the matter.");
  static final SeedQuote CP_SIX_LEVELS = SeedQuote.of("002", "§10.1", "There will be six levels for resolving CPC concerns.");
  static final SeedQuote CP_LEVEL1 =
      SeedQuote.of("002", "§10.2", "Level 1: When a CP coordinator has concerns following a CP conference or after monitoring a case in between reviews the CPC will initially discuss issues with the responsible team manager and resolution sought.");
  static final SeedQuote CP_LEVEL2 =
      SeedQuote.of("002", "§10.3", "Level 2: the informal process will start here if a subsequent low level concern is identified.");
  static final SeedQuote CP_LEVEL3 =
      SeedQuote.of("002", "§10.4", "CPC will complete formal concern form on Fwi and send it to the team manager. Managers will be expected to respond within 10 working days.");
  static final SeedQuote CP_LEVEL4 =
      SeedQuote.of("002", "§10.5", "the completed formal concern form will be sent to the DHOS and response expected within 5 working days.");
  static final SeedQuote CP_LEVEL5 =
      SeedQuote.of("002", "§10.6", "the completed formal concern form will be sent to the HOS and response expected within 5 working days.");
  static final SeedQuote CP_LEVEL6 =
      SeedQuote.of("002", "§10.7", "in exceptional circumstances concerns will be escalated to Divisional Director.");

  private final Policy policy = preset("iro-alerts-five-stage");
  private final Ladder cla = policy.ladder(DisputeProcess.CLA);
  private final Ladder cp = policy.ladder(DisputeProcess.CP);

  @Test
  void iro_alerts_cla_ladder_is_five_stages_the_first_informal() {
    assertLadderOrder(cla, List.of("informal", "stage2", "stage3", "stage4", "stage5"),
        List.of(false, true, true, true, true), List.of(0, 1, 2, 3, 4), FIVE_STAGES);
  }

  @Test
  void iro_alerts_informal_stage_has_no_timescale_or_limits() {
    assertStage(cla, "informal", Role.TEAM_MANAGER, Timescale.none(), ResponseKind.REPLY, INFORMAL);
    assertThat(cla.informalLimitWd()).as(INFORMAL.says("no informal limit")).isNull();
    assertThat(cla.informalRaiseLimitWd()).as(INFORMAL.says("no raise limit")).isNull();
  }

  @Test
  void iro_alerts_stage2_team_manager_has_5_working_days() {
    assertStage(cla, "stage2", Role.TEAM_MANAGER, Timescale.fixed(5), ResponseKind.REPLY, STAGE2);
  }

  @Test
  void iro_alerts_stage3_head_of_service_has_5_working_days() {
    assertStage(cla, "stage3", Role.HEAD_OF_SERVICE, Timescale.fixed(5), ResponseKind.REPLY, STAGE3);
  }

  @Test
  void iro_alerts_stage4_divisional_director_has_3_working_days() {
    assertStage(cla, "stage4", Role.DIRECTOR, Timescale.fixed(3), ResponseKind.REPLY, STAGE4);
  }

  @Test
  void iro_alerts_stage5_deputy_chief_executive_has_no_timescale() {
    assertStage(cla, "stage5", Role.DEPUTY_CHIEF_EXECUTIVE, Timescale.none(), ResponseKind.REPLY, STAGE5);
  }

  @Test
  void iro_alerts_cla_formal_process_must_end_within_20_working_days() {
    assertThat(cla.totalLimitWd()).as(TOTAL.says("total limit, WD")).isEqualTo(20);
  }

  @Test
  void iro_alerts_bypass_needs_prior_discussion_with_the_line_manager_except_in_emergencies() {
    for (Ladder ladder : List.of(cla, cp)) {
      BypassRule bypass = ladder.bypass();
      assertThat(bypass.consultationRequired()).as(BYPASS.says(ladder.process() + " consultation required")).isTrue();
      assertThat(bypass.consultWith()).as(BYPASS.says("consulted")).isEqualTo(Role.IRO_MANAGER);
      assertThat(bypass.consultWithLabel()).as(BYPASS.says("consulted, in the seed's words")).isEqualTo("line manager");
      assertThat(bypass.emergencyException()).as(BYPASS.says("emergency exception")).isTrue();
    }
  }

  @Test
  void iro_alerts_cafcass_has_no_notice_rule_and_expects_the_internal_route_first() {
    assertThat(policy.cafcass().hasNoticeRule()).as(CAFCASS.says("no notice rule")).isFalse();
    assertThat(policy.cafcass().internalRouteFirst()).as(CAFCASS.says("internal route first")).isTrue();
  }

  @Test
  void iro_alerts_managers_may_be_given_more_time_but_alerts_are_not_put_on_hold() {
    assertThat(policy.extensionsAllowed()).as(MORE_TIME.says("extensions")).isTrue();
    assertThat(policy.holdsAllowed()).as(MORE_TIME.says("no holds")).isFalse();
    assertThat(policy.clause(PolicyRules.EXTENSIONS)).as(STAGE2.says("extension clause")).contains("§4.2", "§5");
  }

  @Test
  void iro_alerts_cp_ladder_has_six_levels_the_first_two_informal() {
    assertThat(policy.definesLadder(DisputeProcess.CP)).as(CP_SIX_LEVELS.says("own CP ladder")).isTrue();
    assertLadderOrder(cp, List.of("level1", "level2", "level3", "level4", "level5", "level6"),
        List.of(false, false, true, true, true, true), List.of(0, 0, 1, 2, 3, 4), CP_SIX_LEVELS);
  }

  @Test
  void iro_alerts_cp_levels_1_and_2_are_informal_with_the_team_manager() {
    assertStage(cp, "level1", Role.TEAM_MANAGER, Timescale.none(), ResponseKind.REPLY, CP_LEVEL1);
    assertStage(cp, "level2", Role.TEAM_MANAGER, Timescale.none(), ResponseKind.REPLY, CP_LEVEL2);
  }

  @Test
  void iro_alerts_cp_level3_team_manager_has_10_working_days() {
    assertStage(cp, "level3", Role.TEAM_MANAGER, Timescale.fixed(10), ResponseKind.REPLY, CP_LEVEL3);
  }

  @Test
  void iro_alerts_cp_level4_dhos_has_5_working_days() {
    assertStage(cp, "level4", Role.SERVICE_MANAGER, Timescale.fixed(5), ResponseKind.REPLY, CP_LEVEL4);
  }

  @Test
  void iro_alerts_cp_level5_head_of_service_has_5_working_days() {
    assertStage(cp, "level5", Role.HEAD_OF_SERVICE, Timescale.fixed(5), ResponseKind.REPLY, CP_LEVEL5);
  }

  @Test
  void iro_alerts_cp_level6_divisional_director_is_exceptional_and_untimed() {
    assertStage(cp, "level6", Role.DIRECTOR, Timescale.none(), ResponseKind.REPLY, CP_LEVEL6);
  }

  @Test
  void iro_alerts_cp_concerns_state_no_total_or_informal_limit() {
    assertThat(cp.totalLimitWd()).as(CP_SIX_LEVELS.says("no total stated for CP concerns")).isNull();
    assertThat(cp.informalLimitWd()).as(CP_LEVEL1.says("no informal limit")).isNull();
    assertThat(cp.informalRaiseLimitWd()).as(CP_LEVEL1.says("no raise limit")).isNull();
  }

  @Test
  void iro_alerts_partner_and_reverse_disputes_fall_back_to_the_cla_ladder() {
    assertThat(policy.ladder(DisputeProcess.PARTNER)).as(FIVE_STAGES.says("no partner ladder: the CLA one")).isSameAs(cla);
    assertThat(policy.ladder(DisputeProcess.REVERSE)).as(FIVE_STAGES.says("no reverse ladder: the CLA one")).isSameAs(cla);
  }
}
