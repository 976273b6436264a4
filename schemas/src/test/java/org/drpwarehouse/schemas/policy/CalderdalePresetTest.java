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

/** The calderdale preset, read from seed 000. */
class CalderdalePresetTest {
  static final SeedQuote FOUR_STAGES = SeedQuote.of("000", "§2.2", "There are four stages to the formal DRP");
  static final SeedQuote INFORMAL =
      SeedQuote.of("000", "§2.1", "with a deadline that is reasonable and realistic in terms of both parties, but not exceeding 10 working days");
  static final SeedQuote INFORMAL_ESCALATES =
      SeedQuote.of("000", "§2.1", "If the issue is not resolved in the agreed timescale then the formal Dispute Resolution Procedure will be instigated.");
  static final SeedQuote STAGE1 =
      SeedQuote.of("000", "§2.2.1", "This has a response timescale of 4 working days;… It is the responsibility of the Social Worker to respond within the 4 working day timescale");
  static final SeedQuote STAGE2 =
      SeedQuote.of("000", "§2.2.2", "It is the responsibility of the Practice Manager, endorsed by the Team Manager, to respond within the 4 working day timescale");
  static final SeedQuote STAGE3 =
      SeedQuote.of("000", "§2.2.3", "This stage is aimed at Service Manager level. The response timescale is 6 working days.");
  static final SeedQuote STAGE4 =
      SeedQuote.of("000", "§2.2.4", "This stage is specifically for the Head of Service… The response timescale is 6 working days.");
  static final SeedQuote TOTAL =
      SeedQuote.of("000", "§2.3", "The total number of working days to complete the formal process must not exceed the prescribed 20 working days.");
  static final SeedQuote TIMESCALES_KEPT = SeedQuote.of("000", "§2.3", "Timescales at each stage must be kept.");
  static final SeedQuote BYPASS =
      SeedQuote.of("000", "§2.4", "Following consultation with the IRO Team Manager, the IRO may bypass any stage");
  static final SeedQuote CAFCASS_NOTICE =
      SeedQuote.of("000", "§2.4", "a formal notification must be sent to the Head of Service Commissioning and Partnerships, Head of Service for Early Intervention and Safeguarding and Director of Children and Young People's Service 2 working days prior to the referral being sent");
  static final SeedQuote CAFCASS_CONSULT =
      SeedQuote.of("000", "§2.4", "this proposed action must be discussed with the IRO Service Team Manager and the Safeguarding and Quality Assurance Service Manager prior to making the referral");
  static final SeedQuote CAFCASS_ANY_POINT =
      SeedQuote.of("000", "§1", "may also consider the option of a concurrent referral to Cafcass at the same time as instigating the Local Authority DRP");
  static final SeedQuote CHILD_LOOKED_AFTER =
      SeedQuote.of("000", "§1", "disputes relating to the practice and management of all statutory Children Looked After cases");

  private final Policy calderdale = preset("calderdale");
  private final Ladder cla = calderdale.ladder(DisputeProcess.CLA);

  @Test
  void calderdale_ladder_is_informal_then_four_formal_stages() {
    assertLadderOrder(cla, List.of("informal", "stage1", "stage2", "stage3", "stage4"),
        List.of(false, true, true, true, true), List.of(0, 1, 2, 3, 4), FOUR_STAGES);
  }

  @Test
  void calderdale_covers_looked_after_children_and_other_processes_fall_back_to_it() {
    assertThat(calderdale.definesLadder(DisputeProcess.CP)).as(CHILD_LOOKED_AFTER.says("only a CLA ladder")).isFalse();
    assertThat(calderdale.ladder(DisputeProcess.CP)).as(CHILD_LOOKED_AFTER.says("CP falls back to the CLA ladder")).isSameAs(cla);
  }

  @Test
  void calderdale_informal_deadline_is_set_by_the_iro_at_most_10_working_days() {
    assertStage(cla, "informal", Role.SOCIAL_WORKER, Timescale.setByIro(10), ResponseKind.REPLY, INFORMAL);
    assertThat(cla.informalLimitWd()).as(INFORMAL_ESCALATES.says("informal limit, WD")).isEqualTo(10);
    assertThat(cla.informalRaiseLimitWd()).as(INFORMAL.says("no raise limit")).isNull();
  }

  @Test
  void calderdale_stage1_social_worker_has_4_working_days() {
    assertStage(cla, "stage1", Role.SOCIAL_WORKER, Timescale.fixed(4), ResponseKind.REPLY, STAGE1);
  }

  @Test
  void calderdale_stage2_practice_manager_has_4_working_days() {
    assertStage(cla, "stage2", Role.PRACTICE_MANAGER, Timescale.fixed(4), ResponseKind.REPLY, STAGE2);
  }

  @Test
  void calderdale_stage3_service_manager_has_6_working_days() {
    assertStage(cla, "stage3", Role.SERVICE_MANAGER, Timescale.fixed(6), ResponseKind.REPLY, STAGE3);
  }

  @Test
  void calderdale_stage4_head_of_service_has_6_working_days() {
    assertStage(cla, "stage4", Role.HEAD_OF_SERVICE, Timescale.fixed(6), ResponseKind.REPLY, STAGE4);
  }

  @Test
  void calderdale_formal_process_must_end_within_20_working_days() {
    assertThat(cla.totalLimitWd()).as(TOTAL.says("total limit, WD")).isEqualTo(20);
    assertThat(calderdale.clause(PolicyRules.TOTAL_LIMIT)).as(TOTAL.says("clause cited")).contains("§2.3");
  }

  @Test
  void calderdale_bypass_needs_prior_consultation_with_the_iro_team_manager() {
    BypassRule bypass = cla.bypass();
    assertThat(bypass.consultationRequired()).as(BYPASS.says("consultation required")).isTrue();
    assertThat(bypass.consultWith()).as(BYPASS.says("consulted")).isEqualTo(Role.IRO_MANAGER);
    assertThat(bypass.consultWithLabel()).as(BYPASS.says("consulted, in the seed's words")).isEqualTo("IRO Team Manager");
    assertThat(bypass.emergencyException()).as(BYPASS.says("no emergency exception")).isFalse();
  }

  @Test
  void calderdale_cafcass_notice_goes_to_senior_managers_2_working_days_before_the_referral() {
    CafcassRule cafcass = calderdale.cafcass();
    assertThat(cafcass.noticeLeadWd()).as(CAFCASS_NOTICE.says("notice lead, WD")).isEqualTo(2);
    assertThat(cafcass.mustInform()).as(CAFCASS_NOTICE.says("told before the referral"))
        .containsExactly(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.DCS);
    assertThat(cafcass.consultBefore()).as(CAFCASS_CONSULT.says("consulted first"))
        .containsExactly("IRO Service Team Manager", "Safeguarding and Quality Assurance Service Manager");
    assertThat(cafcass.internalRouteFirst()).as(CAFCASS_ANY_POINT.says("concurrent referral allowed")).isFalse();
  }

  @Test
  void calderdale_provides_for_neither_extensions_nor_holds() {
    assertThat(calderdale.extensionsAllowed()).as(TIMESCALES_KEPT.says("no extensions")).isFalse();
    assertThat(calderdale.holdsAllowed()).as(TIMESCALES_KEPT.says("no holds")).isFalse();
  }

  @Test
  void calderdale_seed_states_no_date_so_it_takes_the_project_default() {
    assertThat(calderdale.effectiveFrom()).as("seed 000 has no date: the documented default").isEqualTo(LocalDate.of(2015, 1, 1));
    assertThat(calderdale.version()).isEqualTo(1);
    assertThat(calderdale.seed()).startsWith("000_");
  }
}
