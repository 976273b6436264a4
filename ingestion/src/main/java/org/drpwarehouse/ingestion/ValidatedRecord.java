package org.drpwarehouse.ingestion;

import java.util.List;

/** A record and every rule it breaks; it loads into bronze when it breaks none. */
public record ValidatedRecord(SourceFile source, RawRecord record, List<Violation> violations) {
  public ValidatedRecord {
    violations = List.copyOf(violations);
  }

  public boolean isValid() {
    return violations.isEmpty();
  }
}
