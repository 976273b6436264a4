package org.drpwarehouse.dashboards;

import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.*;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.*;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.QualityTables;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;

/**
 * A warehouse for audit packs: authority 381 (Calderdale) with a hand-built dispute {@code D-1}
 * and 30 more disputes of every outcome, stage reached and lateness, their silver events with
 * lineage, bronze rows holding a raw child id (which no pack may show), and the compliance
 * exceptions of two gate runs (the publication was gated by {@code run-2}). The publication records
 * every table but {@code quality.quality_results}.
 *
 * <p>D-1: Calderdale stage 1 opened on Friday 3 May 2024 (event E-1, line 2 of
 * {@code 381/dispute_events.csv}); 4 WD, and Monday 6 May was a bank holiday, so due Friday 10 May;
 * the team manager responded on 9 May (E-2, line 5), on time; stage 2 opened 13 May (E-3, line 3)
 * with an extension agreed to 24 May (E-4, line 9) and no response: overdue on the as-of date.
 */
final class AuditWarehouse {
  static final String PUBLICATION = "pub-20250701-090000-audit";
  static final String RAW_CHILD_ID = "RAW-CHILD-566910";
  static final String CHILD = "a".repeat(64);

  private AuditWarehouse() {}

  private static final class Holder {
    static final URI WAREHOUSE = build();
  }

  static URI warehouse() {
    return Holder.WAREHOUSE;
  }

  static URI silver(RecordSpec spec) {
    return WarehouseTables.location(warehouse(), SilverSchemas.SILVER, spec.name());
  }

  private static URI build() {
    Path folder = Path.of("target", "audit-warehouse").toAbsolutePath();
    ReportWarehouse.delete(folder);
    URI warehouse = folder.toUri();
    TableRows summary = TableRows.of(GoldTables.DISPUTE_SUMMARY.schema()).defaults(GoldTables.AUTHORITY, "381",
        GoldTables.PROCESS, "CLA", GoldTables.POLICY_ID, "calderdale", GoldTables.POLICY_VERSION, 1, GoldTables.AS_OF_DATE, "2025-06-30");
    summary.row(GoldTables.DISPUTE_ID, "D-1", GoldTables.CHILD_ID, CHILD, GoldTables.RAISED_BY, "b".repeat(64),
        GoldTables.TEAM, "Children in Care 2", CATEGORY, "DRIFT", THEME, "drift_in_care_planning", START_DATE, "2024-05-03",
        IDENTIFIED_DATE, "2024-05-02", ENTRY_STAGE, "stage1", HIGHEST_STAGE, "stage2", HIGHEST_RANK, 2, CURRENT_STAGE, "stage2",
        FORMAL_START_DATE, "2024-05-03", STATUS, "OPEN", FORMAL_WD, 290, TOTAL_LIMIT_WD, 20, WITHIN_TOTAL_LIMIT, false,
        STAGES_LATE, 1, VISITS, 2, OPENINGS_ON_FILE, true, FORMS_ATTACHED, false, RECORDING_COMPLETE, false, CHILD_INFORMED, true);
    String[] outcomes = {"RESOLVED", "WITHDRAWN", "NO_FURTHER_ACTION"};
    for (int i = 2; i <= 31; i++) {
      boolean open = i % 6 == 0;
      summary.row(GoldTables.DISPUTE_ID, "D-" + i, GoldTables.CHILD_ID, String.format("%064x", i), START_DATE, "2024-06-0" + (1 + i % 9),
          STATUS, open ? "OPEN" : "CLOSED", OUTCOME, open ? null : outcomes[i % 3], HIGHEST_RANK, i % 4, STAGES_LATE, i % 5 == 0 ? 1 : 0,
          VISITS, 1);
    }
    summary.write(GoldTables.DISPUTE_SUMMARY.location(warehouse));
    TableRows visits = TableRows.of(GoldTables.STAGE_VISITS.schema()).defaults(GoldTables.AUTHORITY, "381", GoldTables.DISPUTE_ID, "D-1",
        GoldTables.PROCESS, "CLA", GoldTables.AS_OF_DATE, "2025-06-30", STAGE_KNOWN, true, FORMAL, true);
    visits.row(VISIT_NUMBER, 1, STAGE, "stage1", STAGE_RANK, 1, OPENING_EVENT_ID, "E-1", OPENED_DATE, "2024-05-03",
        ENDED_DATE, "2024-05-13", END_REASON, "ESCALATED", TIMESCALE, "4 WD", BASE_DUE_DATE, "2024-05-10", DUE_DATE, "2024-05-10",
        DUE_DERIVATION, "4 WD after opening on 2024-05-03 (calderdale v1, stage1): due 2024-05-10", RESPONSE_DATE, "2024-05-09",
        RESPONSE_STATUS, "ON_TIME", WD_TO_RESPOND, 3, ESCALATED, true, NEXT_STAGE, "stage2", RECORDED_ON_FILE, true, FORM_ATTACHED, true);
    visits.row(VISIT_NUMBER, 2, STAGE, "stage2", STAGE_RANK, 2, OPENING_EVENT_ID, "E-3", OPENED_DATE, "2024-05-13",
        END_REASON, "OPEN", TIMESCALE, "4 WD", BASE_DUE_DATE, "2024-05-17", DUE_DATE, "2024-05-24", EXTENSIONS, 1,
        DUE_DERIVATION, "extension agreed on 2024-05-15: due 2024-05-24", RESPONSE_STATUS, "OVERDUE", PREVIOUS_STAGE, "stage1",
        PREVIOUS_RANK, 1, HIGHEST_RANK_BEFORE, 1, RECORDED_ON_FILE, true, FORM_ATTACHED, false);
    visits.write(GoldTables.STAGE_VISITS.location(warehouse));
    TableRows.of(GoldTables.DISPUTE_FLAGS.schema()).row(GoldTables.AUTHORITY, "381", GoldTables.DISPUTE_ID, "D-3",
        GoldTables.Flag.FLAG, "unmapped_category", GoldTables.Flag.DETAIL, "category OTHER maps to no theme", GoldTables.AS_OF_DATE, "2025-06-30")
        .write(GoldTables.DISPUTE_FLAGS.location(warehouse));
    TableRows events = TableRows.of(SilverSchemas.of(ExchangeFormat.DISPUTE_EVENTS)).defaults(ExchangeColumns.AUTHORITY, "381",
        ExchangeColumns.DISPUTE_ID, "D-1", Lineage.SOURCE_KIND, "exchange", Lineage.SOURCE_NAME, "381/dispute_events.csv",
        Lineage.BATCH_ID, "batch-1", Lineage.INGESTED_AT, "2025-04-01T09:00:00Z", Lineage.RECORD_HASH, "h");
    events.row(ExchangeColumns.EVENT_ID, "E-1", ExchangeColumns.EVENT_DATE, "2024-05-03", ExchangeColumns.EVENT_TYPE, "STAGE_OPENED",
        ExchangeColumns.STAGE, "stage1", ExchangeColumns.TO_ROLE, "SOCIAL_WORKER", ExchangeColumns.RECORDED_ON_FILE, true,
        ExchangeColumns.FORM_ATTACHED, true, Lineage.SOURCE_LINE, 2L);
    events.row(ExchangeColumns.EVENT_ID, "E-2", ExchangeColumns.EVENT_DATE, "2024-05-09", ExchangeColumns.EVENT_TYPE, "RESPONSE_RECEIVED",
        ExchangeColumns.STAGE, "stage1", Lineage.SOURCE_LINE, 5L);
    events.row(ExchangeColumns.EVENT_ID, "E-3", ExchangeColumns.EVENT_DATE, "2024-05-13", ExchangeColumns.EVENT_TYPE, "STAGE_OPENED",
        ExchangeColumns.STAGE, "stage2", ExchangeColumns.RECORDED_ON_FILE, true, ExchangeColumns.FORM_ATTACHED, false, Lineage.SOURCE_LINE, 3L);
    events.row(ExchangeColumns.EVENT_ID, "E-4", ExchangeColumns.EVENT_DATE, "2024-05-15", ExchangeColumns.EVENT_TYPE, "EXTENSION_AGREED",
        ExchangeColumns.STAGE, "stage2", ExchangeColumns.AGREED_DATE, "2024-05-24", Lineage.SOURCE_LINE, 9L,
        Lineage.SOURCE_KIND, "jdbc", Lineage.SOURCE_NAME, "casemgmt:dispute_events", Lineage.BATCH_ID, "batch-2");
    events.write(silver(warehouse, ExchangeFormat.DISPUTE_EVENTS));
    TableRows.of(SilverSchemas.of(ExchangeFormat.DISPUTES)).row(ExchangeColumns.AUTHORITY, "381", ExchangeColumns.DISPUTE_ID, "D-1",
        ExchangeColumns.CHILD_ID, CHILD, Lineage.SOURCE_KIND, "exchange", Lineage.SOURCE_NAME, "381/disputes.csv", Lineage.SOURCE_LINE, 2L,
        Lineage.BATCH_ID, "batch-1", Lineage.INGESTED_AT, "2025-04-01T09:00:00Z", Lineage.RECORD_HASH, "h")
        .write(silver(warehouse, ExchangeFormat.DISPUTES));
    TableRows.of(WarehouseTables.bronzeSchema(ExchangeFormat.DISPUTES)).row(ExchangeColumns.AUTHORITY, "381",
        ExchangeColumns.DISPUTE_ID, "D-1", ExchangeColumns.CHILD_ID, RAW_CHILD_ID, Lineage.AUTHORITY, "381", Lineage.SOURCE_KIND, "exchange",
        Lineage.SOURCE_NAME, "381/disputes.csv", Lineage.SOURCE_LINE, 2L, Lineage.BATCH_ID, "batch-1", Lineage.RECORD_HASH, "h")
        .write(WarehouseTables.location(warehouse, WarehouseTables.BRONZE, ExchangeFormat.DISPUTES.name()));
    TableRows exceptions = TableRows.of(QualityTables.EXCEPTIONS.schema()).defaults(QualityTables.AUTHORITY, "381",
        QualityTables.AS_OF_DATE, "2025-06-30", QualityTables.RULE_ID, "record.form_attached",
        QualityTables.CLAUSE, "calderdale v1 \u00a72.1: the notification form is attached to the child's file at each formal stage");
    exceptions.row(QualityTables.RUN_ID, "run-2", QualityTables.DISPUTE_ID, "D-1", QualityTables.VISIT_NUMBER, 2,
        QualityTables.DETAIL, "stage2 opened on 2024-05-13 without the form attached");
    exceptions.row(QualityTables.RUN_ID, "run-2", QualityTables.DISPUTE_ID, "D-7", QualityTables.VISIT_NUMBER, 1,
        QualityTables.DETAIL, "stage1 opened on 2024-06-08 without the form attached");
    exceptions.row(QualityTables.RUN_ID, "run-2", QualityTables.DISPUTE_ID, "D-9", QualityTables.RULE_ID, "record.ending_on_file",
        QualityTables.CLAUSE, "calderdale v1 \u00a72.6: the outcome is recorded on the child's file", QualityTables.DETAIL,
        "the ending on 2024-07-01 is not recorded on file");
    exceptions.row(QualityTables.RUN_ID, "run-1", QualityTables.DISPUTE_ID, "D-11", QualityTables.DETAIL, "an older run's exception");
    exceptions.write(QualityTables.EXCEPTIONS.location(warehouse));
    TableRows.of(QualityTables.RESULTS.schema()).defaults(QualityTables.RUN_ID, "run-2", QualityTables.RUN_AT, "2025-07-01T07:00:00Z",
            QualityTables.AS_OF_DATE, "2025-06-30", QualityTables.AUTHORITY, "381", QualityTables.SUITE, "recording",
            QualityTables.SEVERITY, "Error", QualityTables.HINT, "attach the forms", QualityTables.STATUS, "WARN")
        .row(QualityTables.RULE_ID, "record.form_attached", QualityTables.CLAUSE, "calderdale v1 \u00a72.1", QualityTables.METRIC_VALUE, 0.9,
            QualityTables.APPLICABLE_COUNT, 20L, QualityTables.FAILING_COUNT, 2L)
        .write(QualityTables.RESULTS.location(warehouse));
    Map<String, Long> versions = new LinkedHashMap<>();
    for (TableContract contract : List.of(GoldTables.DISPUTE_SUMMARY, GoldTables.STAGE_VISITS, GoldTables.DISPUTE_FLAGS,
        QualityTables.EXCEPTIONS)) {
      versions.put(contract.qualifiedName(), PublicationLog.version(warehouse, contract));
    }
    for (RecordSpec spec : List.of(ExchangeFormat.DISPUTES, ExchangeFormat.DISPUTE_EVENTS)) {
      versions.put("silver." + spec.name(), PublicationLog.version(silver(warehouse, spec)));
    }
    PublicationLog.append(warehouse, PUBLICATION, "2025-07-01T08:00:00Z", "2025-06-30", versions, "PASS_WITH_WARNINGS", "run-2",
        List.of("381"), List.of());
    return warehouse;
  }

  private static URI silver(URI warehouse, RecordSpec spec) {
    return WarehouseTables.location(warehouse, SilverSchemas.SILVER, spec.name());
  }
}
