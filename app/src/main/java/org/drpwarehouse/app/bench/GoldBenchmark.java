package org.drpwarehouse.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.app.config.DrpSettings;
import org.drpwarehouse.app.sample.GeneratorSettings;
import org.drpwarehouse.app.sample.SampleGenerator;
import org.drpwarehouse.app.spark.SparkSessions;
import org.drpwarehouse.ingestion.IngestReport;
import org.drpwarehouse.ingestion.Ingestion;
import org.drpwarehouse.ingestion.JobRepositories;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.ExtractManifest;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.PolicyBindings;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.transforms.BindingsTable;
import org.drpwarehouse.transforms.GoldBuild;
import org.drpwarehouse.transforms.PseudonymisationKey;
import org.drpwarehouse.transforms.SilverBuild;

/**
 * The transform at national scale: the full gold rebuild of the generated national set, and the
 * incremental run after one more day of events for one authority. Not a test: run it by hand (see
 * benchmarks/README.md) and read the figures.
 *
 * <p>Each step runs in its own JVM ({@code benchmarks/run transform} runs them in turn), so the peak
 * resident set a step prints is that step's own:
 *
 * <ol>
 *   <li>{@code --step prepare}: generates the set into {@code --data} if it is empty, holds back the
 *       last day of events of the first authority into {@code --data}{@code -day} (that authority's
 *       manifest beside them), and ingests the rest;
 *   <li>{@code --step full}: what {@code drp transform} does: every silver table conformed whole,
 *       then the full gold rebuild, as of the set's last day;
 *   <li>{@code --step day}: ingests the held-back day, conforms again the silver tables it changed
 *       and runs the incremental gold build, timing each part.
 * </ol>
 *
 * <p>Each step starts from a copy of the warehouse the step before left, so any step can be run
 * again on its own.
 */
public final class GoldBenchmark {
  private GoldBenchmark() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = BenchFiles.options(args);
    Path data = Path.of(options.getOrDefault("--data", "bench-data/national"));
    Path day = Path.of(data + "-day");
    Path work = Path.of(options.getOrDefault("--work", "bench-work/transform"));
    int authorities = Integer.parseInt(options.getOrDefault("--authorities", "150"));
    int years = Integer.parseInt(options.getOrDefault("--years", "10"));
    String step = options.getOrDefault("--step", "prepare");
    GeneratorSettings generated = GeneratorSettings.of(authorities, years, 1, data);
    LocalDate asOf = generated.periodEnd();
    URI warehouse = work.resolve("warehouse").toAbsolutePath().toUri();
    Path afterPrepare = work.resolve("warehouse-after-prepare");
    Path afterFull = work.resolve("warehouse-after-full");
    PseudonymisationKey key = PseudonymisationKey.createLocal(work.toAbsolutePath().resolve("pseudonymisation.key"));

    switch (step) {
      case "prepare" -> {
        if (BenchFiles.isEmptyOrMissing(data)) {
          System.out.println("generating " + authorities + " authorities x " + years + " years into " + data);
          new SampleGenerator(generated, SampleGenerator.presets(PolicyCatalog.presets()), WorkingDayCalendar.england())
              .generate();
        }
        String held = holdBackLastDay(data, day);
        BenchFiles.deleteRecursively(work.resolve("warehouse"));
        SparkSession spark = SparkSessions.create(DrpSettings.defaults(), "drp-transform-benchmark-prepare");
        long start = System.nanoTime();
        IngestReport report = ingest(spark, warehouse, data);
        double ingestSeconds = BenchFiles.seconds(start);
        Path bindings = data.resolve(PolicyBindings.FILE_NAME);
        BindingsTable.replace(spark, warehouse, PolicyBindings.read(bindings, PolicyCatalog.presets()),
            bindings.getFileName().toString());
        System.out.println();
        System.out.printf("data: %s, %d records read (%d loaded, %d quarantined); held back: %s%n", data, report.read(),
            report.loaded(), report.quarantined(), held);
        System.out.printf("%-40s %9.1fs%n", "ingest, national set", ingestSeconds);
        spark.stop();
        BenchFiles.deleteRecursively(afterPrepare);
        BenchFiles.copyRecursively(work.resolve("warehouse"), afterPrepare);
      }
      case "full" -> {
        BenchFiles.deleteRecursively(work.resolve("warehouse"));
        BenchFiles.copyRecursively(afterPrepare, work.resolve("warehouse"));
        SparkSession spark = SparkSessions.create(DrpSettings.defaults(), "drp-transform-benchmark-full");
        GoldBuild build = new GoldBuild(spark, warehouse, PolicyCatalog.presets(), WorkingDayCalendar.england());
        Peaks.resetHeap();
        long start = System.nanoTime();
        Map<String, Long> silver = SilverBuild.run(spark, warehouse, key);
        double silverSeconds = BenchFiles.seconds(start);
        start = System.nanoTime();
        GoldBuild.Result result = build.run(asOf, GoldBuild.Mode.FULL);
        double fullSeconds = BenchFiles.seconds(start);
        long heap = Peaks.heapMib();
        spark.stop();
        // The state after the full rebuild, so that the day step can be run again from it.
        BenchFiles.deleteRecursively(afterFull);
        BenchFiles.copyRecursively(work.resolve("warehouse"), afterFull);
        System.out.println();
        System.out.printf("%-40s %9.1fs  %s%n", "silver build, every table", silverSeconds, silver);
        System.out.printf("%-40s %9.1fs  as of %s%n", "full gold rebuild", fullSeconds, asOf);
        printTables(result);
        System.out.printf("%-40s %9.1fs%n", "transform, full (silver + gold)", silverSeconds + fullSeconds);
        System.out.printf("%-40s %9d MiB%n", "peak heap, rebuild (pools summed)", heap);
        System.out.printf("%-40s %9d MiB%n", "peak resident set, whole process", Peaks.residentMib());
      }
      case "day" -> {
        BenchFiles.deleteRecursively(work.resolve("warehouse"));
        BenchFiles.copyRecursively(afterFull, work.resolve("warehouse"));
        SparkSession spark = SparkSessions.create(DrpSettings.defaults(), "drp-transform-benchmark-day");
        Peaks.resetHeap();
        long start = System.nanoTime();
        IngestReport report = ingest(spark, warehouse, day);
        double ingestSeconds = BenchFiles.seconds(start);
        start = System.nanoTime();
        SilverBuild.Result silver = SilverBuild.run(spark, warehouse, key, SilverBuild.Scope.CHANGED);
        double silverSeconds = BenchFiles.seconds(start);
        start = System.nanoTime();
        GoldBuild.Result result = new GoldBuild(spark, warehouse, PolicyCatalog.presets(), WorkingDayCalendar.england())
            .run(asOf, GoldBuild.Mode.INCREMENTAL);
        double goldSeconds = BenchFiles.seconds(start);
        System.out.println();
        System.out.printf("day: %s, %d events loaded%n", day, report.loaded());
        System.out.printf("%-40s %9.1fs%n", "ingest of the day", ingestSeconds);
        System.out.printf("%-40s %9.1fs  conformed again: %s%n", "silver build (changed tables)", silverSeconds,
            silver.conformed());
        System.out.printf("%-40s %9.1fs  %s, %d disputes recomputed%s%n", "incremental gold build", goldSeconds,
            result.mode(), result.affectedDisputes(), result.reason() == null ? "" : " (" + result.reason() + ")");
        printTables(result);
        System.out.printf("%-40s %9.1fs%n", "transform (silver + gold)", silverSeconds + goldSeconds);
        System.out.printf("%-40s %9d MiB%n", "peak heap (pools summed)", Peaks.heapMib());
        System.out.printf("%-40s %9d MiB%n", "peak resident set, whole process", Peaks.residentMib());
        spark.stop();
      }
      default -> throw new IllegalArgumentException("--step is prepare, full or day, not " + step);
    }
  }

  private static void printTables(GoldBuild.Result result) {
    result.seconds().forEach((step, seconds) -> System.out.printf("  %-38s %9.1fs  %s%n", step, seconds,
        result.rows().containsKey(step) ? String.format("%,d rows", result.rows().get(step)) : ""));
  }

  private static IngestReport ingest(SparkSession spark, URI warehouse, Path folder) {
    return new Ingestion(spark, warehouse, () -> JobRepositories.embedded(warehouse), 5000)
        .ingest(folder, null, Duration.ZERO);
  }

  /**
   * Moves the events of the first authority's last event day out of its {@code dispute_events.csv}
   * into {@code day/<authority>/}, with a copy of its manifest. Idempotent: a folder already split
   * is left as it is.
   */
  private static String holdBackLastDay(Path data, Path day) throws IOException {
    Path authority;
    try (Stream<Path> folders = Files.list(data)) {
      authority = folders.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
          .findFirst().orElseThrow(() -> new IllegalStateException(data + " holds no authority folder"));
    }
    Path events = authority.resolve(ExchangeFormat.DISPUTE_EVENTS.csvFileName());
    Path target = day.resolve(authority.getFileName().toString());
    Path heldEvents = target.resolve(ExchangeFormat.DISPUTE_EVENTS.csvFileName());
    if (Files.exists(heldEvents)) {
      return heldEvents + " (split earlier)";
    }
    List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int dateColumn = header.indexOf("event_date");
    if (dateColumn < 0) {
      throw new IllegalStateException(events + " has no event_date column: " + header);
    }
    String last = "";
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      if (fields.length > dateColumn && fields[dateColumn].matches("\\d{4}-\\d{2}-\\d{2}") && fields[dateColumn].compareTo(last) > 0) {
        last = fields[dateColumn];
      }
    }
    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
    List<String> held = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      (fields.length > dateColumn && fields[dateColumn].equals(last) ? held : kept).add(line);
    }
    Files.createDirectories(target);
    Files.copy(authority.resolve(ExtractManifest.FILE_NAME), target.resolve(ExtractManifest.FILE_NAME));
    write(heldEvents, held);
    write(events, kept);
    return heldEvents + " (" + (held.size() - 1) + " events of " + last + ")";
  }

  private static void write(Path file, List<String> lines) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
  }
}
