package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.Outcome;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.DueDate;
import org.drpwarehouse.schemas.policy.Ladder;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.Stage;

/**
 * One dispute rebuilt from its (well-formed) rows as metrics.md describes: stage visits with due
 * dates, responses and statuses, bypasses and consultations, the ending, the Cafcass referral and
 * whether recording is complete. A small independent oracle for the realism tests, not the
 * warehouse's implementation.
 */
final class DisputeFacts {
  enum Status { ON_TIME, LATE, OVERDUE, ENDED_BEFORE_DUE, PENDING, NO_TIMESCALE }

  /** @param adjournment {@code EXTENSION_AGREED} or {@code ON_HOLD} where the latest one at this visit is, else null */
  record Visit(Stage stage, LocalDate opened, LocalDate agreedOnOpening, LocalDate due, LocalDate response,
      Status status, boolean bypass, boolean consulted, EventType adjournment) {}

  String authority;
  String id;
  String child;
  String category;
  DisputeProcess process;
  Policy policy;
  Ladder ladder;
  LocalDate identified;
  LocalDate start;
  LocalDate end;
  Stage endStage;
  Outcome outcome;
  LocalDate referral;
  boolean referralConcurrent;
  LocalDate cafcassNotice;
  final List<Visit> visits = new ArrayList<>();
  boolean childInformed;
  boolean recordingComplete;
  int duplicates;
  boolean writtenOutOfOrder;
  final Set<EventType> types = new HashSet<>();

  boolean ended() {
    return end != null;
  }

  /** Every well-formed dispute of an authority with at least one well-formed stage opening. */
  static List<DisputeFacts> of(LoadedSample sample, String authority, WorkingDayCalendar calendar) {
    Map<String, List<Map<String, String>>> eventsByDispute = new LinkedHashMap<>();
    for (Map<String, String> event : sample.valid(authority, "dispute_events.csv")) {
      eventsByDispute.computeIfAbsent(event.get(ExchangeColumns.DISPUTE_ID), k -> new ArrayList<>()).add(event);
    }
    List<DisputeFacts> all = new ArrayList<>();
    LocalDate asOf = sample.summary.periodEnd();
    for (Map<String, String> dispute : sample.valid(authority, "disputes.csv")) {
      List<Map<String, String>> events = eventsByDispute.getOrDefault(dispute.get(ExchangeColumns.DISPUTE_ID), List.of());
      DisputeFacts facts = build(sample, authority, dispute, events, calendar, asOf);
      if (facts != null) {
        all.add(facts);
      }
    }
    return all;
  }

  private static DisputeFacts build(LoadedSample sample, String authority, Map<String, String> dispute,
      List<Map<String, String>> rows, WorkingDayCalendar calendar, LocalDate asOf) {
    List<Ev> events = new ArrayList<>();
    for (Map<String, String> row : rows) {
      events.add(Ev.of(row));
    }
    List<Ev> fileOrder = new ArrayList<>(events);
    LocalDate start = events.stream().filter(e -> e.type == EventType.STAGE_OPENED).map(e -> e.date)
        .min(Comparator.naturalOrder()).orElse(null);
    if (start == null) {
      return null;
    }
    DisputeFacts f = new DisputeFacts();
    f.authority = authority;
    f.id = dispute.get(ExchangeColumns.DISPUTE_ID);
    f.child = dispute.get(ExchangeColumns.CHILD_ID);
    f.category = dispute.get(ExchangeColumns.CATEGORY);
    f.process = DisputeProcess.valueOf(dispute.get(ExchangeColumns.PROCESS));
    f.policy = sample.policyOn(authority, start);
    f.ladder = f.policy.ladder(f.process);
    String identified = dispute.get(ExchangeColumns.IDENTIFIED_DATE);
    f.identified = identified.isEmpty() ? null : LocalDate.parse(identified);
    f.start = start;
    Ladder ladder = f.ladder;
    events.sort(Comparator.comparing((Ev e) -> e.date)
        .thenComparing(e -> e.stage == null ? -1 : ladder.stages().indexOf(ladder.stage(e.stage).orElseThrow()))
        .thenComparing(e -> e.type.sameDayOrder()));
    f.writtenOutOfOrder = !fileOrder.equals(events);
    Set<String> seen = new HashSet<>();
    List<Ev> unique = new ArrayList<>();
    for (Ev e : events) {
      if (seen.add(e.type + "|" + e.stage + "|" + e.date)) {
        unique.add(e);
      } else {
        f.duplicates++;
      }
      f.types.add(e.type);
    }
    Ev ending = unique.stream().filter(e -> e.type.endsDispute()).findFirst().orElse(null);
    if (ending != null) {
      f.end = ending.date;
      f.endStage = ladder.stage(ending.stage).orElseThrow();
      f.outcome = Outcome.valueOf(ending.outcome);
    }
    f.childInformed = f.types.contains(EventType.CHILD_INFORMED);

    List<Ev> openings = unique.stream().filter(e -> e.type == EventType.STAGE_OPENED).toList();
    int highest = 0;
    boolean complete = ending == null || "Y".equals(ending.onFile);
    for (int i = 0; i < openings.size(); i++) {
      Ev open = openings.get(i);
      Stage stage = ladder.stage(open.stage).orElseThrow();
      LocalDate next = i + 1 < openings.size() ? openings.get(i + 1).date : null;
      LocalDate previous = i > 0 ? openings.get(i - 1).date : null;
      LocalDate nextSameStage = null;
      for (int j = i + 1; j < openings.size(); j++) {
        if (openings.get(j).stage.equals(open.stage)) {
          nextSameStage = openings.get(j).date;
          break;
        }
      }
      LocalDate due = stage.timescale().due(open.date, open.agreed, calendar).map(DueDate::date).orElse(null);
      Ev adjourned = null; // the latest extension or hold at this visit replaces the due date
      for (Ev e : unique) {
        if ((e.type == EventType.EXTENSION_AGREED || e.type == EventType.ON_HOLD) && open.stage.equals(e.stage)
            && !e.date.isBefore(open.date) && (next == null || e.date.isBefore(next))) {
          adjourned = e;
        }
      }
      if (adjourned != null) {
        due = adjourned.agreed;
      }
      LocalDate response = null;
      for (Ev e : unique) {
        boolean answers = e.type == EventType.RESPONSE_RECEIVED
            || (e.type == EventType.MEETING_HELD && stage.response().isMeeting());
        if (answers && open.stage.equals(e.stage) && !e.date.isBefore(open.date)
            && (nextSameStage == null || e.date.isBefore(nextSameStage))) {
          response = e.date;
          break;
        }
      }
      LocalDate visitEnd = next != null ? next : f.end;
      Status status;
      if (due == null) {
        status = Status.NO_TIMESCALE;
      } else if (response != null) {
        status = response.isAfter(due) ? Status.LATE : Status.ON_TIME;
      } else if (visitEnd != null ? visitEnd.isAfter(due) : asOf.isAfter(due)) {
        status = Status.OVERDUE;
      } else {
        status = visitEnd != null ? Status.ENDED_BEFORE_DUE : Status.PENDING;
      }
      boolean bypass = stage.formal() && stage.rank() > highest + 1;
      boolean consulted = false;
      for (Ev e : unique) {
        if (e.type == EventType.MANAGER_CONSULTED && !e.date.isAfter(open.date)
            && (previous == null || e.date.isAfter(previous))) {
          consulted = true;
        }
      }
      if (stage.formal()) {
        highest = Math.max(highest, stage.rank());
      }
      f.visits.add(new Visit(stage, open.date, open.agreed, due, response, status, bypass, consulted,
          adjourned == null ? null : adjourned.type));
      complete &= "Y".equals(open.onFile) && (!stage.formal() || "Y".equals(open.form));
    }
    f.recordingComplete = complete;

    LocalDate formalStart = f.visits.stream().filter(v -> v.stage().formal()).map(Visit::opened).findFirst().orElse(null);
    f.referral = unique.stream().filter(e -> e.type == EventType.CAFCASS_REFERRAL).map(e -> e.date).findFirst()
        .orElse(f.outcome == Outcome.REFERRED_TO_CAFCASS ? f.end : null);
    if (f.referral != null) {
      f.referralConcurrent = formalStart == null || !f.referral.isAfter(formalStart);
      LocalDate referral = f.referral;
      f.cafcassNotice = unique.stream().filter(e -> e.type == EventType.CAFCASS_NOTICE && !e.date.isAfter(referral))
          .map(e -> e.date).reduce((a, b) -> b).orElse(null);
    }
    return f;
  }

  /** One event row, typed. */
  private record Ev(LocalDate date, EventType type, String stage, LocalDate agreed, String outcome, String onFile,
      String form) {
    static Ev of(Map<String, String> row) {
      String agreed = row.get(ExchangeColumns.AGREED_DATE);
      String stage = row.get(ExchangeColumns.STAGE);
      return new Ev(LocalDate.parse(row.get(ExchangeColumns.EVENT_DATE)), EventType.valueOf(row.get(ExchangeColumns.EVENT_TYPE)),
          stage.isEmpty() ? null : stage, agreed.isEmpty() ? null : LocalDate.parse(agreed), row.get(ExchangeColumns.OUTCOME),
          row.get(ExchangeColumns.RECORDED_ON_FILE), row.get(ExchangeColumns.FORM_ATTACHED));
    }
  }
}
