package org.drpwarehouse.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.drpwarehouse.app.sample.GenerationSummary;
import org.drpwarehouse.app.sample.GeneratorSettings;
import org.drpwarehouse.app.sample.SampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drp generate}: synthetic sample extracts in the contract formats. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes synthetic extracts for N authorities over Y financial years, in the contract formats:",
      "SSDA903 files, disputes and events, allocations, CP plans, review decisions, a manifest per",
      "authority and policy_bindings.csv. The same arguments give byte-identical files.",
      "Example: drp generate --authorities 3 --years 2 --seed 7 --out ./sample"
    })
final class GenerateCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--authorities", required = true, paramLabel = "N", description = "How many authorities (1 to 899).")
  int authorities;

  @Option(names = "--years", required = true, paramLabel = "Y", description = "How many financial years (1 to 20).")
  int years;

  @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed: the same seed gives the same files.")
  long seed;

  @Option(names = "--start-year", paramLabel = "YYYY", description = "First financial year starts 1 April YYYY (default 2022).")
  Integer startYear;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must not exist, or be empty).")
  Path out;

  @Option(names = "--malformed-rate", paramLabel = "R", description = "Share of malformed rows per file, for quarantine (default 0.003).")
  Double malformedRate;

  @Option(
      names = "--recording-gap-rate",
      paramLabel = "R",
      description = "Share of disputes with recording gaps (default 0.03, which the default quality gate passes; 0.35 gives data it blocks).")
  Double recordingGapRate;

  @Override
  public Integer call() {
    GeneratorSettings settings = GeneratorSettings.of(authorities, years, seed, out);
    if (startYear != null) {
      settings = settings.withStartYear(startYear);
    }
    if (malformedRate != null) {
      settings = settings.withMalformedRate(malformedRate);
    }
    if (recordingGapRate != null) {
      settings = settings.withRecordingGapRate(recordingGapRate);
    }
    Environment env = parent.environment();
    GenerationSummary summary = generate(settings, env);
    print(summary, out, spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  static GenerationSummary generate(GeneratorSettings settings, Environment env) {
    try {
      return new SampleGenerator(settings, SampleGenerator.presets(env.policies()), env.calendar()).generate();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the sample to " + settings.out(), e);
    }
  }

  static void print(GenerationSummary summary, Path out, PrintWriter writer) {
    writer.println("generated " + summary.authorities().size() + " authorities, " + summary.periodStart() + " to "
        + summary.periodEnd() + ", into " + out);
    for (String authority : summary.authorities()) {
      writer.println("  " + authority + ": " + String.join(" then ", summary.presetsOf(authority)));
    }
    TextTable table = new TextTable("file (all authorities)", "rows", "malformed", "bytes");
    for (GenerationSummary.FileStats file : summary.files()) {
      table.row(file.file(), file.rows(), file.malformed(), file.bytes());
    }
    writer.print(table.render("  "));
    writer.println("  " + summary.totalRows() + " rows, " + summary.totalMalformed() + " malformed on purpose, "
        + summary.totalBytes() + " bytes");
  }
}
