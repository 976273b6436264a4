package org.drpwarehouse.schemas.warehouse;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The marts people read: aggregates of the gold tables by authority, breakdown (the whole
 * authority, a team, an IRO, a theme) and period (calendar month, financial quarter, financial
 * year), each record counted in the period {@code metrics.md} names. Counts are unsuppressed here;
 * dashboards and reports suppress small numbers before anything reaches a page.
 *
 * <p>Every mart keeps numerators and denominators, never a bare share, so that a share can be
 * shown only where both are publishable, and any roll-up stays exact.
 *
 * <p>Periods ({@link #PERIOD}): {@code 2024-05} for a month, {@code 2024-25 Q1} for April to June
 * 2024, {@code 2024-25} for 1 April 2024 to 31 March 2025.
 */
public final class MartTables {
  private MartTables() {}

  public static final String AUTHORITY = GoldTables.AUTHORITY;
  public static final String BREAKDOWN = "breakdown";
  public static final String BREAKDOWN_VALUE = "breakdown_value";
  public static final String PERIOD_TYPE = "period_type";
  public static final String PERIOD = "period";
  public static final String PERIOD_START = "period_start";
  public static final String PROCESS = GoldTables.PROCESS;
  public static final String AS_OF_DATE = GoldTables.AS_OF_DATE;

  /** {@link #BREAKDOWN} values. {@code ALL} has {@link #BREAKDOWN_VALUE} {@value #ALL_VALUE}. */
  public static final class Breakdown {
    private Breakdown() {}

    public static final String ALL = "ALL";
    public static final String TEAM = "TEAM";
    public static final String IRO = "IRO";
    public static final String THEME = "THEME";
  }

  public static final String ALL_VALUE = "all";

  /** {@link #PERIOD_TYPE} values. */
  public static final class PeriodType {
    private PeriodType() {}

    public static final String MONTH = "MONTH";
    public static final String QUARTER = "QUARTER";
    public static final String FINANCIAL_YEAR = "FINANCIAL_YEAR";
    public static final List<String> ALL = List.of(MONTH, QUARTER, FINANCIAL_YEAR);
  }

  /** {@code 2024-25}: the financial year (1 April to 31 March) a date falls in. */
  public static String financialYear(LocalDate date) {
    int start = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    return start + "-" + String.format("%02d", (start + 1) % 100);
  }

  /** {@code 2024-25 Q1}: the financial quarter (Q1 = April to June) a date falls in. */
  public static String financialQuarter(LocalDate date) {
    int quarter = ((date.getMonthValue() + 8) % 12) / 3 + 1;
    return financialYear(date) + " Q" + quarter;
  }

  /** {@code 2024-05}: the calendar month. */
  public static String month(LocalDate date) {
    return String.format("%04d-%02d", date.getYear(), date.getMonthValue());
  }

  private static List<TableColumn> dimensions(boolean breakdown, boolean period, String processText) {
    List<TableColumn> columns = new ArrayList<>();
    columns.add(new TableColumn(AUTHORITY, StringType, false, "the local authority code"));
    if (breakdown) {
      columns.add(new TableColumn(BREAKDOWN, StringType, false, "ALL (the whole authority), TEAM, IRO or THEME"));
      columns.add(new TableColumn(BREAKDOWN_VALUE, StringType, false,
          "'all', the team's name, the IRO's pseudonym or the theme id; '(none)' where the record has none"));
    }
    if (period) {
      columns.add(new TableColumn(PERIOD_TYPE, StringType, false, "MONTH, QUARTER or FINANCIAL_YEAR"));
      columns.add(new TableColumn(PERIOD, StringType, false, "2024-05, 2024-25 Q1 or 2024-25"));
      columns.add(new TableColumn(PERIOD_START, DateType, false, "the first day of the period (for ordering)"));
    }
    if (processText != null) {
      columns.add(new TableColumn(PROCESS, StringType, false, processText));
    }
    return columns;
  }

  private static TableColumn asOf() {
    return new TableColumn(AS_OF_DATE, DateType, false, "the gold build's as-of date");
  }

  private static TableContract.Builder mart(String name, String grain, String countsIn) {
    return TableContract.builder(GoldTables.GOLD, name).grain(grain).countsIn(countsIn);
  }

  // ---- stage timeliness -------------------------------------------------------------------

  public static final String STAGE = "stage";
  public static final String STAGE_RANK = "stage_rank";
  public static final String VISITS_DUE = "visits_due";
  public static final String ON_TIME = "on_time";
  public static final String LATE = "late";
  public static final String OVERDUE = "overdue";
  public static final String ENDED_BEFORE_DUE = "ended_before_due";
  public static final String PENDING = "pending";
  public static final String ASSESSED = "assessed";
  public static final String RESPONSES = "responses";
  public static final String MEDIAN_WD_TO_RESPOND = "median_wd_to_respond";

  public static final TableContract STAGE_TIMELINESS =
      mart("mart_stage_timeliness", "authority x breakdown x period x process x stage", "a stage visit counts in the period of its due date")
          .columns(dimensions(true, true, "the dispute's process"))
          .required(STAGE, StringType, "the stage id")
          .column(STAGE_RANK, IntegerType, "the stage's rank (0 informal, 1..K formal)")
          .required(VISITS_DUE, LongType, "visits with a due date in the period")
          .required(ON_TIME, LongType, "of those, ON_TIME")
          .required(LATE, LongType, "of those, LATE")
          .required(OVERDUE, LongType, "of those, OVERDUE")
          .required(ENDED_BEFORE_DUE, LongType, "of those, ENDED_BEFORE_DUE")
          .required(PENDING, LongType, "of those, PENDING")
          .required(ASSESSED, LongType, "ON_TIME + LATE + OVERDUE: the denominator of the on-time share")
          .required(RESPONSES, LongType, "visits with a response date (the count behind the median)")
          .column(MEDIAN_WD_TO_RESPOND, DoubleType, "the exact median of WD to respond (mean of the two middle values for an even count)")
          .columns(List.of(asOf()))
          .key(AUTHORITY, BREAKDOWN, BREAKDOWN_VALUE, PERIOD_TYPE, PERIOD, PROCESS, STAGE)
          .build();

  // ---- disputes started -------------------------------------------------------------------

  public static final String DISPUTES = "disputes";
  public static final String INFORMAL_ENTRY = "informal_entry";
  public static final String FORMAL_ENTRY = "formal_entry";
  public static final String FORMAL_DISPUTES = "formal_disputes";
  public static final String REACHED_STAGE3_PLUS = "reached_stage3_plus";
  public static final String BYPASS_DISPUTES = "bypass_disputes";
  public static final String INFORMAL_ASSESSED = "informal_assessed";
  public static final String INFORMAL_WITHIN_LIMIT = "informal_within_limit";
  public static final String CHILD_INFORMED = "child_informed";
  public static final String RECORDING_COMPLETE = "recording_complete";
  public static final String REPEAT_DISPUTES = "repeat_disputes";
  public static final String CAFCASS_CONSULTED_NO_REFERRAL = "cafcass_consulted_no_referral";

  public static final TableContract DISPUTES_STARTED =
      mart("mart_disputes", "authority x breakdown x period x process", "a dispute counts in the period of its start")
          .columns(dimensions(true, true, "CLA, CP, PARTNER or REVERSE (reverse challenges are reported separately)"))
          .required(DISPUTES, LongType, "disputes started")
          .required(INFORMAL_ENTRY, LongType, "of those, entered at an informal stage")
          .required(FORMAL_ENTRY, LongType, "of those, entered at a formal stage (informal skipped)")
          .required(FORMAL_DISPUTES, LongType, "of those, reached a formal stage by the as-of date")
          .required(REACHED_STAGE3_PLUS, LongType, "of those, reached formal rank 3 or above")
          .required(BYPASS_DISPUTES, LongType, "of those, with at least one bypass")
          .required(INFORMAL_ASSESSED, LongType, "entered informally under a policy with an informal limit")
          .required(INFORMAL_WITHIN_LIMIT, LongType, "of those, informal duration within the limit")
          .required(CHILD_INFORMED, LongType, "with a CHILD_INFORMED event")
          .required(RECORDING_COMPLETE, LongType, "with recording complete")
          .required(REPEAT_DISPUTES, LongType, "repeat disputes (same child, same theme, within 365 days of an earlier one)")
          .required(CAFCASS_CONSULTED_NO_REFERRAL, LongType, "discussed with Cafcass but not referred")
          .columns(List.of(asOf()))
          .key(AUTHORITY, BREAKDOWN, BREAKDOWN_VALUE, PERIOD_TYPE, PERIOD, PROCESS)
          .build();

  // ---- endings ----------------------------------------------------------------------------

  public static final String RESOLUTION_STAGE = "resolution_stage";
  public static final String RESOLUTION_RANK = "resolution_rank";
  public static final String OUTCOME = "outcome";
  public static final String ENDED = "ended";
  public static final String FORMAL_ENDED = "formal_ended";
  public static final String FORMAL_LIMIT_ASSESSED = "formal_limit_assessed";
  public static final String FORMAL_WITHIN_LIMIT = "formal_within_limit";

  public static final TableContract ENDINGS =
      mart("mart_endings", "authority x breakdown x period x process x resolution stage x outcome", "a dispute counts in the period of its end")
          .columns(dimensions(true, true, "the dispute's process"))
          .required(RESOLUTION_STAGE, StringType, "the stage of the ending event")
          .column(RESOLUTION_RANK, IntegerType, "its rank")
          .required(OUTCOME, StringType, "the ending's outcome ('(none)' when not recorded)")
          .required(ENDED, LongType, "disputes ended")
          .required(FORMAL_ENDED, LongType, "of those, with a formal stage")
          .required(FORMAL_LIMIT_ASSESSED, LongType, "of those, under a policy with a total limit")
          .required(FORMAL_WITHIN_LIMIT, LongType, "of those, formal WD within the total limit (20)")
          .columns(List.of(asOf()))
          .key(AUTHORITY, BREAKDOWN, BREAKDOWN_VALUE, PERIOD_TYPE, PERIOD, PROCESS, RESOLUTION_STAGE, OUTCOME)
          .build();

  // ---- bypass transitions -----------------------------------------------------------------

  public static final String FROM_STAGE = "from_stage";
  public static final String FROM_RANK = "from_rank";
  public static final String TO_STAGE = "to_stage";
  public static final String TO_RANK = "to_rank";
  public static final String TRANSITIONS = "transitions";
  public static final String BYPASSES = "bypasses";
  public static final String BYPASSES_CONSULTATION_REQUIRED = "bypasses_consultation_required";
  public static final String BYPASSES_CONSULTED = "bypasses_consulted";
  public static final String BYPASSES_WITHOUT_CONSULTATION = "bypasses_without_consultation";
  /** {@link #FROM_STAGE} of a dispute's first visit. */
  public static final String START = "(start)";

  public static final TableContract BYPASS_TRANSITIONS =
      mart("mart_bypass_transitions", "authority x breakdown (ALL, IRO, THEME) x period x process x from-stage x to-stage",
              "a transition counts in the period of its dispute's start")
          .columns(dimensions(true, true, "the dispute's process"))
          .required(FROM_STAGE, StringType, "the stage left ('(start)' for the first visit)")
          .column(FROM_RANK, IntegerType, "its rank (null for the start)")
          .required(TO_STAGE, StringType, "the stage opened")
          .column(TO_RANK, IntegerType, "its rank")
          .required(TRANSITIONS, LongType, "visits that made this transition")
          .required(BYPASSES, LongType, "of those, bypasses")
          .required(BYPASSES_CONSULTATION_REQUIRED, LongType, "bypasses where the policy requires a consultation")
          .required(BYPASSES_CONSULTED, LongType, "bypasses with a prior consultation")
          .required(BYPASSES_WITHOUT_CONSULTATION, LongType, "bypasses with no prior consultation")
          .columns(List.of(asOf()))
          .key(AUTHORITY, BREAKDOWN, BREAKDOWN_VALUE, PERIOD_TYPE, PERIOD, PROCESS, FROM_STAGE, TO_STAGE)
          .build();

  // ---- themes -----------------------------------------------------------------------------

  public static final String THEME = "theme";
  public static final String PREVIOUS_PERIOD_DISPUTES = "previous_period_disputes";
  public static final String PREVIOUS_YEAR_DISPUTES = "previous_year_disputes";

  public static final TableContract THEMES =
      mart("mart_themes", "authority x period x theme", "a dispute's theme counts in the period of its start")
          .columns(dimensions(false, true, null))
          .required(THEME, StringType, "the canonical theme id ('unmapped' for categories the policy does not map)")
          .required(DISPUTES, LongType, "disputes started with this theme")
          .required(REPEAT_DISPUTES, LongType, "of those, repeats (same child, same theme, within 365 days of an earlier dispute)")
          .required(PREVIOUS_PERIOD_DISPUTES, LongType, "disputes with this theme in the previous period of the same type (0 when none)")
          .required(PREVIOUS_YEAR_DISPUTES, LongType, "disputes with this theme in the same period a year before (0 when none)")
          .columns(List.of(asOf()))
          .key(AUTHORITY, PERIOD_TYPE, PERIOD, THEME)
          .build();

  // ---- Cafcass ----------------------------------------------------------------------------

  public static final String STAGE_AT_REFERRAL = "stage_at_referral";
  public static final String REFERRALS = "referrals";
  public static final String CONCURRENT = "concurrent";
  public static final String NOTICE_ASSESSED = "notice_assessed";
  public static final String NOTICE_COMPLIANT = "notice_compliant";
  public static final String INFORM_ASSESSED = "inform_assessed";
  public static final String INFORMED = "informed";

  public static final TableContract CAFCASS =
      mart("mart_cafcass", "authority x period x stage at referral", "a Cafcass referral counts in the period of its referral date")
          .columns(dimensions(false, true, null))
          .required(STAGE_AT_REFERRAL, StringType, "the stage current at the referral")
          .required(REFERRALS, LongType, "referrals to Cafcass")
          .required(CONCURRENT, LongType, "of those, concurrent with invoking the DRP (on or before the formal start)")
          .required(NOTICE_ASSESSED, LongType, "of those, under a policy with a notice rule")
          .required(NOTICE_COMPLIANT, LongType, "of those, notice given with the policy's lead time")
          .required(INFORM_ASSESSED, LongType, "referrals under a policy naming people to inform first")
          .required(INFORMED, LongType, "of those, all named people told before the referral")
          .columns(List.of(asOf()))
          .key(AUTHORITY, PERIOD_TYPE, PERIOD, STAGE_AT_REFERRAL)
          .build();

  // ---- open disputes at the as-of date ----------------------------------------------------

  public static final String CURRENT_STAGE = "current_stage";
  public static final String CURRENT_RANK = "current_rank";
  public static final String AGE_BAND = "age_band";
  public static final String OPEN_DISPUTES = "open_disputes";
  public static final String FORMAL_OPEN = "formal_open";
  public static final String FORMAL_PAST_LIMIT = "formal_past_limit";

  public static final TableContract OPEN_DISPUTES_BY_AGE =
      mart("mart_open_disputes", "authority x breakdown x process x current stage x age band, at the as-of date",
              "a snapshot at the as-of date")
          .columns(dimensions(true, false, "the dispute's process"))
          .required(CURRENT_STAGE, StringType, "the stage of the last visit")
          .column(CURRENT_RANK, IntegerType, "its rank")
          .required(AGE_BAND, StringType, "0-5 WD, 6-10 WD, 11-20 WD or over 20 WD since the start")
          .required(OPEN_DISPUTES, LongType, "disputes open at the as-of date")
          .required(FORMAL_OPEN, LongType, "of those, with a formal stage")
          .required(FORMAL_PAST_LIMIT, LongType, "of those, already past the total limit (20 WD)")
          .columns(List.of(asOf()))
          .key(AUTHORITY, BREAKDOWN, BREAKDOWN_VALUE, PROCESS, CURRENT_STAGE, AGE_BAND)
          .build();

  // ---- reviews ----------------------------------------------------------------------------

  public static final String PARTICIPATION_CODE = "participation_code";
  public static final String REVIEWS = "reviews";
  public static final String IN_TIMESCALE = "in_timescale";

  public static final TableContract REVIEWS_HELD =
      mart("mart_reviews", "authority x period x participation code", "a review counts in the period of its date")
          .columns(dimensions(false, true, null))
          .required(PARTICIPATION_CODE, StringType, "PN0..PN7 ('(none)' when not recorded)")
          .required(REVIEWS, LongType, "reviews held")
          .required(ASSESSED, LongType, "of those, with a known start of care, so the interval can be checked")
          .required(IN_TIMESCALE, LongType, "of those, held within the statutory interval (reg. 33)")
          .columns(List.of(asOf()))
          .key(AUTHORITY, PERIOD_TYPE, PERIOD, PARTICIPATION_CODE)
          .build();

  public static final String DECISIONS_ASSESSED = "decisions_assessed";
  public static final String DECISIONS_IN_TIME = "decisions_in_time";
  public static final String RESPONSES_ASSESSED = "responses_assessed";
  public static final String RESPONSES_IN_TIME = "responses_in_time";

  public static final TableContract REVIEW_DECISIONS =
      mart("mart_review_decisions", "authority x period", "a review's decisions count in the period of the review date")
          .columns(dimensions(false, true, null))
          .required(DECISIONS_ASSESSED, LongType, "reviews with decision dates supplied")
          .required(DECISIONS_IN_TIME, LongType, "of those, decisions sent within 5 WD of the review")
          .required(RESPONSES_ASSESSED, LongType, "reviews with both the sent and the manager's response dates")
          .required(RESPONSES_IN_TIME, LongType, "of those, the manager responded within 5 WD of receipt")
          .columns(List.of(asOf()))
          .key(AUTHORITY, PERIOD_TYPE, PERIOD)
          .build();

  // ---- recording compliance ---------------------------------------------------------------

  public static final String REQUIREMENT = "requirement";
  public static final String APPLICABLE = "applicable";
  public static final String MET = "met";

  public static final TableContract RECORDING =
      mart("mart_recording", "authority x breakdown x period x requirement", "a dispute counts in the period of its start")
          .columns(dimensions(true, true, null))
          .required(REQUIREMENT, StringType, "the rule id (record.stage_on_file, record.form_attached, record.ending_on_file, record.child_informed, bypass.consultation, cafcass.notice, cafcass.inform)")
          .required(APPLICABLE, LongType, "disputes the requirement applies to")
          .required(MET, LongType, "of those, meeting it")
          .columns(List.of(asOf()))
          .key(AUTHORITY, BREAKDOWN, BREAKDOWN_VALUE, PERIOD_TYPE, PERIOD, REQUIREMENT)
          .build();

  /** Every mart, in the order dashboards and reports list them. */
  public static final List<TableContract> ALL =
      List.of(STAGE_TIMELINESS, DISPUTES_STARTED, ENDINGS, BYPASS_TRANSITIONS, THEMES, CAFCASS, OPEN_DISPUTES_BY_AGE,
          REVIEWS_HELD, REVIEW_DECISIONS, RECORDING);
}
