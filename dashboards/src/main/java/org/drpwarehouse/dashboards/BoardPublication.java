package org.drpwarehouse.dashboards;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the board dashboard says about one publication besides its figures: its id, when it was
 * published, the as-of date of its figures, every authority it covers with the quality gate's
 * verdict on it, the overall verdict, and a link to the full quality report.
 *
 * <p>Contract: authority codes are unique; a {@link GateStatus#WITHHELD} authority names at least
 * one failing rule, and nothing of its figures is published (the site gives it a page saying so);
 * {@link GateStatus#WARN} findings are shown beside the figures. {@code reportLink} may be null
 * (no report to link to); a relative link is resolved against the site's folder.
 *
 * @param id the publication id, e.g. {@code 2025-07-01T0900}
 * @param publishedAt when it was published
 * @param asOfDate the as-of date of the gold build it publishes
 * @param authorities every authority covered, in the order the site lists them
 * @param status the overall verdict of the quality gate
 * @param reportLink the quality report, or null
 */
public record BoardPublication(String id, Instant publishedAt, LocalDate asOfDate, List<Authority> authorities,
    GateStatus status, URI reportLink) {

  /** The quality gate's verdict. */
  public enum GateStatus {
    /** Every check passed. */
    PASS,
    /** Published, with warnings the board should read beside the figures. */
    WARN,
    /** Not published: an error-level check failed. */
    WITHHELD
  }

  /** A rule the gate reported: its id (e.g. {@code gold.visits.due_date_present}) and what it found. */
  public record Finding(String ruleId, String message) {
    public Finding {
      requireText(ruleId, "a finding's rule id");
      requireText(message, "the message of finding " + ruleId);
    }
  }

  /**
   * One authority: its code (as in the marts), the name the page shows, the gate's verdict, and
   * the rules behind it (failing rules when withheld, warnings otherwise).
   */
  public record Authority(String code, String name, GateStatus status, List<Finding> findings) {
    public Authority {
      requireText(code, "an authority's code");
      requireText(name, "the name of authority " + code);
      Objects.requireNonNull(status, "status of authority " + code);
      findings = List.copyOf(findings);
      if (status == GateStatus.WITHHELD && findings.isEmpty()) {
        throw new IllegalArgumentException("Cannot withhold authority " + code
            + " without a reason: name the failing rules in its findings");
      }
    }

    public boolean published() {
      return status != GateStatus.WITHHELD;
    }
  }

  public BoardPublication {
    requireText(id, "the publication id");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(asOfDate, "asOfDate");
    Objects.requireNonNull(status, "status");
    authorities = List.copyOf(authorities);
    if (authorities.isEmpty()) {
      throw new IllegalArgumentException("Cannot publish " + id + " for no authority: list at least one");
    }
    Set<String> codes = new HashSet<>();
    for (Authority authority : authorities) {
      if (!codes.add(authority.code())) {
        throw new IllegalArgumentException("Publication " + id + " lists authority " + authority.code() + " twice");
      }
    }
  }

  /** The authorities whose figures are published, in order. */
  public List<Authority> published() {
    return authorities.stream().filter(Authority::published).toList();
  }

  /** The withheld authorities, in order. */
  public List<Authority> withheld() {
    return authorities.stream().filter(a -> !a.published()).toList();
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Cannot publish without " + what);
    }
  }
}
