package org.drpwarehouse.schemas.warehouse;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.drpwarehouse.schemas.warehouse.TableContract.stringArray;

import java.net.URI;
import java.util.List;

/**
 * What the quality gate writes: one row per constraint and authority of every gate run, and the
 * compliance exceptions an inspector's audit pack lists. Both tables are appended to, run by run,
 * so quality over time can be read back; a run is identified by {@link #RUN_ID}.
 *
 * <pre>
 * WAREHOUSE/quality/quality_results          one row per constraint x authority per run  {@link #RESULTS}
 * WAREHOUSE/quality/compliance_exceptions    one row per failing record of a recording rule {@link #EXCEPTIONS}
 * WAREHOUSE/quality/metrics/                 the Deequ metrics repository (JSON, Hadoop FS)  {@link #metricsRepository}
 * WAREHOUSE/quality/reports/&lt;run-id&gt;/       the readable report: report.html, report.md   {@link #reportFolder}
 * </pre>
 *
 * <p>Failing ids are the warehouse's own record ids (dispute ids, {@code dispute#visit}, and for
 * SSDA903 rows the child's pseudonym): never a raw child id.
 */
public final class QualityTables {
  private QualityTables() {}

  public static final String QUALITY = "quality";

  /** {@link #AUTHORITY} of a result about the warehouse as a whole rather than one authority. */
  public static final String WAREHOUSE_SCOPE = "(warehouse)";

  public static final String RUN_ID = "run_id";
  public static final String RUN_AT = "run_at";
  public static final String AS_OF_DATE = GoldTables.AS_OF_DATE;
  public static final String AUTHORITY = GoldTables.AUTHORITY;
  public static final String SUITE = "suite";
  public static final String RULE_ID = "rule_id";
  public static final String SEVERITY = "severity";
  public static final String CLAUSE = "clause";
  public static final String HINT = "hint";
  public static final String STATUS = "status";
  public static final String METRIC_VALUE = "metric_value";
  public static final String WARN_THRESHOLD = "warn_threshold";
  public static final String BLOCK_THRESHOLD = "block_threshold";
  public static final String APPLICABLE_COUNT = "applicable_count";
  public static final String FAILING_COUNT = "failing_count";
  public static final String FAILING_IDS = "failing_ids";
  public static final String DISPUTE_ID = GoldTables.DISPUTE_ID;
  public static final String VISIT_NUMBER = GoldTables.Visit.VISIT_NUMBER;
  public static final String DETAIL = "detail";

  /** {@link #SUITE} values. */
  public static final class Suite {
    private Suite() {}

    /** Ids, completeness, codes, dates, references: the data is what the contracts say. */
    public static final String INTEGRITY = "integrity";
    /** The recording requirements of each authority's own policy. */
    public static final String RECORDING = "recording";
    /** Volumes and shares against earlier runs. */
    public static final String DRIFT = "drift";
    /** Checks over the whole warehouse: tables present, every row attributed, one build. */
    public static final String WAREHOUSE = "warehouse";
    public static final List<String> ALL = List.of(WAREHOUSE, INTEGRITY, RECORDING, DRIFT);
  }

  /** {@link #SEVERITY} values, as Deequ's check levels. */
  public static final class Severity {
    private Severity() {}

    /** Can block publication (of the authority, or of everything for a warehouse check). */
    public static final String ERROR = "Error";
    /** Reported, never blocks. */
    public static final String WARNING = "Warning";
  }

  /** {@link #STATUS} values. */
  public static final class Status {
    private Status() {}

    /** The metric is at or above the warning threshold. */
    public static final String PASS = "PASS";
    /** Below the warning threshold, not below the blocking one (or the rule only warns). */
    public static final String WARN = "WARN";
    /** Below the blocking threshold: the authority (or, for a warehouse check, everything) is withheld. */
    public static final String BLOCK = "BLOCK";
    /** No record is in the rule's scope (e.g. no Cafcass referral, or the policy cites no such clause). */
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    public static final List<String> ALL = List.of(PASS, WARN, BLOCK, NOT_APPLICABLE);
  }

  /** How many failing ids a result row keeps; the exceptions table keeps every one. */
  public static final int FAILING_IDS_SAMPLE = 50;

  public static final TableContract RESULTS =
      TableContract.builder(QUALITY, "quality_results")
          .grain("one row per constraint and authority (or '(warehouse)') of each gate run")
          .key(RUN_ID, AUTHORITY, RULE_ID)
          .required(RUN_ID, StringType, "the gate run: its start time and a random suffix, e.g. 20250401T091500Z-3f2a")
          .required(RUN_AT, TimestampType, "when the gate ran")
          .required(AS_OF_DATE, DateType, "the as-of date of the gold tables the gate checked")
          .required(AUTHORITY, StringType, "the local authority code, or '(warehouse)' for a check over the whole warehouse")
          .required(SUITE, StringType, "warehouse, integrity, recording or drift")
          .required(RULE_ID, StringType, "the rule id: a PolicyRules id for recording rules (record.stage_on_file, ...), integrity.* / warehouse.* / drift.* otherwise")
          .required(SEVERITY, StringType, "Error (can block) or Warning (reported only)")
          .required(CLAUSE, StringType, "the seed or policy clause the rule enforces (per policy version for recording rules), or the contract it checks")
          .required(HINT, StringType, "what a person can do about a failure")
          .required(STATUS, StringType, "PASS, WARN, BLOCK or NOT_APPLICABLE")
          .column(METRIC_VALUE, DoubleType, "the share of records in scope that meet the rule (drift: the ratio to the earlier runs); null when none is in scope")
          .column(WARN_THRESHOLD, DoubleType, "below this the rule warns")
          .column(BLOCK_THRESHOLD, DoubleType, "below this the rule blocks; null for a rule that only warns")
          .required(APPLICABLE_COUNT, LongType, "records in the rule's scope")
          .required(FAILING_COUNT, LongType, "records in scope that do not meet the rule")
          .required(FAILING_IDS, stringArray(), "up to " + FAILING_IDS_SAMPLE + " ids of failing records (dispute id, dispute#visit, or the SSDA903 row's pseudonym and date)")
          .build();

  public static final TableContract EXCEPTIONS =
      TableContract.builder(QUALITY, "compliance_exceptions")
          .grain("one row per record that fails a recording rule of its policy, per gate run")
          .key(RUN_ID, AUTHORITY, RULE_ID, DISPUTE_ID, VISIT_NUMBER)
          .required(RUN_ID, StringType, "the gate run")
          .required(AS_OF_DATE, DateType, "the as-of date of the gold tables")
          .required(AUTHORITY, StringType, "the local authority code")
          .required(RULE_ID, StringType, "the recording rule (PolicyRules id)")
          .required(CLAUSE, StringType, "the clause of the dispute's own policy version that the record fails, e.g. 'calderdale v1 §2.4 ...'")
          .required(DISPUTE_ID, StringType, "the dispute")
          .column(VISIT_NUMBER, IntegerType, "the stage visit, for rules about a stage opening; null for a dispute-level rule")
          .required(DETAIL, StringType, "what is missing, in words an inspector can check against the child's file")
          .build();

  /** The Deequ metrics repository: one JSON file that the gate appends each run's metrics to. */
  public static URI metricsRepository(URI warehouse) {
    return WarehouseTables.location(warehouse, QUALITY, "metrics/metrics.json");
  }

  /** Where a run's readable report goes ({@code report.html} and {@code report.md}). */
  public static URI reportFolder(URI warehouse, String runId) {
    return WarehouseTables.location(warehouse, QUALITY, "reports/" + runId);
  }
}
