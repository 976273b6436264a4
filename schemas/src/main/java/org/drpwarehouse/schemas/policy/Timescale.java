package org.drpwarehouse.schemas.policy;

import java.time.LocalDate;
import java.util.Optional;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;

/**
 * How long a stage's responder has to respond, in working days (WD).
 *
 * <ul>
 *   <li>{@link Kind#FIXED} n: due n WD after the stage opened ({@code due(D, n)}).
 *   <li>{@link Kind#SET_BY_IRO} with a maximum n: the {@code agreed_date} on the {@code STAGE_OPENED}
 *       event; without one, n WD; an agreed date later than n WD is capped at n WD and flagged.
 *   <li>{@link Kind#SET_BY_IRO} with no maximum: the agreed date, or no timescale without one.
 *   <li>{@link Kind#NONE}: no response timescale.
 * </ul>
 *
 * <p>Example: Calderdale's informal stage is set by the IRO, at most 10 WD. Opened Friday 2024-05-03
 * with an agreed date of 2024-05-31 (18 WD later, with the 6 and 27 May bank holidays), it is due
 * Monday 2024-05-20, the 10th working day after the opening (capped).
 *
 * @param workingDays the fixed timescale or the maximum; {@code null} for none
 */
public record Timescale(Kind kind, Integer workingDays) {

  public enum Kind {
    FIXED,
    SET_BY_IRO,
    NONE
  }

  public Timescale {
    if (kind == null) {
      throw new IllegalArgumentException("Cannot use a timescale without a kind");
    }
    if (kind == Kind.FIXED && (workingDays == null || workingDays <= 0)) {
      throw new IllegalArgumentException("A fixed timescale needs a positive number of working days: " + workingDays);
    }
    if (kind == Kind.NONE && workingDays != null) {
      throw new IllegalArgumentException("A stage with no timescale cannot have working days: " + workingDays);
    }
    if (workingDays != null && workingDays <= 0) {
      throw new IllegalArgumentException("A timescale maximum must be positive: " + workingDays);
    }
  }

  public static Timescale fixed(int workingDays) {
    return new Timescale(Kind.FIXED, workingDays);
  }

  public static Timescale setByIro(Integer maximum) {
    return new Timescale(Kind.SET_BY_IRO, maximum);
  }

  public static Timescale none() {
    return new Timescale(Kind.NONE, null);
  }

  public Optional<Integer> maximum() {
    return kind == Kind.SET_BY_IRO ? Optional.ofNullable(workingDays) : Optional.empty();
  }

  /**
   * The due date of a stage opened on {@code opened}, before any extension or hold.
   *
   * @param agreedDate the {@code agreed_date} of the {@code STAGE_OPENED} event, or {@code null}; it
   *     is read only where the IRO sets the timeframe
   */
  public Optional<DueDate> due(LocalDate opened, LocalDate agreedDate, WorkingDayCalendar calendar) {
    switch (kind) {
      case FIXED:
        return Optional.of(
            new DueDate(calendar.due(opened, workingDays), false, workingDays + " WD after " + opened));
      case SET_BY_IRO:
        if (agreedDate == null) {
          return workingDays == null
              ? Optional.empty()
              : Optional.of(
                  new DueDate(
                      calendar.due(opened, workingDays),
                      false,
                      "no date set by the IRO: the maximum, " + workingDays + " WD after " + opened));
        }
        if (workingDays != null) {
          LocalDate limit = calendar.due(opened, workingDays);
          if (agreedDate.isAfter(limit)) {
            return Optional.of(
                new DueDate(
                    limit,
                    true,
                    "date set by the IRO, " + agreedDate + ", capped at the maximum of " + workingDays
                        + " WD after " + opened));
          }
        }
        return Optional.of(new DueDate(agreedDate, false, "date set by the IRO on opening"));
      case NONE:
      default:
        return Optional.empty();
    }
  }

  /** How the timescale reads in a table: {@code 4 WD}, {@code set by IRO, at most 10 WD}, {@code none}. */
  public String describe() {
    return switch (kind) {
      case FIXED -> workingDays + " WD";
      case SET_BY_IRO -> workingDays == null ? "set by IRO" : "set by IRO, at most " + workingDays + " WD";
      case NONE -> "none";
    };
  }
}
