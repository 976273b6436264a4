package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.Outcome;
import org.drpwarehouse.schemas.Role;
import org.drpwarehouse.schemas.policy.CafcassRule;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.Stage;

/**
 * The rare disputes that go to Cafcass (looked-after children only), and the steps around a
 * referral.
 *
 * <p>About one looked-after dispute in forty is referred: a third concurrently with invoking the
 * formal DRP, the rest after the internal stages failed at the top of the ladder. Notice goes to the
 * people the policy names, with the policy's lead time in most cases, too short or missing in the
 * rest, so that notice compliance has failures to find. One in fifty more disputes sees the IRO
 * consult Cafcass without referring.
 */
final class CafcassRoute {
  /** What happens with Cafcass in one dispute. */
  enum Plan {
    NONE,
    CONSULT_ONLY,
    REFER_CONCURRENT,
    REFER_AFTER_LADDER
  }

  private final WorkingDays days;

  CafcassRoute(WorkingDays days) {
    this.days = days;
  }

  /**
   * The plan for one dispute: referrals and consultations come from per-authority quotas, so that
   * even a small authority has its few each year.
   */
  static Plan draw(DisputeProcess process, Quota referrals, Quota consultations, Dice dice) {
    if (!process.hasCafcassRoute()) {
      return Plan.NONE;
    }
    if (referrals.take(dice)) {
      return dice.chance(0.35) ? Plan.REFER_CONCURRENT : Plan.REFER_AFTER_LADDER;
    }
    return consultations.take(dice) ? Plan.CONSULT_ONLY : Plan.NONE;
  }

  /** The IRO discusses the case with Cafcass a few days into the dispute, and does not refer. */
  void consult(List<Step> steps, LocalDate start, Dice dice) {
    steps.add(Step.unstaged(days.after(start, dice.between(1, 8)), EventType.CAFCASS_CONSULTED, Role.OTHER));
  }

  /**
   * Refers on {@code referral} while {@code stage} is current, and closes the dispute as referred.
   *
   * @param stageOpened when {@code stage} opened; the closure is never before it
   * @param concurrent the referral is made as the DRP is invoked, so the DRP is closed some days
   *     later rather than on the same day
   */
  void refer(
      List<Step> steps, Policy policy, Stage stage, LocalDate stageOpened, LocalDate referral, boolean concurrent,
      Dice dice) {
    CafcassRule rule = policy.cafcass();
    Role informed = rule.mustInform().isEmpty() ? Role.DCS : rule.mustInform().get(0);
    Optional<Integer> lead = rule.noticeLead();
    if (lead.isPresent()) {
      int required = lead.get();
      double u = dice.unit();
      if (u < 0.72) {
        steps.add(notice(days.before(referral, required + dice.between(0, 3)), informed));
      } else if (u < 0.87 && required > 0) {
        steps.add(notice(days.before(referral, dice.between(0, required - 1)), informed));
      }
      // else: no notice at all, which the notice-compliance measure must catch
    } else if (dice.chance(0.4)) {
      steps.add(notice(days.before(referral, dice.between(1, 3)), informed));
    }
    if (dice.chance(0.75)) {
      steps.add(Step.unstaged(days.before(referral, dice.between(1, 3)), EventType.MANAGER_CONSULTED, Role.IRO_MANAGER));
    }
    if (dice.chance(0.25)) {
      steps.add(Step.unstaged(days.before(referral, dice.between(2, 6)), EventType.LEGAL_ADVICE, Role.OTHER));
    }
    // Some case systems record only the closure "referred to Cafcass"; the metrics date the referral by it.
    boolean referralEvent = dice.chance(0.85);
    if (referralEvent) {
      steps.add(Step.unstaged(referral, EventType.CAFCASS_REFERRAL, Role.OTHER));
    }
    LocalDate closed = concurrent ? days.after(stageOpened, dice.between(1, 8)) : referral;
    steps.add(new Step(closed, EventType.CLOSED, stage, null, null, Outcome.REFERRED_TO_CAFCASS));
  }

  private static Step notice(LocalDate date, Role to) {
    return Step.unstaged(date, EventType.CAFCASS_NOTICE, to);
  }
}
