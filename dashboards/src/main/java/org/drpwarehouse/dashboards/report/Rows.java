package org.drpwarehouse.dashboards.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.MartTables;

/** The collected, suppressed rows of one table for one authority, filtered as a page needs them. */
record Rows(List<Row> rows) {
  Rows {
    rows = List.copyOf(rows);
  }

  Rows where(String column, Object value) {
    List<Row> kept = new ArrayList<>();
    for (Row row : rows) {
      Object v = row.get(row.fieldIndex(column));
      if (Objects.equals(v == null ? null : v.toString(), value == null ? null : value.toString())) {
        kept.add(row);
      }
    }
    return new Rows(kept);
  }

  Rows whereIn(String column, List<String> values) {
    List<Row> kept = new ArrayList<>();
    for (Row row : rows) {
      Object v = row.get(row.fieldIndex(column));
      if (v != null && values.contains(v.toString())) {
        kept.add(row);
      }
    }
    return new Rows(kept);
  }

  /** The financial year's rows. */
  Rows year(String label) {
    return where(MartTables.PERIOD_TYPE, MartTables.PeriodType.FINANCIAL_YEAR).where(MartTables.PERIOD, label);
  }

  /** The whole authority's rows (breakdown ALL). */
  Rows all() {
    return where(MartTables.BREAKDOWN, MartTables.Breakdown.ALL);
  }

  Fig sum(String column) {
    return Fig.sum(rows.stream().map(r -> Fig.of(r, column)).toList());
  }

  List<Fig> figs(String column) {
    return rows.stream().map(r -> Fig.of(r, column)).toList();
  }

  Row first() {
    return rows.isEmpty() ? null : rows.get(0);
  }

  Fig fig(String column) {
    return rows.isEmpty() ? Fig.ZERO : rows.size() == 1 ? Fig.of(rows.get(0), column) : sum(column);
  }

  List<String> distinct(String column) {
    LinkedHashSet<String> values = new LinkedHashSet<>();
    for (Row row : rows) {
      Object v = row.get(row.fieldIndex(column));
      values.add(v == null ? null : v.toString());
    }
    return new ArrayList<>(values);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  Rows plus(Rows other) {
    List<Row> all = new ArrayList<>(rows);
    all.addAll(other.rows);
    return new Rows(all);
  }
}
