package org.drpwarehouse.quality;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;

/**
 * A tiny warehouse written to a temporary folder: silver and gold rows built inline from the
 * canonical schemas, dispute by dispute, consistent with each other (events, visits and summary of
 * one dispute agree) unless a test breaks them on purpose.
 */
final class TinyWarehouse {
  static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
  static final Timestamp LOADED = Timestamp.valueOf("2025-04-01 09:00:00");

  final URI uri;
  final List<Map<String, Object>> disputes = new ArrayList<>();
  final List<Map<String, Object>> events = new ArrayList<>();
  final List<Map<String, Object>> header = new ArrayList<>();
  final List<Map<String, Object>> reviews = new ArrayList<>();
  final List<Map<String, Object>> cpPlans = new ArrayList<>();
  final List<Map<String, Object>> visits = new ArrayList<>();
  final List<Map<String, Object>> summary = new ArrayList<>();
  private int eventNumber;

  TinyWarehouse(Path folder) {
    this.uri = folder.toUri();
  }

  /** A looked-after child in the authority's SSDA903 header. */
  TinyWarehouse child(String authority, String child) {
    header.add(new HashMap<>(Map.of(SilverSchemas.AUTHORITY, authority, Ssda903Columns.CHILD, child, Ssda903Columns.SEX, "1",
        Ssda903Columns.DOB, date("2012-03-01"), Ssda903Columns.ETHNIC, "WBRI")));
    return this;
  }

  Dispute dispute(String authority, String id, String policy) {
    return new Dispute(authority, id, policy);
  }

  /** One dispute, opened stage by stage, as silver events and its gold visits and summary. */
  final class Dispute {
    final Map<String, Object> row = new HashMap<>();
    final Map<String, Object> sum = new HashMap<>();
    private final List<Map<String, Object>> ownVisits = new ArrayList<>();
    private LocalDate next = LocalDate.of(2024, 5, 1);
    private int highest;
    private boolean inHeader = true;

    Dispute(String authority, String id, String policy) {
      row.putAll(Map.of(ExchangeColumns.AUTHORITY, authority, ExchangeColumns.DISPUTE_ID, id, ExchangeColumns.CHILD_ID,
          "child-" + id, ExchangeColumns.PROCESS, "CLA", ExchangeColumns.RAISED_BY, "iro-1", ExchangeColumns.CATEGORY,
          "CARE_PLANNING", ExchangeColumns.IDENTIFIED_DATE, date("2024-04-30")));
      sum.putAll(Map.of(GoldTables.AUTHORITY, authority, GoldTables.DISPUTE_ID, id, GoldTables.CHILD_ID, "child-" + id,
          GoldTables.PROCESS, "CLA", GoldTables.POLICY_ID, policy, GoldTables.POLICY_VERSION, 1, Summary.THEME,
          "care_planning", Summary.THEME_MAPPED, true, Summary.STATUS, GoldTables.OPEN));
      sum.put(Summary.CHILD_INFORMED, true);
      sum.put(Summary.OPENINGS_ON_FILE, true);
      sum.put(Summary.FORMS_ATTACHED, true);
      sum.put(Summary.START_DATE, date(next.toString()));
    }

    /** The dispute starts on this day (before any visit is added). */
    Dispute startingOn(LocalDate day) {
      next = day;
      sum.put(Summary.START_DATE, Date.valueOf(day));
      return this;
    }

    Dispute theme(String theme) {
      sum.put(Summary.THEME, theme);
      return this;
    }

    Dispute child(String child, String process) {
      row.put(ExchangeColumns.CHILD_ID, child);
      row.put(ExchangeColumns.PROCESS, process);
      sum.put(GoldTables.CHILD_ID, child);
      sum.put(GoldTables.PROCESS, process);
      return this;
    }

    /** Opens a stage on file with its form attached. */
    Dispute visit(String stage, int rank) {
      return visit(stage, rank, true, true);
    }

    Dispute visit(String stage, int rank, Boolean onFile, Boolean form) {
      Map<String, Object> v = new HashMap<>();
      v.putAll(Map.of(GoldTables.AUTHORITY, row.get(ExchangeColumns.AUTHORITY), GoldTables.DISPUTE_ID,
          row.get(ExchangeColumns.DISPUTE_ID), GoldTables.POLICY_ID, sum.get(GoldTables.POLICY_ID), GoldTables.POLICY_VERSION,
          1, Visit.VISIT_NUMBER, ownVisits.size() + 1, Visit.STAGE, stage, Visit.STAGE_RANK, rank, Visit.STAGE_KNOWN, true,
          Visit.FORMAL, rank > 0, Visit.OPENED_DATE, date(next.toString())));
      v.put(Visit.END_REASON, GoldTables.EndReason.OPEN);
      v.put(Visit.RESPONSE_STATUS, GoldTables.ResponseStatus.PENDING);
      v.put(Visit.HIGHEST_RANK_BEFORE, highest);
      v.put(Visit.BYPASS, rank > highest + 1);
      v.put(Visit.CONSULTATION_REQUIRED, true);
      v.put(Visit.CONSULTED_BEFORE, rank > highest + 1 ? Boolean.TRUE : null);
      v.put(Visit.RECORDED_ON_FILE, onFile);
      v.put(Visit.FORM_ATTACHED, rank > 0 ? form : null);
      ownVisits.add(v);
      visits.add(v);
      event("STAGE_OPENED", stage, Map.of(ExchangeColumns.RECORDED_ON_FILE, onFile == null ? "" : onFile,
          ExchangeColumns.FORM_ATTACHED, form == null ? "" : form));
      highest = Math.max(highest, rank);
      if (!Boolean.TRUE.equals(onFile)) {
        sum.put(Summary.OPENINGS_ON_FILE, false);
      }
      if (rank > 0 && !Boolean.TRUE.equals(form)) {
        sum.put(Summary.FORMS_ATTACHED, false);
      }
      sum.put(Summary.VISITS, ownVisits.size());
      next = next.plusDays(7);
      return this;
    }

    /** The last visit bypassed stages with no consultation recorded before it. */
    Dispute withoutConsultation() {
      ownVisits.get(ownVisits.size() - 1).put(Visit.CONSULTED_BEFORE, false);
      return this;
    }

    Dispute closed(boolean onFile) {
      sum.put(Summary.STATUS, GoldTables.CLOSED);
      sum.put(Summary.END_DATE, date(next.toString()));
      sum.put(Summary.OUTCOME, "RESOLVED");
      sum.put(Summary.ENDING_ON_FILE, onFile);
      event("RESOLVED", (String) ownVisits.get(ownVisits.size() - 1).get(Visit.STAGE),
          Map.of(ExchangeColumns.OUTCOME, "RESOLVED", ExchangeColumns.RECORDED_ON_FILE, onFile));
      return this;
    }

    Dispute childInformed(boolean informed) {
      sum.put(Summary.CHILD_INFORMED, informed);
      if (informed) {
        event("CHILD_INFORMED", null, Map.of());
      }
      return this;
    }

    /** A Cafcass referral with a notice rule of {@code requiredWd} and the notice compliant or not. */
    Dispute cafcass(int requiredWd, boolean compliant) {
      sum.put(Summary.CAFCASS_REFERRAL_DATE, date(next.toString()));
      sum.put(Summary.CAFCASS_NOTICE_REQUIRED_WD, requiredWd);
      sum.put(Summary.CAFCASS_NOTICE_COMPLIANT, compliant);
      sum.put(Summary.CAFCASS_INFORM_REQUIRED, List.of("DCS"));
      sum.put(Summary.CAFCASS_INFORMED, compliant);
      return this;
    }

    Map<String, Object> lastVisit() {
      return ownVisits.get(ownVisits.size() - 1);
    }

    /** The child is not in the authority's SSDA903 header (by default a CLA dispute's child is). */
    Dispute notInSsda903() {
      inHeader = false;
      return this;
    }

    TinyWarehouse add() {
      if (inHeader && "CLA".equals(row.get(ExchangeColumns.PROCESS))) {
        TinyWarehouse.this.child((String) row.get(ExchangeColumns.AUTHORITY), (String) row.get(ExchangeColumns.CHILD_ID));
      }
      for (Map<String, Object> v : ownVisits) {
        v.put(GoldTables.CHILD_ID, row.get(ExchangeColumns.CHILD_ID));
        v.put(GoldTables.PROCESS, row.get(ExchangeColumns.PROCESS));
      }
      boolean complete = Boolean.TRUE.equals(sum.get(Summary.OPENINGS_ON_FILE)) && Boolean.TRUE.equals(sum.get(Summary.FORMS_ATTACHED))
          && !Boolean.FALSE.equals(sum.get(Summary.ENDING_ON_FILE));
      sum.put(Summary.RECORDING_COMPLETE, complete);
      disputes.add(row);
      summary.add(sum);
      return TinyWarehouse.this;
    }

    private void event(String type, String stage, Map<String, Object> more) {
      Map<String, Object> e = new HashMap<>();
      e.put(ExchangeColumns.AUTHORITY, row.get(ExchangeColumns.AUTHORITY));
      e.put(ExchangeColumns.EVENT_ID, "E" + (++eventNumber));
      e.put(ExchangeColumns.DISPUTE_ID, row.get(ExchangeColumns.DISPUTE_ID));
      e.put(ExchangeColumns.EVENT_DATE, date(next.toString()));
      e.put(ExchangeColumns.EVENT_TYPE, type);
      e.put(ExchangeColumns.STAGE, stage);
      more.forEach((k, v) -> e.put(k, v instanceof String s && s.isEmpty() ? null : v));
      events.add(e);
    }
  }

  /**
   * Writes the tables as Delta: silver with lineage, gold with the build's as-of date. Optional
   * silver tables with no rows are not written (as when an authority sends no such file).
   */
  TinyWarehouse write(SparkSession spark) {
    silver(spark, ExchangeFormat.DISPUTES, disputes);
    silver(spark, ExchangeFormat.DISPUTE_EVENTS, events);
    if (!header.isEmpty()) {
      silver(spark, Ssda903.HEADER, header);
    }
    if (!reviews.isEmpty()) {
      silver(spark, Ssda903.REVIEWS, reviews);
    }
    if (!cpPlans.isEmpty()) {
      silver(spark, ExchangeFormat.CP_PLANS, cpPlans);
    }
    gold(spark, GoldTables.STAGE_VISITS, visits);
    gold(spark, GoldTables.DISPUTE_SUMMARY, summary);
    return this;
  }

  private void silver(SparkSession spark, RecordSpec spec, List<Map<String, Object>> rows) {
    List<Map<String, Object>> withLineage = new ArrayList<>();
    int line = 1;
    for (Map<String, Object> r : rows) {
      Map<String, Object> copy = new HashMap<>(r);
      copy.putIfAbsent(Lineage.BATCH_ID, "batch-1");
      copy.putIfAbsent(Lineage.INGESTED_AT, LOADED);
      copy.putIfAbsent(Lineage.SOURCE_KIND, "csv");
      copy.putIfAbsent(Lineage.SOURCE_NAME, spec.csvFileName());
      copy.putIfAbsent(Lineage.SOURCE_LINE, (long) ++line);
      copy.putIfAbsent(Lineage.RECORD_HASH, "h" + line);
      withLineage.add(copy);
    }
    save(spark, SilverSchemas.of(spec), withLineage, WarehouseTables.location(uri, SilverSchemas.SILVER, spec.name()));
  }

  private void gold(SparkSession spark, TableContract contract, List<Map<String, Object>> rows) {
    List<Map<String, Object>> filled = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      Map<String, Object> copy = new HashMap<>(r);
      copy.putIfAbsent(GoldTables.AS_OF_DATE, Date.valueOf(AS_OF));
      for (StructField f : contract.schema().fields()) {
        if (!f.nullable() && copy.get(f.name()) == null) {
          copy.put(f.name(), placeholder(f.dataType()));
        }
      }
      filled.add(copy);
    }
    save(spark, contract.schema(), filled, contract.location(uri));
  }

  private static Object placeholder(DataType type) {
    if (type.equals(DataTypes.BooleanType)) {
      return false;
    }
    if (type.equals(DataTypes.IntegerType)) {
      return 0;
    }
    if (type.equals(DataTypes.DateType)) {
      return Date.valueOf(AS_OF);
    }
    return "-";
  }

  private static void save(SparkSession spark, StructType schema, List<Map<String, Object>> rows, URI location) {
    List<Row> typed = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      Object[] values = new Object[schema.fields().length];
      for (int i = 0; i < values.length; i++) {
        StructField field = schema.fields()[i];
        Object value = r.get(field.name());
        if (value instanceof List<?> list && !(field.dataType() instanceof ArrayType)) {
          throw new IllegalArgumentException(field.name() + " is not an array");
        }
        values[i] = value;
      }
      typed.add(RowFactory.create(values));
    }
    spark.createDataFrame(typed, schema).write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .save(location.toString());
  }

  static Date date(String iso) {
    return Date.valueOf(iso);
  }
}
