package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.drpwarehouse.app.config.DrpSettings;
import org.drpwarehouse.ingestion.FileResult;
import org.drpwarehouse.ingestion.IngestReport;
import org.drpwarehouse.ingestion.Ingestion;
import org.drpwarehouse.ingestion.JdbcProfile;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.policy.PolicyBindings;
import org.drpwarehouse.transforms.BindingsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drp ingest DIR}: load an extract folder into bronze. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Loads an extract folder into the warehouse's bronze tables. Every record lands in bronze or in",
      "quarantine with its reason; files loaded before (same bytes) are skipped; an interrupted run of",
      "the same folder is resumed. Prints read, loaded and quarantined per file (also kept in ingest_runs)."
    })
final class IngestCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The extract folder (one authority, or one sub-folder each).")
  Path folder;

  @Option(names = "--jdbc", paramLabel = "PROFILE", description = "Pull a case-management database described by a profile file instead (see README).")
  Path jdbcProfile;

  @Option(names = "--full-pull", description = "With --jdbc: pull every row and mark records gone from the source as deleted.")
  boolean fullPull;

  @Option(names = "--authority", paramLabel = "CODE", description = "Authority of SSDA903 files with no manifest.")
  String authority;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0", description = "Wait this long for another run on the warehouse to finish (default: fail at once).")
  long waitSeconds;

  @Override
  public Integer call() {
    Environment env = parent.environment();
    Ingestion ingestion =
        new Ingestion(env.spark(), env.warehouse(), env::openJobRepository, env.settings().get(DrpSettings.CHUNK_SIZE));
    if ((folder == null) == (jdbcProfile == null)) {
      throw new DrpUserException("drp ingest", "needs either a folder or --jdbc PROFILE, not both and not neither",
          "give DIR, or --jdbc casemgmt.yaml");
    }
    IngestReport report =
        jdbcProfile != null
            ? ingestion.ingestDatabase(JdbcProfile.read(jdbcProfile), fullPull, Duration.ofSeconds(waitSeconds))
            : ingestion.ingest(folder, authority, Duration.ofSeconds(waitSeconds));
    print(report, spec.commandLine().getOut());
    if (folder != null) {
      loadBindings(env, folder, spec.commandLine().getOut());
    }
    return report.failedFiles().isEmpty() ? ExitCodes.OK : ExitCodes.USER_ERROR;
  }

  /**
   * Replaces the warehouse's policy bindings with the folder's {@code policy_bindings.csv}, when it
   * has one (validated against the policy catalog first; a bad row fails naming its line).
   */
  static void loadBindings(Environment env, Path folder, PrintWriter out) {
    Path file = folder.resolve(PolicyBindings.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return;
    }
    PolicyBindings bindings = PolicyBindings.read(file, env.policies());
    BindingsTable.replace(env.spark(), env.warehouse(), bindings, file.getFileName().toString());
    out.println("policy bindings: " + bindings.bindings().size() + " rows from " + file.getFileName()
        + " (reference.policy_bindings)");
    out.flush();
  }

  static void print(IngestReport report, PrintWriter out) {
    out.println("ingest batch " + report.batchId() + (report.resumed() ? " (resumed after an interruption)" : ""));
    boolean anyDeleted = report.files().stream().anyMatch(f -> f.deleted() > 0);
    TextTable table =
        anyDeleted
            ? new TextTable("source", "record", "authority", "status", "read", "loaded", "quarantined", "deleted at source", "reasons")
            : new TextTable("source", "record", "authority", "status", "read", "loaded", "quarantined", "reasons");
    for (FileResult file : report.files()) {
      String authority = file.authority() == null ? "(per row)" : file.authority();
      if (anyDeleted) {
        table.row(file.sourceName(), file.record(), authority, file.status(), file.read(), file.loaded(), file.quarantined(),
            file.deleted(), ValidateCommand.reasons(file.reasons()));
      } else {
        table.row(file.sourceName(), file.record(), authority, file.status(), file.read(), file.loaded(), file.quarantined(),
            ValidateCommand.reasons(file.reasons()));
      }
    }
    out.print(table.render(""));
    for (FileResult file : report.files()) {
      if (file.deletionsWithheld() != null) {
        out.println("NO DELETIONS from " + file.sourceName() + ": " + file.deletionsWithheld());
      }
    }
    for (String failed : report.failedFiles()) {
      out.println("REFUSED " + failed);
    }
    out.println("read " + report.read() + " = loaded " + report.loaded() + " + quarantined " + report.quarantined());
  }
}
