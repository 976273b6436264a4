package org.drpwarehouse.ingestion.internal;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
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
    Map<String, Long> readCounts = readCountsOfStagedFiles(step);
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

    Map<String, Long> loaded = new HashMap<>();
    for (Map.Entry<RecordSpec, List<String>> table : bronzeGlobs.entrySet()) {
      Dataset<Row> staged = readStaged(stagedBronzeSchema(table.getKey()), table.getValue());
      for (Row row : staged.groupBy(col(Lineage.SOURCE_NAME)).count().collectAsList()) {
        loaded.put(row.getString(0), row.getLong(1));
      }
      append(
          bronzeRows(staged, table.getKey(), now),
          WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, table.getKey().name()));
    }

    Map<String, Long> quarantined = new HashMap<>();
    Map<String, Map<String, Long>> reasons = new HashMap<>();
    if (!quarantineGlobs.isEmpty()) {
      Dataset<Row> staged = readStaged(stagedQuarantineSchema(), quarantineGlobs);
      for (Row row :
          staged.groupBy(col(QuarantineColumns.SOURCE_NAME))
              // One row per broken rule: count records, by position (one source line may give several).
              .agg(countDistinct(coalesce(col(StagingItemWriter.RECORD_POSITION), col(QuarantineColumns.SOURCE_LINE))))
              .collectAsList()) {
        quarantined.put(row.getString(0), row.getLong(1));
      }
      for (Row row :
          staged.groupBy(col(QuarantineColumns.SOURCE_NAME), col(QuarantineColumns.RULE_ID)).count().collectAsList()) {
        reasons.computeIfAbsent(row.getString(0), k -> new TreeMap<>()).put(row.getString(1), row.getLong(2));
      }
      append(
          staged
              .withColumn(QuarantineColumns.BATCH_ID, lit(plan.runKey()))
              .withColumn(QuarantineColumns.INGESTED_AT, lit(now))
              .select(columns(WarehouseTables.QUARANTINE_SCHEMA)),
          WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, WarehouseTables.QUARANTINE));
    }

    results.clear();
    for (PlannedFile file : plan.files()) {
      String name = file.source().name();
      if (!file.load()) {
        results.add(new FileResult(name, file.source().spec().name(), file.source().authority(), file.checksum(),
            FileResult.ALREADY_LOADED, 0, 0, 0, Map.of()));
        continue;
      }
      if (!readCounts.containsKey(file.stepName())) {
        continue;
      }
      FileResult result =
          new FileResult(
              name,
              file.source().spec().name(),
              file.source().authority(),
              file.checksum(),
              FileResult.LOADED,
              readCounts.getOrDefault(file.stepName(), 0L),
              loaded.getOrDefault(name, 0L),
              quarantined.getOrDefault(name, 0L),
              reasons.getOrDefault(name, Map.of()));
      if (!result.balanced()) {
        throw new IllegalStateException(
            "Ingest run " + plan.runKey() + " would lose records of " + name + ": read " + result.read()
                + ", staged " + result.loaded() + " for bronze and " + result.quarantined()
                + " for quarantine. Nothing was committed for the run's run log; please report this.");
      }
      results.add(result);
    }
    append(runRows(now), WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, WarehouseTables.INGEST_RUNS));
    append(fileRows(now), WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, WarehouseTables.INGEST_FILES));
    return RepeatStatus.FINISHED;
  }

  /** Records read per file, for the files whose staging step completed. */
  private Map<String, Long> readCountsOfStagedFiles(StepExecution commitStep) {
    Map<String, Long> counts = new HashMap<>();
    for (PlannedFile file : plan.toLoad()) {
      StepExecution staged = repository.getLastStepExecution(commitStep.getJobExecution().getJobInstance(), file.stepName());
      if (staged != null && staged.getStatus() == BatchStatus.COMPLETED) {
        counts.put(file.stepName(), staged.getExecutionContext().getLong(RecordSourceItemReader.POSITION, 0L));
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
    rows.write()
        .format("delta")
        .mode("append")
        .option("txnAppId", "drp-ingest-" + plan.runKey())
        .option("txnVersion", TXN_VERSION)
        .save(table.toString());
  }

  private Dataset<Row> runRows(Timestamp now) {
    List<Row> rows = new ArrayList<>();
    for (FileResult result : results) {
      rows.add(
          RowFactory.create(
              plan.runKey(), now, result.authority(), result.record(), kindOf(result.sourceName()), result.sourceName(),
              result.checksum(), result.status(), result.read(), result.loaded(), result.quarantined(),
              new HashMap<>(result.reasons())));
    }
    return spark.createDataFrame(rows, WarehouseTables.INGEST_RUNS_SCHEMA);
  }

  private Dataset<Row> fileRows(Timestamp now) {
    List<Row> rows = new ArrayList<>();
    for (PlannedFile file : plan.toLoad()) {
      if (results.stream().noneMatch(r -> r.sourceName().equals(file.source().name()))) {
        continue; // a failed file is not registered, so a corrected copy loads next time
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

  /** The staged bronze JSON: the contract's raw columns and lineage, without batch id and time. */
  static StructType stagedBronzeSchema(RecordSpec spec) {
    StructType schema = spec.rawSchema();
    for (StructField field : Lineage.SCHEMA.fields()) {
      if (!field.name().equals(Lineage.BATCH_ID) && !field.name().equals(Lineage.INGESTED_AT)) {
        schema = schema.add(field.name(), field.dataType(), true);
      }
    }
    return schema;
  }

  /** The staged quarantine JSON: the quarantine columns without batch id and time, plus the record's position. */
  static StructType stagedQuarantineSchema() {
    StructType schema = new StructType();
    for (StructField field : WarehouseTables.QUARANTINE_SCHEMA.fields()) {
      if (!field.name().equals(QuarantineColumns.BATCH_ID) && !field.name().equals(QuarantineColumns.INGESTED_AT)) {
        schema = schema.add(field.name(), field.dataType(), true);
      }
    }
    return schema.add(StagingItemWriter.RECORD_POSITION, DataTypes.LongType, true);
  }
}
