package org.drpwarehouse.schemas.policy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.drpwarehouse.schemas.DisputeProcess;

/**
 * An authority's dispute resolution policy, one version of it: the stage ladder of each process, the
 * Cafcass rule, whether extensions and holds are provided for, the mapping of the authority's own
 * category codes onto canonical themes, and the clause each recording requirement comes from.
 *
 * <p>A process the policy does not define falls back to its CLA ladder ({@link #ladder}).
 *
 * @param id a stable id, e.g. {@code calderdale}
 * @param version 1, 2, ...: a new version for every change in force from a new date
 * @param effectiveFrom the first day this version applies to disputes first opened on or after it
 * @param seed the document the policy was read from
 * @param categories the authority's category code to a canonical theme id
 * @param clauses rule id (see {@link PolicyRules}) to the clause of the policy that states it
 */
public record Policy(
    String id,
    int version,
    LocalDate effectiveFrom,
    String name,
    String seed,
    Map<DisputeProcess, Ladder> ladders,
    CafcassRule cafcass,
    boolean extensionsAllowed,
    boolean holdsAllowed,
    Map<String, String> categories,
    Map<String, String> clauses) {

  public Policy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(cafcass, "cafcass");
    if (!id.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("Cannot use policy id '" + id + "': use lower-case letters, digits and -");
    }
    if (version < 1) {
      throw new IllegalArgumentException("Policy " + id + " version must be 1 or more: " + version);
    }
    if (!ladders.containsKey(DisputeProcess.CLA)) {
      throw new IllegalArgumentException("Policy " + id + " must define a CLA ladder");
    }
    // In process order, so that the policy's text (and the build fingerprint made from it) is the
    // same in every JVM; Map.copyOf's iteration order changes from one JVM start to the next.
    ladders = java.util.Collections.unmodifiableMap(new EnumMap<>(ladders));
    categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    clauses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clauses));
    name = name == null ? id : name;
    seed = seed == null ? "" : seed;
  }

  /** The ladder for a process: its own, or the CLA ladder where the policy defines none. */
  public Ladder ladder(DisputeProcess process) {
    Ladder own = ladders.get(process);
    return own != null ? own : ladders.get(DisputeProcess.CLA);
  }

  /** Whether the policy defines a ladder of its own for the process. */
  public boolean definesLadder(DisputeProcess process) {
    return ladders.containsKey(process);
  }

  /** The Cafcass rule where the process has a Cafcass route (looked-after children only). */
  public Optional<CafcassRule> cafcassRule(DisputeProcess process) {
    return process.hasCafcassRoute() ? Optional.of(cafcass) : Optional.empty();
  }

  /** The canonical theme of one of the authority's category codes, if mapped. */
  public Optional<String> themeOf(String category) {
    return Optional.ofNullable(categories.get(category));
  }

  /** The clause of the policy behind a rule, or an empty string. */
  public String clause(String ruleId) {
    return clauses.getOrDefault(ruleId, "");
  }

  /** {@code calderdale v1}. */
  public String reference() {
    return id + " v" + version;
  }
}
