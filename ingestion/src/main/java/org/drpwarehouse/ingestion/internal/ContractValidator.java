package org.drpwarehouse.ingestion.internal;

import java.util.ArrayList;
import java.util.List;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.ingestion.ValidatedRecord;
import org.drpwarehouse.ingestion.Violation;

/**
 * Checks a record against every contract rule and keeps every breach (not just the first), so the
 * quarantine tells a person everything to fix in one pass.
 */
public final class ContractValidator {
  private static final List<RecordRule> RULES =
      List.of(new RequiredValuesRule(), new ColumnTypeRule(), new AllowedCodesRule(), new ConditionalValuesRule());

  public ValidatedRecord validate(SourceFile source, RawRecord record) {
    List<Violation> violations = new ArrayList<>();
    if (record.structureError() != null) {
      violations.add(record.structureError());
    } else {
      for (RecordRule rule : RULES) {
        rule.check(source.spec(), record, violations);
      }
    }
    return new ValidatedRecord(source, record, violations);
  }
}
