package org.drpwarehouse.schemas.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code policy_bindings.csv}: from {@code effectiveFrom}, disputes an authority first
 * opens are judged by policy {@code policyId}.
 *
 * <p>Contract: {@code authority} is the authority's code as it appears in the dispute files (e.g.
 * the DfE LA number {@code 381}); {@code authorityName} is for people and may be {@code null};
 * {@code policyVersion} pins one version, or is {@code null} for "the version of the policy in force
 * on the day the dispute was first opened". Which version judges a dispute is decided by
 * {@link PolicyBindings#policyFor}.
 */
public record PolicyBinding(
    String authority, String authorityName, String policyId, Integer policyVersion, LocalDate effectiveFrom) {

  public PolicyBinding {
    if (authority == null || authority.isBlank()) {
      throw new IllegalArgumentException("A policy binding needs an authority code");
    }
    if (policyId == null || policyId.isBlank()) {
      throw new IllegalArgumentException("The policy binding of authority " + authority + " needs a policy id");
    }
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    if (policyVersion != null && policyVersion < 1) {
      throw new IllegalArgumentException("A pinned policy version must be 1 or more: " + policyVersion);
    }
    authority = authority.strip();
    policyId = policyId.strip();
    // Absent and blank mean the same in the CSV, so they are the same here: read(write(x)) == x.
    authorityName = authorityName == null || authorityName.isBlank() ? null : authorityName.strip();
  }

  /** The name where one is given, else the code. */
  public String displayName() {
    return authorityName != null ? authorityName : authority;
  }
}
