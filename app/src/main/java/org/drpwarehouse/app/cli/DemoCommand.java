package org.drpwarehouse.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.drpwarehouse.app.sample.GenerationSummary;
import org.drpwarehouse.app.sample.GeneratorSettings;
import org.drpwarehouse.quality.GateSettings;
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
    out.println("1/6 generating the sample extract...");
    if (isEmptyOrMissing(input)) {
      GenerationSummary summary =
          GenerateCommand.generate(GeneratorSettings.of(AUTHORITIES, YEARS, SEED, input), env);
      GenerateCommand.print(summary, input, out);
    } else {
      out.println("  " + input + " already holds the sample (the same arguments give the same files): kept");
    }
    LocalDate asOf = LocalDate.of(GeneratorSettings.DEFAULT_START_YEAR + YEARS, 3, 31);
    RunCommand.Outcome outcome =
        RunCommand.pipeline(env, input, input.toAbsolutePath().getParent().resolve("pseudonymisation.key"), asOf,
            GoldBuild.Mode.FULL, GateSettings.defaults(), out, 2, 6);
    out.println();
    out.println("Sample extract:   " + input.toAbsolutePath().normalize() + " (figures as of " + asOf + ", its extract date)");
    out.println("Warehouse:        " + env.warehouse() + " (bronze, silver, gold, quality, publications)");
    out.println("Quality report:   " + outcome.gate().reportHtml());
    out.println("Superset bundle:  " + outcome.publication().bundle());
    out.println("Dashboard:        " + outcome.publication().dashboard());
    out.println("                  (open it in a browser; it needs no network)");
    out.flush();
    return outcome.exitCode() == ExitCodes.GATE_WITHHELD ? ExitCodes.OK : outcome.exitCode();
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
