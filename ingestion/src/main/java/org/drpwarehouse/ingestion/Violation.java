package org.drpwarehouse.ingestion;

import java.util.Objects;

/**
 * One rule a source record breaks: which column (or none, for the record as a whole), the rule id,
 * a reason a person can act on, and the offending value kept apart from the reason, so that reports
 * can leave record values out unless asked ({@code drp validate --show-values}).
 *
 * <p>Rule ids: {@code structure.columns}, {@code structure.json}, {@code required},
 * {@code required.stage}, {@code required.agreed_date}, {@code required.outcome}, {@code
 * required.rec}, {@code type.date}, {@code type.flag}, {@code type.integer}, {@code code}; for
 * tracker workbooks (docs/trackers.md) {@code tracker.cell} (a mapped cell cannot be read), {@code
 * tracker.conflict} (an alert's rows disagree) and {@code tracker.duplicate} (an alert id on two
 * rows of a wide tracker).
 */
public record Violation(String column, String ruleId, String reason, String value) {
  public Violation {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(reason, "reason");
  }

  /** A breach whose reason needs no record value. */
  public Violation(String column, String ruleId, String reason) {
    this(column, ruleId, reason, null);
  }

  /** The reason with the offending value, for the quarantine (which holds raw records anyway). */
  public String fullReason() {
    return value == null ? reason : reason + ": '" + value + "'";
  }
}
