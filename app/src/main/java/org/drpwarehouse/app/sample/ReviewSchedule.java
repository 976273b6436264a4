package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;

/**
 * When reviews are held, following the statutory intervals with a realistic minority held late.
 *
 * <p>Looked-after reviews (Care Planning, Placement and Case Review Regulations 2010, reg. 33): the
 * first within 20 WD of the child becoming looked after, the second within 3 months of the first,
 * later ones within 6 months of the previous. Child protection review conferences: the first within
 * 3 months of the plan starting, later ones within 6 months. Reviews are held on working days.
 */
final class ReviewSchedule {
  private final WorkingDayCalendar calendar;

  ReviewSchedule(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Review dates while the child is in care, up to {@code until}. */
  List<LocalDate> lookedAfter(LocalDate careStart, LocalDate careEnd, LocalDate until, Dice dice) {
    List<LocalDate> dates = new ArrayList<>();
    LocalDate firstDue = calendar.due(careStart, 20);
    LocalDate review =
        dice.chance(0.07) ? calendar.due(firstDue, dice.between(1, 12)) : calendar.due(careStart, dice.between(8, 20));
    int monthsToNext = 3;
    while (review.isBefore(careEnd) && !review.isAfter(until)) {
      dates.add(review);
      review = next(review, monthsToNext, 0.08, dice);
      monthsToNext = 6;
    }
    return dates;
  }

  /** Review conference dates of a child protection plan, up to its end and {@code until}. */
  List<LocalDate> childProtection(LocalDate planStart, LocalDate planEnd, LocalDate until, Dice dice) {
    List<LocalDate> dates = new ArrayList<>();
    LocalDate review = next(planStart, 3, 0.06, dice);
    while (!review.isAfter(planEnd) && !review.isAfter(until)) {
      dates.add(review);
      review = next(review, 6, 0.08, dice);
    }
    return dates;
  }

  /** The next review after {@code previous}: within {@code months} mostly, late with probability {@code late}. */
  LocalDate next(LocalDate previous, int months, double late, Dice dice) {
    LocalDate due = previous.plusMonths(months);
    if (dice.chance(late)) {
      return nextWorkingDay(due.plusDays(dice.between(1, 30)));
    }
    // Held in the last three weeks before it is due; moved back to a working day, so never late.
    return previousWorkingDay(due.minusDays(dice.between(0, 20)));
  }

  LocalDate previousWorkingDay(LocalDate date) {
    LocalDate d = date;
    while (!calendar.isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  LocalDate nextWorkingDay(LocalDate date) {
    LocalDate d = date;
    while (!calendar.isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }
}
