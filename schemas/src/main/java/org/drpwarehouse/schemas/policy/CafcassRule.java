package org.drpwarehouse.schemas.policy;

import java.util.List;
import java.util.Optional;
import org.drpwarehouse.schemas.Role;

/**
 * What must happen before an IRO refers a looked-after child's case to Cafcass.
 *
 * @param noticeLeadWd minimum WD between the last {@code CAFCASS_NOTICE} and the referral ({@code 0}
 *     where the policy only says "before"); {@code null} where the policy sets no notice rule
 * @param mustInform roles that must have been told before the referral (DCS, nominated officer, ...)
 * @param consultBefore people the IRO consults first, in the policy's words
 * @param internalRouteFirst the policy expects the internal stages to be tried first
 * @param clause the seed clause
 */
public record CafcassRule(
    Integer noticeLeadWd,
    List<Role> mustInform,
    List<String> consultBefore,
    boolean internalRouteFirst,
    String clause) {

  public CafcassRule {
    if (noticeLeadWd != null && noticeLeadWd < 0) {
      throw new IllegalArgumentException("Cafcass notice lead cannot be negative: " + noticeLeadWd);
    }
    mustInform = mustInform == null ? List.of() : List.copyOf(mustInform);
    consultBefore = consultBefore == null ? List.of() : List.copyOf(consultBefore);
    clause = clause == null ? "" : clause;
  }

  public Optional<Integer> noticeLead() {
    return Optional.ofNullable(noticeLeadWd);
  }

  public boolean hasNoticeRule() {
    return noticeLeadWd != null;
  }
}
