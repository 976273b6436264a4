package org.drpwarehouse.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.drpwarehouse.app.config.DrpSettings;
import org.drpwarehouse.app.sample.GenerationSummary;
import org.drpwarehouse.app.sample.GeneratorSettings;
import org.drpwarehouse.ingestion.IngestReport;
import org.drpwarehouse.ingestion.Ingestion;
import org.drpwarehouse.transforms.GoldBuild;
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
    out.println("1/4 generating the sample extract...");
    if (isEmptyOrMissing(input)) {
      GenerationSummary summary =
          GenerateCommand.generate(GeneratorSettings.of(AUTHORITIES, YEARS, SEED, input), env);
      GenerateCommand.print(summary, input, out);
    } else {
      out.println("  " + input + " already holds the sample (the same arguments give the same files): kept");
    }
    out.println("2/4 ingesting it into " + env.warehouse() + " ...");
    out.flush();
    Ingestion ingestion =
        new Ingestion(env.spark(), env.warehouse(), env::openJobRepository, env.settings().get(DrpSettings.CHUNK_SIZE));
    IngestReport report = ingestion.ingest(input, null, Duration.ofMinutes(5));
    IngestCommand.print(report, out);
    IngestCommand.loadBindings(env, input, out);
    out.println("3/4 conforming bronze into silver (typed, latest versions, ids pseudonymised; without a configured"
        + " key, with the local demo key " + TransformCommand.LOCAL_KEY + ")...");
    out.flush();
    TransformCommand.conformSilver(env, out);
    LocalDate asOf = LocalDate.of(GeneratorSettings.DEFAULT_START_YEAR + YEARS, 3, 31);
    out.println("4/4 rebuilding every dispute's timeline against its policy, as of " + asOf
        + " (the extract date of the sample)...");
    out.flush();
    TransformCommand.print(TransformCommand.build(env, asOf, GoldBuild.Mode.FULL), out);
    out.println();
    out.println("Sample extract:   " + input.toAbsolutePath().normalize());
    out.println("Warehouse:        " + env.warehouse() + " (bronze, quarantine, ingest_runs, silver, gold)");
    out.println("Dashboard:        not built yet: the quality gate and the board dashboard are the next stages;");
    out.println("                  until they land this demo stops after gold.");
    out.println("Try:              ./drp export gold.dispute_summary --out dispute_summary.csv");
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
