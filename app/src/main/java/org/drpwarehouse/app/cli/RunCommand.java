package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.drpwarehouse.app.config.DrpSettings;
import org.drpwarehouse.app.publish.Publisher;
import org.drpwarehouse.ingestion.IngestReport;
import org.drpwarehouse.ingestion.Ingestion;
import org.drpwarehouse.quality.GateResult;
import org.drpwarehouse.quality.GateSettings;
import org.drpwarehouse.quality.QualityGate;
import org.drpwarehouse.transforms.GoldBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drp run DIR}: ingest, transform, check, publish: the whole pipeline on one extract folder. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole pipeline on an extract folder: ingest it into bronze (and its policy_bindings.csv),",
      "conform silver, rebuild gold as of a date (incrementally when a build of that date exists), run the",
      "quality gate and publish what passes. Prints where the dashboard is."
    })
final class RunCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The extract folder.")
  Path folder;

  @Option(names = "--as-of", paramLabel = "DATE", description = "The as-of date of the figures (default: today).")
  LocalDate asOf;

  @Option(names = "--gate", paramLabel = "FILE", description = "Gate thresholds (as drp check --gate).")
  Path gateFile;

  @Override
  public Integer call() {
    Environment env = parent.environment();
    LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneId.of("Europe/London"));
    GateSettings settings = gateFile == null ? GateSettings.defaults() : CheckCommand.readSettings(gateFile);
    Outcome outcome = pipeline(env, folder, TransformCommand.LOCAL_KEY, date, GoldBuild.Mode.INCREMENTAL, settings,
        spec.commandLine().getOut(), 1, 5);
    return outcome.exitCode();
  }

  /** What a pipeline run ended with. */
  record Outcome(IngestReport ingest, GateResult gate, Publisher.Published publication, int exitCode) {}

  /**
   * Ingest, silver, gold, gate, publish; steps are numbered from {@code firstStep} of {@code steps}.
   * Without a configured pseudonymisation key, {@code localKey} is used (created owner-only if missing).
   * A file that fails ingestion does not stop the run (the others load); the exit code says so.
   */
  static Outcome pipeline(Environment env, Path folder, Path localKey, LocalDate asOf, GoldBuild.Mode mode,
      GateSettings settings, PrintWriter out, int firstStep, int steps) {
    int step = firstStep;
    out.println(step++ + "/" + steps + " ingesting " + folder + " into " + env.warehouse() + " ...");
    out.flush();
    Ingestion ingestion =
        new Ingestion(env.spark(), env.warehouse(), env::openJobRepository, env.settings().get(DrpSettings.CHUNK_SIZE));
    IngestReport report = ingestion.ingest(folder, null, Duration.ofMinutes(5));
    IngestCommand.print(report, out);
    IngestCommand.loadBindings(env, folder, out);
    out.println(step++ + "/" + steps + " conforming bronze into silver (typed, latest versions, ids pseudonymised) ...");
    out.flush();
    TransformCommand.conformSilver(env, localKey, mode, out);
    out.println(step++ + "/" + steps + " rebuilding every dispute's timeline against its policy, as of " + asOf + " ...");
    out.flush();
    TransformCommand.print(TransformCommand.build(env, asOf, mode), out);
    out.println(step++ + "/" + steps + " quality gate ...");
    out.flush();
    GateResult gate = QualityGate.run(env.spark(), env.warehouse(), settings, env.policies(), asOf);
    CheckCommand.print(gate, out);
    out.println(step + "/" + steps + " publishing ...");
    out.flush();
    Publisher.Published published = new Publisher(env.spark(), env.warehouse())
        .publish(gate, new Publisher.Serving(java.util.Optional.empty(), "DRP Warehouse serving", "drp_reader"));
    PublishCommand.print(published, out);
    int exit = !report.failedFiles().isEmpty() ? ExitCodes.USER_ERROR
        : published.withheld().isEmpty() ? ExitCodes.OK : ExitCodes.GATE_WITHHELD;
    return new Outcome(report, gate, published, exit);
  }
}
