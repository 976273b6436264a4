package org.drpwarehouse.ingestion.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.ingestion.internal.TrackerMapping.AlertField;
import org.drpwarehouse.ingestion.internal.TrackerMapping.StepField;
import org.drpwarehouse.schemas.ExchangeColumns;

/**
 * The long shape: one row per escalation step, several rows per alert. Rows are grouped by alert id
 * (in order of first appearance, wherever in the sheet the later rows are); each row is one step,
 * its stage read from the authority's own words through {@code stage_labels}. The alert's own fields
 * may be on any of its rows, or on all: the first filled cell counts, and a row that gives a
 * different value is reported ({@code tracker.conflict}) rather than silently ignored.
 */
final class LongTracker {
  static final String RULE_CONFLICT = "tracker.conflict";

  private LongTracker() {}

  static List<TrackerAlert> alerts(SheetTable table, TrackerMapping mapping, TrackerCells cells) {
    Map<String, List<SheetTable.Row>> groups = new LinkedHashMap<>();
    for (SheetTable.Row row : table.rows()) {
      if (cells.skipped(row)) {
        continue;
      }
      CellRead id = cells.text(row, mapping.columns.get(AlertField.ALERT_ID), ExchangeColumns.DISPUTE_ID);
      // A row without a readable id cannot be grouped: it stands alone (and its records are quarantined).
      String key = id.present() ? "id:" + id.value() : "row:" + row.number();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    List<TrackerAlert> alerts = new ArrayList<>();
    for (List<SheetTable.Row> rows : groups.values()) {
      Map<AlertField, CellRead> fields = new EnumMap<>(AlertField.class);
      List<TrackerAlert.Step> steps = new ArrayList<>();
      Map<Long, String> texts = new LinkedHashMap<>();
      for (SheetTable.Row row : rows) {
        TrackerAlert.readFields(row, mapping, cells).forEach(
            (field, read) -> fields.merge(field, read, (first, later) -> merge(first, later, TrackerAlert.exchangeColumn(field))));
        CellRead stage = cells.word(row, mapping.steps.get(StepField.STAGE), ExchangeColumns.STAGE, mapping.stageLabels,
            "stage label", "stage_labels");
        steps.add(TrackerAlert.readStep(row, mapping.steps, stage, null, mapping, cells));
        texts.put(row.number(), cells.rowText(row));
      }
      alerts.add(new TrackerAlert(fields, rows.get(0).number(), steps, texts, null));
    }
    return alerts;
  }

  /** One alert field seen on two rows: the first filled one counts; a different value is a conflict. */
  private static CellRead merge(CellRead first, CellRead later, String column) {
    if (!first.filled()) {
      return later;
    }
    if (!later.filled() || first.problem() != null || later.value().equals(first.value())) {
      return first;
    }
    if (later.problem() != null) {
      return later;
    }
    return new CellRead(first.value(), first.cell(), first.row(),
        new Violation(column, RULE_CONFLICT,
            ref(first) + " and " + ref(later) + " give different values for the same alert; keep one value per alert",
            first.value() + " / " + later.value()));
  }

  private static String ref(CellRead read) {
    return read.cell() == null ? "row " + read.row() : read.cell().ref();
  }
}
