package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.PolicyBindings;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Build;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.ReferenceTables;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.SilverTables;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;

/**
 * The gold build: the thin runner that reads silver, runs the pure gold transforms ({@link
 * GoldTimeline} and the marts) as of one date, writes the gold tables as Delta, and records the
 * build in {@code gold.builds} (its as-of date, what it read, what it wrote).
 *
 * <ul>
 *   <li>{@link Mode#FULL} rebuilds every gold table.
 *   <li>{@link Mode#INCREMENTAL} recomputes only the disputes touched since the last build (a
 *       silver dispute, event or allocation loaded after it, with every other dispute of the same
 *       child, since repeats and teams cross disputes) and MERGEs them into gold in one commit per
 *       table; the aggregates are recomputed for the authorities touched. The review tables,
 *       {@code silver.children} and the marts of case records are rebuilt only when a silver table of
 *       case records has a new version since the last build (records loaded, changed or deleted). It
 *       falls back to a full rebuild, saying why, when there is no earlier build, the as-of date
 *       differs, the policies or bindings changed, or disputes or events were deleted at source (a
 *       deleted event's dispute cannot be told from its tombstone). An incremental build gives exactly the tables of a full one
 *       ({@code GoldBuildTest} proves it).
 * </ul>
 */
public final class GoldBuild {
  /** How a build ran. */
  public enum Mode {
    FULL,
    INCREMENTAL
  }

  /**
   * What a build did: its id, as-of date, how it ran (and why, for a fallback), rows per table, and
   * where its time went, in the order spent: seconds per shared step of the timeline ({@code
   * "timeline: stage visits"}, ...), which the tables after it read, then per table written. The
   * tables are written in two groups side by side ({@link ConcurrentJobs}): the gold tables, then
   * the marts that read them; each table's seconds run from its own start to its end and overlap,
   * and each group's wall-clock seconds follow its tables under {@value #GOLD_GROUP} and {@value
   * #MART_GROUP}.
   */
  public record Result(String buildId, LocalDate asOf, Mode mode, String reason, long affectedDisputes,
      Map<String, Long> rows, Map<String, Double> seconds) {}

  /**
   * The rows and seconds of each table written, in the order written. Tables written side by side
   * each have their own seconds, which overlap, then the whole group its wall-clock seconds.
   */
  private static final class Tally {
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long lap = System.nanoTime();

    /** The tables of one group, written side by side, then the group's wall-clock time under its name. */
    void put(String group, Map<String, ConcurrentJobs.Done<Long>> written) {
      written.forEach((table, done) -> {
        rows.put(table, done.value());
        seconds.put(table, done.seconds());
      });
      lap(group);
    }

    /** A checkpoint of the timeline, timed like a table (named "timeline: step"), with no rows of its own. */
    Dataset<Row> checkpoint(String step, Dataset<Row> intermediate) {
      Dataset<Row> checkpointed = intermediate.localCheckpoint();
      lap("timeline: " + step);
      return checkpointed;
    }

    /** Times what ran since the last lap under a name of its own. */
    void lap(String name) {
      long now = System.nanoTime();
      seconds.put(name, (now - lap) / 1e9);
      lap = now;
    }
  }

  /** The names under which {@link Result#seconds} holds the wall-clock time of each group written side by side. */
  public static final String GOLD_GROUP = "gold tables, side by side";

  public static final String MART_GROUP = "marts, side by side";

  private static final String OP = "__merge_op";
  private static final String UPSERT = "upsert";
  private static final String DELETE = "delete";

  private final SparkSession spark;
  private final URI warehouse;
  private final PolicyCatalog catalog;
  private final Dataset<Row> calendar;

  public GoldBuild(SparkSession spark, URI warehouse, PolicyCatalog catalog, WorkingDayCalendar calendar) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.calendar = CalendarDimension.of(spark, calendar);
  }

  /** Builds gold as of {@code asOf}, in full or incrementally (falling back to full when it must). */
  public Result run(LocalDate asOf, Mode requested) {
    // The look-ups are independent small queries: side by side, their fixed costs overlap.
    Map<String, Callable<Object>> lookups = new LinkedHashMap<>();
    lookups.put("policy bindings", () -> BindingsTable.read(spark, warehouse, catalog, null));
    lookups.put("source versions", this::sourceVersions);
    lookups.put("ingested through", this::ingestedThrough);
    lookups.put("last build", () -> requested == Mode.INCREMENTAL ? lastBuild() : null);
    Map<String, ConcurrentJobs.Done<Object>> found = ConcurrentJobs.of(spark).run(lookups);
    PolicyBindings bindings = (PolicyBindings) found.get("policy bindings").value();
    @SuppressWarnings("unchecked")
    Map<String, Long> versions = (Map<String, Long>) found.get("source versions").value();
    Timestamp ingestedThrough = (Timestamp) found.get("ingested through").value();
    PolicyDimensions policies = PolicyDimensions.of(spark, catalog, bindings);
    String fingerprint = fingerprint(bindings);
    String buildId = UUID.randomUUID().toString();

    String reason = "requested";
    if (requested == Mode.INCREMENTAL) {
      Row last = (Row) found.get("last build").value();
      reason = last == null ? "no earlier build"
          : !last.getDate(last.fieldIndex(GoldTables.AS_OF_DATE)).toLocalDate().equals(asOf)
              ? "the as-of date differs from the last build's (" + last.getDate(last.fieldIndex(GoldTables.AS_OF_DATE)) + ")"
          : !fingerprint.equals(last.getString(last.fieldIndex(Build.POLICY_FINGERPRINT)))
              ? "the policies or bindings changed since the last build"
          : deletedSince(last.getTimestamp(last.fieldIndex(Build.INGESTED_THROUGH)))
              ? "records were deleted at source since the last build"
          : !DeltaTables.byAuthority(spark, GoldTables.DISPUTE_SUMMARY.location(warehouse).toString())
              ? "the gold tables were written before they were laid out by authority"
          : null;
      if (reason == null) {
        Map<String, Long> read = last.isNullAt(last.fieldIndex(Build.SOURCE_VERSIONS)) ? Map.of()
            : scala.collection.JavaConverters.mapAsJavaMap(last.<scala.collection.Map<String, Long>>getAs(Build.SOURCE_VERSIONS));
        return incremental(last.getTimestamp(last.fieldIndex(Build.INGESTED_THROUGH)), asOf, policies, buildId,
            fingerprint, versions, ingestedThrough, caseRecordsChanged(read, versions));
      }
    }
    return full(asOf, policies, buildId, fingerprint, versions, ingestedThrough, reason);
  }

  private Result full(LocalDate asOf, PolicyDimensions policies, String buildId, String fingerprint,
      Map<String, Long> versions, Timestamp ingestedThrough, String reason) {
    Tally rows = new Tally();
    GoldTimeline.Outputs outputs = new GoldTimeline(calendar, policies, rows::checkpoint).apply(
        silver(ExchangeFormat.DISPUTES), silver(ExchangeFormat.DISPUTE_EVENTS), silver(ExchangeFormat.ALLOCATIONS), asOf);
    Map<TableContract, Callable<Long>> tables = new LinkedHashMap<>();
    tables.put(GoldTables.STAGE_VISITS, () -> overwrite(GoldTables.STAGE_VISITS, outputs.visits()));
    tables.put(GoldTables.DISPUTE_SUMMARY, () -> overwrite(GoldTables.DISPUTE_SUMMARY, outputs.summary()));
    tables.put(GoldTables.DISPUTE_FLAGS, () -> overwrite(GoldTables.DISPUTE_FLAGS, outputs.flags()));
    tables.putAll(caseRecords(asOf));
    write(GOLD_GROUP, tables, rows);
    writeMarts(null, rows);
    record(buildId, asOf, Mode.FULL, null, versions, rows, ingestedThrough, fingerprint);
    return new Result(buildId, asOf, Mode.FULL, reason, rows.rows.getOrDefault(GoldTables.DISPUTE_SUMMARY.name(), 0L),
        rows.rows, rows.seconds);
  }

  private Result incremental(Timestamp since, LocalDate asOf, PolicyDimensions policies, String buildId,
      String fingerprint, Map<String, Long> versions, Timestamp ingestedThrough, boolean caseRecordsChanged) {
    Tally rows = new Tally();
    Dataset<Row> disputes = silver(ExchangeFormat.DISPUTES);
    Dataset<Row> events = silver(ExchangeFormat.DISPUTE_EVENTS);
    Dataset<Row> allocations = silver(ExchangeFormat.ALLOCATIONS);
    String[] disputeKey = {ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID};
    String[] childKey = {ExchangeColumns.AUTHORITY, ExchangeColumns.CHILD_ID};
    Column[] disputeColumns = {col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.DISPUTE_ID)};
    Column[] childColumns = {col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.CHILD_ID)};
    Column after = col(Lineage.INGESTED_AT).gt(lit(since));
    Dataset<Row> touched = disputes.where(after).select(disputeColumns)
        .union(events.where(after).select(disputeColumns))
        .union(disputes.join(allocations.where(after).select(childColumns).distinct(), seq(childKey), "left_semi")
            .select(disputeColumns))
        .distinct();
    Dataset<Row> children = disputes.join(touched, seq(disputeKey), "left_semi").select(childColumns).distinct();
    Dataset<Row> affected = disputes.join(children, seq(childKey), "left_semi").select(disputeColumns).distinct().cache();
    long affectedCount = affected.count();
    List<String> authorities =
        affected.select(GoldTables.AUTHORITY).distinct().collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    rows.lap("affected disputes");

    // The affected disputes' authorities, as a partition filter: the timeline reads their folders only.
    Column inAffectedAuthorities = authorities.isEmpty() ? lit(false) : col(DeltaTables.PARTITION).isin(authorities.toArray());
    GoldTimeline.Outputs outputs = new GoldTimeline(calendar, policies, rows::checkpoint).apply(
        disputes.where(inAffectedAuthorities).join(affected, seq(disputeKey), "left_semi"),
        events.where(inAffectedAuthorities).join(affected, seq(disputeKey), "left_semi"),
        allocations.where(inAffectedAuthorities).join(children, seq(childKey), "left_semi"), asOf);
    Map<TableContract, Callable<Long>> tables = new LinkedHashMap<>();
    tables.put(GoldTables.STAGE_VISITS, () -> merge(GoldTables.STAGE_VISITS, outputs.visits(), affected, authorities));
    tables.put(GoldTables.DISPUTE_SUMMARY,
        () -> merge(GoldTables.DISPUTE_SUMMARY, outputs.summary(), affected, authorities));
    tables.put(GoldTables.DISPUTE_FLAGS, () -> merge(GoldTables.DISPUTE_FLAGS, outputs.flags(), affected, authorities));
    if (caseRecordsChanged) {
      tables.putAll(caseRecords(asOf));
    }
    write(GOLD_GROUP, tables, rows);
    affected.unpersist();
    if (caseRecordsChanged) {
      writeMarts(null, rows);
    } else if (!authorities.isEmpty()) {
      writeMarts(authorities, rows);
    }
    record(buildId, asOf, Mode.INCREMENTAL, affectedCount, versions, rows, ingestedThrough, fingerprint);
    return new Result(buildId, asOf, Mode.INCREMENTAL, null, affectedCount, rows.rows, rows.seconds);
  }

  /**
   * MERGEs the recomputed rows of the affected disputes into a gold table in one commit: new and
   * changed rows are upserted, rows of affected disputes that the recomputation no longer gives
   * (a visit removed, a flag resolved) are deleted.
   */
  private long merge(TableContract contract, Dataset<Row> fresh, Dataset<Row> affected, List<String> authorities) {
    if (authorities.isEmpty()) {
      return gold(contract).count();
    }
    String location = contract.location(warehouse).toString();
    Dataset<Row> current = spark.read().format("delta").load(location)
        .where(col(DeltaTables.PARTITION).isin(authorities.toArray()));
    Column sameKey = null;
    for (String k : contract.key()) {
      Column equal = current.col(k).eqNullSafe(fresh.col(k));
      sameKey = sameKey == null ? equal : sameKey.and(equal);
    }
    Dataset<Row> stale = current
        .join(affected, seq(GoldTables.AUTHORITY, GoldTables.DISPUTE_ID), "left_semi")
        .join(fresh, sameKey, "left_anti")
        .select(contract.columnNames().stream().map(c -> col(c)).toArray(Column[]::new));
    Dataset<Row> source = fresh.withColumn(OP, lit(UPSERT)).unionByName(stale.withColumn(OP, lit(DELETE)));
    // The target-only predicate on the partition column limits the merge to the affected authorities' folders.
    String condition = "t." + DeltaTables.inAuthorities(authorities) + " AND "
        + String.join(" AND ", contract.key().stream().map(k -> "t." + k + " <=> s." + k).toList());
    Map<String, String> assignments = new LinkedHashMap<>();
    contract.columnNames().forEach(c -> assignments.put(c, "s." + c));
    DeltaMergeBuilder merge = DeltaTable.forPath(spark, location).as("t").merge(source.as("s"), condition)
        .whenMatched("s." + OP + " = '" + DELETE + "'").delete()
        .whenMatched().updateExpr(assignments)
        .whenNotMatched("s." + OP + " = '" + UPSERT + "'").insertExpr(assignments);
    merge.execute();
    return gold(contract).count();
  }

  /** The writes of the SSDA903-based tables: review timeliness, review decisions and the silver children. */
  private Map<TableContract, Callable<Long>> caseRecords(LocalDate asOf) {
    Dataset<Row> episodes = silver(Ssda903.EPISODES);
    Map<TableContract, Callable<Long>> writes = new LinkedHashMap<>();
    writes.put(GoldTables.REVIEW_TIMELINESS, () -> overwrite(GoldTables.REVIEW_TIMELINESS,
        ReviewTimeliness.apply(episodes, silver(Ssda903.REVIEWS), calendar, asOf)));
    writes.put(GoldTables.REVIEW_DECISIONS, () -> overwrite(GoldTables.REVIEW_DECISIONS,
        ReviewDecisionTimeliness.apply(silver(ExchangeFormat.REVIEW_DECISIONS), calendar, asOf)));
    writes.put(SilverTables.CHILDREN,
        () -> overwrite(SilverTables.CHILDREN, Children.apply(silver(Ssda903.HEADER), episodes, asOf)));
    return writes;
  }

  /**
   * The marts, from the gold tables as written, the marts side by side: all of them in full, or
   * (an incremental build that recomputed disputes but no case record) the marts of disputes
   * replaced for the given authorities only, in one commit per mart; the marts of case records
   * (reviews, review decisions), whose inputs did not change, are then kept and only counted.
   */
  private void writeMarts(List<String> authorities, Tally rows) {
    Map<TableContract, Callable<Long>> writes = new LinkedHashMap<>();
    if (authorities == null) {
      Marts.apply(gold(GoldTables.STAGE_VISITS), gold(GoldTables.DISPUTE_SUMMARY), gold(GoldTables.REVIEW_TIMELINESS),
          gold(GoldTables.REVIEW_DECISIONS)).forEach((contract, mart) -> writes.put(contract, () -> overwrite(contract, mart)));
    } else {
      Column scope = col(GoldTables.AUTHORITY).isin(authorities.toArray());
      Map<TableContract, Dataset<Row>> replaced =
          Marts.ofDisputes(gold(GoldTables.STAGE_VISITS).where(scope), gold(GoldTables.DISPUTE_SUMMARY).where(scope));
      for (TableContract contract : MartTables.ALL) {
        Dataset<Row> mart = replaced.get(contract);
        writes.put(contract, () -> {
          if (mart != null) {
            DeltaTables.replaceAuthorities(DeltaTables.gathered(mart), authorities, contract.location(warehouse).toString(), null);
          }
          return gold(contract).count();
        });
      }
    }
    write(MART_GROUP, writes, rows);
  }

  /** Runs a group of independent table writes side by side and tallies each table's rows and seconds. */
  private void write(String group, Map<TableContract, Callable<Long>> writes, Tally rows) {
    Map<String, Callable<Long>> named = new LinkedHashMap<>();
    writes.forEach((contract, write) -> named.put(contract.name(), write));
    rows.put(group, ConcurrentJobs.of(spark).run(named));
  }

  /** A table of the warehouse by its contract (gold, a mart, silver children), as written. */
  private Dataset<Row> gold(TableContract contract) {
    return spark.read().format("delta").load(contract.location(warehouse).toString());
  }

  /**
   * Whether a silver table of case records (SSDA903, review decisions) moved since the last build
   * read it: a new version means records were loaded, changed or deleted (a record deleted at
   * source leaves no newer row behind, so load times alone cannot tell).
   */
  private static boolean caseRecordsChanged(Map<String, Long> lastRead, Map<String, Long> now) {
    return CASE_RECORDS.stream().map(spec -> SilverSchemas.SILVER + "." + spec.name())
        .anyMatch(table -> !Objects.equals(lastRead.get(table), now.get(table)));
  }

  /** The silver records of the review tables and silver children (gold's case records). */
  private static final List<RecordSpec> CASE_RECORDS =
      List.of(Ssda903.HEADER, Ssda903.EPISODES, Ssda903.REVIEWS, ExchangeFormat.REVIEW_DECISIONS);

  /** Replaces a whole table and returns its rows. */
  private long overwrite(TableContract contract, Dataset<Row> computed) {
    DeltaTables.overwrite(DeltaTables.gathered(computed), contract.location(warehouse).toString(), null);
    return gold(contract).count();
  }

  private void record(String buildId, LocalDate asOf, Mode mode, Long affected, Map<String, Long> versions,
      Tally rows, Timestamp ingestedThrough, String fingerprint) {
    Row build = RowFactory.create(buildId, Timestamp.from(Instant.now()), Date.valueOf(asOf), mode.name(), affected,
        scala.collection.JavaConverters.mapAsScalaMap(versions), scala.collection.JavaConverters.mapAsScalaMap(rows.rows),
        ingestedThrough, fingerprint);
    spark.createDataFrame(List.of(build), GoldTables.BUILDS.schema())
        .write().format("delta").mode("append").save(GoldTables.BUILDS.location(warehouse).toString());
  }

  private static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.collection.JavaConverters.asScalaBuffer(List.of(columns)).toList();
  }

  /** The latest build, or null. */
  private Row lastBuild() {
    String location = GoldTables.BUILDS.location(warehouse).toString();
    if (!DeltaTables.exists(spark, location)) {
      return null;
    }
    List<Row> last = spark.read().format("delta").load(location).orderBy(col(Build.BUILT_AT).desc()).limit(1).collectAsList();
    return last.isEmpty() ? null : last.get(0);
  }

  /** Whether a tombstone of a dispute or event reached bronze after the given load time. */
  private boolean deletedSince(Timestamp since) {
    if (since == null) {
      return true;
    }
    return Stream.of(ExchangeFormat.DISPUTES, ExchangeFormat.DISPUTE_EVENTS)
        .map(spec -> WarehouseTables.location(warehouse, WarehouseTables.BRONZE, spec.name()).toString())
        .filter(bronze -> DeltaTables.exists(spark, bronze))
        .map(bronze -> spark.read().format("delta").load(bronze)
            .where(col(Lineage.DELETED).equalTo(true).and(col(Lineage.INGESTED_AT).gt(lit(since))))
            .select(Lineage.INGESTED_AT))
        .reduce(Dataset::union).map(tombstones -> !tombstones.isEmpty()).orElse(false);
  }

  private Dataset<Row> silver(RecordSpec spec) {
    String location = WarehouseTables.location(warehouse, SilverSchemas.SILVER, spec.name()).toString();
    if (!DeltaTables.exists(spark, location)) {
      return spark.createDataFrame(new ArrayList<Row>(), SilverSchemas.of(spec));
    }
    return spark.read().format("delta").load(location);
  }

  private Map<String, Long> sourceVersions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (RecordSpec spec : Stream.concat(Stream.of(ExchangeFormat.DISPUTES, ExchangeFormat.DISPUTE_EVENTS,
        ExchangeFormat.ALLOCATIONS), CASE_RECORDS.stream()).toList()) {
      String location = WarehouseTables.location(warehouse, SilverSchemas.SILVER, spec.name()).toString();
      if (DeltaTables.exists(spark, location)) {
        versions.put(SilverSchemas.SILVER + "." + spec.name(), DeltaTables.version(spark, location));
      }
    }
    String bindings = ReferenceTables.POLICY_BINDINGS.location(warehouse).toString();
    versions.put(ReferenceTables.POLICY_BINDINGS.qualifiedName(), DeltaTables.version(spark, bindings));
    return versions;
  }

  /** The latest bronze load time among the silver records a build reads. */
  private Timestamp ingestedThrough() {
    Row row = Stream.of(ExchangeFormat.DISPUTES, ExchangeFormat.DISPUTE_EVENTS, ExchangeFormat.ALLOCATIONS,
            ExchangeFormat.REVIEW_DECISIONS, Ssda903.HEADER, Ssda903.EPISODES, Ssda903.REVIEWS)
        .map(spec -> silver(spec).select(Lineage.INGESTED_AT))
        .reduce(Dataset::union).orElseThrow().agg(max(Lineage.INGESTED_AT)).head();
    return row.isNullAt(0) ? null : row.getTimestamp(0);
  }

  /** A digest of every policy version and binding: a change means every dispute may be judged anew. */
  private String fingerprint(PolicyBindings bindings) {
    StringBuilder text = new StringBuilder();
    for (Policy policy : catalog.all()) {
      text.append(policy).append('\n');
    }
    text.append(bindings.bindings());
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
