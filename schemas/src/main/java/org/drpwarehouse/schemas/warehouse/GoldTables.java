package org.drpwarehouse.schemas.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.drpwarehouse.schemas.warehouse.TableContract.stringArray;

import java.util.List;

/**
 * The gold tables: every dispute's stage timeline rebuilt against the policy of its authority, as
 * {@code ../shared/domain/metrics.md} defines it, computed as of one date per build.
 *
 * <pre>
 * WAREHOUSE/gold/dispute_stage_visits        one row per stage visit            {@link #STAGE_VISITS}
 * WAREHOUSE/gold/dispute_summary             one row per started dispute        {@link #DISPUTE_SUMMARY}
 * WAREHOUSE/gold/dispute_flags               one row per disagreement flag      {@link #DISPUTE_FLAGS}
 * WAREHOUSE/gold/review_timeliness           one row per SSDA903 review         {@link #REVIEW_TIMELINESS}
 * WAREHOUSE/gold/review_decision_timeliness  one row per circulated review       {@link #REVIEW_DECISIONS}
 * WAREHOUSE/gold/builds                      one row per gold build             {@link #BUILDS}
 * </pre>
 *
 * <p>Ids are the silver pseudonyms: no raw child or worker id reaches gold. Dates are calendar
 * dates in Europe/London; WD counts are {@code wd(D, E)}, the working days d with D &lt; d &le; E.
 */
public final class GoldTables {
  private GoldTables() {}

  public static final String GOLD = "gold";

  /** Columns shared by several gold and mart tables. */
  public static final String AUTHORITY = "authority";
  public static final String DISPUTE_ID = "dispute_id";
  public static final String CHILD_ID = "child_id";
  public static final String PROCESS = "process";
  public static final String RAISED_BY = "raised_by";
  public static final String TEAM = "team";
  public static final String POLICY_ID = "policy_id";
  public static final String POLICY_VERSION = "policy_version";
  public static final String AS_OF_DATE = "as_of_date";

  /** {@link #STAGE_VISITS} columns. */
  public static final class Visit {
    private Visit() {}

    public static final String VISIT_NUMBER = "visit_number";
    public static final String STAGE = "stage";
    public static final String STAGE_RANK = "stage_rank";
    public static final String STAGE_KNOWN = "stage_known";
    public static final String FORMAL = "formal";
    public static final String OPENING_EVENT_ID = "opening_event_id";
    public static final String OPENED_DATE = "opened_date";
    public static final String ENDED_DATE = "ended_date";
    public static final String END_REASON = "end_reason";
    public static final String TIMESCALE = "timescale";
    public static final String BASE_DUE_DATE = "base_due_date";
    public static final String DUE_DATE = "due_date";
    public static final String DUE_DERIVATION = "due_derivation";
    public static final String DUE_CAPPED = "due_capped";
    public static final String EXTENSIONS = "extensions";
    public static final String HOLDS = "holds";
    public static final String EXTENSION_NOT_PROVIDED = "extension_not_provided";
    public static final String HOLD_NOT_PROVIDED = "hold_not_provided";
    public static final String RESPONSE_DATE = "response_date";
    public static final String RESPONSE_STATUS = "response_status";
    public static final String WD_TO_RESPOND = "wd_to_respond";
    public static final String ESCALATED = "escalated";
    public static final String NEXT_STAGE = "next_stage";
    public static final String ESCALATION_LAG_WD = "escalation_lag_wd";
    public static final String PREVIOUS_STAGE = "previous_stage";
    public static final String PREVIOUS_RANK = "previous_rank";
    public static final String HIGHEST_RANK_BEFORE = "highest_rank_before";
    public static final String BYPASS = "bypass";
    public static final String SKIPPED_STAGES = "skipped_stages";
    public static final String CONSULTATION_REQUIRED = "consultation_required";
    public static final String CONSULTED_BEFORE = "consulted_before";
    public static final String RECORDED_ON_FILE = "recorded_on_file";
    public static final String FORM_ATTACHED = "form_attached";
  }

  /** {@link Visit#RESPONSE_STATUS} values. */
  public static final class ResponseStatus {
    private ResponseStatus() {}

    public static final String ON_TIME = "ON_TIME";
    public static final String LATE = "LATE";
    public static final String OVERDUE = "OVERDUE";
    public static final String ENDED_BEFORE_DUE = "ENDED_BEFORE_DUE";
    public static final String PENDING = "PENDING";
    public static final String NO_TIMESCALE = "NO_TIMESCALE";
    public static final List<String> ALL = List.of(ON_TIME, LATE, OVERDUE, ENDED_BEFORE_DUE, PENDING, NO_TIMESCALE);
  }

  /** {@link Visit#END_REASON} values. */
  public static final class EndReason {
    private EndReason() {}

    public static final String ESCALATED = "ESCALATED";
    public static final String DISPUTE_ENDED = "DISPUTE_ENDED";
    public static final String OPEN = "OPEN";
  }

  public static final TableContract STAGE_VISITS =
      TableContract.builder(GOLD, "dispute_stage_visits")
          .grain("one row per stage visit: each STAGE_OPENED of a started dispute, in event order")
          .key(AUTHORITY, DISPUTE_ID, Visit.VISIT_NUMBER)
          .required(AUTHORITY, StringType, "the local authority code")
          .required(DISPUTE_ID, StringType, "the dispute, unique within the authority")
          .column(CHILD_ID, StringType, "the child's pseudonym (keyed HMAC-SHA256 of authority|id)")
          .column(PROCESS, StringType, "CLA, CP, PARTNER or REVERSE")
          .column(RAISED_BY, StringType, "the pseudonym of the IRO or chair who raised the dispute")
          .column(TEAM, StringType, "disputes.team, else the team of the child's allocation on the start date")
          .column(POLICY_ID, StringType, "the policy bound to the authority on the day the dispute was first opened")
          .column(POLICY_VERSION, IntegerType, "the version of that policy in force on that day (or the pinned one)")
          .required(Visit.VISIT_NUMBER, IntegerType, "1 for the first STAGE_OPENED in event order, then 2, 3, ...")
          .column(Visit.STAGE, StringType, "the stage id opened (informal, stage1, drp2, level3, ...)")
          .column(Visit.STAGE_RANK, IntegerType, "0 for informal stages, 1..K for formal stages in ladder order; null when the stage is not in the ladder")
          .required(Visit.STAGE_KNOWN, BooleanType, "the stage id is a stage of the policy's ladder for the dispute's process")
          .column(Visit.FORMAL, BooleanType, "the stage is formal (rank 1 or more)")
          .column(Visit.OPENING_EVENT_ID, StringType, "the event_id of the STAGE_OPENED event (lineage back to bronze)")
          .required(Visit.OPENED_DATE, DateType, "o_i: the date of the STAGE_OPENED event")
          .column(Visit.ENDED_DATE, DateType, "the next visit's opening date, else the dispute's end date; null while the visit is open")
          .required(Visit.END_REASON, StringType, "ESCALATED (a later visit), DISPUTE_ENDED (RESOLVED or CLOSED) or OPEN")
          .column(Visit.TIMESCALE, StringType, "the stage's timescale as the policy states it: '4 WD', 'set by IRO, at most 10 WD', 'none'")
          .column(Visit.BASE_DUE_DATE, DateType, "due(o_i, timescale), or the IRO-set agreed date on opening (capped at the maximum), before extensions and holds")
          .column(Visit.DUE_DATE, DateType, "the base due date replaced by the latest agreed_date of an EXTENSION_AGREED or ON_HOLD at this visit; null when the stage has no timescale and nothing was agreed")
          .column(Visit.DUE_DERIVATION, StringType, "how the due date was derived, in words an inspector can check")
          .required(Visit.DUE_CAPPED, BooleanType, "an IRO-set date beyond the policy's maximum was capped to it (flagged)")
          .required(Visit.EXTENSIONS, IntegerType, "EXTENSION_AGREED events at this visit")
          .required(Visit.HOLDS, IntegerType, "ON_HOLD events at this visit")
          .required(Visit.EXTENSION_NOT_PROVIDED, BooleanType, "an extension was recorded but the policy does not provide for extensions (flagged)")
          .required(Visit.HOLD_NOT_PROVIDED, BooleanType, "a hold was recorded but the policy does not provide for holds (flagged)")
          .column(Visit.RESPONSE_DATE, DateType, "the first RESPONSE_RECEIVED for the stage on or after o_i and before a later visit of the same stage (for meeting stages, also MEETING_HELD)")
          .required(Visit.RESPONSE_STATUS, StringType, "ON_TIME, LATE, OVERDUE, ENDED_BEFORE_DUE, PENDING or NO_TIMESCALE (metrics.md)")
          .column(Visit.WD_TO_RESPOND, IntegerType, "wd(o_i, response date)")
          .required(Visit.ESCALATED, BooleanType, "a later visit exists")
          .column(Visit.NEXT_STAGE, StringType, "the stage of the next visit")
          .column(Visit.ESCALATION_LAG_WD, IntegerType, "wd(due, o_{i+1}) when escalated with no response by the due date, else 0 when escalated; null when not escalated or no due date")
          .column(Visit.PREVIOUS_STAGE, StringType, "the stage of the previous visit; null for the first visit")
          .column(Visit.PREVIOUS_RANK, IntegerType, "the rank of the previous visit; null for the first visit")
          .required(Visit.HIGHEST_RANK_BEFORE, IntegerType, "the highest rank reached before this visit (0 for the first)")
          .required(Visit.BYPASS, BooleanType, "formal and rank > highest rank reached so far + 1 (for the first formal visit: rank > 1)")
          .column(Visit.SKIPPED_STAGES, stringArray(), "the formal stages jumped over, in ladder order (empty when not a bypass)")
          .required(Visit.CONSULTATION_REQUIRED, BooleanType, "the policy requires a consultation before a bypass")
          .column(Visit.CONSULTED_BEFORE, BooleanType, "a MANAGER_CONSULTED on or before o_i and after the previous visit's opening (any date for the first); null when not a bypass")
          .column(Visit.RECORDED_ON_FILE, BooleanType, "the opening was entered on the child's file (null: not recorded)")
          .column(Visit.FORM_ATTACHED, BooleanType, "the notification form was attached (null: not recorded)")
          .required(AS_OF_DATE, DateType, "the build's as-of date: events after it are ignored")
          .build();

  /** {@link #DISPUTE_SUMMARY} columns. */
  public static final class Summary {
    private Summary() {}

    public static final String CATEGORY = "category";
    public static final String THEME = "theme";
    public static final String THEME_MAPPED = "theme_mapped";
    public static final String REVIEW_ID = "review_id";
    public static final String IDENTIFIED_DATE = "identified_date";
    public static final String START_DATE = "start_date";
    public static final String RAISE_LAG_WD = "raise_lag_wd";
    public static final String RAISE_LIMIT_WD = "raise_limit_wd";
    public static final String WITHIN_RAISE_LIMIT = "within_raise_limit";
    public static final String VISITS = "visits";
    public static final String ENTRY_STAGE = "entry_stage";
    public static final String ENTRY_RANK = "entry_rank";
    public static final String INFORMAL_SKIPPED = "informal_skipped";
    public static final String HIGHEST_STAGE = "highest_stage";
    public static final String HIGHEST_RANK = "highest_rank";
    public static final String CURRENT_STAGE = "current_stage";
    public static final String CURRENT_RANK = "current_rank";
    public static final String INFORMAL_DURATION_WD = "informal_duration_wd";
    public static final String INFORMAL_LIMIT_WD = "informal_limit_wd";
    public static final String WITHIN_INFORMAL_LIMIT = "within_informal_limit";
    public static final String FORMAL_START_DATE = "formal_start_date";
    public static final String END_DATE = "end_date";
    public static final String STATUS = "status";
    public static final String FORMAL_WD = "formal_wd";
    public static final String TOTAL_LIMIT_WD = "total_limit_wd";
    public static final String WITHIN_TOTAL_LIMIT = "within_total_limit";
    public static final String RESOLUTION_STAGE = "resolution_stage";
    public static final String RESOLUTION_RANK = "resolution_rank";
    public static final String OUTCOME = "outcome";
    public static final String STAGES_LATE = "stages_late";
    public static final String BYPASSES = "bypasses";
    public static final String BYPASSES_WITHOUT_CONSULTATION = "bypasses_without_consultation";
    public static final String CAFCASS_REFERRAL_DATE = "cafcass_referral_date";
    public static final String CAFCASS_STAGE = "cafcass_stage";
    public static final String CAFCASS_CONCURRENT = "cafcass_concurrent";
    public static final String CAFCASS_NOTICE_DATE = "cafcass_notice_date";
    public static final String CAFCASS_NOTICE_LEAD_WD = "cafcass_notice_lead_wd";
    public static final String CAFCASS_NOTICE_REQUIRED_WD = "cafcass_notice_required_wd";
    public static final String CAFCASS_NOTICE_COMPLIANT = "cafcass_notice_compliant";
    public static final String CAFCASS_INFORM_REQUIRED = "cafcass_inform_required";
    public static final String CAFCASS_INFORMED = "cafcass_informed";
    public static final String CAFCASS_CONSULTED = "cafcass_consulted";
    public static final String CHILD_INFORMED = "child_informed";
    public static final String OPENINGS_ON_FILE = "openings_on_file";
    public static final String FORMS_ATTACHED = "forms_attached";
    public static final String ENDING_ON_FILE = "ending_on_file";
    public static final String RECORDING_COMPLETE = "recording_complete";
    public static final String AGE_WD = "age_wd";
    public static final String AGE_BAND = "age_band";
    public static final String REPEAT = "repeat";
    public static final String FLAGS = "flags";
  }

  /** {@link Summary#STATUS} values. */
  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  /** {@link Summary#AGE_BAND} values, for open disputes (metrics.md). */
  public static final List<String> AGE_BANDS = List.of("0-5 WD", "6-10 WD", "11-20 WD", "over 20 WD");

  public static final TableContract DISPUTE_SUMMARY =
      TableContract.builder(GOLD, "dispute_summary")
          .grain("one row per dispute with at least one STAGE_OPENED on or before the as-of date")
          .key(AUTHORITY, DISPUTE_ID)
          .required(AUTHORITY, StringType, "the local authority code")
          .required(DISPUTE_ID, StringType, "the dispute, unique within the authority")
          .column(CHILD_ID, StringType, "the child's pseudonym")
          .column(PROCESS, StringType, "CLA, CP, PARTNER or REVERSE")
          .column(RAISED_BY, StringType, "the pseudonym of the IRO or chair who raised it (the dispute's IRO)")
          .column(TEAM, StringType, "disputes.team, else the team of the child's allocation on the start date")
          .column(POLICY_ID, StringType, "the policy bound to the authority on the start date")
          .column(POLICY_VERSION, IntegerType, "the version of that policy judging the dispute")
          .column(Summary.CATEGORY, StringType, "the authority's own category code, as recorded")
          .column(Summary.THEME, StringType, "the canonical theme the policy maps the category to; 'unmapped' (ThemeTaxonomy.UNMAPPED) when it maps none")
          .required(Summary.THEME_MAPPED, BooleanType, "the category maps to a canonical theme (an unmapped one is kept and flagged)")
          .column(Summary.REVIEW_ID, StringType, "the review or conference it arose from")
          .column(Summary.IDENTIFIED_DATE, DateType, "the day the IRO identified the problem")
          .required(Summary.START_DATE, DateType, "the first STAGE_OPENED date")
          .column(Summary.RAISE_LAG_WD, IntegerType, "wd(identified_date, start) where the policy has a raise limit")
          .column(Summary.RAISE_LIMIT_WD, IntegerType, "the policy's raise limit (1 WD in constructive-challenge); null for none")
          .column(Summary.WITHIN_RAISE_LIMIT, BooleanType, "raise lag <= the raise limit; null where not applicable")
          .required(Summary.VISITS, IntegerType, "stage visits")
          .column(Summary.ENTRY_STAGE, StringType, "the stage of the first visit")
          .column(Summary.ENTRY_RANK, IntegerType, "the rank of the first visit")
          .required(Summary.INFORMAL_SKIPPED, BooleanType, "the first visit is formal")
          .column(Summary.HIGHEST_STAGE, StringType, "the stage of the highest rank visited")
          .column(Summary.HIGHEST_RANK, IntegerType, "the highest rank visited")
          .column(Summary.CURRENT_STAGE, StringType, "the stage of the last visit")
          .column(Summary.CURRENT_RANK, IntegerType, "the rank of the last visit")
          .column(Summary.INFORMAL_DURATION_WD, IntegerType, "when the first visit is informal: wd(start, first formal opening, else end, else as-of)")
          .column(Summary.INFORMAL_LIMIT_WD, IntegerType, "the policy's informal limit (Calderdale 10, constructive-challenge 5); null for none")
          .column(Summary.WITHIN_INFORMAL_LIMIT, BooleanType, "informal duration <= informal limit; null where not applicable")
          .column(Summary.FORMAL_START_DATE, DateType, "the opening date of the first formal visit")
          .column(Summary.END_DATE, DateType, "the date of the first RESOLVED or CLOSED; null while open")
          .required(Summary.STATUS, StringType, "OPEN or CLOSED at the as-of date")
          .column(Summary.FORMAL_WD, IntegerType, "wd(formal start, end), or wd(formal start, as-of) while open")
          .column(Summary.TOTAL_LIMIT_WD, IntegerType, "the policy's total limit for the formal process (20); null where none is stated")
          .column(Summary.WITHIN_TOTAL_LIMIT, BooleanType, "formal WD <= the total limit; null without a formal stage or a limit")
          .column(Summary.RESOLUTION_STAGE, StringType, "the stage of the ending event")
          .column(Summary.RESOLUTION_RANK, IntegerType, "the rank of the ending event's stage")
          .column(Summary.OUTCOME, StringType, "RESOLVED, WITHDRAWN, NO_FURTHER_ACTION or REFERRED_TO_CAFCASS")
          .required(Summary.STAGES_LATE, IntegerType, "visits whose response status is LATE or OVERDUE")
          .required(Summary.BYPASSES, IntegerType, "visits that bypass a stage")
          .required(Summary.BYPASSES_WITHOUT_CONSULTATION, IntegerType, "bypasses with no prior consultation where the policy requires one")
          .column(Summary.CAFCASS_REFERRAL_DATE, DateType, "the first CAFCASS_REFERRAL, else the ending event with outcome REFERRED_TO_CAFCASS")
          .column(Summary.CAFCASS_STAGE, StringType, "the stage current at the referral")
          .column(Summary.CAFCASS_CONCURRENT, BooleanType, "the referral was made on or before the formal start, or with no formal stage at all")
          .column(Summary.CAFCASS_NOTICE_DATE, DateType, "the last CAFCASS_NOTICE on or before the referral")
          .column(Summary.CAFCASS_NOTICE_LEAD_WD, IntegerType, "wd(notice date, referral date)")
          .column(Summary.CAFCASS_NOTICE_REQUIRED_WD, IntegerType, "the policy's notice lead (2 WD Calderdale, 0 'before'); null where the policy sets no notice rule")
          .column(Summary.CAFCASS_NOTICE_COMPLIANT, BooleanType, "a notice exists and its lead >= the policy's; null without a referral or a notice rule")
          .column(Summary.CAFCASS_INFORM_REQUIRED, stringArray(), "the roles the policy says must be told before a referral (DCS, NOMINATED_OFFICER, ...)")
          .column(Summary.CAFCASS_INFORMED, BooleanType, "a CAFCASS_NOTICE to one of the roles the policy names went on or before the referral (one notice is one message, which may go to several of them); null without a referral or a requirement")
          .required(Summary.CAFCASS_CONSULTED, BooleanType, "a CAFCASS_CONSULTED event exists (discussed with Cafcass)")
          .required(Summary.CHILD_INFORMED, BooleanType, "a CHILD_INFORMED event exists")
          .required(Summary.OPENINGS_ON_FILE, BooleanType, "every STAGE_OPENED has recorded_on_file = Y")
          .required(Summary.FORMS_ATTACHED, BooleanType, "every formal STAGE_OPENED has form_attached = Y (true when there is none)")
          .column(Summary.ENDING_ON_FILE, BooleanType, "the ending event has recorded_on_file = Y; null while open")
          .required(Summary.RECORDING_COMPLETE, BooleanType, "openings on file, forms attached and (once ended) the ending on file")
          .column(Summary.AGE_WD, IntegerType, "open disputes: wd(start, as-of)")
          .column(Summary.AGE_BAND, StringType, "open disputes: 0-5 WD, 6-10 WD, 11-20 WD or over 20 WD")
          .required(Summary.REPEAT, BooleanType, "the same child had an earlier dispute with the same theme started within 365 days before")
          .column(Summary.FLAGS, stringArray(), "the flag ids of this dispute (see dispute_flags)")
          .required(AS_OF_DATE, DateType, "the build's as-of date")
          .build();

  /** {@link #DISPUTE_FLAGS} columns and flag ids. */
  public static final class Flag {
    private Flag() {}

    public static final String FLAG = "flag";
    public static final String DETAIL = "detail";

    /** An IRO-set due date beyond the policy's maximum (capped). */
    public static final String DUE_DATE_CAPPED = "due_date_capped";
    /** An extension where the policy provides for none. */
    public static final String EXTENSION_NOT_PROVIDED = "extension_not_provided";
    /** A hold where the policy provides for none. */
    public static final String HOLD_NOT_PROVIDED = "hold_not_provided";
    /** An ending with outcome REFERRED_TO_CAFCASS and no CAFCASS_REFERRAL event. */
    public static final String CAFCASS_OUTCOME_WITHOUT_REFERRAL = "cafcass_outcome_without_referral";
    /** A CAFCASS_REFERRAL event and an ending whose outcome is not REFERRED_TO_CAFCASS. */
    public static final String CAFCASS_REFERRAL_WITHOUT_OUTCOME = "cafcass_referral_without_outcome";
    /** A category the policy does not map to a canonical theme. */
    public static final String UNMAPPED_CATEGORY = "unmapped_category";
    /** A stage id that is not in the policy's ladder for the process. */
    public static final String UNKNOWN_STAGE = "unknown_stage";
    /** A dispute with no policy binding on its start date. */
    public static final String NO_POLICY = "no_policy";

    public static final List<String> ALL = List.of(DUE_DATE_CAPPED, EXTENSION_NOT_PROVIDED, HOLD_NOT_PROVIDED,
        CAFCASS_OUTCOME_WITHOUT_REFERRAL, CAFCASS_REFERRAL_WITHOUT_OUTCOME, UNMAPPED_CATEGORY, UNKNOWN_STAGE, NO_POLICY);
  }

  public static final TableContract DISPUTE_FLAGS =
      TableContract.builder(GOLD, "dispute_flags")
          .grain("one row per place where the data and the policy disagree")
          .key(AUTHORITY, DISPUTE_ID, Flag.FLAG, Visit.VISIT_NUMBER)
          .required(AUTHORITY, StringType, "the local authority code")
          .required(DISPUTE_ID, StringType, "the dispute")
          .column(Visit.VISIT_NUMBER, IntegerType, "the visit the flag is about; null for a dispute-level flag")
          .required(Flag.FLAG, StringType, "the flag id: " + String.join(", ", Flag.ALL))
          .required(Flag.DETAIL, StringType, "what disagrees, in words")
          .column(POLICY_ID, StringType, "the policy the dispute is judged by")
          .column(POLICY_VERSION, IntegerType, "its version")
          .required(AS_OF_DATE, DateType, "the build's as-of date")
          .build();

  /** {@link #REVIEW_TIMELINESS} columns. */
  public static final class Review {
    private Review() {}

    public static final String REVIEW_DATE = "review_date";
    public static final String REVIEW_CODE = "review_code";
    public static final String CARE_START_DATE = "care_start_date";
    public static final String REVIEW_NUMBER = "review_number";
    public static final String PREVIOUS_REVIEW_DATE = "previous_review_date";
    public static final String DUE_BY = "due_by";
    public static final String ASSESSABLE = "assessable";
    public static final String IN_TIMESCALE = "in_timescale";
  }

  public static final TableContract REVIEW_TIMELINESS =
      TableContract.builder(GOLD, "review_timeliness")
          .grain("one row per SSDA903 review on or before the as-of date")
          .key(AUTHORITY, CHILD_ID, Review.REVIEW_DATE)
          .required(AUTHORITY, StringType, "the local authority code")
          .column(CHILD_ID, StringType, "the child's pseudonym")
          .required(Review.REVIEW_DATE, DateType, "the SSDA903 REVIEW date")
          .column(Review.REVIEW_CODE, StringType, "the participation code PN0..PN7")
          .column(Review.CARE_START_DATE, DateType, "the start of the period of care the review belongs to (the DECOM of its episode with RNE = S)")
          .column(Review.REVIEW_NUMBER, IntegerType, "1 for the first review of the period of care, then 2, 3, ...")
          .column(Review.PREVIOUS_REVIEW_DATE, DateType, "the previous review in the same period of care")
          .column(Review.DUE_BY, DateType, "reg. 33: the first within 20 WD of care starting, the second within 3 months of the first, later ones within 6 months of the previous")
          .required(Review.ASSESSABLE, BooleanType, "the period of care's start is known, so the interval can be checked")
          .column(Review.IN_TIMESCALE, BooleanType, "review date <= due by; null when not assessable")
          .required(AS_OF_DATE, DateType, "the build's as-of date")
          .build();

  /** {@link #REVIEW_DECISIONS} columns. */
  public static final class Decision {
    private Decision() {}

    public static final String DECISIONS_SENT_DATE = "decisions_sent_date";
    public static final String SENT_WD = "sent_wd";
    public static final String SENT_IN_TIME = "sent_in_time";
    public static final String MANAGER_RESPONSE_DATE = "manager_response_date";
    public static final String RESPONSE_WD = "response_wd";
    public static final String RESPONSE_IN_TIME = "response_in_time";
    /** 002 review decisions: 5 WD to send, 5 WD to respond. */
    public static final int LIMIT_WD = 5;
  }

  public static final TableContract REVIEW_DECISIONS =
      TableContract.builder(GOLD, "review_decision_timeliness")
          .grain("one row per review whose decisions were circulated (review_decisions.csv)")
          .key(AUTHORITY, CHILD_ID, Review.REVIEW_DATE)
          .required(AUTHORITY, StringType, "the local authority code")
          .column(CHILD_ID, StringType, "the child's pseudonym")
          .required(Review.REVIEW_DATE, DateType, "the review date")
          .column(Decision.DECISIONS_SENT_DATE, DateType, "the IRO sent the decisions to the team manager")
          .column(Decision.SENT_WD, IntegerType, "wd(review date, decisions sent)")
          .column(Decision.SENT_IN_TIME, BooleanType, "sent within 5 WD of the review (002); null when not sent")
          .column(Decision.MANAGER_RESPONSE_DATE, DateType, "the team manager agreed or disputed them")
          .column(Decision.RESPONSE_WD, IntegerType, "wd(decisions sent, manager response)")
          .column(Decision.RESPONSE_IN_TIME, BooleanType, "responded within 5 WD of receipt (002); null when either date is missing")
          .required(AS_OF_DATE, DateType, "the build's as-of date")
          .build();

  /** {@link #BUILDS} columns. */
  public static final class Build {
    private Build() {}

    public static final String BUILD_ID = "build_id";
    public static final String BUILT_AT = "built_at";
    public static final String MODE = "mode";
    public static final String AFFECTED_DISPUTES = "affected_disputes";
    public static final String SOURCE_VERSIONS = "source_versions";
    public static final String ROWS = "rows";
    public static final String INGESTED_THROUGH = "ingested_through";
    public static final String POLICY_FINGERPRINT = "policy_fingerprint";
    public static final String FULL = "FULL";
    public static final String INCREMENTAL = "INCREMENTAL";
  }

  public static final TableContract BUILDS =
      TableContract.builder(GOLD, "builds")
          .grain("one row per gold build: its as-of date and what it read")
          .key(Build.BUILD_ID)
          .required(Build.BUILD_ID, StringType, "the build's id")
          .required(Build.BUILT_AT, TimestampType, "when the build ran")
          .required(AS_OF_DATE, DateType, "the as-of date every gold table of this build was computed at")
          .required(Build.MODE, StringType, "FULL (rebuilt) or INCREMENTAL (affected disputes MERGEd)")
          .column(Build.AFFECTED_DISPUTES, LongType, "disputes recomputed by an incremental build")
          .column(Build.SOURCE_VERSIONS, org.apache.spark.sql.types.DataTypes.createMapType(StringType, LongType), "the Delta version of each silver table read")
          .column(Build.ROWS, org.apache.spark.sql.types.DataTypes.createMapType(StringType, LongType), "rows written per gold table")
          .column(Build.INGESTED_THROUGH, TimestampType, "the latest bronze load time of any silver record read: an incremental build recomputes the disputes touched by later loads")
          .required(Build.POLICY_FINGERPRINT, StringType, "a digest of the policies and bindings used: when they change, an incremental build rebuilds in full")
          .build();

  /** Every gold table derived from silver, in build order (not {@link #BUILDS}). */
  public static final List<TableContract> DERIVED =
      List.of(STAGE_VISITS, DISPUTE_SUMMARY, DISPUTE_FLAGS, REVIEW_TIMELINESS, REVIEW_DECISIONS);
}
