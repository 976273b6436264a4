package org.drpwarehouse.ingestion.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.ingestion.FileResult;
import org.drpwarehouse.ingestion.IngestPlan;
import org.drpwarehouse.ingestion.IngestPlan.PlannedFile;
import org.drpwarehouse.ingestion.JdbcWindow;
import org.drpwarehouse.ingestion.SourceKind;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.drpwarehouse.schemas.warehouse.WarehouseTables.QuarantineColumns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Commits a run's staged chunks to bronze: one Delta commit per table, each idempotent. Every write
 * carries Delta's {@code txnAppId} (the run key) and {@code txnVersion}: if the process dies after
 * some commits and the run is restarted, Delta skips the writes it already holds, so nothing doubles.
 *
 * <p>Before committing it proves nothing was lost: for every file, the records the reader read equal
 * the records staged for bronze plus the records staged for quarantine.
 */
public final class BronzeCommitTasklet implements Tasklet {
  /** Delta's idempotent-write version: a run key writes each table once. */
  private static final long TXN_VERSION = 1L;

  private final SparkSession spark;
  private final IngestPlan plan;
  private final StagingLayout layout;
  private final JobRepository repository;
  private final List<FileResult> results = new ArrayList<>();

  public BronzeCommitTasklet(SparkSession spark, IngestPlan plan, StagingLayout layout, JobRepository repository) {
    this.spark = spark;
    this.plan = plan;
    this.layout = layout;
    this.repository = repository;
  }

  /** The per-file results of the last execution. */
  public List<FileResult> results() {
    return List.copyOf(results);
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    StepExecution step = chunkContext.getStepContext().getStepExecution();
    Timestamp now = Timestamp.from(Instant.now());
    Map<String, StagedCounts> readCounts = readCountsOfStagedFiles(step);
    Map<RecordSpec, List<String>> bronzeGlobs = new LinkedHashMap<>();
    List<String> quarantineGlobs = new ArrayList<>();
    for (PlannedFile file : plan.toLoad()) {
      if (!readCounts.containsKey(file.stepName())) {
        continue; // the file failed as a whole: its partial chunks stay out of every table
      }
      if (exists(layout.bronzeGlob(file.index()))) {
        bronzeGlobs.computeIfAbsent(file.source().spec(), s -> new ArrayList<>()).add(layout.bronzeGlob(file.index()));
      }
      if (exists(layout.quarantineGlob(file.index()))) {
        quarantineGlobs.add(layout.quarantineGlob(file.index()));
      }
    }

    results.clear();
    for (PlannedFile file : plan.files()) {
      String name = file.source().name();
      if (!file.load()) {
        results.add(new FileResult(name, file.source().spec().name(), file.source().authority(), file.checksum(),
            FileResult.ALREADY_LOADED, 0, 0, 0, 0, Map.of()));
        continue;
      }
      if (!readCounts.containsKey(file.stepName())) {
        continue;
      }
      StagedCounts counts = readCounts.get(file.stepName());
      FileResult result =
          new FileResult(
              name,
              file.source().spec().name(),
              file.source().authority(),
              file.checksum(),
              FileResult.LOADED,
              counts.read(),
              counts.loaded(),
              counts.quarantined(),
              0,
              counts.rules());
      if (!result.balanced()) {
        throw new IllegalStateException(
            "Ingest run " + plan.runKey() + " would lose records of " + name + ": read " + result.read()
                + ", staged " + result.loaded() + " for bronze and " + result.quarantined()
                + " for quarantine. The run log was not written; please report this.");
      }
      results.add(result);
    }
    Map<RecordSpec, Boolean> existedBefore = new HashMap<>();
    for (PlannedFile file : plan.toLoad()) {
      if (file.source().fullSnapshot()) {
        existedBefore.computeIfAbsent(file.source().spec(), spec -> DeltaTables.exists(spark,
            WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, spec.name())));
      }
    }
    for (Map.Entry<RecordSpec, List<String>> table : bronzeGlobs.entrySet()) {
      Dataset<Row> staged =
          spark.read().schema(stagedBronzeSchema(table.getKey())).parquet(table.getValue().toArray(String[]::new))
              .withColumn(Lineage.EXTRA, from_json(col(Lineage.EXTRA), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)));
      append(
          bronzeRows(staged, table.getKey(), now),
          WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, table.getKey().name()));
    }
    if (!quarantineGlobs.isEmpty()) {
      append(
          readStaged(stagedQuarantineSchema(), quarantineGlobs)
              .withColumn(QuarantineColumns.BATCH_ID, lit(plan.runKey()))
              .withColumn(QuarantineColumns.INGESTED_AT, lit(now))
              .select(columns(WarehouseTables.QUARANTINE_SCHEMA)),
          WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, WarehouseTables.QUARANTINE));
    }

    recordSnapshots(readCounts, existedBefore, now);
    for (PlannedFile file : plan.toLoad()) {
      if (file.source().jdbc() != null && readCounts.containsKey(file.stepName())) {
        recordDatabasePull(file, now);
      }
    }
    // mergeSchema: a run log written before a column was added takes it on.
    appender(runRows(now), TXN_VERSION).option("mergeSchema", "true")
        .save(WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, WarehouseTables.INGEST_RUNS).toString());
    if (results.stream().anyMatch(r -> r.status().equals(FileResult.LOADED))) {
      append(fileRows(now), WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, WarehouseTables.INGEST_FILES));
    }
    return RepeatStatus.FINISHED;
  }

  /** What the reader read and the writer staged, as saved with the last chunk of a file's step. */
  private record StagedCounts(long read, long loaded, long quarantined, Map<String, Long> rules) {}

  /** The counts of every file whose staging step completed (a failed file is left out). */
  private Map<String, StagedCounts> readCountsOfStagedFiles(StepExecution commitStep) {
    Map<String, StagedCounts> counts = new HashMap<>();
    for (PlannedFile file : plan.toLoad()) {
      StepExecution staged = repository.getLastStepExecution(commitStep.getJobExecution().getJobInstance(), file.stepName());
      if (staged != null && staged.getStatus() == BatchStatus.COMPLETED) {
        var context = staged.getExecutionContext();
        Map<String, Long> rules = new TreeMap<>();
        for (Map.Entry<String, Object> entry : context.entrySet()) {
          if (entry.getKey().startsWith(StagingItemWriter.RULE_PREFIX)) {
            rules.put(entry.getKey().substring(StagingItemWriter.RULE_PREFIX.length()), ((Number) entry.getValue()).longValue());
          }
        }
        counts.put(
            file.stepName(),
            new StagedCounts(
                context.getLong(RecordSourceItemReader.POSITION, 0L),
                context.getLong(StagingItemWriter.LOADED, 0L),
                context.getLong(StagingItemWriter.QUARANTINED, 0L),
                rules));
      }
    }
    return counts;
  }

  private Dataset<Row> readStaged(StructType schema, List<String> globs) {
    return spark.read().schema(schema).option("mode", "FAILFAST").json(globs.toArray(String[]::new));
  }

  private Dataset<Row> bronzeRows(Dataset<Row> staged, RecordSpec spec, Timestamp now) {
    return staged
        .withColumn(Lineage.BATCH_ID, lit(plan.runKey()))
        .withColumn(Lineage.INGESTED_AT, lit(now))
        .select(columns(WarehouseTables.bronzeSchema(spec)));
  }

  private static Column[] columns(StructType schema) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(col(field.name()).cast(field.dataType()).as(field.name(), field.metadata()));
    }
    return columns.toArray(Column[]::new);
  }

  private void append(Dataset<Row> rows, URI table) {
    append(rows, table, TXN_VERSION);
  }

  private void append(Dataset<Row> rows, URI table, long txnVersion) {
    appender(rows, txnVersion).save(table.toString());
  }

  private DataFrameWriter<Row> appender(Dataset<Row> rows, long txnVersion) {
    return rows.write()
        .format("delta")
        .mode("append")
        .option("txnAppId", "drp-ingest-" + plan.runKey())
        .option("txnVersion", txnVersion);
  }

  /**
   * After a database query's rows are in bronze: its new high-water mark, and on a full pull the
   * tombstones of records that are no longer at the source. Both computed in Spark: the source's
   * keys are read through Spark's JDBC reader, never collected on the driver.
   */
  private void recordDatabasePull(PlannedFile file, Timestamp now) {
    JdbcWindow window = file.source().jdbc();
    RecordSpec spec = file.source().spec();
    long deleted = 0;
    if (window.fullPull()) {
      URI table = WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, spec.name());
      if (DeltaTables.exists(spark, table)) {
        Dataset<Row> tombstones = tombstones(file, spark.read().format("delta").load(table.toString()), now);
        // A second write to the same table in this run: its own txnVersion, so a restart skips it too.
        append(tombstones, table, TXN_VERSION + 1 + file.index());
        deleted = tombstonesWritten(table, List.of(file.source().name())).getOrDefault(file.source().name(), 0L);
      }
    }
    setDeleted(file.source().name(), deleted, null);
    Row mark =
        RowFactory.create(
            window.profile(), spec.name(), window.upper() == null ? null : Timestamp.valueOf(window.upper()),
            window.fullPull(), plan.runKey(), now);
    append(
        spark.createDataFrame(List.of(mark), WarehouseTables.JDBC_WATERMARKS_SCHEMA),
        WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, WarehouseTables.JDBC_WATERMARKS),
        TXN_VERSION + 1 + file.index());
  }

  /** Keys live in bronze for this query (latest version not a tombstone) that the source no longer has. */
  private Dataset<Row> tombstones(PlannedFile file, Dataset<Row> bronze, Timestamp now) {
    JdbcWindow window = file.source().jdbc();
    RecordSpec spec = file.source().spec();
    Column[] key = window.keyColumns().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    Dataset<Row> live = liveKeys(bronze.where(col(Lineage.SOURCE_NAME).equalTo(file.source().name())), key);
    String keyList = String.join(", ", window.keyColumns().stream().map(k -> "drp_source." + k).toList());
    Dataset<Row> atSource =
        spark.read()
            .format("jdbc")
            .option("url", window.url())
            .option("user", window.user())
            .option("password", window.password())
            .option("query", "SELECT DISTINCT " + keyList + " FROM (" + window.sql() + ") drp_source")
            .load();
    for (String k : window.keyColumns()) {
      atSource = atSource.withColumn(k, col(k).cast("string"));
    }
    Column sameKey = null;
    for (String k : window.keyColumns()) {
      Column equal = live.col(k).equalTo(atSource.col(k));
      sameKey = sameKey == null ? equal : sameKey.and(equal);
    }
    Dataset<Row> gone = live.join(atSource, sameKey, "left_anti");
    Column authority = spec.column(org.drpwarehouse.schemas.ExchangeColumns.AUTHORITY).isPresent()
        ? col(org.drpwarehouse.schemas.ExchangeColumns.AUTHORITY) : lit(file.source().authority());
    return tombstoneRows(gone, spec, window.keyColumns(), authority, lit(file.source().name()), file.source().kind().id(), now);
  }

  /** The keys of these bronze rows whose latest version ({@link Lineage#latestFirst()}) is not a tombstone. */
  private static Dataset<Row> liveKeys(Dataset<Row> bronze, Column[] key) {
    org.apache.spark.sql.expressions.WindowSpec latestFirst =
        org.apache.spark.sql.expressions.Window.partitionBy(key).orderBy(Lineage.latestFirst());
    return bronze
        .withColumn("__rank", org.apache.spark.sql.functions.row_number().over(latestFirst))
        .where(col("__rank").equalTo(1).and(col(Lineage.DELETED).isNull().or(org.apache.spark.sql.functions.not(col(Lineage.DELETED)))))
        .select(key);
  }

  /**
   * Bronze rows marking the given keys deleted from this run on: the key columns, the authority and
   * source, line 0 (so a real row of the same load wins over its tombstone), every other column null.
   */
  private Dataset<Row> tombstoneRows(Dataset<Row> gone, RecordSpec spec, List<String> keyColumns, Column authority,
      Column sourceName, String kind, Timestamp now) {
    Column[] key = keyColumns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    List<Column> columns = new ArrayList<>();
    for (StructField field : WarehouseTables.bronzeSchema(spec).fields()) {
      Column value;
      if (keyColumns.contains(field.name())) {
        value = col(field.name());
      } else if (field.name().equals(Lineage.AUTHORITY)) {
        value = authority;
      } else if (field.name().equals(Lineage.SOURCE_KIND)) {
        value = lit(kind);
      } else if (field.name().equals(Lineage.SOURCE_NAME)) {
        value = sourceName;
      } else if (field.name().equals(Lineage.SOURCE_LINE)) {
        value = lit(0L);
      } else if (field.name().equals(Lineage.BATCH_ID)) {
        value = lit(plan.runKey());
      } else if (field.name().equals(Lineage.INGESTED_AT)) {
        value = lit(now);
      } else if (field.name().equals(Lineage.RECORD_HASH)) {
        value = org.apache.spark.sql.functions.sha2(org.apache.spark.sql.functions.concat_ws("\u001f", key), 256);
      } else if (field.name().equals(Lineage.DELETED)) {
        value = lit(true);
      } else {
        value = lit(null);
      }
      columns.add(value.cast(field.dataType()).as(field.name(), field.metadata()));
    }
    return gone.select(columns.toArray(Column[]::new));
  }

  /**
   * After this run's bronze rows are in: for each record kind that full snapshot files of the run
   * hold, the records of their authorities live in bronze (from SSDA903 files, latest version not a
   * tombstone) that no snapshot file of the run holds, loaded or rejected, are marked deleted, one
   * commit per table. Computed in Spark; only the count per file reaches the driver.
   *
   * <p>A snapshot file with a rejected record whose key could not be read marks nothing deleted:
   * that record may be any of the missing ones, and a wrong deletion is worse than a late one. Nor
   * does a table this run created (nothing was there to delete).
   */
  private void recordSnapshots(Map<String, StagedCounts> readCounts, Map<RecordSpec, Boolean> existedBefore, Timestamp now) {
    Map<RecordSpec, List<PlannedFile>> bySpec = new LinkedHashMap<>();
    for (PlannedFile file : plan.toLoad()) {
      if (file.source().fullSnapshot() && readCounts.containsKey(file.stepName())
          && existedBefore.getOrDefault(file.source().spec(), false)) {
        bySpec.computeIfAbsent(file.source().spec(), s -> new ArrayList<>()).add(file);
      }
    }
    for (Map.Entry<RecordSpec, List<PlannedFile>> entry : bySpec.entrySet()) {
      RecordSpec spec = entry.getKey();
      List<String> keyColumns = spec.naturalKey();
      List<String> unreadableKeys = new ArrayList<>();
      Dataset<Row> rejectedKeys = rejectedKeys(spec, entry.getValue(), unreadableKeys);
      List<PlannedFile> trusted = entry.getValue().stream().filter(f -> !unreadableKeys.contains(f.source().name())).toList();
      for (String name : unreadableKeys) {
        setDeleted(name, 0, "a rejected record's key could not be read, so it may be any record missing from the file:"
            + " nothing was marked deleted; correct the rejected records and load the file again");
      }
      if (trusted.isEmpty()) {
        continue;
      }
      URI table = WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, spec.name());
      Dataset<Row> bronze = spark.read().format("delta").load(table.toString());
      List<String> names = trusted.stream().map(f -> f.source().name()).toList();
      List<String> keyed = new ArrayList<>(keyColumns);
      keyed.add(0, Lineage.AUTHORITY);
      Column[] authorityAndKey = keyed.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
      Dataset<Row> held = bronze
          .where(col(Lineage.BATCH_ID).equalTo(plan.runKey()).and(col(Lineage.SOURCE_NAME).isin(names.toArray())))
          .select(authorityAndKey)
          .unionByName(rejectedKeys.where(col(QuarantineColumns.SOURCE_NAME).isin(names.toArray())).select(authorityAndKey));
      // Each authority's tombstones name the first of its snapshot files as their source.
      Map<String, String> owner = new TreeMap<>();
      trusted.forEach(f -> owner.putIfAbsent(f.source().authority(), f.source().name()));
      List<Row> owners = owner.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
      Dataset<Row> sources = spark.createDataFrame(owners, new StructType()
          .add(Lineage.AUTHORITY, DataTypes.StringType).add(SNAPSHOT_SOURCE, DataTypes.StringType));
      Dataset<Row> live = liveKeys(bronze.where(col(Lineage.SOURCE_KIND).equalTo(SourceKind.SSDA903.id())
          .and(col(Lineage.AUTHORITY).isin(owner.keySet().toArray()))), authorityAndKey);
      Dataset<Row> gone = live.join(held, scala.collection.JavaConverters.asScalaBuffer(keyed).toList(), "left_anti")
          .join(sources, Lineage.AUTHORITY);
      append(tombstoneRows(gone, spec, keyColumns, col(Lineage.AUTHORITY), col(SNAPSHOT_SOURCE),
          SourceKind.SSDA903.id(), now), table, TXN_VERSION + 1 + trusted.get(0).index());
      Map<String, Long> deleted = tombstonesWritten(table, names);
      names.forEach(name -> setDeleted(name, deleted.getOrDefault(name, 0L), null));
    }
  }

  private static final String SNAPSHOT_SOURCE = "__snapshot_source";

  /** The tombstones this run wrote to a bronze table, by source (counted in Spark; one row per source reaches the driver). */
  private Map<String, Long> tombstonesWritten(URI table, List<String> sourceNames) {
    Map<String, Long> written = new HashMap<>();
    spark.read().format("delta").load(table.toString())
        .where(col(Lineage.BATCH_ID).equalTo(plan.runKey()).and(col(Lineage.DELETED))
            .and(col(Lineage.SOURCE_NAME).isin(sourceNames.toArray())))
        .groupBy(Lineage.SOURCE_NAME).count().collectAsList()
        .forEach(row -> written.put(row.getString(0), row.getLong(1)));
    return written;
  }

  /**
   * The keys (with authority and source name) of the records of these files that were rejected, as
   * read; the names of the files with a rejected record whose key could not be read are added to
   * {@code unreadable}.
   */
  private Dataset<Row> rejectedKeys(RecordSpec spec, List<PlannedFile> files, List<String> unreadable) {
    StructType keySchema = new StructType();
    for (String column : spec.naturalKey()) {
      keySchema = keySchema.add(column, DataTypes.StringType);
    }
    StructType staged = stagedQuarantineSchema().add(StagingItemWriter.SOURCE_KEY, keySchema);
    List<String> globs = files.stream().map(f -> layout.quarantineGlob(f.index())).filter(this::exists).toList();
    Dataset<Row> rejected = globs.isEmpty() ? spark.createDataFrame(List.of(), staged)
        : readStaged(staged, globs).localCheckpoint();
    rejected.where(col(StagingItemWriter.SOURCE_KEY).isNull()).select(QuarantineColumns.SOURCE_NAME).distinct()
        .collectAsList().forEach(row -> unreadable.add(row.getString(0)));
    List<Column> columns = new ArrayList<>();
    columns.add(col(QuarantineColumns.SOURCE_NAME));
    columns.add(col(QuarantineColumns.AUTHORITY).as(Lineage.AUTHORITY));
    for (String column : spec.naturalKey()) {
      columns.add(col(StagingItemWriter.SOURCE_KEY + "." + column).as(column));
    }
    return rejected.where(col(StagingItemWriter.SOURCE_KEY).isNotNull()).select(columns.toArray(Column[]::new));
  }

  /** Sets the tombstones (and the reason none were trusted) of one file's result. */
  private void setDeleted(String sourceName, long deleted, String withheld) {
    for (int i = 0; i < results.size(); i++) {
      FileResult r = results.get(i);
      if (r.sourceName().equals(sourceName)) {
        results.set(i, r.withDeleted(deleted, withheld));
      }
    }
  }

  private Dataset<Row> runRows(Timestamp now) {
    List<Row> rows = new ArrayList<>();
    for (FileResult result : results) {
      rows.add(
          RowFactory.create(
              plan.runKey(), now, result.authority(), result.record(), kindOf(result.sourceName()), result.sourceName(),
              result.checksum(), result.status(), result.read(), result.loaded(), result.quarantined(), result.deleted(),
              new HashMap<>(result.reasons()), result.deletionsWithheld()));
    }
    return spark.createDataFrame(rows, WarehouseTables.INGEST_RUNS_SCHEMA);
  }

  private Dataset<Row> fileRows(Timestamp now) {
    List<Row> rows = new ArrayList<>();
    for (PlannedFile file : plan.toLoad()) {
      if (file.source().jdbc() != null || results.stream().noneMatch(r -> r.sourceName().equals(file.source().name()))) {
        continue; // database pulls go by watermark; a failed file is not registered, so a corrected copy loads next time
      }
      rows.add(
          RowFactory.create(
              file.checksum(), file.source().name(), file.source().spec().name(), file.source().authority(),
              plan.runKey(), now));
    }
    return spark.createDataFrame(rows, WarehouseTables.INGEST_FILES_SCHEMA);
  }

  private String kindOf(String sourceName) {
    return plan.files().stream()
        .filter(f -> f.source().name().equals(sourceName))
        .findFirst()
        .map(f -> f.source().kind().id())
        .orElse("unknown");
  }

  private boolean exists(String glob) {
    try {
      Path pattern = new Path(glob);
      FileSystem fs = pattern.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] matches = fs.globStatus(pattern);
      return matches != null && matches.length > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list staged chunks " + glob, e);
    }
  }

  /** The staged bronze chunk ({@link StagedBronzeFile}): raw columns and lineage, {@code _extra} as JSON text. */
  static StructType stagedBronzeSchema(RecordSpec spec) {
    StructType schema = spec.rawSchema();
    for (StructField field : Lineage.SCHEMA.fields()) {
      switch (field.name()) {
        case Lineage.BATCH_ID, Lineage.INGESTED_AT -> { }  // stamped at commit; _deleted reads as null
        case Lineage.EXTRA -> schema = schema.add(field.name(), DataTypes.StringType, true);
        default -> schema = schema.add(field.name(), field.dataType(), true);
      }
    }
    return schema;
  }

  /** The staged quarantine JSON: the quarantine columns without batch id and time. */
  static StructType stagedQuarantineSchema() {
    StructType schema = new StructType();
    for (StructField field : WarehouseTables.QUARANTINE_SCHEMA.fields()) {
      if (!field.name().equals(QuarantineColumns.BATCH_ID) && !field.name().equals(QuarantineColumns.INGESTED_AT)) {
        schema = schema.add(field.name(), field.dataType(), true);
      }
    }
    return schema;
  }
}
