package org.drpwarehouse.schemas;

import static org.drpwarehouse.schemas.ColumnType.DATE;
import static org.drpwarehouse.schemas.ColumnType.DATE_LIST;
import static org.drpwarehouse.schemas.ColumnType.FLAG;
import static org.drpwarehouse.schemas.ColumnType.STRING;
import static org.drpwarehouse.schemas.ExchangeColumns.*;

import java.util.List;
import org.drpwarehouse.schemas.rows.Allocation;
import org.drpwarehouse.schemas.rows.CpPlan;
import org.drpwarehouse.schemas.rows.Dispute;
import org.drpwarehouse.schemas.rows.DisputeEvent;
import org.drpwarehouse.schemas.rows.ReviewDecision;

/**
 * The DRP exchange format, version 1: how dispute records arrive, plus the allocations and child
 * protection plan files the warehouse also accepts in the same conventions.
 *
 * <p>Files are UTF-8 CSV with a header row (RFC 4180 quoting) or JSON Lines with the same field
 * names; column order is free; unknown columns are kept in bronze and ignored after it; dates are
 * ISO; flags are {@code Y}/{@code N} (or {@code true}/{@code false}), empty meaning unknown.
 */
public final class ExchangeFormat {
  private ExchangeFormat() {}

  /** The format version this build reads and writes. v1 files carry no version column. */
  public static final int VERSION = 1;

  private static Column authority() {
    return Column.of(AUTHORITY, STRING).required().doc("Local authority code (DfE LA number)", "381");
  }

  private static Column childId() {
    return Column.of(CHILD_ID, STRING)
        .required()
        .personal(PersonalData.CHILD_ID)
        .doc("The child's id in the case system; matches SSDA903 CHILD", "566910");
  }

  public static final RecordSpec DISPUTES =
      new RecordSpec(
          "disputes",
          SourceFamily.EXCHANGE,
          "One row per dispute.",
          List.of(
              authority(),
              Column.of(DISPUTE_ID, STRING).required().doc("Unique within the authority", "D-2024-0012"),
              childId(),
              Column.of(PROCESS, STRING)
                  .required()
                  .codes(Codes.of(DisputeProcess.class))
                  .doc(
                      "CLA looked-after child DRP; CP child protection conference concern; PARTNER challenge to"
                          + " another agency; REVERSE the service challenges the IRO/chair",
                      "CLA"),
              Column.of(RAISED_BY, STRING)
                  .required()
                  .personal(PersonalData.WORKER_ID)
                  .doc("The IRO's or chair's worker id", "IRO-07"),
              Column.of(IDENTIFIED_DATE, DATE).doc("The day the IRO identified the problem", "2024-05-01"),
              Column.of(CATEGORY, STRING)
                  .required()
                  .doc("The authority's own category code or label; its policy maps it to a canonical theme", "DRIFT"),
              Column.of(REVIEW_ID, STRING).doc("The review or conference it arose from", "R-88812"),
              Column.of(TEAM, STRING).doc("The team responsible for the child's plan", "Children in Care 2")),
          List.of(AUTHORITY, DISPUTE_ID),
          Dispute.class);

  public static final RecordSpec DISPUTE_EVENTS =
      new RecordSpec(
          "dispute_events",
          SourceFamily.EXCHANGE,
          "One row per event in a dispute's life. Events that need no stage belong to the stage current on their date.",
          List.of(
              authority(),
              Column.of(EVENT_ID, STRING).required().doc("Unique within the authority", "E-2024-0101"),
              Column.of(DISPUTE_ID, STRING).required().doc("The dispute the event belongs to", "D-2024-0012"),
              Column.of(EVENT_DATE, DATE).required().doc("The day it happened", "2024-05-03"),
              Column.of(EVENT_TYPE, STRING)
                  .required()
                  .codes(Codes.of(EventType.class))
                  .doc("What happened", "STAGE_OPENED"),
              Column.of(STAGE, STRING)
                  .requiredWhen(
                      "event_type is STAGE_OPENED, RESPONSE_RECEIVED, EXTENSION_AGREED, ON_HOLD, MEETING_HELD, RESOLVED"
                          + " or CLOSED")
                  .doc("A stage id of the authority's policy (informal, stage1, drp2, level3, ...)", "stage1"),
              Column.of(TO_ROLE, STRING).codes(Codes.of(Role.class)).doc("Who it went to", "TEAM_MANAGER"),
              Column.of(RECORDED_ON_FILE, FLAG)
                  .doc("The activity was entered on the child's file / chronology", "Y"),
              Column.of(FORM_ATTACHED, FLAG)
                  .doc("The notification form was attached to the child's file", "Y"),
              Column.of(AGREED_DATE, DATE)
                  .requiredWhen("event_type is EXTENSION_AGREED or ON_HOLD (optional on STAGE_OPENED)")
                  .doc("The due date agreed with, or set by, the IRO", "2024-05-17"),
              Column.of(OUTCOME, STRING)
                  .requiredWhen("event_type is RESOLVED or CLOSED")
                  .codes(Codes.of(Outcome.class))
                  .doc("How the dispute ended", "RESOLVED")),
          List.of(AUTHORITY, EVENT_ID),
          DisputeEvent.class);

  public static final RecordSpec REVIEW_DECISIONS =
      new RecordSpec(
          "review_decisions",
          SourceFamily.EXCHANGE,
          "Optional. One row per review whose decisions were circulated.",
          List.of(
              authority(),
              childId(),
              Column.of(REVIEW_DATE, DATE).required().doc("Matches the SSDA903 REVIEW date", "2024-06-12"),
              Column.of(DECISIONS_SENT_DATE, DATE)
                  .doc("The IRO sent the review decisions to the team manager", "2024-06-17"),
              Column.of(MANAGER_RESPONSE_DATE, DATE)
                  .doc("The team manager agreed or disputed them", "2024-06-21")),
          List.of(AUTHORITY, CHILD_ID, REVIEW_DATE),
          ReviewDecision.class);

  public static final RecordSpec ALLOCATIONS =
      new RecordSpec(
          "allocations",
          SourceFamily.EXCHANGE,
          "One row per period a child's case was held by one team, social worker and IRO.",
          List.of(
              authority(),
              childId(),
              Column.of(TEAM, STRING).required().doc("The team holding the case", "Children in Care 2"),
              Column.of(SERVICE_AREA, STRING).doc("The service area of the team", "Children in Care"),
              Column.of(SOCIAL_WORKER_ID, STRING)
                  .personal(PersonalData.WORKER_ID)
                  .doc("The allocated social worker's id", "SW-114"),
              Column.of(IRO_ID, STRING).personal(PersonalData.WORKER_ID).doc("The allocated IRO's id", "IRO-07"),
              Column.of(FROM_DATE, DATE).required().doc("First day of the allocation", "2023-09-01"),
              Column.of(TO_DATE, DATE).doc("Last day of the allocation; empty while current", "2024-08-31")),
          List.of(AUTHORITY, CHILD_ID, FROM_DATE),
          Allocation.class);

  public static final RecordSpec CP_PLANS =
      new RecordSpec(
          "cp_plans",
          SourceFamily.EXCHANGE,
          "One row per child protection plan, with its review conference dates as in the CIN census.",
          List.of(
              authority(),
              childId(),
              Column.of(PLAN_START, DATE).required().doc("CPP start date", "2024-01-15"),
              Column.of(PLAN_END, DATE).doc("CPP end date; empty while the plan continues", "2024-11-02"),
              Column.of(INITIAL_CATEGORY, STRING)
                  .codes(List.of("NEG", "PHY", "SAB", "EMO", "MUL"))
                  .doc("Initial category of abuse (CIN census)", "NEG"),
              Column.of(REVIEW_DATES, DATE_LIST)
                  .doc("Review conference dates (CIN census CPPreviewDate), separated by ;", "2024-04-10;2024-10-09")),
          List.of(AUTHORITY, CHILD_ID, PLAN_START),
          CpPlan.class);

  /** Every exchange-format file, in load order (disputes before their events). */
  public static final List<RecordSpec> ALL =
      List.of(DISPUTES, DISPUTE_EVENTS, ALLOCATIONS, CP_PLANS, REVIEW_DECISIONS);
}
