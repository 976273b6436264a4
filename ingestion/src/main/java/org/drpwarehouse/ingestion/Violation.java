package org.drpwarehouse.ingestion;

import java.util.Objects;

/**
 * One rule a source record breaks: which column (or none, for the record as a whole), the rule id,
 * and a reason a person can act on.
 *
 * <p>Rule ids: {@code structure.columns}, {@code structure.json}, {@code required},
 * {@code required.stage}, {@code required.agreed_date}, {@code required.outcome}, {@code
 * required.rec}, {@code type.date}, {@code type.flag}, {@code type.integer}, {@code code}.
 */
public record Violation(String column, String ruleId, String reason) {
  public Violation {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(reason, "reason");
  }
}
