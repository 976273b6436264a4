package org.drpwarehouse.ingestion.internal;

import java.util.List;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.RecordSpec;

/** Every required column has a value ({@code required}). */
final class RequiredValuesRule implements RecordRule {
  @Override
  public void check(RecordSpec spec, RawRecord record, List<Violation> violations) {
    for (Column column : spec.requiredColumns()) {
      if (!record.has(column.name())) {
        violations.add(
            new Violation(column.name(), "required", column.name() + " is empty; it is required in " + spec.csvFileName()));
      }
    }
  }
}
