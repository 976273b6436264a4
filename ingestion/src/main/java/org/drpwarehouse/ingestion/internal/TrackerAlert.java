package org.drpwarehouse.ingestion.internal;

import static org.drpwarehouse.schemas.ExchangeColumns.AGREED_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.CATEGORY;
import static org.drpwarehouse.schemas.ExchangeColumns.CHILD_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.DISPUTE_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.FORM_ATTACHED;
import static org.drpwarehouse.schemas.ExchangeColumns.IDENTIFIED_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.OUTCOME;
import static org.drpwarehouse.schemas.ExchangeColumns.PROCESS;
import static org.drpwarehouse.schemas.ExchangeColumns.RAISED_BY;
import static org.drpwarehouse.schemas.ExchangeColumns.RECORDED_ON_FILE;
import static org.drpwarehouse.schemas.ExchangeColumns.REVIEW_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.TEAM;
import static org.drpwarehouse.schemas.ExchangeColumns.TO_ROLE;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.ingestion.internal.TrackerMapping.AlertField;
import org.drpwarehouse.ingestion.internal.TrackerMapping.StepField;
import org.drpwarehouse.schemas.Role;

/**
 * One alert as a tracker holds it, whatever the sheet's shape: its own fields, the stages it
 * reached in the order the sheet gives them, and the text of each row it came from. The records are
 * made from this ({@link TrackerRecords}), so a wide and a long tracker saying the same thing give
 * the same records.
 *
 * @param fields the alert's own fields as read (absent when not mapped)
 * @param row the first row the alert is on
 * @param steps the stages reached
 * @param rowTexts each row's mapped cells as read, by row number
 * @param rowProblem a problem of the whole alert that every record of it carries (a repeated alert
 *     id), or null
 */
record TrackerAlert(
    Map<AlertField, CellRead> fields, long row, List<Step> steps, Map<Long, String> rowTexts, Violation rowProblem) {

  TrackerAlert {
    EnumMap<AlertField, CellRead> copy = new EnumMap<>(AlertField.class);
    copy.putAll(fields);
    fields = Collections.unmodifiableMap(copy);
    steps = List.copyOf(steps);
    rowTexts = Map.copyOf(rowTexts);
  }

  /**
   * One stage the alert reached.
   *
   * @param stage the policy stage id
   * @param opened the day it opened (sent, escalated)
   * @param toRole who it went to
   * @param response the day the response came
   * @param outcome the outcome word's target ({@code RESOLVED}, ..., or {@link TrackerMapping#CONTINUED})
   * @param agreed the due date the IRO set or agreed
   */
  record Step(
      long row,
      CellRead stage,
      CellRead opened,
      CellRead toRole,
      CellRead response,
      CellRead outcome,
      CellRead agreed,
      CellRead recordedOnFile,
      CellRead formAttached) {}

  CellRead field(AlertField field) {
    return fields.getOrDefault(field, CellRead.BLANK);
  }

  String id() {
    return field(AlertField.ALERT_ID).value();
  }

  String rowText(long number) {
    return rowTexts.getOrDefault(number, "");
  }

  /** The exchange column an alert field's value goes to (or, for dates of events, is reported under). */
  static String exchangeColumn(AlertField field) {
    return switch (field) {
      case ALERT_ID -> DISPUTE_ID;
      case CHILD_ID -> CHILD_ID;
      case IRO -> RAISED_BY;
      case CATEGORY -> CATEGORY;
      case TEAM -> TEAM;
      case REVIEW_ID -> REVIEW_ID;
      case PROCESS -> PROCESS;
      case IDENTIFIED_DATE -> IDENTIFIED_DATE;
      case DATE_RAISED, CAFCASS_REFERRAL, CLOSED_DATE -> EVENT_DATE;
      case OUTCOME -> OUTCOME;
    };
  }

  /** Reads the alert's own fields from one row. */
  static Map<AlertField, CellRead> readFields(SheetTable.Row row, TrackerMapping mapping, TrackerCells cells) {
    Map<AlertField, CellRead> fields = new EnumMap<>(AlertField.class);
    mapping.columns.forEach((field, column) -> {
      String exchange = exchangeColumn(field);
      fields.put(field, switch (field) {
        case ALERT_ID, CHILD_ID, IRO, CATEGORY, TEAM, REVIEW_ID -> cells.text(row, column, exchange);
        case PROCESS -> cells.word(row, column, exchange, mapping.processes, "process", "processes");
        case IDENTIFIED_DATE, DATE_RAISED, CAFCASS_REFERRAL, CLOSED_DATE -> cells.date(row, column, exchange);
        case OUTCOME -> cells.word(row, column, exchange, mapping.outcomes, "outcome", "outcomes");
      });
    });
    return fields;
  }

  /**
   * Reads one stage's cells from a row.
   *
   * @param stage the stage id (fixed by a wide block, read from a long tracker's stage column)
   * @param fixedRole the role the stage goes to when no responder cell says, or null
   */
  static Step readStep(SheetTable.Row row, Map<StepField, MappedColumn> columns, CellRead stage, Role fixedRole,
      TrackerMapping mapping, TrackerCells cells) {
    CellRead toRole = cells.word(row, columns.get(StepField.RESPONDER), TO_ROLE, mapping.roles, "role", "roles");
    if (!toRole.filled() && fixedRole != null) {
      toRole = CellRead.fixed(fixedRole.name());
    }
    return new Step(
        row.number(),
        stage,
        cells.date(row, columns.get(StepField.OPENED), EVENT_DATE),
        toRole,
        cells.date(row, columns.get(StepField.RESPONSE), EVENT_DATE),
        cells.word(row, columns.get(StepField.OUTCOME), OUTCOME, mapping.outcomes, "outcome", "outcomes"),
        cells.date(row, columns.get(StepField.AGREED), AGREED_DATE),
        cells.flag(row, columns.get(StepField.RECORDED_ON_FILE), RECORDED_ON_FILE),
        cells.flag(row, columns.get(StepField.FORM_ATTACHED), FORM_ATTACHED));
  }

  /** Whether a row's cells of a stage say the alert reached it (a fixed role alone does not). */
  static boolean reached(Step step) {
    return step.opened().filled() || (step.toRole().cell() != null) || step.response().filled() || step.outcome().filled()
        || step.agreed().filled() || step.recordedOnFile().filled() || step.formAttached().filled();
  }
}
