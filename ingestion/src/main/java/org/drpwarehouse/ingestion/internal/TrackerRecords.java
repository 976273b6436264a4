package org.drpwarehouse.ingestion.internal;

import static org.drpwarehouse.schemas.ExchangeColumns.AGREED_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.AUTHORITY;
import static org.drpwarehouse.schemas.ExchangeColumns.DISPUTE_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_TYPE;
import static org.drpwarehouse.schemas.ExchangeColumns.FORM_ATTACHED;
import static org.drpwarehouse.schemas.ExchangeColumns.OUTCOME;
import static org.drpwarehouse.schemas.ExchangeColumns.PROCESS;
import static org.drpwarehouse.schemas.ExchangeColumns.RECORDED_ON_FILE;
import static org.drpwarehouse.schemas.ExchangeColumns.STAGE;
import static org.drpwarehouse.schemas.ExchangeColumns.TO_ROLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.ingestion.internal.TrackerMapping.AlertField;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.Outcome;
import org.drpwarehouse.schemas.RecordSpec;

/**
 * Makes exchange records from tracker alerts: one {@code disputes} record per alert, and its {@code
 * dispute_events} in a fixed order.
 *
 * <ol>
 *   <li>per stage reached, in the sheet's order: {@code STAGE_OPENED} (with {@code to_role}, {@code
 *       agreed_date} and the flags where mapped), then {@code RESPONSE_RECEIVED} when a response date
 *       is there;
 *   <li>{@code CAFCASS_REFERRAL} when the Cafcass column has a date;
 *   <li>the ending, when the alert is closed: {@code RESOLVED} or {@code CLOSED} with its outcome, at
 *       the last stage opened.
 * </ol>
 *
 * <p>Event ids are {@code <alert id>-<stage>-<event type>} ({@code A-17-stage2-STAGE_OPENED}), a
 * stage reached a second time adds {@code .2} to the stage ({@code A-17-stage2.2-STAGE_OPENED});
 * {@code <alert id>-CAFCASS_REFERRAL}; and {@code <alert id>-ENDING} for the ending, which keeps its
 * id when a later copy of the tracker changes the outcome or the stage. Ids depend only on the
 * alert's content, never on row numbers, so the same tracker re-sorted gives the same ids.
 *
 * <p>When is an alert closed: when the closed date is filled, or the outcome says it ended. The
 * outcome is the alert's outcome column where filled, else the last stage's own outcome column
 * (a long tracker's "Satisfied? (Y/N)"). The ending's date is the closed date, else the last
 * stage's response date. The last stage is the one opened latest (on a tie, the later in the sheet).
 */
final class TrackerRecords {
  static final String ENDING = "ENDING";

  private final String authority;
  private final DisputeProcess defaultProcess;

  TrackerRecords(String authority, DisputeProcess defaultProcess) {
    this.authority = Objects.requireNonNull(authority, "authority");
    this.defaultProcess = Objects.requireNonNull(defaultProcess, "defaultProcess");
  }

  /** The alert's {@code disputes} record. */
  RawRecord dispute(TrackerAlert alert) {
    Map<String, String> values = blank(ExchangeFormat.DISPUTES);
    values.put(AUTHORITY, authority);
    List<Violation> problems = new ArrayList<>();
    add(problems, alert.rowProblem());
    for (AlertField field : List.of(AlertField.ALERT_ID, AlertField.CHILD_ID, AlertField.IRO, AlertField.CATEGORY,
        AlertField.TEAM, AlertField.REVIEW_ID, AlertField.PROCESS, AlertField.IDENTIFIED_DATE)) {
      CellRead read = alert.field(field);
      values.put(TrackerAlert.exchangeColumn(field), read.value());
      add(problems, read.problem());
    }
    if (!alert.field(AlertField.PROCESS).filled()) {
      values.put(PROCESS, defaultProcess.name());
    }
    return new RawRecord(alert.row(), values, alert.rowText(alert.row()), combined(problems));
  }

  /** The alert's {@code dispute_events} records, in their fixed order. */
  List<RawRecord> events(TrackerAlert alert) {
    List<RawRecord> records = new ArrayList<>();
    events(alert, records);
    return records;
  }

  private void events(TrackerAlert alert, List<RawRecord> records) {
    String id = alert.id();
    List<Violation> alertProblems = new ArrayList<>();
    add(alertProblems, alert.rowProblem());
    add(alertProblems, alert.field(AlertField.ALERT_ID).problem());
    Map<String, Integer> occurrences = new HashMap<>();
    TrackerAlert.Step last = null;
    String lastOpened = null;
    for (int i = 0; i < alert.steps().size(); i++) {
      TrackerAlert.Step step = alert.steps().get(i);
      CellRead opened = step.opened();
      if (i == 0 && !opened.filled()) {
        opened = alert.field(AlertField.DATE_RAISED); // the alert was raised at its first stage
      }
      String stage = step.stage().value();
      int occurrence = occurrences.merge(stage, 1, Integer::sum);
      String prefix = id + "-" + stage + (occurrence > 1 ? "." + occurrence : "");

      Event open = event(alert, step.row(), prefix + "-" + EventType.STAGE_OPENED, EventType.STAGE_OPENED, alertProblems);
      open.set(STAGE, step.stage()).set(EVENT_DATE, opened).set(TO_ROLE, step.toRole()).set(AGREED_DATE, step.agreed())
          .set(RECORDED_ON_FILE, step.recordedOnFile()).set(FORM_ATTACHED, step.formAttached());
      records.add(open.record());

      if (step.response().filled()) {
        Event response =
            event(alert, step.row(), prefix + "-" + EventType.RESPONSE_RECEIVED, EventType.RESPONSE_RECEIVED, alertProblems);
        response.set(STAGE, step.stage()).set(EVENT_DATE, step.response());
        records.add(response.record());
      }
      // The last stage is the one opened latest; a stage with no readable date counts only if none has one.
      String date = opened.present() ? opened.value() : null;
      if (last == null || (date != null && (lastOpened == null || date.compareTo(lastOpened) >= 0))
          || (date == null && lastOpened == null)) {
        last = step;
        lastOpened = date;
      }
    }

    CellRead cafcass = alert.field(AlertField.CAFCASS_REFERRAL);
    if (cafcass.filled()) {
      Event referral =
          event(alert, rowOf(cafcass, alert.row()), id + "-" + EventType.CAFCASS_REFERRAL, EventType.CAFCASS_REFERRAL, alertProblems);
      referral.set(EVENT_DATE, cafcass);
      records.add(referral.record());
    }

    ending(alert, last, alertProblems, records);
  }

  private void ending(TrackerAlert alert, TrackerAlert.Step last, List<Violation> alertProblems, List<RawRecord> records) {
    CellRead outcome = alert.field(AlertField.OUTCOME);
    if (!outcome.filled() && last != null) {
      outcome = last.outcome();
    }
    CellRead closed = alert.field(AlertField.CLOSED_DATE);
    boolean endsByOutcome = outcome.present() && !outcome.value().equals(TrackerMapping.CONTINUED);
    if (!closed.filled() && !endsByOutcome && outcome.problem() == null) {
      return; // still open, or went on to a stage not (yet) in the sheet
    }
    long row = closed.filled() ? rowOf(closed, alert.row()) : outcome.filled() ? rowOf(outcome, alert.row())
        : last != null ? last.row() : alert.row();
    EventType type = outcome.value().equals(Outcome.RESOLVED.name()) ? EventType.RESOLVED : EventType.CLOSED;
    Event ending = event(alert, row, alert.id() + "-" + ENDING, type, alertProblems);
    if (last != null) {
      ending.set(STAGE, last.stage());
    }
    ending.set(EVENT_DATE, closed.filled() ? closed : last != null ? last.response() : CellRead.BLANK);
    if (outcome.value().equals(TrackerMapping.CONTINUED)) {
      ending.problem(new Violation(OUTCOME, TrackerCells.RULE_CELL,
          ref(outcome) + " says the dispute went on, but " + ref(closed) + " gives the day it closed; give the outcome it closed with",
          outcome.cell() == null ? null : outcome.cell().text()));
    } else {
      ending.set(OUTCOME, outcome);
    }
    records.add(ending.record());
  }

  private Event event(TrackerAlert alert, long row, String eventId, EventType type, List<Violation> alertProblems) {
    Event event = new Event(row, alert.rowText(row));
    event.values.put(AUTHORITY, authority);
    event.values.put(EVENT_ID, eventId);
    event.values.put(DISPUTE_ID, alert.id());
    event.values.put(EVENT_TYPE, type.name());
    alertProblems.forEach(event::problem);
    return event;
  }

  private static long rowOf(CellRead read, long otherwise) {
    return read.row() > 0 ? read.row() : otherwise;
  }

  private static String ref(CellRead read) {
    return read.cell() == null ? "the mapping" : read.cell().ref();
  }

  private static Map<String, String> blank(RecordSpec spec) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Column column : spec.columns()) {
      values.put(column.name(), "");
    }
    return values;
  }

  private static void add(List<Violation> problems, Violation problem) {
    if (problem != null) {
      problems.add(problem);
    }
  }

  /**
   * A record has room for one structure error: the first problem, naming the others' cells and
   * reasons so that one pass fixes them all.
   */
  static Violation combined(List<Violation> problems) {
    if (problems.isEmpty()) {
      return null;
    }
    Violation first = problems.get(0);
    if (problems.size() == 1) {
      return first;
    }
    List<String> others = new ArrayList<>();
    for (Violation other : problems.subList(1, problems.size())) {
      others.add(other.reason());
    }
    return new Violation(first.column(), first.ruleId(), first.reason() + "; also: " + String.join("; ", others), first.value());
  }

  /** One event record being made. */
  private static final class Event {
    private final long row;
    private final String text;
    private final Map<String, String> values = blank(ExchangeFormat.DISPUTE_EVENTS);
    private final List<Violation> problems = new ArrayList<>();

    Event(long row, String text) {
      this.row = row;
      this.text = text;
    }

    Event set(String column, CellRead read) {
      values.put(column, read.value());
      problem(read.problem());
      return this;
    }

    void problem(Violation problem) {
      if (problem != null && !problems.contains(problem)) {
        problems.add(problem);
      }
    }

    RawRecord record() {
      return new RawRecord(row, values, text, combined(problems));
    }
  }
}
