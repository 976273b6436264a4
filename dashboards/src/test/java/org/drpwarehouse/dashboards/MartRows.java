package org.drpwarehouse.dashboards;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableColumn;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * Tiny mart tables built inline on a contract's own schema: defaults for the dimensions, then one
 * call per row naming only what differs. Counts not named are 0; a period names its type and
 * start, from which its label follows.
 */
final class MartRows {
  private final TableContract contract;
  private final Map<String, Object> defaults = new HashMap<>();
  private final List<Map<String, Object>> rows = new ArrayList<>();

  private MartRows(TableContract contract) {
    this.contract = contract;
    defaults.put(MartTables.AUTHORITY, "381");
    defaults.put(MartTables.BREAKDOWN, MartTables.Breakdown.ALL);
    defaults.put(MartTables.BREAKDOWN_VALUE, MartTables.ALL_VALUE);
    defaults.put(MartTables.PROCESS, "CLA");
    defaults.put(MartTables.AS_OF_DATE, "2025-06-30");
    year("2024-04-01");
  }

  static MartRows of(TableContract contract) {
    return new MartRows(contract);
  }

  /** Sets defaults: name, value, name, value... */
  MartRows defaults(Object... pairs) {
    defaults.putAll(pairs(pairs));
    return this;
  }

  /** The default period: the financial year starting on that 1 April. */
  MartRows year(String start) {
    defaults.putAll(period(MartTables.PeriodType.FINANCIAL_YEAR, start));
    return this;
  }

  /** Adds a row: name, value, name, value... over the defaults. */
  MartRows row(Object... pairs) {
    Map<String, Object> row = new HashMap<>(defaults);
    row.putAll(pairs(pairs));
    rows.add(row);
    return this;
  }

  /** The period columns of a month, quarter or financial year starting on a date. */
  static Map<String, Object> period(String type, String start) {
    LocalDate date = LocalDate.parse(start);
    String label = switch (type) {
      case MartTables.PeriodType.MONTH -> MartTables.month(date);
      case MartTables.PeriodType.QUARTER -> MartTables.financialQuarter(date);
      default -> MartTables.financialYear(date);
    };
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put(MartTables.PERIOD_TYPE, type);
    columns.put(MartTables.PERIOD, label);
    columns.put(MartTables.PERIOD_START, start);
    return columns;
  }

  Dataset<Row> dataset() {
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object[] values = new Object[contract.columns().size()];
      for (int i = 0; i < values.length; i++) {
        TableColumn column = contract.columns().get(i);
        Object value = row.get(column.name());
        if (value == null && column.type().equals(DataTypes.LongType)) {
          value = 0L;
        }
        values[i] = convert(column, value);
      }
      out.add(RowFactory.create(values));
    }
    return SharedSpark.session().createDataFrame(out, contract.schema());
  }

  private static Object convert(TableColumn column, Object value) {
    if (value == null) {
      return null;
    }
    if (column.type().equals(DataTypes.LongType)) {
      return ((Number) value).longValue();
    }
    if (column.type().equals(DataTypes.IntegerType)) {
      return ((Number) value).intValue();
    }
    if (column.type().equals(DataTypes.DoubleType)) {
      return ((Number) value).doubleValue();
    }
    if (column.type().equals(DataTypes.DateType)) {
      return Date.valueOf(LocalDate.parse(value.toString()));
    }
    return value.toString();
  }

  private static Map<String, Object> pairs(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i] instanceof Map<?, ?> more) {
        more.forEach((k, v) -> map.put(k.toString(), v));
        i--;
        continue;
      }
      map.put(pairs[i].toString(), pairs[i + 1]);
    }
    return map;
  }
}
