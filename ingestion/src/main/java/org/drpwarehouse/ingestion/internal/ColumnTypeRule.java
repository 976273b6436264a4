package org.drpwarehouse.ingestion.internal;

import java.util.List;
import java.util.Locale;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.ColumnType;
import org.drpwarehouse.schemas.RecordSpec;

/**
 * Every non-empty value reads as its column's type ({@code type.date}, {@code type.flag}, {@code
 * type.integer}), so silver can type bronze without losing a row.
 */
final class ColumnTypeRule implements RecordRule {
  @Override
  public void check(RecordSpec spec, RawRecord record, List<Violation> violations) {
    for (Column column : spec.columns()) {
      if (column.type() == ColumnType.STRING || column.type() == ColumnType.CODE || !record.has(column.name())) {
        continue;
      }
      String value = record.value(column.name());
      try {
        column.type().parse(value);
      } catch (IllegalArgumentException e) {
        violations.add(
            new Violation(column.name(), ruleId(column.type()), column.name() + " is not a valid " + column.type().readable(), value));
      }
    }
  }

  private static String ruleId(ColumnType type) {
    return switch (type) {
      case DATE, DATE_DMY, DATE_LIST -> "type.date";
      default -> "type." + type.name().toLowerCase(Locale.ROOT);
    };
  }
}
