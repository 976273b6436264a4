package org.drpwarehouse.quality;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one gate run decided, and where it wrote its results.
 *
 * <p>Contract: an authority is publishable when no warehouse-wide check fails and none of its own
 * blocking rules fails. {@link #status()} is {@link GateStatus#BLOCKED} when nothing may be
 * published (a warehouse-wide failure, or every authority withheld), {@link GateStatus#PASS} when
 * every rule of every authority passes, else {@link GateStatus#PASS_WITH_WARNINGS} (warnings, or
 * some authorities withheld while the others publish).
 *
 * @param runId the run's id in {@code quality_results}, the exceptions and the report folder
 * @param authorities one decision per authority found in the checked tables, by authority code
 * @param warehouseFailures warehouse-wide rules that block (any one stops all publication)
 * @param outcomes every rule result of the run (the rows written to {@code quality_results})
 */
public record GateResult(
    String runId,
    Instant runAt,
    LocalDate asOf,
    GateStatus status,
    List<AuthorityDecision> authorities,
    List<RuleOutcome> warehouseFailures,
    List<RuleOutcome> outcomes,
    URI resultsTable,
    URI exceptionsTable,
    URI reportHtml,
    URI reportMarkdown) {

  public GateResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    authorities = List.copyOf(authorities);
    warehouseFailures = List.copyOf(warehouseFailures);
    outcomes = List.copyOf(outcomes);
  }

  /** Whether the authority's figures may be published by this run. */
  public boolean publishable(String authority) {
    return warehouseFailures.isEmpty() && decision(authority).map(AuthorityDecision::passes).orElse(false);
  }

  public Optional<AuthorityDecision> decision(String authority) {
    return authorities.stream().filter(d -> d.authority().equals(authority)).findFirst();
  }

  /** The authorities withheld from publication (all of them when a warehouse-wide check fails). */
  public List<String> withheld() {
    return authorities.stream().map(AuthorityDecision::authority).filter(a -> !publishable(a)).toList();
  }

  /** The outcomes of one rule, one per authority (or the warehouse). */
  public List<RuleOutcome> outcomes(String ruleId) {
    return outcomes.stream().filter(o -> o.ruleId().equals(ruleId)).toList();
  }
}
