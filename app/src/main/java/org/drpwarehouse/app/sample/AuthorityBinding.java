package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code policy_bindings.csv} as the generator wrote it: from {@code effectiveFrom}, the
 * authority's disputes follow the preset {@code policyId} (its latest version: the file leaves
 * {@code policy_version} empty). An authority that changes preset has a second row.
 */
public record AuthorityBinding(String authority, String authorityName, String policyId, LocalDate effectiveFrom) {
  public AuthorityBinding {
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(authorityName, "authorityName");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
  }
}
