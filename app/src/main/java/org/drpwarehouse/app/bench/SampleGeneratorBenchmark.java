package org.drpwarehouse.app.bench;

import org.drpwarehouse.app.sample.GenerationSummary;
import org.drpwarehouse.app.sample.GeneratorSettings;
import org.drpwarehouse.app.sample.SampleGenerator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.PolicyCatalog;

/**
 * Times a national-scale generation: {@code --authorities N --years Y [--seed S] [--out DIR]}.
 * Prints the wall time, rows, malformed rows and bytes per file and in total, and the peak heap
 * the JVM used. Without {@code --out} it writes to a new temporary folder and deletes it after.
 * Run with a small {@code -Xmx} (say {@code -Xmx512m}) to see that memory stays bounded.
 *
 * <p>Not a test: it asserts nothing and takes minutes at 150 authorities over 10 years.
 */
public final class SampleGeneratorBenchmark {
  private SampleGeneratorBenchmark() {}

  public static void main(String[] args) throws IOException {
    int authorities = 150;
    int years = 10;
    long seed = 20240401L;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--authorities" -> authorities = Integer.parseInt(require(args[i], value));
        case "--years" -> years = Integer.parseInt(require(args[i], value));
        case "--seed" -> seed = Long.parseLong(require(args[i], value));
        case "--out" -> out = Path.of(require(args[i], value));
        default -> throw new IllegalArgumentException(
            "Unknown option " + args[i] + ": use --authorities N --years Y [--seed S] [--out DIR]");
      }
      i++;
    }
    boolean temporary = out == null;
    Path folder = temporary ? Files.createTempDirectory("drp-sample-benchmark") : out;
    // Until PolicyCatalog.presets() is on this branch the stand-ins give the five presets' ladders.
    List<Policy> presets = SampleGenerator.presets(PolicyCatalog.presets());
    GeneratorSettings settings = GeneratorSettings.of(authorities, years, seed, folder.resolve("sample"));
    try {
      long started = System.nanoTime();
      GenerationSummary summary = new SampleGenerator(settings, presets, WorkingDayCalendar.england()).generate();
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("%d authorities x %d years (%s to %s), seed %d%n", authorities, years,
          summary.periodStart(), summary.periodEnd(), seed);
      for (GenerationSummary.FileStats file : summary.files()) {
        System.out.printf("  %-28s %,12d rows %,8d malformed %,15d bytes%n", file.file(), file.rows(), file.malformed(),
            file.bytes());
      }
      System.out.printf("  %-28s %,12d rows %,8d malformed %,15d bytes%n", "total", summary.totalRows(),
          summary.totalMalformed(), summary.totalBytes());
      System.out.printf("malformed by kind: %s%n", summary.malformedByKind());
      System.out.printf("time %.1f s, %,.0f rows/s, %.1f MB/s%n", seconds, summary.totalRows() / seconds,
          summary.totalBytes() / seconds / 1e6);
      System.out.printf("heap: max %,d MB; peak used %,d MB (sum of pool peaks), of which old generation %,d MB%n",
          Runtime.getRuntime().maxMemory() >> 20, peakHeapBytes(false) >> 20, peakHeapBytes(true) >> 20);
    } finally {
      if (temporary) {
        BenchFiles.deleteRecursively(folder);
      }
    }
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  /**
   * The sum of the heap pools' peaks, an upper bound on the heap in use at any one time; or only
   * the old generation's, which is what survives collections and so what the run really holds.
   */
  private static long peakHeapBytes(boolean oldOnly) {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      boolean old = pool.getName().contains("Old") || pool.getName().contains("Tenured");
      if (pool.getType() == MemoryType.HEAP && (old || !oldOnly)) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
