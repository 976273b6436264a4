package org.drpwarehouse.schemas.policy;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

/**
 * Due dates of preset stages with the real England calendar: the n-th working day after the stage
 * opened, the opening day never counting (policies.md, "Working-day arithmetic").
 */
class DueDateExamplesTest {
  private final WorkingDayCalendar calendar = WorkingDayCalendar.england();
  private final PolicyCatalog presets = PolicyCatalog.presets();

  private Optional<DueDate> due(String policy, DisputeProcess process, String stage, String opened, String agreed) {
    Timescale timescale = presets.latest(policy).ladder(process).stage(stage).orElseThrow().timescale();
    return timescale.due(parse(opened), agreed == null ? null : parse(agreed), calendar);
  }

  @Test
  void lambeth_stage2_opened_friday_before_the_may_bank_holiday_is_due_the_next_friday() {
    assertThat(due("lambeth", DisputeProcess.CLA, "stage2", "2024-05-03", null))
        .map(DueDate::date)
        .as("lambeth Annex B stage 2: 4 working days from Fri 2024-05-03; Mon 6 May is a bank holiday")
        .contains(parse("2024-05-10"));
  }

  @Test
  void calderdale_informal_deadline_agreed_beyond_10_working_days_is_capped_and_flagged() {
    DueDate due = due("calderdale", DisputeProcess.CLA, "informal", "2024-05-03", "2024-05-31").orElseThrow();
    assertThat(due.date())
        .as("calderdale §2.1 “not exceeding 10 working days”: 10 WD after Fri 2024-05-03, skipping Mon 6 May")
        .isEqualTo(parse("2024-05-20"));
    assertThat(due.capped()).as("an agreed date beyond the maximum is flagged").isTrue();
    assertThat(due.derivation()).contains("2024-05-31", "capped", "10 WD");
    assertThat(calendar.workingDaysBetween(parse("2024-05-03"), parse("2024-05-31")))
        .as("the agreed date was 18 WD away (6 and 27 May are bank holidays)").isEqualTo(18);
  }

  @Test
  void calderdale_informal_deadline_agreed_within_10_working_days_is_kept() {
    DueDate due = due("calderdale", DisputeProcess.CLA, "informal", "2024-05-03", "2024-05-15").orElseThrow();
    assertThat(due.date()).as("the IRO's agreed date stands").isEqualTo(parse("2024-05-15"));
    assertThat(due.capped()).isFalse();
    DueDate onTheCap = due("calderdale", DisputeProcess.CLA, "informal", "2024-05-03", "2024-05-20").orElseThrow();
    assertThat(onTheCap.capped()).as("an agreed date on the 10th working day is within the maximum").isFalse();
  }

  @Test
  void calderdale_informal_without_an_agreed_date_is_due_after_the_10_working_day_maximum() {
    DueDate due = due("calderdale", DisputeProcess.CLA, "informal", "2024-05-03", null).orElseThrow();
    assertThat(due.date()).isEqualTo(parse("2024-05-20"));
    assertThat(due.capped()).isFalse();
  }

  @Test
  void lambeth_informal_timeframe_set_by_the_iro_has_no_due_date_until_one_is_agreed() {
    assertThat(due("lambeth", DisputeProcess.CLA, "informal", "2024-05-03", null))
        .as("lambeth §7 “The IRO will determine the time frame”: none given, no due date").isEmpty();
    assertThat(due("lambeth", DisputeProcess.CLA, "informal", "2024-05-03", "2024-06-28"))
        .map(DueDate::date).as("no maximum: a late agreed date stands").contains(parse("2024-06-28"));
  }

  @Test
  void a_stage_with_no_timescale_has_no_due_date() {
    assertThat(due("iro-alerts-five-stage", DisputeProcess.CLA, "stage5", "2024-05-03", null))
        .as("iro-alerts stage 5, Deputy Chief Executive: no timescale").isEmpty();
    assertThat(due("constructive-challenge", DisputeProcess.CLA, "informal", "2024-05-03", "2024-05-08"))
        .as("an agreed date does not give a NONE timescale a due date").isEmpty();
    assertThat(due("iro-alerts-five-stage", DisputeProcess.CP, "level6", "2024-05-03", null)).isEmpty();
  }

  @Test
  void constructive_challenge_dr3_meeting_asked_for_before_christmas_is_due_after_boxing_day() {
    assertThat(due("constructive-challenge", DisputeProcess.CLA, "dr3", "2024-12-20", null))
        .map(DueDate::date)
        .as("001 §24 “convened within 3 working days” from Fri 2024-12-20: 23, 24, then 27 December")
        .contains(parse("2024-12-27"));
  }

  @Test
  void iro_alerts_cp_level3_over_easter_has_10_working_days() {
    assertThat(due("iro-alerts-five-stage", DisputeProcess.CP, "level3", "2024-03-27", null))
        .map(DueDate::date)
        .as("002 §10.4 “respond within 10 working days” from Wed 2024-03-27, Good Friday and Easter Monday off")
        .contains(parse("2024-04-12"));
  }

  @Test
  void lincolnshire_stage1_opened_on_a_saturday_counts_from_the_monday() {
    assertThat(due("lincolnshire", DisputeProcess.CLA, "stage1", "2024-06-01", null))
        .map(DueDate::date)
        .as("004 §4.2 “within five days” from Sat 2024-06-01: the opening day never counts")
        .contains(parse("2024-06-07"));
  }

  @Test
  void calderdale_stage3_over_the_coronation_bank_holiday_has_6_working_days() {
    assertThat(due("calderdale", DisputeProcess.CLA, "stage3", "2023-05-05", null))
        .map(DueDate::date)
        .as("000 §2.2.3 “The response timescale is 6 working days.” from Fri 2023-05-05; Mon 8 May 2023 was the Coronation")
        .contains(LocalDate.of(2023, 5, 16));
  }
}
