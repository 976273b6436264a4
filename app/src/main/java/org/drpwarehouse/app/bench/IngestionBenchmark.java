package org.drpwarehouse.app.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.app.config.DrpSettings;
import org.drpwarehouse.app.sample.GeneratorSettings;
import org.drpwarehouse.app.sample.SampleGenerator;
import org.drpwarehouse.app.spark.SparkSessions;
import org.drpwarehouse.ingestion.ExtractFolder;
import org.drpwarehouse.ingestion.FileResult;
import org.drpwarehouse.ingestion.IngestReport;
import org.drpwarehouse.ingestion.Ingestion;
import org.drpwarehouse.ingestion.JobRepositories;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;

/**
 * Ingests a generated national-scale set (150 authorities, 10 years by default) with {@code drp
 * ingest}'s code path, then loads the same files with Spark's own {@code read.csv(...).write
 * .format("delta")}, in the same JVM, and prints rows per second per source and peak memory side
 * by side. Not a test: run it by hand (see benchmarks/README.md) and read the figures.
 *
 * <p>Arguments: {@code --data DIR} (generated there first if empty or missing), {@code --work DIR},
 * {@code --authorities N --years Y}, {@code --chunk N}.
 */
public final class IngestionBenchmark {
  private IngestionBenchmark() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = BenchFiles.options(args);
    Path data = Path.of(options.getOrDefault("--data", "bench-data/national"));
    Path work = Path.of(options.getOrDefault("--work", "bench-work"));
    int authorities = Integer.parseInt(options.getOrDefault("--authorities", "150"));
    int years = Integer.parseInt(options.getOrDefault("--years", "10"));
    int chunk = Integer.parseInt(options.getOrDefault("--chunk", "5000"));
    if (BenchFiles.isEmptyOrMissing(data)) {
      System.out.println("generating " + authorities + " authorities x " + years + " years into " + data);
      new SampleGenerator(GeneratorSettings.of(authorities, years, 1, data), SampleGenerator.presets(PolicyCatalog.presets()),
              WorkingDayCalendar.england())
          .generate();
    }
    BenchFiles.deleteRecursively(work);
    Files.createDirectories(work);
    SparkSession spark = SparkSessions.create(DrpSettings.defaults(), "drp-ingestion-benchmark");

    // 0. warm-up of both paths on a tiny set, so neither pays the JVM's and Spark's first-use costs
    Path tiny = work.resolve("warm-up-data");
    new SampleGenerator(GeneratorSettings.of(1, 1, 2, tiny), SampleGenerator.presets(PolicyCatalog.presets()),
            WorkingDayCalendar.england())
        .generate();
    URI warmWarehouse = work.resolve("warm-up-warehouse").toAbsolutePath().toUri();
    new Ingestion(spark, warmWarehouse, () -> JobRepositories.embedded(warmWarehouse), chunk).ingest(tiny, null, Duration.ZERO);
    for (SourceFile file : ExtractFolder.scan(tiny, null).files()) {
      spark.read().option("header", "true").csv(file.path().toUri().toString())
          .write().format("delta").mode("overwrite").save(work.resolve("warm-up-bare").resolve(file.spec().name()).toUri().toString());
    }

    // 1. drp ingest
    URI warehouse = work.resolve("drp-warehouse").toAbsolutePath().toUri();
    Peaks.resetHeap();
    long start = System.nanoTime();
    IngestReport report =
        new Ingestion(spark, warehouse, () -> JobRepositories.embedded(warehouse), chunk).ingest(data, null, Duration.ZERO);
    double ingestSeconds = BenchFiles.seconds(start);
    long ingestHeap = Peaks.heapMib();
    Map<String, Long> rowsByKind = new TreeMap<>();
    for (FileResult file : report.files()) {
      rowsByKind.merge(kindOf(file.sourceName()), file.read(), Long::sum);
    }
    Map<String, Double> stagingSecondsByKind = stagingSeconds(warehouse);
    double stagingTotal = stagingSecondsByKind.values().stream().mapToDouble(Double::doubleValue).sum();

    // 2. bare Spark: read.csv(...).write.format("delta"), per record kind over the same files
    Map<String, List<String>> filesByRecord = new LinkedHashMap<>();
    Map<String, String> kindOfRecord = new TreeMap<>();
    for (SourceFile file : ExtractFolder.scan(data, null).files()) {
      filesByRecord.computeIfAbsent(file.spec().name(), k -> new ArrayList<>()).add(file.path().toUri().toString());
      kindOfRecord.put(file.spec().name(), file.kind().id());
    }
    Peaks.resetHeap();
    Map<String, Double> bareSecondsByKind = new TreeMap<>();
    Map<String, Long> bareRowsByKind = new TreeMap<>();
    long bareStart = System.nanoTime();
    for (Map.Entry<String, List<String>> record : filesByRecord.entrySet()) {
      long t = System.nanoTime();
      var rows = spark.read().option("header", "true").csv(record.getValue().toArray(String[]::new));
      rows.write().format("delta").mode("overwrite").save(work.resolve("bare").resolve(record.getKey()).toUri().toString());
      String kind = kindOfRecord.get(record.getKey());
      bareSecondsByKind.merge(kind, BenchFiles.seconds(t), Double::sum);
      bareRowsByKind.merge(kind, spark.read().format("delta").load(work.resolve("bare").resolve(record.getKey()).toUri().toString()).count(), Long::sum);
    }
    double bareSeconds = BenchFiles.seconds(bareStart);
    long bareHeap = Peaks.heapMib();

    long rows = report.read();
    System.out.println();
    System.out.printf("data: %s, %d files, %d records (%d loaded, %d quarantined)%n", data, report.files().size(), rows,
        report.loaded(), report.quarantined());
    System.out.printf("%-34s %12s %14s%n", "", "drp ingest", "bare Spark");
    System.out.printf("%-34s %11.1fs %13.1fs%n", "wall time, all files", ingestSeconds, bareSeconds);
    System.out.printf("%-34s %12.0f %14.0f%n", "rows per second, all", rows / ingestSeconds, bareRowsByKind.values().stream().mapToLong(Long::longValue).sum() / bareSeconds);
    for (String kind : rowsByKind.keySet()) {
      double share = stagingTotal == 0 ? 0 : stagingSecondsByKind.getOrDefault(kind, 0.0) / stagingTotal;
      // drp's commit is one Spark pass per table: its time is shared out by staging time.
      double kindSeconds = stagingSecondsByKind.getOrDefault(kind, 0.0) + share * (ingestSeconds - stagingTotal);
      System.out.printf("%-34s %12.0f %14.0f%n", "rows per second, " + kind, rowsByKind.get(kind) / kindSeconds,
          bareRowsByKind.getOrDefault(kind, 0L) / bareSecondsByKind.getOrDefault(kind, Double.NaN));
    }
    System.out.printf("%-34s %11.1fs %14s%n", "  of which staging (Spring Batch)", stagingTotal, "-");
    System.out.printf("%-34s %11.1fs %14s%n", "  of which Delta commits and rest", ingestSeconds - stagingTotal, "-");
    System.out.printf("%-34s %10d MiB %10d MiB%n", "peak heap (pools summed)", ingestHeap, bareHeap);
    System.out.printf("%-34s %10d MiB%n", "peak resident set, whole run", Peaks.residentMib());
    System.out.printf("ratio drp / bare Spark wall time: %.2f%n", ingestSeconds / bareSeconds);
    spark.stop();
  }

  private static Map<String, Double> stagingSeconds(URI warehouse) {
    Map<String, Double> byKind = new TreeMap<>();
    try (JobRepositories repositories = JobRepositories.embedded(warehouse)) {
      for (JobInstance instance : repositories.explorer().getJobInstances("ingest", 0, 1)) {
        JobExecution execution = repositories.explorer().getLastJobExecution(instance);
        for (StepExecution step : execution.getStepExecutions()) {
          if (step.getStepName().startsWith("stage-") && step.getStartTime() != null && step.getEndTime() != null) {
            String record = step.getStepName().replaceFirst("^stage-\\d+-", "");
            String kind =
                List.of("header", "episodes", "reviews", "uasc", "missing").contains(record) ? "ssda903" : "exchange";
            byKind.merge(kind, Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0, Double::sum);
          }
        }
      }
    }
    return byKind;
  }

  private static String kindOf(String sourceName) {
    return sourceName.contains("ssda903/") ? "ssda903" : "exchange";
  }
}
