package org.drpwarehouse.transforms;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.PolicyBinding;
import org.drpwarehouse.schemas.policy.PolicyBindings;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;

/**
 * A hand-written dispute (or a few) in silver form, run through the gold timeline: tests say what
 * happened in the exchange format's words and read back the visits and summary by column name.
 *
 * <pre>
 * DisputeScenario s = DisputeScenario.under("lambeth")
 *     .dispute("D1", "CLA", "PLAN_DISAGREEMENT")
 *     .event("D1", "2024-05-03", "STAGE_OPENED", "stage1")
 *     .event("D1", "2024-05-10", "RESPONSE_RECEIVED", "stage1");
 * Map&lt;String, Object&gt; visit = s.visit("D1", 1);
 * </pre>
 */
final class DisputeScenario {
  static final SparkSession SPARK = SharedSpark.session();
  private static final java.util.concurrent.atomic.AtomicInteger AUTHORITIES = new java.util.concurrent.atomic.AtomicInteger(900);
  /** Scenarios built but not yet run: the first one read runs every pending one of its as-of date in one go. */
  private static final List<DisputeScenario> PENDING = new ArrayList<>();

  /** Each scenario is an authority of its own, so many can run through the timeline together. */
  final String authority;

  private DisputeScenario(String authority) {
    this.authority = authority;
  }
  private static final Dataset<Row> CALENDAR = CalendarDimension.of(SPARK, WorkingDayCalendar.england());

  private final List<PolicyBinding> bindings = new ArrayList<>();
  private final List<Row> disputes = new ArrayList<>();
  private final List<Row> events = new ArrayList<>();
  private final List<Row> allocations = new ArrayList<>();
  private int line;
  private Timestamp loadedAt = Timestamp.valueOf("2025-04-01 09:00:00");
  private LocalDate asOf = LocalDate.of(2025, 3, 31);
  private GoldTimeline.Outputs outputs;
  private List<Map<String, Object>> visitRows;
  private List<Map<String, Object>> summaryRows;
  private List<Map<String, Object>> flagRows;

  static DisputeScenario under(String policyId) {
    return under(policyId, String.valueOf(AUTHORITIES.incrementAndGet()));
  }

  /** A scenario of a named authority (the same code every time, for tests that build twice). */
  static DisputeScenario under(String policyId, String authority) {
    DisputeScenario scenario = new DisputeScenario(authority);
    scenario.bindings.add(new PolicyBinding(scenario.authority, "Test Authority", policyId, null, LocalDate.of(2010, 1, 1)));
    synchronized (PENDING) {
      PENDING.add(scenario);
    }
    return scenario;
  }

  /** From {@code from}, disputes the authority first opens are judged by another policy. */
  DisputeScenario rebind(String policyId, String from) {
    bindings.add(new PolicyBinding(authority, "Test Authority", policyId, null, LocalDate.parse(from)));
    return this;
  }

  /** Takes the scenario out of the pending batch: its silver tables are written by the test itself. */
  DisputeScenario detach() {
    synchronized (PENDING) {
      PENDING.remove(this);
    }
    return this;
  }

  /** Rows added from now on were loaded into bronze at this time (for incremental builds). */
  DisputeScenario loadedAt(String timestamp) {
    loadedAt = Timestamp.valueOf(timestamp);
    return this;
  }

  PolicyBindings bindings() {
    return PolicyBindings.of(bindings, PolicyCatalog.presets());
  }

  Dataset<Row> silverDisputes() {
    return SPARK.createDataFrame(disputes, SilverSchemas.of(ExchangeFormat.DISPUTES));
  }

  Dataset<Row> silverEvents() {
    return SPARK.createDataFrame(events, SilverSchemas.of(ExchangeFormat.DISPUTE_EVENTS));
  }

  Dataset<Row> silverAllocations() {
    return SPARK.createDataFrame(allocations, SilverSchemas.of(ExchangeFormat.ALLOCATIONS));
  }

  DisputeScenario asOf(String date) {
    asOf = LocalDate.parse(date);
    return this;
  }

  DisputeScenario dispute(String id, String process, String category) {
    return dispute(id, process, category, null, "C-" + id, "Team A");
  }

  DisputeScenario dispute(String id, String process, String category, String identified, String child, String team) {
    Map<String, Object> v = new HashMap<>();
    v.put("authority", authority);
    v.put("dispute_id", id);
    v.put("child_id", child);
    v.put("process", process);
    v.put("raised_by", "IRO-1");
    v.put("identified_date", date(identified));
    v.put("category", category);
    v.put("team", team);
    disputes.add(row(SilverSchemas.of(ExchangeFormat.DISPUTES), v));
    return this;
  }

  DisputeScenario allocation(String child, String team, String from, String to) {
    Map<String, Object> v = new HashMap<>();
    v.put("authority", authority);
    v.put("child_id", child);
    v.put("team", team);
    v.put("from_date", date(from));
    v.put("to_date", date(to));
    allocations.add(row(SilverSchemas.of(ExchangeFormat.ALLOCATIONS), v));
    return this;
  }

  DisputeScenario event(String dispute, String date, String type, String stage) {
    return event(dispute, date, type, stage, Map.of());
  }

  /** An event with extra fields: agreed_date, outcome, to_role, recorded_on_file, form_attached, event_id. */
  DisputeScenario event(String dispute, String date, String type, String stage, Map<String, Object> extra) {
    Map<String, Object> v = new HashMap<>();
    v.put("authority", authority);
    v.put("event_id", "E" + (events.size() + 1));
    v.put("dispute_id", dispute);
    v.put("event_date", date(date));
    v.put("event_type", type);
    v.put("stage", stage);
    v.put("recorded_on_file", true);
    v.put("form_attached", true);
    for (Map.Entry<String, Object> e : extra.entrySet()) {
      Object value = e.getValue();
      v.put(e.getKey(), e.getKey().endsWith("_date") && value instanceof String s ? date(s) : value);
    }
    events.add(row(SilverSchemas.of(ExchangeFormat.DISPUTE_EVENTS), v));
    return this;
  }

  private Row row(StructType schema, Map<String, Object> values) {
    Object[] cells = new Object[schema.size()];
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      if (name.startsWith("_")) {
        cells[i] = lineage(name, fields[i]);
      } else {
        cells[i] = values.get(name);
      }
    }
    return RowFactory.create(cells);
  }

  private Object lineage(String name, StructField field) {
    if (field.dataType().equals(DataTypes.TimestampType)) {
      return loadedAt;
    }
    if (field.dataType().equals(DataTypes.LongType)) {
      return (long) ++line;
    }
    return name.equals("_source_name") ? "scenario.csv" : "scenario";
  }

  private static Date date(String iso) {
    return iso == null ? null : Date.valueOf(iso);
  }

  /** This scenario's gold tables; runs it, with every other pending scenario of its as-of date, on first use. */
  GoldTimeline.Outputs outputs() {
    if (outputs == null) {
      List<DisputeScenario> batch;
      synchronized (PENDING) {
        batch = PENDING.stream().filter(p -> p.asOf.equals(asOf) && p.outputs == null).toList();
        PENDING.removeAll(batch);
      }
      if (!batch.contains(this)) {
        batch = new ArrayList<>(batch);
        batch.add(this);
      }
      run(batch, asOf);
    }
    return outputs;
  }

  private static void run(List<DisputeScenario> batch, LocalDate asOf) {
    List<PolicyBinding> bindings = new ArrayList<>();
    List<Row> disputes = new ArrayList<>();
    List<Row> events = new ArrayList<>();
    List<Row> allocations = new ArrayList<>();
    for (DisputeScenario s : batch) {
      bindings.addAll(s.bindings);
      disputes.addAll(s.disputes);
      events.addAll(s.events);
      allocations.addAll(s.allocations);
    }
    PolicyDimensions policies = PolicyDimensions.of(SPARK, PolicyCatalog.presets(), PolicyBindings.of(bindings, PolicyCatalog.presets()));
    GoldTimeline.Outputs all = new GoldTimeline(CALENDAR, policies, (step, rows) -> rows.localCheckpoint()).apply(
        SPARK.createDataFrame(disputes, SilverSchemas.of(ExchangeFormat.DISPUTES)),
        SPARK.createDataFrame(events, SilverSchemas.of(ExchangeFormat.DISPUTE_EVENTS)),
        SPARK.createDataFrame(allocations, SilverSchemas.of(ExchangeFormat.ALLOCATIONS)), asOf);
    List<Map<String, Object>> visits = collect(all.visits());
    List<Map<String, Object>> summaries = collect(all.summary());
    List<Map<String, Object>> flags = collect(all.flags());
    for (DisputeScenario s : batch) {
      s.outputs = all;
      s.visitRows = visits.stream().filter(r -> s.authority.equals(r.get(GoldTables.AUTHORITY))).toList();
      s.summaryRows = summaries.stream().filter(r -> s.authority.equals(r.get(GoldTables.AUTHORITY))).toList();
      s.flagRows = flags.stream().filter(r -> s.authority.equals(r.get(GoldTables.AUTHORITY))).toList();
    }
  }

  List<Map<String, Object>> visits() {
    outputs();
    return visitRows;
  }

  List<Map<String, Object>> summaries() {
    outputs();
    return summaryRows;
  }

  List<Map<String, Object>> flags() {
    outputs();
    return flagRows;
  }

  Map<String, Object> visit(String dispute, int number) {
    return visits().stream()
        .filter(v -> v.get(GoldTables.DISPUTE_ID).equals(dispute) && v.get(GoldTables.Visit.VISIT_NUMBER).equals(number))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no visit " + number + " of " + dispute + " in " + visits()));
  }

  Map<String, Object> summary(String dispute) {
    return summaries().stream()
        .filter(v -> v.get(GoldTables.DISPUTE_ID).equals(dispute))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no summary of " + dispute + " in " + summaries()));
  }

  List<String> flagsOf(String dispute) {
    return flags().stream().filter(f -> f.get(GoldTables.DISPUTE_ID).equals(dispute))
        .map(f -> (String) f.get(GoldTables.Flag.FLAG)).sorted().toList();
  }

  static List<Map<String, Object>> collect(Dataset<Row> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (String name : row.schema().fieldNames()) {
        Object value = row.get(row.fieldIndex(name));
        if (value instanceof Date d) {
          value = d.toLocalDate();
        } else if (value instanceof scala.collection.Seq<?> seq) {
          value = new ArrayList<>(scala.collection.JavaConverters.seqAsJavaList(seq));
        }
        values.put(name, value);
      }
      out.add(values);
    }
    return out;
  }

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }
}
