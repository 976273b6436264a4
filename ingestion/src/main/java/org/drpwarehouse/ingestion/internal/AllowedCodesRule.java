package org.drpwarehouse.ingestion.internal;

import java.util.List;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.ColumnType;
import org.drpwarehouse.schemas.RecordSpec;

/** Every non-empty code is one of its column's allowed values ({@code code}). */
final class AllowedCodesRule implements RecordRule {
  private static final int LISTED = 14;

  @Override
  public void check(RecordSpec spec, RawRecord record, List<Violation> violations) {
    for (Column column : spec.columns()) {
      if (column.type() != ColumnType.CODE || !record.has(column.name())) {
        continue;
      }
      String value = record.value(column.name()).trim();
      if (!column.allows(value)) {
        List<String> allowed = column.allowedValues();
        String shown =
            allowed.size() <= LISTED
                ? String.join(", ", allowed)
                : String.join(", ", allowed.subList(0, LISTED)) + ", ... (" + allowed.size() + " codes)";
        violations.add(
            new Violation(column.name(), "code", column.name() + " is not an allowed code (" + shown + ")", value));
      }
    }
  }
}
