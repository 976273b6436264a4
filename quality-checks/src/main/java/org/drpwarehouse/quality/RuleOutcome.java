package org.drpwarehouse.quality;

import java.util.List;
import java.util.Objects;
import org.drpwarehouse.schemas.warehouse.QualityTables;

/**
 * The result of one rule for one authority (or {@value QualityTables#WAREHOUSE_SCOPE}) in one gate
 * run: a row of {@code quality_results}.
 *
 * @param metric the share of records in scope meeting the rule (drift: the ratio to earlier runs);
 *     {@code null} when nothing is in scope
 * @param blockThreshold {@code null} for a rule that only warns
 * @param failingIds up to {@value QualityTables#FAILING_IDS_SAMPLE} ids, in id order
 */
public record RuleOutcome(
    String authority,
    String suite,
    String ruleId,
    String severity,
    String clause,
    String hint,
    String status,
    Double metric,
    double warnThreshold,
    Double blockThreshold,
    long applicable,
    long failing,
    List<String> failingIds) {

  public RuleOutcome {
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(status, "status");
    if (!QualityTables.Status.ALL.contains(status)) {
      throw new IllegalArgumentException("Cannot use status " + status + ": use one of " + QualityTables.Status.ALL);
    }
    clause = clause == null ? "" : clause;
    hint = hint == null ? "" : hint;
    failingIds = List.copyOf(failingIds);
  }

  public boolean blocks() {
    return status.equals(QualityTables.Status.BLOCK);
  }

  public boolean warns() {
    return status.equals(QualityTables.Status.WARN);
  }

  /** {@code 93.1%}, or {@code n/a}. */
  public String metricText() {
    return metric == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", metric * 100);
  }
}
