package org.drpwarehouse.ingestion.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.ingestion.internal.TrackerMapping.AlertField;
import org.drpwarehouse.ingestion.internal.TrackerMapping.StageBlock;
import org.drpwarehouse.ingestion.internal.TrackerMapping.StepField;
import org.drpwarehouse.schemas.ExchangeColumns;

/**
 * The wide shape: one row per alert, a block of columns per stage. A stage is reached when any of its
 * block's cells is filled; the first block, when it maps no {@code opened} column, is reached
 * whenever the alert's {@code date_raised} is. A second row with the same alert id is refused
 * ({@code tracker.duplicate}): its records are quarantined and the first row's load.
 */
final class WideTracker {
  static final String RULE_DUPLICATE = "tracker.duplicate";

  private WideTracker() {}

  static List<TrackerAlert> alerts(SheetTable table, TrackerMapping mapping, TrackerCells cells) {
    List<TrackerAlert> alerts = new ArrayList<>();
    Map<String, Long> firstRows = new HashMap<>();
    for (SheetTable.Row row : table.rows()) {
      if (cells.skipped(row)) {
        continue;
      }
      Map<AlertField, CellRead> fields = TrackerAlert.readFields(row, mapping, cells);
      List<TrackerAlert.Step> steps = new ArrayList<>();
      for (int i = 0; i < mapping.stages.size(); i++) {
        StageBlock block = mapping.stages.get(i);
        TrackerAlert.Step step =
            TrackerAlert.readStep(row, block.columns(), CellRead.fixed(block.stage()), block.toRole(), mapping, cells);
        boolean raisedHere = i == 0 && block.column(StepField.OPENED) == null
            && fields.getOrDefault(AlertField.DATE_RAISED, CellRead.BLANK).filled();
        if (TrackerAlert.reached(step) || raisedHere) {
          steps.add(step);
        }
      }
      Violation duplicate = null;
      String id = fields.getOrDefault(AlertField.ALERT_ID, CellRead.BLANK).value();
      if (!id.isEmpty()) {
        Long first = firstRows.putIfAbsent(id, row.number());
        if (first != null) {
          duplicate = new Violation(ExchangeColumns.DISPUTE_ID, RULE_DUPLICATE,
              "alert id is also on row " + first + " of sheet '" + table.header().sheet()
                  + "'; a wide tracker has one row per alert (the first row is loaded)", id);
        }
      }
      alerts.add(new TrackerAlert(fields, row.number(), steps, Map.of(row.number(), cells.rowText(row)), duplicate));
    }
    return alerts;
  }
}
