package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.rows.CpPlan;

/**
 * Makes an authority's children on child protection plans, with their review conference dates.
 *
 * <p>Plans start at initial conferences (on working days) from two years before the period to its
 * end; most last six months to two years and end at a review conference, which is how plans end in
 * practice. A tenth of children return to a second plan some months later. Only plans running
 * during the period are kept.
 */
final class ChildProtectionPlans {
  private static final double PLANS_PER_YEAR = 55;
  private static final Weighted<String> CATEGORY =
      Weighted.<String>builder().add("NEG", 48).add("EMO", 38).add("PHY", 7).add("SAB", 4).add("MUL", 3).build();

  private final ReviewSchedule schedule;

  ChildProtectionPlans(WorkingDayCalendar calendar) {
    this.schedule = new ReviewSchedule(calendar);
  }

  /** The children in id order. */
  List<ProtectedChild> generate(Authority authority, Dice dice) {
    LocalDate from = authority.periodStart().minusYears(2);
    LocalDate periodEnd = authority.periodEnd();
    int days = (int) ChronoUnit.DAYS.between(from, periodEnd) + 1;
    int count = (int) Math.round(PLANS_PER_YEAR * authority.size() * days / 365.25);
    List<LocalDate> starts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      starts.add(schedule.nextWorkingDay(from.plusDays(dice.below(days))));
    }
    starts.sort(Comparator.naturalOrder());
    List<ProtectedChild> children = new ArrayList<>();
    int nextId = 600_000 + dice.below(300_000);
    for (LocalDate start : starts) {
      double u = dice.unit();
      int age = u < 0.25 ? dice.between(0, 1) : u < 0.55 ? dice.between(2, 6) : u < 0.85 ? dice.between(7, 12) : dice.between(13, 17);
      LocalDate dob = start.minusYears(age).minusDays(dice.below(365));
      if (dob.isAfter(start)) {
        dob = start;
      }
      List<Plan> kept = new ArrayList<>();
      LocalDate planStart = start;
      boolean again = true;
      while (again) {
        Plan plan = plan(planStart, dob, periodEnd, dice);
        if (!plan.end().isBefore(authority.periodStart()) && !planStart.isAfter(periodEnd)) {
          kept.add(plan);
        }
        LocalDate returns = plan.end().plusDays(dice.between(60, 365));
        again = dice.chance(0.1) && returns.isBefore(dob.plusYears(18)) && !returns.isAfter(periodEnd);
        if (again) {
          planStart = schedule.nextWorkingDay(returns);
        }
      }
      if (kept.isEmpty()) {
        continue;
      }
      nextId += dice.between(1, 40);
      String id = String.valueOf(nextId);
      List<CpPlan> rows = new ArrayList<>();
      List<LocalDate> ends = new ArrayList<>();
      for (Plan plan : kept) {
        rows.add(new CpPlan(authority.code(), id, plan.start(), plan.end().isAfter(periodEnd) ? null : plan.end(),
            plan.category(), plan.conferences()));
        ends.add(plan.end());
      }
      children.add(new ProtectedChild(id, dob, rows, ends));
    }
    return children;
  }

  private record Plan(LocalDate start, LocalDate end, String category, List<LocalDate> conferences) {}

  /**
   * One plan. Most end at a review conference (the conference decides the child no longer needs
   * one); the rest end between conferences, on a transfer out or at 18.
   */
  private Plan plan(LocalDate start, LocalDate dob, LocalDate periodEnd, Dice dice) {
    double u = dice.unit();
    int months = u < 0.25 ? 3 : u < 0.65 ? dice.between(6, 12) : u < 0.95 ? dice.between(12, 24) : dice.between(24, 36);
    LocalDate target = start.plusMonths(months);
    // Conferences after the period are never shown, so the schedule stops a little after it.
    LocalDate horizon = start.plusMonths(40);
    LocalDate shown = periodEnd.plusMonths(7);
    if (horizon.isAfter(shown)) {
      horizon = shown;
    }
    List<LocalDate> conferences = schedule.childProtection(start, horizon, horizon, dice);
    LocalDate end = target.minusDays(dice.between(0, 20));
    if (!end.isAfter(shown)) {
      end = schedule.previousWorkingDay(end);
    }
    if (dice.chance(0.8)) {
      for (LocalDate conference : conferences) {
        if (!conference.isBefore(target.minusDays(31))) {
          end = conference;
          break;
        }
      }
    }
    LocalDate eighteen = dob.plusYears(18);
    if (end.isAfter(eighteen)) {
      end = eighteen;
    }
    if (!end.isAfter(start)) {
      end = start.plusDays(1);
    }
    List<LocalDate> held = new ArrayList<>();
    for (LocalDate conference : conferences) {
      if (!conference.isAfter(end) && !conference.isAfter(periodEnd)) {
        held.add(conference);
      }
    }
    return new Plan(start, end, CATEGORY.draw(dice), held);
  }
}
