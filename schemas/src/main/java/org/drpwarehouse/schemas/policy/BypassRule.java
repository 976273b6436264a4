package org.drpwarehouse.schemas.policy;

import org.drpwarehouse.schemas.Role;

/**
 * Whether the IRO must consult someone before bypassing a stage. A bypass is entering above formal
 * stage 1, or escalating more than one rank above the highest reached.
 *
 * @param consultationRequired a {@code MANAGER_CONSULTED} event must precede the bypass
 * @param consultWith who is consulted (the IRO's manager, usually), for documentation
 * @param emergencyException the policy waives consultation in emergencies
 * @param clause the seed clause
 */
public record BypassRule(boolean consultationRequired, Role consultWith, String consultWithLabel,
    boolean emergencyException, String clause) {

  public BypassRule {
    if (consultationRequired && consultWith == null) {
      throw new IllegalArgumentException("A bypass rule that requires consultation must say with whom");
    }
    consultWithLabel = consultWithLabel == null ? "" : consultWithLabel;
    clause = clause == null ? "" : clause;
  }

  public static BypassRule noConsultation(String clause) {
    return new BypassRule(false, null, "", false, clause);
  }
}
