package org.drpwarehouse.quality;

import java.util.List;
import java.util.Objects;

/**
 * The gate's decision for one authority: withheld from publication when any blocking rule fails,
 * else published (with its warnings shown).
 *
 * @param blocking the rules below their blocking threshold (empty: the authority may publish)
 * @param warnings the rules below their warning threshold only
 */
public record AuthorityDecision(String authority, List<RuleOutcome> blocking, List<RuleOutcome> warnings) {
  public AuthorityDecision {
    Objects.requireNonNull(authority, "authority");
    blocking = List.copyOf(blocking);
    warnings = List.copyOf(warnings);
  }

  /** Whether the authority's own checks allow it to publish (the warehouse checks aside). */
  public boolean passes() {
    return blocking.isEmpty();
  }

  /** {@code PASS}, {@code PASS_WITH_WARNINGS} or {@code BLOCKED} for this authority alone. */
  public GateStatus status() {
    if (!blocking.isEmpty()) {
      return GateStatus.BLOCKED;
    }
    return warnings.isEmpty() ? GateStatus.PASS : GateStatus.PASS_WITH_WARNINGS;
  }

  /** The ids of the failing blocking rules, e.g. {@code [record.stage_on_file]}. */
  public List<String> blockingRuleIds() {
    return blocking.stream().map(RuleOutcome::ruleId).distinct().toList();
  }
}
