package org.drpwarehouse.schemas.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * Working days in England: Monday to Friday, not a bank holiday. Dates are calendar dates in
 * Europe/London.
 *
 * <p>The convention (policies.md): the due date of "respond within n working days" of an event on
 * day D is the n-th working day <em>after</em> D; D itself never counts, working day or not. The
 * working days elapsed from D to E are the working days d with D &lt; d &le; E.
 *
 * <p>Example: notice sent Friday 2024-05-03, 4 WD. Monday 2024-05-06 is a bank holiday, so the due
 * date is Friday 2024-05-10; {@code wd(2024-05-03, 2024-05-10) = 4}.
 */
public final class WorkingDayCalendar {
  /** The default span: wide enough for ten-year histories and a few years of future due dates. */
  public static final int DEFAULT_FIRST_YEAR = 2010;

  public static final int DEFAULT_LAST_YEAR = 2035;

  private final LocalDate first;
  private final LocalDate last;
  private final BankHolidays holidays;
  /** index[i] = working days from first up to and including first + i. */
  private final int[] index;
  /** byIndex[k] = the working day whose index is k (k >= 1). */
  private final LocalDate[] byIndex;

  public WorkingDayCalendar(BankHolidays holidays, int firstYear, int lastYear) {
    this.holidays = Objects.requireNonNull(holidays, "holidays");
    if (firstYear > lastYear) {
      throw new IllegalArgumentException("Calendar first year " + firstYear + " is after last year " + lastYear);
    }
    this.first = LocalDate.of(firstYear, 1, 1);
    this.last = LocalDate.of(lastYear, 12, 31);
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    this.index = new int[days];
    List<LocalDate> working = new ArrayList<>();
    working.add(null); // index 0: before the first working day
    int count = 0;
    for (int i = 0; i < days; i++) {
      LocalDate date = first.plusDays(i);
      if (isWorking(date)) {
        count++;
        working.add(date);
      }
      index[i] = count;
    }
    this.byIndex = working.toArray(new LocalDate[0]);
  }

  /** England and Wales from jollyday, {@value #DEFAULT_FIRST_YEAR} to {@value #DEFAULT_LAST_YEAR}. */
  public static WorkingDayCalendar england() {
    return Holder.ENGLAND;
  }

  private static final class Holder {
    static final WorkingDayCalendar ENGLAND =
        new WorkingDayCalendar(
            BankHolidays.englandAndWales(DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR), DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR);
  }

  private boolean isWorking(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
  }

  public boolean isWorkingDay(LocalDate date) {
    checkInRange(date);
    return isWorking(date);
  }

  /** Working days from the start of the calendar up to and including {@code date}. */
  public int indexOf(LocalDate date) {
    checkInRange(date);
    return index[(int) (date.toEpochDay() - first.toEpochDay())];
  }

  /** {@code due(D, n)}: the n-th working day after D (n &ge; 0; {@code due(D, 0)} is D itself). */
  public LocalDate due(LocalDate from, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("Cannot count a negative number of working days: " + workingDays);
    }
    if (workingDays == 0) {
      return from;
    }
    int target = indexOf(from) + workingDays;
    if (target >= byIndex.length) {
      throw new DrpUserException(
          from.toString(),
          workingDays + " WD after it falls after the calendar's end, " + last,
          "check the date; the calendar spans " + first.getYear() + "-" + last.getYear());
    }
    return byIndex[target];
  }

  /** {@code wd(D, E)}: working days d with D &lt; d &le; E; negative when E is before D. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    return indexOf(to) - indexOf(from);
  }

  public LocalDate firstDate() {
    return first;
  }

  public LocalDate lastDate() {
    return last;
  }

  public BankHolidays holidays() {
    return holidays;
  }

  /** Every day of the calendar, as rows of the calendar dimension. */
  public List<CalendarDay> days() {
    List<CalendarDay> days = new ArrayList<>(index.length);
    for (int i = 0; i < index.length; i++) {
      LocalDate date = first.plusDays(i);
      days.add(new CalendarDay(date, isWorking(date), index[i]));
    }
    return days;
  }

  private void checkInRange(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (date.isBefore(first) || date.isAfter(last)) {
      throw new DrpUserException(
          date.toString(),
          "is outside the working-day calendar, " + first + " to " + last,
          "check the date; the calendar spans " + first.getYear() + "-" + last.getYear());
    }
  }
}
