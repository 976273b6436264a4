package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.drpwarehouse.schemas.rows.CpPlan;

/**
 * Who holds each child's case over time. A child coming into care usually stays a few weeks with
 * the safeguarding team that knew the family, then moves to a Children in Care team, and at 16 to
 * Leaving Care; disabled children stay with the Disabled Children team. Social workers change every
 * few months to a year and a half, and on every move; the IRO stays with the child, with the
 * occasional change. A child on a protection plan is held by a safeguarding team from shortly before
 * the initial conference to shortly after the plan ends, with a conference chair from the IRO pool.
 */
final class CaseAllocations {
  private CaseAllocations() {}

  static List<CaseHolder> lookedAfter(LookedAfterChild child, Workforce workforce, Dice dice) {
    List<CaseHolder> holders = new ArrayList<>();
    LocalDate careEnd = child.careEnd();
    LocalDate sixteen = child.dob().plusYears(16);
    Workforce.Team careTeam = child.disabled() ? workforce.disabledChildren() : dice.pick(workforce.childrenInCare());
    Workforce.Team team;
    LocalDate transfer = null;
    if (!child.disabled() && child.ageOn(child.careStart()) < 16 && dice.chance(0.6)) {
      team = dice.pick(workforce.safeguarding());
      transfer = child.careStart().plusDays(dice.between(20, 90));
    } else {
      team = child.disabled() || child.ageOn(child.careStart()) < 16 ? careTeam : workforce.leavingCare();
    }
    String iro = dice.pick(workforce.iros());
    String worker = dice.pick(team.socialWorkers());
    LocalDate from = child.careStart();
    LocalDate workerChange = from.plusDays(dice.between(120, 540));
    while (true) {
      LocalDate next = workerChange;
      if (transfer != null && transfer.isBefore(next)) {
        next = transfer;
      }
      boolean reachesSixteen = !child.disabled() && team != workforce.leavingCare() && sixteen.isAfter(from);
      if (reachesSixteen && sixteen.isBefore(next)) {
        next = sixteen;
      }
      if (!next.isBefore(careEnd)) {
        holders.add(new CaseHolder(from, careEnd, team, worker, iro));
        return holders;
      }
      holders.add(new CaseHolder(from, next.minusDays(1), team, worker, iro));
      if (next.equals(transfer)) {
        team = child.ageOn(next) >= 16 ? workforce.leavingCare() : careTeam;
        transfer = null;
      } else if (reachesSixteen && next.equals(sixteen)) {
        team = workforce.leavingCare();
      }
      worker = dice.pick(team.socialWorkers());
      workerChange = next.plusDays(dice.between(120, 540));
      if (dice.chance(0.12)) {
        iro = dice.pick(workforce.iros());
      }
      from = next;
    }
  }

  static List<CaseHolder> protectedChild(ProtectedChild child, Workforce workforce, Dice dice) {
    List<CaseHolder> holders = new ArrayList<>();
    Workforce.Team team = dice.pick(workforce.safeguarding());
    for (int i = 0; i < child.plans().size(); i++) {
      CpPlan plan = child.plans().get(i);
      LocalDate from = plan.planStart().minusDays(dice.between(10, 25));
      LocalDate to = child.planEnds().get(i).plusDays(dice.between(0, 20));
      String chair = dice.pick(workforce.iros());
      String worker = dice.pick(team.socialWorkers());
      if (dice.chance(0.3) && to.toEpochDay() - from.toEpochDay() > 120) {
        LocalDate change = from.plusDays(dice.between(60, (int) (to.toEpochDay() - from.toEpochDay()) - 30));
        holders.add(new CaseHolder(from, change.minusDays(1), team, worker, chair));
        from = change;
        worker = dice.pick(team.socialWorkers());
      }
      holders.add(new CaseHolder(from, to, team, worker, chair));
    }
    return holders;
  }
}
