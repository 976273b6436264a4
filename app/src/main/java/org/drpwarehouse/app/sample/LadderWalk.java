package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.Outcome;
import org.drpwarehouse.schemas.Role;
import org.drpwarehouse.schemas.policy.DueDate;
import org.drpwarehouse.schemas.policy.Ladder;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.Stage;
import org.drpwarehouse.schemas.policy.Timescale;

/**
 * Walks one dispute up its policy's ladder with the real calendar and decides its events.
 *
 * <p>Most disputes open informally and are resolved there; the rest escalate a rank at a time, now
 * and then skipping a rank (a bypass, preceded by a consultation with the IRO's manager mostly where
 * the policy requires one, sometimes where it does not). A minority enter formally, some above the
 * first formal stage. Each stage's due date comes from the policy's own timescale ({@link
 * Timescale#due}): responses mostly come on time, some late, some never, in which case the IRO
 * escalates on the due date. Where the IRO sets the timeframe the opening usually carries an agreed
 * date, occasionally beyond the policy's maximum. Extensions and holds move the due date, mainly
 * where the policy provides for them and rarely where it does not, so that the flags have work.
 *
 * <p>Example (Calderdale-like ladder, informal set by IRO at most 10 WD, then 4/4/6/6): opened
 * informally Friday 2024-05-03 with an agreed date of 2024-05-17; the social worker answers on
 * 2024-05-14 and the IRO, not satisfied, opens stage 1 on 2024-05-15, due 4 WD later on 2024-05-21.
 *
 * <p>Dates are all working days; the caller drops what falls after the period end.
 */
final class LadderWalk {
  private final WorkingDays days;
  private final CafcassRoute cafcass;

  LadderWalk(WorkingDays days) {
    this.days = days;
    this.cafcass = new CafcassRoute(days);
  }

  /** Where the walk has got to. */
  private static final class State {
    final List<Step> steps = new ArrayList<>();
    final Ladder ladder;
    final Policy policy;
    final DisputeProcess process;
    int highestRank;
    LocalDate previousOpening;

    State(Policy policy, DisputeProcess process) {
      this.policy = policy;
      this.process = process;
      this.ladder = policy.ladder(process);
    }
  }

  /** A response to a stage, by its last date: a meeting held after the date was set, or the reply. */
  private record Response(LocalDate last) {}

  /**
   * The events of one dispute first opened on {@code start}.
   *
   * @param stuck the dispute is left open part-way, nobody recording anything more
   * @param plan what happens with Cafcass ({@link CafcassRoute#draw}); ignored for a stuck dispute
   */
  List<Step> walk(
      Policy policy, DisputeProcess process, LocalDate start, boolean stuck, CafcassRoute.Plan plan, Dice dice) {
    State s = new State(policy, process);
    List<Stage> stages = s.ladder.stages();
    if (stuck) {
      plan = CafcassRoute.Plan.NONE;
    }
    if (plan == CafcassRoute.Plan.CONSULT_ONLY) {
      cafcass.consult(s.steps, start, dice);
    }
    childInformed(s, start, dice);
    int position = entry(s, plan, dice);
    LocalDate opened = start;
    while (true) {
      Stage stage = stages.get(position);
      LocalDate agreed = open(s, stage, opened, dice);
      if (plan == CafcassRoute.Plan.REFER_CONCURRENT && stage.formal()) {
        LocalDate referral = dice.chance(0.3) ? days.before(opened, 1) : opened;
        cafcass.refer(s.steps, policy, stage, opened, referral, true, dice);
        return s.steps;
      }
      Integer next = next(s, position, plan, dice);
      if (stuck && (next == null || dice.chance(0.5))) {
        return s.steps;
      }
      Optional<LocalDate> due = stage.timescale().due(opened, agreed, days.calendar()).map(DueDate::date);
      LocalDate windowStart = opened;
      if (due.isPresent()) {
        LocalDate[] moved = adjourn(s, stage, opened, due.get(), dice);
        if (moved != null) {
          windowStart = moved[0];
          due = Optional.of(moved[1]);
        }
      }
      Response response = respond(s, stage, windowStart, due, dice);
      LocalDate moveOn = moveOn(s, stage, opened, due, response, dice);
      if (plan == CafcassRoute.Plan.REFER_AFTER_LADDER && next == null) {
        cafcass.refer(s.steps, policy, stage, opened, moveOn, false, dice);
        return s.steps;
      }
      boolean ends = next == null || (plan != CafcassRoute.Plan.REFER_AFTER_LADDER && dice.chance(resolveChance(stage)));
      if (ends) {
        end(s, stage, moveOn, response != null, dice);
        return s.steps;
      }
      position = next;
      opened = moveOn;
    }
  }

  private void childInformed(State s, LocalDate start, Dice dice) {
    boolean own = s.process == DisputeProcess.CLA || s.process == DisputeProcess.CP;
    if (dice.chance(own ? 0.86 : 0.5)) {
      s.steps.add(Step.unstaged(days.after(start, dice.between(0, 5)), EventType.CHILD_INFORMED, null));
    }
  }

  /** The ladder position the dispute opens at. */
  private int entry(State s, CafcassRoute.Plan plan, Dice dice) {
    List<Stage> stages = s.ladder.stages();
    int top = s.ladder.topRank();
    boolean informalFirst = !stages.get(0).formal();
    if (top == 0) {
      return 0;
    }
    if (plan == CafcassRoute.Plan.REFER_CONCURRENT) {
      return positionOfRank(stages, dice.chance(0.8) || top < 2 ? 1 : 2);
    }
    if (informalFirst && dice.chance(0.82)) {
      return 0;
    }
    int rank = dice.chance(0.68) ? 1 : dice.chance(0.75) ? 2 : 3;
    return positionOfRank(stages, Math.min(rank, top));
  }

  /** Emits the opening (with a consultation first where it is a bypass) and returns its agreed date. */
  private LocalDate open(State s, Stage stage, LocalDate opened, Dice dice) {
    boolean bypass = stage.formal() && stage.rank() > s.highestRank + 1;
    if (bypass) {
      boolean required = s.ladder.bypass().consultationRequired();
      if (dice.chance(required ? 0.85 : 0.25)) {
        LocalDate consulted = days.before(opened, dice.between(0, 3));
        if (s.previousOpening != null && !consulted.isAfter(s.previousOpening)) {
          consulted = opened; // it must fall after the previous opening to count for this bypass
        }
        Role with = s.ladder.bypass().consultWith() != null ? s.ladder.bypass().consultWith() : Role.IRO_MANAGER;
        s.steps.add(Step.unstaged(consulted, EventType.MANAGER_CONSULTED, with));
      }
    }
    LocalDate agreed = agreedOnOpening(stage.timescale(), opened, dice);
    s.steps.add(new Step(opened, EventType.STAGE_OPENED, stage, role(s, stage), agreed, null));
    s.previousOpening = opened;
    if (stage.formal()) {
      s.highestRank = Math.max(s.highestRank, stage.rank());
    }
    return agreed;
  }

  /** Where the IRO sets the timeframe, they usually give a date; now and then beyond the maximum. */
  private LocalDate agreedOnOpening(Timescale timescale, LocalDate opened, Dice dice) {
    if (timescale.kind() != Timescale.Kind.SET_BY_IRO || !dice.chance(0.7)) {
      return null;
    }
    Integer maximum = timescale.workingDays();
    int wd;
    if (maximum == null) {
      wd = dice.between(3, 15);
    } else if (dice.chance(0.08)) {
      wd = maximum + dice.between(1, 6);
    } else {
      wd = dice.between(Math.min(3, maximum), maximum);
    }
    return days.after(opened, wd);
  }

  /**
   * An extension or a hold at this visit, or none: returns {the day it was agreed, the new due
   * date}, or {@code null}.
   */
  private LocalDate[] adjourn(State s, Stage stage, LocalDate opened, LocalDate due, Dice dice) {
    Policy policy = s.policy;
    if (dice.chance(policy.extensionsAllowed() ? 0.18 : 0.008)) {
      LocalDate on = days.within(opened, due, dice);
      LocalDate until = days.after(due, dice.between(2, 8));
      s.steps.add(new Step(on, EventType.EXTENSION_AGREED, stage, role(s, stage), until, null));
      return new LocalDate[] {on, until};
    }
    if (dice.chance(policy.holdsAllowed() ? 0.12 : 0.006)) {
      LocalDate on = days.within(opened, due, dice);
      LocalDate until = days.after(on, dice.between(5, 15));
      if (!until.isAfter(due)) {
        until = days.after(due, 2);
      }
      s.steps.add(new Step(on, EventType.ON_HOLD, stage, role(s, stage), until, null));
      return new LocalDate[] {on, until};
    }
    return null;
  }

  /** On time mostly, some late, some never; a meeting stage also records the meeting. */
  private Response respond(State s, Stage stage, LocalDate windowStart, Optional<LocalDate> due, Dice dice) {
    LocalDate date;
    if (due.isPresent()) {
      double u = dice.unit();
      if (u < 0.80) {
        date = days.within(windowStart, due.get(), dice);
      } else if (u < 0.91) {
        date = days.after(due.get(), dice.between(1, 8));
      } else {
        return null;
      }
    } else if (dice.chance(0.65)) {
      date = days.after(windowStart, dice.between(1, 6));
    } else {
      return null;
    }
    if (!stage.response().isMeeting()) {
      s.steps.add(Step.atStage(date, EventType.RESPONSE_RECEIVED, stage, null));
      return new Response(date);
    }
    double u = dice.unit();
    if (u < 0.7) {
      LocalDate meeting = days.after(date, dice.between(1, 5));
      s.steps.add(Step.atStage(date, EventType.RESPONSE_RECEIVED, stage, null));
      s.steps.add(Step.atStage(meeting, EventType.MEETING_HELD, stage, role(s, stage)));
      return new Response(meeting);
    }
    if (u < 0.9) {
      s.steps.add(Step.atStage(date, EventType.MEETING_HELD, stage, role(s, stage)));
    } else {
      s.steps.add(Step.atStage(date, EventType.RESPONSE_RECEIVED, stage, null));
    }
    return new Response(date);
  }

  /**
   * When the dispute leaves this stage (escalation or ending): shortly after the response; at the
   * due date when none came (the IRO escalating the day it fell due, mostly); within the informal
   * limit for most informal stages.
   */
  private LocalDate moveOn(
      State s, Stage stage, LocalDate opened, Optional<LocalDate> due, Response response, Dice dice) {
    LocalDate date;
    if (response != null) {
      date = days.after(response.last(), dice.between(0, 3));
    } else if (due.isPresent()) {
      date = dice.chance(0.6) ? due.get() : days.after(due.get(), dice.between(1, 3));
    } else {
      date = days.after(opened, dice.between(2, 10));
    }
    Optional<Integer> limit = s.ladder.informalLimit();
    if (!stage.formal() && limit.isPresent() && dice.chance(0.88)) {
      LocalDate cap = days.after(opened, limit.get());
      if (response != null && response.last().isAfter(cap)) {
        cap = response.last();
      }
      if (date.isAfter(cap)) {
        date = cap;
      }
    }
    return date;
  }

  /**
   * The next position up the ladder, or {@code null} at the top. A second informal level comes
   * next more often than not; a bypass skips one or two formal ranks.
   */
  private Integer next(State s, int position, CafcassRoute.Plan plan, Dice dice) {
    List<Stage> stages = s.ladder.stages();
    Stage current = stages.get(position);
    if (!current.formal() && position + 1 < stages.size() && !stages.get(position + 1).formal() && dice.chance(0.6)) {
      return position + 1;
    }
    int top = s.ladder.topRank();
    if (s.highestRank >= top) {
      return null;
    }
    int rank = s.highestRank + 1;
    if (dice.chance(0.09)) {
      rank += dice.chance(0.75) ? 1 : 2;
    }
    return positionOfRank(stages, Math.min(rank, top));
  }

  private static double resolveChance(Stage stage) {
    return stage.formal() ? 0.5 + 0.05 * stage.rank() : 0.84;
  }

  private void end(State s, Stage stage, LocalDate date, boolean answered, Dice dice) {
    double u = dice.unit();
    // Without an answer, more disputes are closed than resolved.
    double resolved = answered ? 0.86 : 0.6;
    if (u < resolved) {
      s.steps.add(new Step(date, EventType.RESOLVED, stage, null, null, Outcome.RESOLVED));
    } else {
      Outcome outcome = dice.chance(0.5) ? Outcome.WITHDRAWN : Outcome.NO_FURTHER_ACTION;
      s.steps.add(new Step(date, EventType.CLOSED, stage, null, null, outcome));
    }
  }

  /** Who a stage step goes to: the stage's responder, or the other agency or the IRO's manager. */
  private static Role role(State s, Stage stage) {
    return switch (s.process) {
      case PARTNER -> Role.PARTNER_AGENCY;
      case REVERSE -> Role.IRO_MANAGER;
      default -> stage.responder();
    };
  }

  private static int positionOfRank(List<Stage> stages, int rank) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).formal() && stages.get(i).rank() == rank) {
        return i;
      }
    }
    throw new IllegalStateException("No formal stage of rank " + rank);
  }
}
