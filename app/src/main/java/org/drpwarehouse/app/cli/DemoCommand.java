package org.drpwarehouse.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.drpwarehouse.app.config.DrpSettings;
import org.drpwarehouse.app.sample.GenerationSummary;
import org.drpwarehouse.app.sample.GeneratorSettings;
import org.drpwarehouse.ingestion.IngestReport;
import org.drpwarehouse.ingestion.Ingestion;
import org.drpwarehouse.transforms.PseudonymisationKey;
import org.drpwarehouse.transforms.SilverBuild;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code drp demo}: the whole pipeline, as far as it is built, on generated sample data with the
 * embedded defaults. Today that is generate, ingest and the silver conformance; gold, the quality
 * gate and publication join it as they land, and until then the demo says so instead of pretending.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a sample (3 authorities on different presets, 3 financial years) and runs the",
      "pipeline on it with the embedded defaults, then prints where its outputs are."
    })
final class DemoCommand implements Callable<Integer> {
  static final int AUTHORITIES = 3;
  static final int YEARS = 3;
  static final long SEED = 2026;

  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--input", paramLabel = "DIR", defaultValue = "drp-demo/input", description = "Where the sample extract goes (default: ./drp-demo/input).")
  Path input;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Environment env = parent.environment();
    out.println("1/3 generating the sample extract...");
    if (isEmptyOrMissing(input)) {
      GenerationSummary summary =
          GenerateCommand.generate(GeneratorSettings.of(AUTHORITIES, YEARS, SEED, input), env);
      GenerateCommand.print(summary, input, out);
    } else {
      out.println("  " + input + " already holds the sample (the same arguments give the same files): kept");
    }
    out.println("2/3 ingesting it into " + env.warehouse() + " ...");
    out.flush();
    Ingestion ingestion =
        new Ingestion(env.spark(), env.warehouse(), env::openJobRepository, env.settings().get(DrpSettings.CHUNK_SIZE));
    IngestReport report = ingestion.ingest(input, null, Duration.ofMinutes(5));
    IngestCommand.print(report, out);
    Path keyFile = input.toAbsolutePath().getParent().resolve("pseudonymisation.key");
    out.println("3/3 conforming bronze into silver (typed, latest versions, ids pseudonymised; without a configured"
        + " key, with the local demo key " + keyFile + ")...");
    out.flush();
    PseudonymisationKey key = env.pseudonymisationKey(keyFile);
    Map<String, Long> silver = SilverBuild.run(env.spark(), env.warehouse(), key);
    TextTable tables = new TextTable("silver table", "rows");
    silver.forEach(tables::row);
    out.print(tables.render("  "));
    out.println();
    out.println("Sample extract:   " + input.toAbsolutePath().normalize());
    out.println("Warehouse:        " + env.warehouse() + " (bronze, quarantine, ingest_runs, silver)");
    out.println("Dashboard:        not built yet. The gold timelines, the quality gate and the board dashboard are");
    out.println("                  the next stages of the pipeline; until they land this demo stops after silver.");
    out.println("Try:              ./drp export bronze.ingest_runs --out ingest_runs.csv");
    return report.failedFiles().isEmpty() ? ExitCodes.OK : ExitCodes.USER_ERROR;
  }

  private static boolean isEmptyOrMissing(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look into " + dir, e);
    }
  }
}
