package org.drpwarehouse.quality.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.drpwarehouse.quality.AuthorityDecision;
import org.drpwarehouse.quality.GateResult;
import org.drpwarehouse.quality.GateSettings;
import org.drpwarehouse.quality.GateStatus;
import org.drpwarehouse.quality.RuleOutcome;
import org.drpwarehouse.quality.Thresholds;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.QualityTables;
import org.drpwarehouse.schemas.warehouse.QualityTables.Severity;
import org.drpwarehouse.schemas.warehouse.QualityTables.Status;
import org.drpwarehouse.schemas.warehouse.QualityTables.Suite;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;

/**
 * One run of the gate: reads the silver and gold tables, runs every suite, decides per authority,
 * and writes {@code quality_results}, {@code compliance_exceptions}, the metrics repository and the
 * report. The thin runner around the pure transforms of this package: the only class that reads or
 * writes tables.
 */
public final class GateRun {
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final URI warehouse;
  private final GateSettings settings;
  private final PolicyCatalog catalog;
  private final LocalDate asOf;
  private final Instant runAt;
  private final String runId;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GateRun.class);

  private final List<RuleOutcome> outcomes = new ArrayList<>();
  private final List<DeequFacade.MetricRecord> metrics = new ArrayList<>();
  private final Set<String> authorities = new TreeSet<>();

  public GateRun(SparkSession spark, URI warehouse, GateSettings settings, PolicyCatalog catalog, LocalDate asOf) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.runAt = Instant.now();
    this.runId = RUN_ID.format(runAt) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  }

  public GateResult run() {
    Map<Frame, Dataset<Row>> tables = new EnumMap<>(Frame.class);
    List<String> missing = new ArrayList<>();
    for (Frame frame : Frame.values()) {
      String location = frame.location(warehouse).toString();
      if (DeltaTable.isDeltaTable(spark, location)) {
        tables.put(frame, spark.read().format("delta").load(location));
      } else if (frame.required()) {
        missing.add(frame.qualifiedName());
      }
    }
    outcomes.add(tablesPresent(missing));
    Map<Frame, Dataset<Row>> prepared = prepare(tables);
    for (Map.Entry<Frame, Dataset<Row>> entry : prepared.entrySet()) {
      long started = System.nanoTime();
      check(entry.getKey(), entry.getValue());
      LOG.info("gate {}: {} checked in {} ms", runId, entry.getKey().qualifiedName(), (System.nanoTime() - started) / 1_000_000);
    }
    if (tables.containsKey(Frame.SUMMARY)) {
      drift(tables.get(Frame.SUMMARY));
    }
    completeMatrix();
    GateResult result = decide();
    write(result);
    return result;
  }

  private RuleOutcome tablesPresent(List<String> missing) {
    Thresholds t = settings.thresholds(RuleCatalog.TABLES_PRESENT);
    return new RuleOutcome(QualityTables.WAREHOUSE_SCOPE, Suite.WAREHOUSE, RuleCatalog.TABLES_PRESENT, Severity.ERROR,
        "the gate checks the silver disputes and events and the gold stage visits and dispute summary",
        "run the pipeline up to gold first (ingest, build silver and gold), then check again",
        missing.isEmpty() ? Status.PASS : Status.BLOCK, missing.isEmpty() ? 1.0 : 0.0, t.warn(), t.block(),
        Frame.values().length, missing.size(), missing);
  }

  private Map<Frame, Dataset<Row>> prepare(Map<Frame, Dataset<Row>> tables) {
    Map<Frame, Dataset<Row>> prepared = new EnumMap<>(Frame.class);
    PolicyClauses clauses = PolicyClauses.of(spark, catalog, RuleCatalog.RECORDING_RULES);
    for (Frame frame : tables.keySet()) {
      Dataset<Row> rows = tables.get(frame);
      Dataset<Row> ready = switch (frame) {
        case DISPUTES -> new DisputeReferences(asOf).apply(rows, orEmpty(tables, Frame.DISPUTE_EVENTS),
            orEmpty(tables, Frame.HEADER), orEmpty(tables, Frame.CP_PLANS), orEmpty(tables, Frame.ALLOCATIONS),
            orEmpty(tables, Frame.SUMMARY));
        case DISPUTE_EVENTS -> new EventReferences().apply(rows, orEmpty(tables, Frame.DISPUTES));
        case VISITS, SUMMARY -> new GoldPreparation(frame, clauses, asOf).apply(rows);
        default -> new KeyCounts(frame.key()).apply(rows);
      };
      prepared.put(frame, ready);
    }
    return prepared;
  }

  private Dataset<Row> orEmpty(Map<Frame, Dataset<Row>> tables, Frame frame) {
    Dataset<Row> table = tables.get(frame);
    if (table != null) {
      return table;
    }
    StructType schema = frame.isGold()
        ? (frame == Frame.VISITS ? GoldTables.STAGE_VISITS : GoldTables.DISPUTE_SUMMARY).schema()
        : SilverSchemas.of(frame.silverSpec());
    return spark.createDataFrame(List.of(), schema);
  }

  /** One frame: one Deequ verification, one tally per authority, and the failing records where there are any. */
  private void check(Frame frame, Dataset<Row> data) {
    List<Rule> rules = RuleCatalog.rules(frame);
    List<DeequFacade.Constraint> constraints = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      Thresholds t = settings.thresholds(rule.id());
      constraints.add(new DeequFacade.Constraint(AuthorityTally.resultColumn(i), rule.id(), rule.error(), rule.scopeSql(),
          rule.deequPass(), rule.hint(), t.blocks() ? t.block() : t.warn()));
    }
    // Deequ's scan, the tally and the failing records all read the prepared rows: compute its joins once.
    Dataset<Row> cached = data.persist(StorageLevel.MEMORY_AND_DISK());
    DeequFacade.Verification verification = DeequFacade.verify(spark, cached, constraints);
    Dataset<Row> rowLevel = verification.rowLevel();
    try {
      List<Row> tally = new AuthorityTally(rules).apply(rowLevel).collectAsList();
      List<Integer> withFailures = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        int index = i;
        if (tally.stream().anyMatch(row -> row.<Long>getAs(AuthorityTally.failingColumn(index)) > 0)) {
          withFailures.add(i);
        }
      }
      Map<String, Map<String, List<String>>> sample = new HashMap<>(); // rule -> authority -> ids
      if (!withFailures.isEmpty()) {
        Dataset<Row> failing = new FailingRecords(frame, rules, withFailures).apply(rowLevel);
        List<String> recordingIds = withFailures.stream().map(rules::get).filter(Rule::recording).map(Rule::id).toList();
        if (!recordingIds.isEmpty()) {
          writeExceptions(failing.where(col(QualityTables.RULE_ID).isin(recordingIds.toArray())));
        }
        for (Row row : new FailingSample(QualityTables.FAILING_IDS_SAMPLE).apply(failing).collectAsList()) {
          String authority = row.getAs(QualityTables.AUTHORITY);
          sample.computeIfAbsent(row.getAs(QualityTables.RULE_ID), r -> new TreeMap<>())
              .computeIfAbsent(authority == null ? QualityTables.WAREHOUSE_SCOPE : authority, a -> new ArrayList<>())
              .add(row.getAs(FailingRecords.RECORD_ID));
        }
      }
      for (int i = 0; i < rules.size(); i++) {
        outcomes(rules.get(i), i, tally, sample.getOrDefault(rules.get(i).id(), Map.of()),
            verification.metrics().get(AuthorityTally.resultColumn(i)));
      }
    } finally {
      cached.unpersist();
    }
  }

  private void outcomes(Rule rule, int index, List<Row> tally, Map<String, List<String>> sample,
      DeequFacade.ConstraintMetric deequ) {
    if (deequ != null && deequ.share() != null) {
      metrics.add(new DeequFacade.MetricRecord(DeequFacade.MetricRecord.Kind.COMPLIANCE,
          QualityTables.WAREHOUSE_SCOPE + "|" + rule.id(), rule.deequPass(), rule.scopeSql(), deequ.share()));
    }
    if (rule.warehouseWide()) {
      long applicable = 0;
      long failing = 0;
      for (Row row : tally) {
        applicable += row.<Long>getAs(AuthorityTally.applicableColumn(index));
        failing += row.<Long>getAs(AuthorityTally.failingColumn(index));
      }
      List<String> ids = new ArrayList<>();
      sample.values().forEach(ids::addAll);
      ids.sort(null);
      outcomes.add(outcome(rule, QualityTables.WAREHOUSE_SCOPE, rule.clause(), applicable, failing,
          ids.subList(0, Math.min(ids.size(), QualityTables.FAILING_IDS_SAMPLE)), settings.thresholds(rule.id())));
      return;
    }
    for (Row row : tally) {
      String authority = row.getAs(GoldTables.AUTHORITY);
      if (authority == null) {
        continue; // not attributable: the warehouse rule authority_present reports these records
      }
      authorities.add(authority);
      long applicable = row.<Long>getAs(AuthorityTally.applicableColumn(index));
      long failing = row.<Long>getAs(AuthorityTally.failingColumn(index));
      String clause = rule.clause();
      if (rule.recording()) {
        List<String> clauses = new ArrayList<>(row.<String>getList(row.fieldIndex(AuthorityTally.clausesColumn(index))));
        clauses.sort(null);
        clause = String.join("; ", clauses);
      }
      Thresholds thresholds = settings.thresholds(authority, rule.id());
      RuleOutcome outcome =
          outcome(rule, authority, clause, applicable, failing, sample.getOrDefault(authority, List.of()), thresholds);
      outcomes.add(outcome);
      if (rule.recording() && outcome.metric() != null) {
        String where = "(" + rule.scopeSql() + ") AND " + GoldTables.AUTHORITY + " = '" + authority.replace("'", "\\'") + "'";
        metrics.add(new DeequFacade.MetricRecord(DeequFacade.MetricRecord.Kind.COMPLIANCE, authority + "|" + rule.id(),
            rule.deequPass(), where, outcome.metric()));
      }
    }
  }

  private static RuleOutcome outcome(Rule rule, String authority, String clause, long applicable, long failing,
      List<String> ids, Thresholds thresholds) {
    Double metric = applicable == 0 ? null : (double) (applicable - failing) / applicable;
    String status = thresholds.status(metric);
    if (status.equals(Status.BLOCK) && (!rule.error() || rule.recording() && applicable < RuleCatalog.MIN_RECORDS_TO_BLOCK)) {
      status = Status.WARN; // a Warning rule never blocks; nor does a recording rule over too few records
    }
    return new RuleOutcome(authority, rule.suite(), rule.id(), rule.severity(), clause, rule.hint(), status, metric,
        thresholds.warn(), rule.error() ? thresholds.block() : null, applicable, failing, ids);
  }

  private void drift(Dataset<Row> summary) {
    YearMonth month = DriftRules.currentMonth(asOf);
    List<DriftRules.Count> counts = new ArrayList<>();
    for (Row row : new DriftMeasures(month.minusMonths(DriftRules.HISTORY_MONTHS), month).apply(summary).collectAsList()) {
      String authority = row.getAs(GoldTables.AUTHORITY);
      if (authority != null) {
        counts.add(new DriftRules.Count(authority, YearMonth.parse(row.getAs(DriftMeasures.MONTH)),
            row.getAs(GoldTables.Summary.THEME), row.<Long>getAs(DriftMeasures.DISPUTES)));
      }
    }
    List<DeequFacade.StoredMetric> stored = DeequFacade.load(spark, QualityTables.metricsRepository(warehouse));
    outcomes.addAll(DriftRules.evaluate(authorities, month, counts, stored, settings));
    metrics.addAll(DriftRules.records(month, counts, stored, authorities));
  }

  /** Every authority gets a row for every authority rule: NOT_APPLICABLE where none of its records is in scope. */
  private void completeMatrix() {
    Set<String> seen = new java.util.HashSet<>();
    outcomes.forEach(o -> seen.add(o.authority() + "\u0000" + o.ruleId()));
    for (String authority : authorities) {
      for (Rule rule : RuleCatalog.rowRules()) {
        if (!rule.warehouseWide() && !seen.contains(authority + "\u0000" + rule.id())) {
          outcomes.add(outcome(rule, authority, rule.recording() ? "" : rule.clause(), 0, 0, List.of(),
              settings.thresholds(authority, rule.id())));
        }
      }
    }
  }

  private GateResult decide() {
    List<RuleOutcome> warehouseFailures =
        outcomes.stream().filter(o -> o.authority().equals(QualityTables.WAREHOUSE_SCOPE) && o.blocks()).toList();
    Map<String, List<RuleOutcome>> blocking = new LinkedHashMap<>();
    Map<String, List<RuleOutcome>> warnings = new LinkedHashMap<>();
    for (String authority : authorities) {
      blocking.put(authority, new ArrayList<>());
      warnings.put(authority, new ArrayList<>());
    }
    for (RuleOutcome o : outcomes) {
      if (blocking.containsKey(o.authority())) {
        if (o.blocks()) {
          blocking.get(o.authority()).add(o);
        } else if (o.warns()) {
          warnings.get(o.authority()).add(o);
        }
      }
    }
    List<AuthorityDecision> decisions = new ArrayList<>();
    authorities.forEach(a -> decisions.add(new AuthorityDecision(a, blocking.get(a), warnings.get(a))));
    boolean anyPublishable = warehouseFailures.isEmpty() && decisions.stream().anyMatch(AuthorityDecision::passes);
    boolean clean = outcomes.stream().noneMatch(o -> o.blocks() || o.warns());
    GateStatus status = !anyPublishable ? GateStatus.BLOCKED : clean ? GateStatus.PASS : GateStatus.PASS_WITH_WARNINGS;
    URI folder = QualityTables.reportFolder(warehouse, runId);
    return new GateResult(runId, runAt, asOf, status, decisions, warehouseFailures, outcomes,
        QualityTables.RESULTS.location(warehouse), QualityTables.EXCEPTIONS.location(warehouse),
        URI.create(folder + "/" + ReportWriter.HTML), URI.create(folder + "/" + ReportWriter.MARKDOWN));
  }

  private void writeExceptions(Dataset<Row> failing) {
    Dataset<Row> rows = failing.select(
        lit(runId).as(QualityTables.RUN_ID),
        lit(asOf).as(QualityTables.AS_OF_DATE),
        col(QualityTables.AUTHORITY),
        col(QualityTables.RULE_ID),
        col(QualityTables.CLAUSE),
        col(QualityTables.DISPUTE_ID),
        col(QualityTables.VISIT_NUMBER),
        col(QualityTables.DETAIL));
    spark.createDataFrame(rows.rdd(), QualityTables.EXCEPTIONS.schema())
        .write().format("delta").mode("append").save(QualityTables.EXCEPTIONS.location(warehouse).toString());
  }

  private void write(GateResult result) {
    List<Row> rows = new ArrayList<>();
    java.sql.Timestamp at = java.sql.Timestamp.from(runAt);
    java.sql.Date date = java.sql.Date.valueOf(asOf);
    for (RuleOutcome o : result.outcomes()) {
      rows.add(RowFactory.create(runId, at, date, o.authority(), o.suite(), o.ruleId(), o.severity(), o.clause(), o.hint(),
          o.status(), o.metric(), o.warnThreshold(), o.blockThreshold(), o.applicable(), o.failing(),
          o.failingIds()));
    }
    spark.createDataFrame(rows, QualityTables.RESULTS.schema()).coalesce(1)
        .write().format("delta").mode("append").save(result.resultsTable().toString());
    Map<String, String> tags = new TreeMap<>(Map.of("run_id", runId, "as_of", asOf.toString()));
    DeequFacade.save(spark, QualityTables.metricsRepository(warehouse), runAt.toEpochMilli(), tags, metrics);
    new ReportWriter(spark.sparkContext().hadoopConfiguration()).write(result);
  }
}
