package org.drpwarehouse.schemas.policy;

import java.util.List;

/**
 * The ids of the rules a policy's clauses are cited for. The quality gate uses the same ids for its
 * recording-requirement constraints, so that every failing check names the clause it enforces.
 */
public final class PolicyRules {
  private PolicyRules() {}

  /** Every stage opening is entered on the child's file / chronology. */
  public static final String STAGE_ON_FILE = "record.stage_on_file";
  /** Every formal stage opening has its notification form attached to the child's file. */
  public static final String FORM_ATTACHED = "record.form_attached";
  /** The ending (resolution or closure) is recorded on the child's file. */
  public static final String ENDING_ON_FILE = "record.ending_on_file";
  /** The child is told that a challenge is made on their behalf, and of advocacy and complaints. */
  public static final String CHILD_INFORMED = "record.child_informed";
  /** Consultation before a bypass, where the policy requires it. */
  public static final String BYPASS_CONSULTATION = "bypass.consultation";
  /** Notice before a Cafcass referral, with the policy's lead time. */
  public static final String CAFCASS_NOTICE = "cafcass.notice";
  /** The DCS / nominated officer / senior managers told before a Cafcass referral. */
  public static final String CAFCASS_INFORM = "cafcass.inform";
  /** Extensions of a stage's timescale. */
  public static final String EXTENSIONS = "timescale.extensions";
  /** Putting a dispute on hold. */
  public static final String HOLDS = "timescale.holds";
  /** The 20 working day total of the formal process. */
  public static final String TOTAL_LIMIT = "timescale.total";

  public static final List<String> ALL =
      List.of(
          STAGE_ON_FILE, FORM_ATTACHED, ENDING_ON_FILE, CHILD_INFORMED, BYPASS_CONSULTATION, CAFCASS_NOTICE,
          CAFCASS_INFORM, EXTENSIONS, HOLDS, TOTAL_LIMIT);
}
