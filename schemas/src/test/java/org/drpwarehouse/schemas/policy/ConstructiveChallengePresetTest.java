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

/** The constructive-challenge preset, read from seed 001. */
class ConstructiveChallengePresetTest {
  static final SeedQuote STAGES = SeedQuote.of("001", "§21", "Formal Challenge (DR1 / DR2/ DR3)");
  static final SeedQuote RAISE =
      SeedQuote.of("001", "§18", "Practice issues should be raised within 1 working day");
  static final SeedQuote CONCLUDED =
      SeedQuote.of("001", "§20", "It is expected that informal issues will be concluded within a maximum of 5 working days.");
  static final SeedQuote INFORMAL =
      SeedQuote.of("001", "§18", "In the first instance, the IRO should discuss the issue directly with the Social Worker involved.");
  static final SeedQuote DRP1 =
      SeedQuote.of("001", "§22", "There is an expectation that the Team Manager will respond within 5 working days");
  static final SeedQuote DRP2 =
      SeedQuote.of("001", "§23", "There is an expectation that the Senior Manager will confirm the date of the meeting within 5 working days.");
  static final SeedQuote DR3 =
      SeedQuote.of("001", "§24", "then a formal meeting [DR3] should be convened within 3 working days.… - Assistant Director");
  static final SeedQuote TOTAL =
      SeedQuote.of("001", "§4", "The formal dispute resolution process within each Local Authority should have timescales in total of no more than 20 working days.");
  static final SeedQuote BYPASS =
      SeedQuote.of("001", "§4", "The IRO may bypass any stage and progress the dispute to the level s/he considers most appropriate.");
  static final SeedQuote CAFCASS_ANY_POINT =
      SeedQuote.of("001", "§7", "The IRO has the power to refer the matter to Cafcass at any point in the dispute resolution process");
  static final SeedQuote CAFCASS_INTERNAL_FIRST =
      SeedQuote.of("001", "§26", "This action should be considered when all internal attempts to resolve practice issues have failed");
  static final SeedQuote NOT_DELAYED =
      SeedQuote.of("001", "§22", "When managers are not available (i.e. due to absence or annual leave), the process of seeking resolution should not be delayed");
  static final SeedQuote UPDATED = SeedQuote.of("001", "end", "Updated November 2023");

  private final Policy policy = preset("constructive-challenge");
  private final Ladder cla = policy.ladder(DisputeProcess.CLA);

  @Test
  void constructive_challenge_ladder_is_the_informal_challenge_then_drp1_drp2_dr3() {
    assertLadderOrder(cla, List.of("informal", "drp1", "drp2", "dr3"), List.of(false, true, true, true),
        List.of(0, 1, 2, 3), STAGES);
  }

  @Test
  void constructive_challenge_informal_challenge_is_raised_within_1_and_concluded_within_5_working_days() {
    assertStage(cla, "informal", Role.SOCIAL_WORKER, Timescale.none(), ResponseKind.REPLY, INFORMAL);
    assertThat(cla.informalRaiseLimitWd()).as(RAISE.says("raise limit, WD")).isEqualTo(1);
    assertThat(cla.informalLimitWd()).as(CONCLUDED.says("informal limit, WD")).isEqualTo(5);
  }

  @Test
  void constructive_challenge_drp1_team_manager_responds_within_5_working_days() {
    assertStage(cla, "drp1", Role.TEAM_MANAGER, Timescale.fixed(5), ResponseKind.REPLY, DRP1);
  }

  @Test
  void constructive_challenge_drp2_senior_manager_confirms_the_meeting_date_within_5_working_days() {
    assertStage(cla, "drp2", Role.SERVICE_MANAGER, Timescale.fixed(5), ResponseKind.MEETING_DATE_CONFIRMED, DRP2);
  }

  @Test
  void constructive_challenge_dr3_meeting_with_the_assistant_director_is_convened_within_3_working_days() {
    assertStage(cla, "dr3", Role.ASSISTANT_DIRECTOR, Timescale.fixed(3), ResponseKind.MEETING_CONVENED, DR3);
  }

  @Test
  void constructive_challenge_formal_process_must_end_within_20_working_days() {
    assertThat(cla.totalLimitWd()).as(TOTAL.says("total limit, WD")).isEqualTo(20);
  }

  @Test
  void constructive_challenge_bypass_needs_no_consultation() {
    assertThat(cla.bypass().consultationRequired()).as(BYPASS.says("no consultation required")).isFalse();
    assertThat(policy.clause(PolicyRules.BYPASS_CONSULTATION)).as(BYPASS.says("no consultation clause")).isEmpty();
  }

  @Test
  void constructive_challenge_cafcass_has_no_notice_rule_and_expects_the_internal_route_first() {
    CafcassRule cafcass = policy.cafcass();
    assertThat(cafcass.hasNoticeRule()).as(CAFCASS_ANY_POINT.says("no notice rule")).isFalse();
    assertThat(cafcass.mustInform()).as(CAFCASS_ANY_POINT.says("no one named to be told first")).isEmpty();
    assertThat(cafcass.internalRouteFirst()).as(CAFCASS_INTERNAL_FIRST.says("internal route first")).isTrue();
  }

  @Test
  void constructive_challenge_provides_for_neither_extensions_nor_holds() {
    assertThat(policy.extensionsAllowed()).as(NOT_DELAYED.says("no extensions")).isFalse();
    assertThat(policy.holdsAllowed()).as(NOT_DELAYED.says("no holds")).isFalse();
  }

  @Test
  void constructive_challenge_is_in_force_from_the_month_it_was_updated() {
    assertThat(policy.effectiveFrom()).as(UPDATED.says("effective from")).isEqualTo(LocalDate.of(2023, 11, 1));
  }
}
