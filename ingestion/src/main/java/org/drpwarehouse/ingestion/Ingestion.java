package org.drpwarehouse.ingestion;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.ingestion.IngestPlan.PlannedFile;
import org.drpwarehouse.ingestion.internal.BronzeCommitTasklet;
import org.drpwarehouse.ingestion.internal.ContractValidationProcessor;
import org.drpwarehouse.ingestion.internal.DeltaTables;
import org.drpwarehouse.ingestion.internal.FileChecksum;
import org.drpwarehouse.ingestion.JobRepositories;
import org.drpwarehouse.ingestion.internal.RecordSourceItemReader;
import org.drpwarehouse.ingestion.internal.StagingItemWriter;
import org.drpwarehouse.ingestion.internal.StagingLayout;
import org.drpwarehouse.ingestion.internal.WarehouseLock;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.drpwarehouse.schemas.warehouse.WarehouseTables.IngestFileColumns;
import org.drpwarehouse.schemas.warehouse.WarehouseTables.IngestRunColumns;
import org.drpwarehouse.schemas.warehouse.WarehouseTables.WatermarkColumns;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * {@code drp ingest}: loads an extract folder into bronze, losing nothing and doubling nothing.
 *
 * <ol>
 *   <li>Takes the warehouse lock (a second run waits or fails cleanly). Holding it proves any run the
 *       job repository shows as running is dead: it is marked failed.
 *   <li>If the last run of the same folder was interrupted, resumes it from its saved plan; otherwise
 *       plans a new run: every file with its checksum, skipping files whose bytes were loaded before.
 *   <li>Runs the Spring Batch job: one chunk-oriented step per file (read, validate, stage), then one
 *       idempotent Delta commit per table, then removes the staged chunks.
 * </ol>
 */
public final class Ingestion {
  static final String JOB_NAME = "ingest";
  static final String RUN_KEY = "run.key";
  static final String FOLDER = "folder";
  static final String WAREHOUSE = "warehouse";

  private final SparkSession spark;
  private final URI warehouse;
  private final Supplier<JobRepositories> openRepositories;
  private final int chunkSize;
  private final int stagingThreads;
  private JobRepositories repositories;

  /**
   * @param openRepositories opens the job repository; called only once the warehouse lock is held,
   *     because the embedded repository lives in the warehouse and admits one process at a time
   */
  public Ingestion(SparkSession spark, URI warehouse, Supplier<JobRepositories> openRepositories, int chunkSize) {
    this(spark, warehouse, openRepositories, chunkSize, Runtime.getRuntime().availableProcessors());
  }

  /** @param stagingThreads files staged at once (default: one per core) */
  public Ingestion(
      SparkSession spark, URI warehouse, Supplier<JobRepositories> openRepositories, int chunkSize, int stagingThreads) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("Cannot use a chunk size below 1: " + chunkSize);
    }
    if (stagingThreads < 1) {
      throw new IllegalArgumentException("Cannot stage with fewer than 1 thread: " + stagingThreads);
    }
    this.stagingThreads = stagingThreads;
    this.spark = spark;
    this.warehouse = warehouse;
    this.openRepositories = openRepositories;
    this.chunkSize = chunkSize;
  }

  /** Ingests a folder (see {@link ExtractFolder}); {@code authority} is the {@code --authority} option or null. */
  public IngestReport ingest(Path folder, String authority, Duration lockWait) {
    Path absolute = folder.toAbsolutePath().normalize();
    return run(absolute.toString(), () -> plan(absolute, authority), lockWait);
  }

  /**
   * Pulls a case-management database ({@code drp ingest --jdbc PROFILE}): each query's rows changed
   * since its last high-water mark, or, with {@code fullPull}, every row, marking the records that
   * disappeared at the source as deleted.
   */
  public IngestReport ingestDatabase(JdbcProfile profile, boolean fullPull, Duration lockWait) {
    return run("jdbc:" + profile.name(), () -> planDatabase(profile, fullPull), lockWait);
  }

  private IngestReport run(String source, Supplier<IngestPlan> planner, Duration lockWait) {
    try (WarehouseLock lock = lock(lockWait)) {
      failRunsWhoseProcessDied();
      Optional<JobExecution> interrupted = lastInterruptedRun(source);
      IngestPlan plan;
      JobParameters parameters;
      if (interrupted.isPresent()) {
        parameters = interrupted.get().getJobParameters();
        plan = readPlan(parameters.getString(RUN_KEY));
      } else {
        plan = planner.get();
        writePlan(plan);
        parameters =
            new JobParametersBuilder()
                .addString(RUN_KEY, plan.runKey(), true)
                .addString(FOLDER, source, false)
                .addString(WAREHOUSE, warehouse.toString(), false)
                .toJobParameters();
      }
      JobExecution execution = launch(plan, parameters);
      if (execution.getStatus() != BatchStatus.COMPLETED) {
        throw failure(execution);
      }
      return report(plan, interrupted.isPresent(), execution);
    } finally {
      if (repositories != null) {
        repositories.close();
        repositories = null;
      }
    }
  }

  /**
   * Takes the warehouse lock and opens the job repository. A local warehouse is locked first: its
   * embedded repository admits one process at a time. Any other warehouse keeps its repository in
   * PostgreSQL, which holds the lock too.
   */
  private WarehouseLock lock(Duration wait) {
    if ("file".equals(warehouse.getScheme())) {
      WarehouseLock lock = WarehouseLock.acquire(warehouse, wait);
      repositories = openRepositories.get();
      return lock;
    }
    repositories = openRepositories.get();
    return WarehouseLock.inDatabase(repositories.dataSource(), warehouse, wait);
  }

  private static String newRunKey() {
    return LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
        + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private IngestPlan planDatabase(JdbcProfile profile, boolean fullPull) {
    Map<String, LocalDateTime> marks = fullPull ? Map.of() : watermarks(profile.name());
    String runKey = newRunKey();
    List<PlannedFile> files = new ArrayList<>();
    int index = 0;
    for (JdbcProfile.Query query : profile.queries()) {
      JdbcWindow probe =
          new JdbcWindow(profile.name(), profile.url(), profile.user(), profile.passwordEnvironment(), query.sql(),
              query.modifiedColumn(), query.key(), null, null, fullPull);
      LocalDateTime lower = marks.get(query.spec().name());
      LocalDateTime upper = currentMaximum(probe, profile.name() + ":" + query.spec().name());
      if (upper == null || (lower != null && upper.isBefore(lower))) {
        upper = lower;
      }
      JdbcWindow window =
          new JdbcWindow(profile.name(), profile.url(), profile.user(), profile.passwordEnvironment(), query.sql(),
              query.modifiedColumn(), query.key(), lower, upper, fullPull);
      String name = profile.name() + ":" + query.spec().name();
      SourceFile source = new SourceFile(name, query.spec(), null, window);
      // What identifies a pull: its query and its window (a database has no file bytes to hash).
      String checksum = sha256(name + "\n" + query.sql() + "\n" + lower + "\n" + upper + "\n" + fullPull);
      files.add(new PlannedFile(index++, source, checksum, null));
    }
    return new IngestPlan(runKey, Path.of("jdbc-" + profile.name()), warehouse, null, files);
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The newest high-water mark of each of a profile's queries. */
  private Map<String, LocalDateTime> watermarks(String profile) {
    Map<String, LocalDateTime> marks = new HashMap<>();
    URI table = WarehouseTables.location(warehouse, WarehouseTables.BRONZE, WarehouseTables.JDBC_WATERMARKS);
    if (!DeltaTables.exists(spark, table)) {
      return marks;
    }
    // One small row per query and run: reading them on the driver is cheap.
    for (Row row :
        spark.read().format("delta").load(table.toString())
            .where(col(WatermarkColumns.PROFILE).equalTo(profile))
            .groupBy(col(WatermarkColumns.RECORD))
            .agg(org.apache.spark.sql.functions.max(col(WatermarkColumns.HIGH_WATER_MARK)))
            .collectAsList()) {
      if (!row.isNullAt(1)) {
        marks.put(row.getString(0), row.getTimestamp(1).toLocalDateTime());
      }
    }
    return marks;
  }

  private static LocalDateTime currentMaximum(JdbcWindow window, String name) {
    String sql = "SELECT max(drp_source." + window.modifiedColumn() + ") FROM (" + window.sql() + ") drp_source";
    try (Connection connection = DriverManager.getConnection(window.url(), window.user(), window.password());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      Timestamp max = result.getTimestamp(1);
      return max == null ? null : max.toLocalDateTime();
    } catch (SQLException e) {
      throw new SourceFileException(name, "cannot be queried (" + e.getMessage() + ")",
          "check the profile's url, user, password variable, the SQL and that " + window.modifiedColumn() + " is a timestamp", e);
    }
  }

  private IngestPlan plan(Path folder, String authority) {
    ExtractFolder extract = ExtractFolder.scan(folder, authority);
    Map<String, String> loadedBefore = loadedChecksums();
    Map<String, String> inThisRun = new HashMap<>();
    String runKey = newRunKey();
    List<PlannedFile> files = new ArrayList<>();
    int index = 0;
    for (SourceFile source : extract.files()) {
      String checksum = FileChecksum.of(source);
      // One workbook yields several record kinds, so "loaded before" is per file and record kind.
      String key = checksum + "/" + source.spec().name();
      String already = loadedBefore.get(key);
      if (already == null && inThisRun.containsKey(key)) {
        already = runKey + " (same bytes as " + inThisRun.get(key) + ")";
      }
      inThisRun.putIfAbsent(key, source.name());
      files.add(new PlannedFile(index++, source, checksum, already));
    }
    return new IngestPlan(runKey, folder, warehouse, authority, files);
  }

  /** Every file and record kind loaded before ({@code checksum/record}), with the batch that loaded it. */
  private Map<String, String> loadedChecksums() {
    Map<String, String> loaded = new HashMap<>();
    URI table = WarehouseTables.location(warehouse, WarehouseTables.BRONZE, WarehouseTables.INGEST_FILES);
    if (!DeltaTables.exists(spark, table)) {
      return loaded;
    }
    // The registry holds one small row per file ever loaded: collecting it to the driver is cheap.
    for (Row row :
        spark.read().format("delta").load(table.toString())
            .select(col(IngestFileColumns.CHECKSUM), col(IngestFileColumns.RECORD), col(IngestFileColumns.BATCH_ID))
            .collectAsList()) {
      loaded.putIfAbsent(row.getString(0) + "/" + row.getString(1), row.getString(2));
    }
    return loaded;
  }

  private JobExecution launch(IngestPlan plan, JobParameters parameters) {
    JobRepository repository = repositories.repository();
    StagingLayout layout = new StagingLayout(warehouse, plan.runKey());
    List<Step> steps = new ArrayList<>();
    for (PlannedFile file : plan.toLoad()) {
      RecordSourceItemReader reader = new RecordSourceItemReader(file.source());
      steps.add(
          new StepBuilder(file.stepName(), repository)
              .<RawRecord, ValidatedRecord>chunk(chunkSize, repositories.transactions())
              .reader(reader)
              .processor(new ContractValidationProcessor(file.source()))
              .writer(new StagingItemWriter(
                  file.source(), file.index(), layout, spark.sparkContext().hadoopConfiguration(), reader::chunkStart))
              .build());
    }
    // The commit and clean-up steps write Delta and files, which no JDBC transaction covers (Delta's
    // txnAppId makes them idempotent instead). Holding a job-repository transaction open for minutes
    // of Spark work only invites lock conflicts, so they run without one.
    ResourcelessTransactionManager noTransaction = new ResourcelessTransactionManager();
    steps.add(
        new StepBuilder("commit-bronze", repository)
            .tasklet(new BronzeCommitTasklet(spark, plan, layout, repository), noTransaction)
            .build());
    steps.add(
        new StepBuilder("remove-staging", repository)
            .tasklet(
                (contribution, context) -> {
                  FileSystem fs = layout.root().getFileSystem(spark.sparkContext().hadoopConfiguration());
                  fs.delete(layout.root(), true);
                  return org.springframework.batch.repeat.RepeatStatus.FINISHED;
                },
                noTransaction)
            .build());
    // Files are staged in parallel lanes, one per core: staging is per-record Java work (parse,
    // validate, hash) that would otherwise leave all but one core idle. A file that is not what it
    // claims fails its own step; its lane moves on, the others still load, and the commit leaves
    // the failed file out.
    List<Step> fileSteps = steps.subList(0, steps.size() - 2);
    Step commit = steps.get(steps.size() - 2);
    Step cleanUp = steps.get(steps.size() - 1);
    FlowBuilder<Flow> flow = new FlowBuilder<>("ingest-flow");
    if (fileSteps.isEmpty()) {
      flow.start(commit);
    } else {
      List<List<Step>> lanes = lanes(plan.toLoad(), fileSteps);
      Flow[] laneFlows = new Flow[lanes.size()];
      for (int lane = 0; lane < lanes.size(); lane++) {
        List<Step> inLane = lanes.get(lane);
        FlowBuilder<Flow> laneFlow = new FlowBuilder<>("stage-lane-" + lane);
        laneFlow.start(inLane.get(0));
        for (int i = 0; i < inLane.size(); i++) {
          if (i + 1 < inLane.size()) {
            laneFlow.from(inLane.get(i)).on("*").to(inLane.get(i + 1));
          } else {
            laneFlow.from(inLane.get(i)).on("*").end();
          }
        }
        laneFlows[lane] = laneFlow.build();
      }
      SimpleAsyncTaskExecutor lanesExecutor = new SimpleAsyncTaskExecutor("drp-stage-");
      lanesExecutor.setConcurrencyLimit(laneFlows.length);
      flow.start(new FlowBuilder<Flow>("stage-files").split(lanesExecutor).add(laneFlows).build());
      flow.next(commit);
    }
    // A failed commit fails the run and keeps the staged chunks: the restart commits them.
    flow.from(commit).on("COMPLETED").to(cleanUp);
    flow.from(commit).on("*").fail();
    Job job = new JobBuilder(JOB_NAME, repository).start(flow.build()).end().build();
    TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
    launcher.setJobRepository(repository);
    launcher.setTaskExecutor(new SyncTaskExecutor());
    try {
      launcher.afterPropertiesSet();
      return launcher.run(job, parameters);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot launch the ingest job for " + plan.folder(), e);
    }
  }

  /**
   * Shares the files out over one lane per staging thread, largest first to the lane with the fewest
   * bytes so far, so lanes finish together. Deterministic for a plan, so a restarted run rebuilds the
   * same lanes (restart correctness rests on the step names, which do not depend on the lanes).
   */
  private List<List<Step>> lanes(List<PlannedFile> files, List<Step> steps) {
    int count = Math.max(1, Math.min(stagingThreads, files.size()));
    List<List<Step>> lanes = new ArrayList<>();
    long[] bytes = new long[count];
    for (int i = 0; i < count; i++) {
      lanes.add(new ArrayList<>());
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> -size(files.get(i))).thenComparing(i -> i));
    for (int i : order) {
      int lightest = 0;
      for (int lane = 1; lane < count; lane++) {
        if (bytes[lane] < bytes[lightest]) {
          lightest = lane;
        }
      }
      lanes.get(lightest).add(steps.get(i));
      bytes[lightest] += size(files.get(i));
    }
    lanes.removeIf(List::isEmpty);
    return lanes;
  }

  private static long size(PlannedFile file) {
    try {
      return file.source().path() == null ? 0 : java.nio.file.Files.size(file.source().path());
    } catch (IOException e) {
      return 0; // the step will report the unreadable file
    }
  }

  private RuntimeException failure(JobExecution execution) {
    for (StepExecution step : execution.getStepExecutions()) {
      for (Throwable error : step.getFailureExceptions()) {
        if (step.getStepName().equals("commit-bronze") || step.getStepName().equals("remove-staging")) {
          return new IllegalStateException("Ingest run failed in " + step.getStepName() + ": " + error.getMessage(), error);
        }
      }
    }
    return new IllegalStateException("Ingest run ended " + execution.getStatus() + ": " + execution.getExitStatus());
  }

  private IngestReport report(IngestPlan plan, boolean resumed, JobExecution execution) {
    List<String> failed = new ArrayList<>();
    for (PlannedFile file : plan.toLoad()) {
      StepExecution step = repositories.repository().getLastStepExecution(execution.getJobInstance(), file.stepName());
      if (step != null && step.getStatus() != BatchStatus.COMPLETED) {
        step.getFailureExceptions().stream()
            .findFirst()
            .ifPresentOrElse(
                e -> failed.add(e.getMessage()),
                () -> failed.add(file.source().name() + ": " + step.getExitStatus().getExitDescription()));
      }
    }
    URI runs = WarehouseTables.location(warehouse, WarehouseTables.BRONZE, WarehouseTables.INGEST_RUNS);
    List<FileResult> results = new ArrayList<>();
    for (Row row :
        spark.read().format("delta").load(runs.toString())
            .where(col(IngestRunColumns.BATCH_ID).equalTo(plan.runKey()))
            .collectAsList()) {
      Map<String, Long> reasons = row.getJavaMap(row.fieldIndex(IngestRunColumns.REASONS));
      results.add(
          new FileResult(
              row.getString(row.fieldIndex(IngestRunColumns.SOURCE_NAME)),
              row.getString(row.fieldIndex(IngestRunColumns.RECORD)),
              row.getString(row.fieldIndex(IngestRunColumns.AUTHORITY)),
              row.getString(row.fieldIndex(IngestRunColumns.CHECKSUM)),
              row.getString(row.fieldIndex(IngestRunColumns.STATUS)),
              row.getLong(row.fieldIndex(IngestRunColumns.READ)),
              row.getLong(row.fieldIndex(IngestRunColumns.LOADED)),
              row.getLong(row.fieldIndex(IngestRunColumns.QUARANTINED)),
              row.getLong(row.fieldIndex(IngestRunColumns.DELETED)),
              reasons,
              // Present in every row read: this run's append took the column on (schema merge).
              row.getString(row.fieldIndex(IngestRunColumns.DELETIONS_WITHHELD))));
    }
    results.sort(Comparator.comparing(FileResult::sourceName));
    return new IngestReport(plan.runKey(), resumed, results, failed);
  }

  /** We hold the warehouse lock, so a run the repository still shows as running has died. */
  private void failRunsWhoseProcessDied() {
    JobRepository repository = repositories.repository();
    for (JobExecution running : repositories.explorer().findRunningJobExecutions(JOB_NAME)) {
      for (StepExecution step : running.getStepExecutions()) {
        if (step.getStatus().isRunning()) {
          step.setStatus(BatchStatus.FAILED);
          step.setExitStatus(ExitStatus.FAILED.addExitDescription("the process running it stopped"));
          step.setEndTime(LocalDateTime.now());
          repository.update(step);
        }
      }
      running.setStatus(BatchStatus.FAILED);
      running.setExitStatus(ExitStatus.FAILED.addExitDescription("the process running it stopped"));
      running.setEndTime(LocalDateTime.now());
      repository.update(running);
    }
  }

  /** The newest ingest run, if it failed part-way through the same source into this warehouse. */
  private Optional<JobExecution> lastInterruptedRun(String source) {
    for (JobInstance instance : repositories.explorer().getJobInstances(JOB_NAME, 0, 1)) {
      JobExecution last = repositories.explorer().getLastJobExecution(instance);
      if (last != null
          && last.getStatus() == BatchStatus.FAILED
          && source.equals(last.getJobParameters().getString(FOLDER))
          && warehouse.toString().equals(last.getJobParameters().getString(WAREHOUSE))) {
        return Optional.of(last);
      }
    }
    return Optional.empty();
  }

  private void writePlan(IngestPlan plan) {
    StagingLayout layout = new StagingLayout(warehouse, plan.runKey());
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(layout.root(), "plan.json");
    try (OutputStream out = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(file, true)) {
      out.write(plan.toJson().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the ingest plan to " + file, e);
    }
  }

  private IngestPlan readPlan(String runKey) {
    StagingLayout layout = new StagingLayout(warehouse, runKey);
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(layout.root(), "plan.json");
    try (InputStream in = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(file)) {
      return IngestPlan.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the plan of interrupted run " + runKey + " at " + file, e);
    }
  }
}
