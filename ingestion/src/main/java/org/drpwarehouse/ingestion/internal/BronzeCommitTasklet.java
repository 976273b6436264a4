package org.drpwarehouse.ingestion.internal;

import static org.apache.spark.sql.functions.col;
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
            FileResult.ALREADY_LOADED, 0, 0, 0, Map.of()));
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
              counts.rules());
      if (!result.balanced()) {
        throw new IllegalStateException(
            "Ingest run " + plan.runKey() + " would lose records of " + name + ": read " + result.read()
                + ", staged " + result.loaded() + " for bronze and " + result.quarantined()
                + " for quarantine. The run log was not written; please report this.");
      }
      results.add(result);
    }
    for (Map.Entry<RecordSpec, List<String>> table : bronzeGlobs.entrySet()) {
      Dataset<Row> staged = readStaged(stagedBronzeSchema(table.getKey()), table.getValue());
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

    append(runRows(now), WarehouseTables.location(plan.warehouse(), WarehouseTables.BRONZE, WarehouseTables.INGEST_RUNS));
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
