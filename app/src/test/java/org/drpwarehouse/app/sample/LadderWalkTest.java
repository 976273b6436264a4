package org.drpwarehouse.app.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.DueDate;
import org.drpwarehouse.schemas.policy.Policy;
import org.junit.jupiter.api.Test;

/** Walks of single disputes, checked against the calendar and the ladder. */
class LadderWalkTest {
  static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.england();
  final LadderWalk walk = new LadderWalk(new WorkingDays(CALENDAR));

  List<List<Step>> walks(Policy policy, DisputeProcess process, int n) {
    Dice dice = Dice.of(17L, 0, Dice.Purpose.DISPUTES);
    List<List<Step>> all = new ArrayList<>();
    LocalDate start = LocalDate.of(2024, 5, 3); // the Friday before the May bank holiday
    for (int i = 0; i < n; i++) {
      all.add(walk.walk(policy, process, start, false, CafcassRoute.Plan.NONE, dice));
    }
    return all;
  }

  @Test
  void stage_events_fall_on_working_days_and_openings_climb_the_ladder() {
    for (Policy policy : TestPolicies.all()) {
      for (DisputeProcess process : List.of(DisputeProcess.CLA, DisputeProcess.CP)) {
        for (List<Step> steps : walks(policy, process, 300)) {
          List<Step> openings = steps.stream().filter(s -> s.type() == EventType.STAGE_OPENED).toList();
          assertThat(steps).allSatisfy(s -> assertThat(CALENDAR.isWorkingDay(s.date())).as(s.toString()).isTrue());
          assertThat(openings.get(0).date()).isEqualTo(LocalDate.of(2024, 5, 3));
          for (int i = 1; i < openings.size(); i++) {
            assertThat(openings.get(i).date()).isAfter(openings.get(i - 1).date());
            assertThat(policy.ladder(process).stages().indexOf(openings.get(i).stage()))
                .as("escalation goes up the " + policy.id() + " " + process + " ladder")
                .isGreaterThan(policy.ladder(process).stages().indexOf(openings.get(i - 1).stage()));
          }
          assertThat(steps.stream().filter(s -> s.type().endsDispute()).count()).as("ends once").isEqualTo(1);
        }
      }
    }
  }

  @Test
  void a_stage_nobody_answers_is_escalated_on_its_due_date_or_a_few_days_after() {
    Policy calderdale = TestPolicies.calderdaleLike();
    int unanswered = 0;
    for (List<Step> steps : walks(calderdale, DisputeProcess.CLA, 2000)) {
      List<Step> openings = steps.stream().filter(s -> s.type() == EventType.STAGE_OPENED).toList();
      for (int i = 0; i + 1 < openings.size(); i++) {
        Step open = openings.get(i);
        boolean answered = steps.stream().anyMatch(s -> s.type() == EventType.RESPONSE_RECEIVED && s.stage() == open.stage());
        boolean adjourned = steps.stream().anyMatch(s -> s.stage() == open.stage()
            && (s.type() == EventType.EXTENSION_AGREED || s.type() == EventType.ON_HOLD));
        if (answered || adjourned) {
          continue;
        }
        unanswered++;
        Optional<DueDate> due = open.stage().timescale().due(open.date(), open.agreedDate(), CALENDAR);
        int lag = CALENDAR.workingDaysBetween(due.orElseThrow().date(), openings.get(i + 1).date());
        assertThat(lag).as(open + " escalated " + lag + " WD after its due date").isBetween(0, 3);
      }
    }
    assertThat(unanswered).isGreaterThan(20);
  }

  @Test
  void a_calderdale_informal_deadline_set_by_the_iro_rarely_exceeds_10_working_days() {
    int agreed = 0;
    int beyond = 0;
    for (List<Step> steps : walks(TestPolicies.calderdaleLike(), DisputeProcess.CLA, 2000)) {
      Step first = steps.stream().filter(s -> s.type() == EventType.STAGE_OPENED).findFirst().orElseThrow();
      if (!first.stage().formal() && first.agreedDate() != null) {
        agreed++;
        beyond += CALENDAR.workingDaysBetween(first.date(), first.agreedDate()) > 10 ? 1 : 0;
      }
    }
    assertThat((double) beyond / agreed).isBetween(0.02, 0.15);
  }
}
