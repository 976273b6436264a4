package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;

/** Calendar steps the generator needs on top of {@link WorkingDayCalendar}: counting backwards. */
final class WorkingDays {
  private final WorkingDayCalendar calendar;

  WorkingDays(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  WorkingDayCalendar calendar() {
    return calendar;
  }

  /** {@code due(D, n)}: the n-th working day after D; D itself for n = 0. */
  LocalDate after(LocalDate date, int n) {
    return calendar.due(date, n);
  }

  /** The n-th working day before D (D itself for n = 0), so that {@code wd(result, D) = n} for a working day D. */
  LocalDate before(LocalDate date, int n) {
    LocalDate d = date;
    for (int i = 0; i < n; i++) {
      d = d.minusDays(1);
      while (!calendar.isWorkingDay(d)) {
        d = d.minusDays(1);
      }
    }
    return d;
  }

  /** A working day in (from, to], uniformly by working day; {@code to} when there is none. */
  LocalDate within(LocalDate from, LocalDate to, Dice dice) {
    int span = calendar.workingDaysBetween(from, to);
    return span <= 0 ? to : calendar.due(from, dice.between(1, span));
  }
}
