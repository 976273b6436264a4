package org.drpwarehouse.quality.internal;

import static org.drpwarehouse.quality.internal.Helpers.CHILD_KNOWN;
import static org.drpwarehouse.quality.internal.Helpers.DISPUTE_EXISTS;
import static org.drpwarehouse.quality.internal.Helpers.FIRST_OPENING;
import static org.drpwarehouse.quality.internal.Helpers.GATE_AS_OF;
import static org.drpwarehouse.quality.internal.Helpers.IN_GOLD;
import static org.drpwarehouse.quality.internal.Helpers.IN_SSDA903;
import static org.drpwarehouse.quality.internal.Helpers.KEY_COUNT;
import static org.drpwarehouse.quality.internal.Helpers.LOADED_ON;
import static org.drpwarehouse.quality.internal.Helpers.OPENED_BY_AS_OF;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.drpwarehouse.quality.Thresholds;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.SourceFamily;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.policy.PolicyRules;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;
import org.drpwarehouse.schemas.warehouse.QualityTables.Suite;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;

/**
 * Every rule the gate knows, defined once: the warehouse checks, the integrity suite (partly derived
 * from the record contracts: every required column complete, every coded column within its codes,
 * every key unique), the recording requirements of the policies ({@link PolicyRules} ids), and the
 * drift rules (evaluated from the metrics history, not row by row: see {@link DriftRules}).
 */
public final class RuleCatalog {
  private RuleCatalog() {}

  /** Drift rule ids: evaluated by {@link DriftRules}. */
  public static final String DRIFT_VOLUME = "drift.dispute_volume";
  public static final String DRIFT_THEME_SHARE = "drift.theme_share";
  /**
   * A recording rule blocks only when at least this many records are in its scope: with three Cafcass
   * referrals one missing notice is a case to follow up (it warns, and is listed), not a figure that
   * misleads.
   */
  public static final int MIN_RECORDS_TO_BLOCK = 20;
  /** The warehouse rule for a required table that does not exist. */
  public static final String TABLES_PRESENT = "warehouse.tables_present";

  /** The recording rules, in the order the issue lists them. */
  public static final List<String> RECORDING_RULES =
      List.of(PolicyRules.STAGE_ON_FILE, PolicyRules.FORM_ATTACHED, PolicyRules.ENDING_ON_FILE,
          PolicyRules.BYPASS_CONSULTATION, PolicyRules.CAFCASS_NOTICE, PolicyRules.CAFCASS_INFORM,
          PolicyRules.CHILD_INFORMED);

  private static final List<Rule> ROWS = build();

  /** Every row-level rule (warehouse, integrity, recording), in report order. */
  public static List<Rule> rowRules() {
    return ROWS;
  }

  public static List<Rule> rules(Frame frame) {
    return ROWS.stream().filter(r -> r.frame() == frame).toList();
  }

  public static Optional<Rule> rule(String id) {
    return ROWS.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Every rule id, row-level and drift, with its default thresholds: what gate settings may name. */
  public static Map<String, Thresholds> defaults() {
    return DEFAULTS;
  }

  private static final Map<String, Thresholds> DEFAULTS = buildDefaults();

  private static Map<String, Thresholds> buildDefaults() {
    Map<String, Thresholds> all = new LinkedHashMap<>();
    all.put(TABLES_PRESENT, Thresholds.EVERY_RECORD);
    ROWS.forEach(r -> all.put(r.id(), r.defaults()));
    all.put(DRIFT_VOLUME, DriftRules.DEFAULT);
    all.put(DRIFT_THEME_SHARE, DriftRules.DEFAULT);
    return java.util.Collections.unmodifiableMap(all);
  }

  private static List<Rule> build() {
    List<Rule> rules = new ArrayList<>();
    warehouse(rules);
    integrity(rules);
    recording(rules);
    return List.copyOf(rules);
  }

  private static void warehouse(List<Rule> rules) {
    for (Frame frame : Frame.values()) {
      rules.add(new Rule("warehouse.authority_present." + frame.tableName(), Suite.WAREHOUSE, true, frame, null,
          GoldTables.AUTHORITY + " IS NOT NULL", null,
          "every record belongs to one authority (" + frame.qualifiedName() + ".authority)",
          "records without an authority cannot be published or withheld with their authority: check the extract"
              + " manifest (SSDA903) or the authority column of the source file, then ingest and rebuild",
          Thresholds.EVERY_RECORD, true));
    }
    for (Frame frame : List.of(Frame.VISITS, Frame.SUMMARY)) {
      rules.add(new Rule("warehouse.one_build." + frame.tableName(), Suite.WAREHOUSE, true, frame, null,
          GoldTables.AS_OF_DATE + " = " + GATE_AS_OF, null,
          "every gold table is computed as of the date the gate checks (" + frame.qualifiedName() + ".as_of_date)",
          "rebuild gold as of the date you check, or run drp check --as-of with the as-of date of the last gold build",
          Thresholds.EVERY_RECORD, true));
    }
  }

  private static void integrity(List<Rule> rules) {
    for (Frame frame : Frame.values()) {
      rules.add(integrity("integrity.unique." + frame.tableName(), frame, null, KEY_COUNT + " = 1",
          "the key " + String.join(", ", frame.key()) + " identifies one record of " + frame.qualifiedName(),
          frame.isGold()
              ? "two gold rows share a key: rebuild gold; if it persists, report it as a bug with these ids"
              : "two silver rows share a key: rebuild silver from bronze (the latest version wins); if it persists,"
                  + " report it as a bug with these ids"));
    }
    for (Frame frame : Frame.values()) {
      if (frame.isGold()) {
        continue;
      }
      String family = frame.silverSpec().family() == SourceFamily.SSDA903 ? "SSDA903 " : "exchange format v1 ";
      for (Column column : SilverSchemas.keptColumns(frame.silverSpec())) {
        if (column.name().equals(SilverSchemas.AUTHORITY)) {
          continue;
        }
        if (column.isRequired()) {
          rules.add(integrity("integrity.complete." + frame.tableName() + "." + column.name(), frame, null,
              column.name() + " IS NOT NULL",
              family + frame.tableName() + "." + column.name() + " is required (" + column.description() + ")",
              "fill in " + column.name() + " for these records in the source system and send the file again;"
                  + " ingestion quarantines a record without it, so a gap here means silver is out of date: rebuild it"));
        }
        if (!column.allowedValues().isEmpty()) {
          rules.add(integrity("integrity.codes." + frame.tableName() + "." + column.name(), frame,
              column.name() + " IS NOT NULL", column.name() + " IN (" + quoted(column.allowedValues()) + ")",
              family + frame.tableName() + "." + column.name() + " is one of " + String.join(", ", column.allowedValues()),
              "correct the code of these records at the source (the file-formats documentation lists the codes)"));
        }
      }
    }
    String stageEvents = quoted(Arrays.stream(EventType.values()).filter(EventType::stageRequired).map(Enum::name).toList());
    String laterStageEvents = quoted(Arrays.stream(EventType.values())
        .filter(t -> t.stageRequired() && t != EventType.STAGE_OPENED).map(Enum::name).toList());
    String agreedEvents = quoted(Arrays.stream(EventType.values()).filter(EventType::agreedDateRequired).map(Enum::name).toList());
    String endingEvents = quoted(Arrays.stream(EventType.values()).filter(EventType::endsDispute).map(Enum::name).toList());
    Frame events = Frame.DISPUTE_EVENTS;
    rules.add(integrity("integrity.stage_required", events, ExchangeColumns.EVENT_TYPE + " IN (" + stageEvents + ")",
        ExchangeColumns.STAGE + " IS NOT NULL",
        "exchange format v1: dispute_events.stage is required when event_type is one of " + stageEvents.replace("'", ""),
        "record the stage these events belong to at the source"));
    rules.add(integrity("integrity.agreed_date_required", events, ExchangeColumns.EVENT_TYPE + " IN (" + agreedEvents + ")",
        ExchangeColumns.AGREED_DATE + " IS NOT NULL",
        "exchange format v1: dispute_events.agreed_date is required on an extension or hold",
        "record the date agreed for the extension or hold at the source"));
    rules.add(integrity("integrity.outcome_on_ending", events, ExchangeColumns.EVENT_TYPE + " IN (" + endingEvents + ")",
        ExchangeColumns.OUTCOME + " IS NOT NULL",
        "exchange format v1: dispute_events.outcome is required on every RESOLVED and CLOSED event",
        "record how each of these disputes ended (RESOLVED, WITHDRAWN, NO_FURTHER_ACTION, REFERRED_TO_CAFCASS)"));
    rules.add(integrity("integrity.dates.stage_event_before_opening", events,
        ExchangeColumns.EVENT_TYPE + " IN (" + laterStageEvents + ") AND " + ExchangeColumns.EVENT_DATE + " IS NOT NULL",
        FIRST_OPENING + " IS NOT NULL AND " + ExchangeColumns.EVENT_DATE + " >= " + FIRST_OPENING,
        "metrics.md: a stage event belongs to a stage opened on or before it (no stage event before the dispute's first"
            + " STAGE_OPENED)",
        "check the dates of these events and of the dispute's first STAGE_OPENED at the source; a missing opening"
            + " must be recorded"));
    rules.add(integrity("integrity.dates.event_after_load", events, ExchangeColumns.EVENT_DATE + " IS NOT NULL",
        ExchangeColumns.EVENT_DATE + " <= " + LOADED_ON,
        "an event cannot be dated after the day its record was loaded",
        "correct the event dates at the source: a date in the future is a typing error (often the year)"));
    rules.add(integrity("integrity.event_dispute_exists", events, null, DISPUTE_EXISTS,
        "exchange format v1: every event's dispute_id is a dispute of the same authority",
        "send the disputes file with these disputes, or correct the dispute_id of the events"));
    rules.add(integrity("integrity.dates.review_before_birth", Frame.REVIEWS,
        Ssda903Columns.REVIEW + " IS NOT NULL AND " + Ssda903Columns.DOB + " IS NOT NULL",
        Ssda903Columns.REVIEW + " >= " + Ssda903Columns.DOB,
        "SSDA903 reviews: a review cannot be held before the child's month of birth",
        "correct the REVIEW or DOB of these records in the SSDA903 return"));
    rules.add(integrity("integrity.cla_child_in_ssda903", Frame.DISPUTES,
        ExchangeColumns.PROCESS + " = '" + DisputeProcess.CLA.name() + "'", IN_SSDA903,
        "a looked-after child's dispute is about a child in the authority's SSDA903 return (header)",
        "check the child_id of these disputes against the SSDA903 CHILD ids, and that the SSDA903 extract of the"
            + " authority was loaded"));
    rules.add(new Rule("integrity.child_known", Suite.INTEGRITY, false, Frame.DISPUTES,
        ExchangeColumns.PROCESS + " IN ('" + DisputeProcess.CP.name() + "', '" + DisputeProcess.PARTNER.name() + "', '"
            + DisputeProcess.REVERSE.name() + "')",
        CHILD_KNOWN, null,
        "a CP, partner or reverse dispute is about a child the authority knows (cp_plans, allocations or SSDA903)",
        "check the child_id of these disputes, and send the cp_plans and allocations files",
        Thresholds.WARN_EVERY_RECORD, false));
    rules.add(integrity("integrity.dispute_in_gold", Frame.DISPUTES, OPENED_BY_AS_OF, IN_GOLD,
        "metrics.md: every dispute with a STAGE_OPENED on or before the as-of date has its gold summary",
        "rebuild gold: it is older than silver or was built as of an earlier date"));
    rules.add(integrity("integrity.stage_known", Frame.VISITS, null, Visit.STAGE_KNOWN + " = true",
        "every stage id is a stage of the ladder of the dispute's policy and process",
        "correct the stage ids at the source, or bind the authority to the policy whose ladder they belong to"));
    rules.add(integrity("integrity.codes.dispute_stage_visits.response_status", Frame.VISITS, null,
        Visit.RESPONSE_STATUS + " IN (" + quoted(GoldTables.ResponseStatus.ALL) + ")",
        "gold: response_status is one of " + String.join(", ", GoldTables.ResponseStatus.ALL),
        "rebuild gold; if it persists, report it as a bug with these ids"));
    rules.add(integrity("integrity.category_mapped", Frame.SUMMARY, null, Summary.THEME_MAPPED + " = true",
        "every category is mapped by the dispute's policy to a canonical theme",
        "add the category codes to the categories of the authority's policy file (see docs/policies.md)"));
    rules.add(integrity("integrity.policy_bound", Frame.SUMMARY, null, GoldTables.POLICY_ID + " IS NOT NULL",
        "every dispute is judged by the policy bound to its authority on its start date",
        "add a row for the authority to policy_bindings.csv effective on or before these disputes' start dates"));
  }

  private static Rule integrity(String id, Frame frame, String scope, String pass, String clause, String hint) {
    Thresholds defaults = id.startsWith("integrity.unique.") ? Thresholds.EVERY_RECORD : Thresholds.INTEGRITY;
    return new Rule(id, Suite.INTEGRITY, true, frame, scope, pass, null, clause, hint, defaults, false);
  }

  private static void recording(List<Rule> rules) {
    String stageOpened = "concat('stage ', coalesce(" + Visit.STAGE + ", '?'), ' opened on ', CAST(" + Visit.OPENED_DATE
        + " AS STRING), ' (visit ', CAST(" + Visit.VISIT_NUMBER + " AS STRING), ')')";
    rules.add(recording(PolicyRules.STAGE_ON_FILE, Frame.VISITS, null, Visit.RECORDED_ON_FILE + " = true",
        "concat(" + stageOpened + ", ': not entered on the child\\'s file (recorded_on_file is ', coalesce(CAST("
            + Visit.RECORDED_ON_FILE + " AS STRING), 'empty'), ')')",
        "enter each of these stage openings on the child's file and chronology, then send the events again with"
            + " recorded_on_file = Y", Thresholds.RECORDING));
    rules.add(recording(PolicyRules.FORM_ATTACHED, Frame.VISITS, Visit.FORMAL + " = true", Visit.FORM_ATTACHED + " = true",
        "concat(" + stageOpened + ", ': notification form not attached (form_attached is ', coalesce(CAST("
            + Visit.FORM_ATTACHED + " AS STRING), 'empty'), ')')",
        "attach the notification form of each of these formal stages to the child's file and record form_attached = Y",
        Thresholds.RECORDING));
    rules.add(recording(PolicyRules.ENDING_ON_FILE, Frame.SUMMARY, Summary.ENDING_ON_FILE + " IS NOT NULL",
        Summary.ENDING_ON_FILE + " = true",
        "concat('ended on ', coalesce(CAST(" + Summary.END_DATE + " AS STRING), '?'), ' (', coalesce(" + Summary.OUTCOME
            + ", 'no outcome'), '): the ending is not recorded on the child\\'s file')",
        "record the resolution or closure of these disputes on the child's file and send the ending event with"
            + " recorded_on_file = Y", Thresholds.RECORDING));
    rules.add(recording(PolicyRules.BYPASS_CONSULTATION, Frame.VISITS,
        Visit.BYPASS + " = true AND " + Visit.CONSULTATION_REQUIRED + " = true", Visit.CONSULTED_BEFORE + " = true",
        "concat(" + stageOpened + ", ': bypassed ', coalesce(array_join(" + Visit.SKIPPED_STAGES
            + ", ', '), 'stages'), ' with no consultation recorded on or before it')",
        "record the consultation (MANAGER_CONSULTED) that preceded each of these bypasses, or review the practice"
            + " with the IRO manager", Thresholds.RECORDING));
    rules.add(recording(PolicyRules.CAFCASS_NOTICE, Frame.SUMMARY,
        Summary.CAFCASS_REFERRAL_DATE + " IS NOT NULL AND " + Summary.CAFCASS_NOTICE_REQUIRED_WD + " IS NOT NULL",
        Summary.CAFCASS_NOTICE_COMPLIANT + " = true",
        "concat('Cafcass referral on ', CAST(" + Summary.CAFCASS_REFERRAL_DATE + " AS STRING), ': ', CASE WHEN "
            + Summary.CAFCASS_NOTICE_DATE + " IS NULL THEN 'no notice recorded before it' ELSE concat('notice on ', CAST("
            + Summary.CAFCASS_NOTICE_DATE + " AS STRING), ', ', CAST(" + Summary.CAFCASS_NOTICE_LEAD_WD
            + " AS STRING), ' WD before; the policy asks ', CAST(" + Summary.CAFCASS_NOTICE_REQUIRED_WD
            + " AS STRING), ' WD') END)",
        "record the CAFCASS_NOTICE of each of these referrals, with its date, or review why the lead time was missed",
        Thresholds.RECORDING));
    rules.add(recording(PolicyRules.CAFCASS_INFORM, Frame.SUMMARY,
        Summary.CAFCASS_REFERRAL_DATE + " IS NOT NULL AND size(" + Summary.CAFCASS_INFORM_REQUIRED + ") > 0",
        Summary.CAFCASS_INFORMED + " = true",
        "concat('Cafcass referral on ', CAST(" + Summary.CAFCASS_REFERRAL_DATE + " AS STRING), ': not every one of ',"
            + " array_join(" + Summary.CAFCASS_INFORM_REQUIRED + ", ', '), ' was told before it')",
        "record the notice (CAFCASS_NOTICE, to_role) to each role the policy names before these referrals",
        Thresholds.RECORDING));
    rules.add(recording(PolicyRules.CHILD_INFORMED, Frame.SUMMARY, null, Summary.CHILD_INFORMED + " = true",
        "'no CHILD_INFORMED event: the child is not recorded as told of the challenge'",
        "where appropriate, tell the child of the challenge made on their behalf (and of advocacy) and record"
            + " CHILD_INFORMED", Thresholds.warnOnly(0.95)));
  }

  private static Rule recording(String id, Frame frame, String scope, String pass, String detail, String hint,
      Thresholds defaults) {
    String cited = PolicyClauses.column(id) + " IS NOT NULL";
    String fullScope = scope == null ? cited : cited + " AND " + scope;
    return new Rule(id, Suite.RECORDING, defaults.blocks(), frame, fullScope, pass, detail, null, hint, defaults, false);
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "'" + v.replace("'", "\\'") + "'").collect(Collectors.joining(", "));
  }
}
