package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.drpwarehouse.app.config.DrpSettings;
import org.drpwarehouse.ingestion.FileResult;
import org.drpwarehouse.ingestion.IngestReport;
import org.drpwarehouse.ingestion.Ingestion;
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

  @Parameters(index = "0", paramLabel = "DIR", description = "The extract folder (one authority, or one sub-folder each).")
  Path folder;

  @Option(names = "--authority", paramLabel = "CODE", description = "Authority of SSDA903 files with no manifest.")
  String authority;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0", description = "Wait this long for another run on the warehouse to finish (default: fail at once).")
  long waitSeconds;

  @Override
  public Integer call() {
    Environment env = parent.environment();
    Ingestion ingestion =
        new Ingestion(env.spark(), env.warehouse(), env::openJobRepository, env.settings().get(DrpSettings.CHUNK_SIZE));
    IngestReport report = ingestion.ingest(folder, authority, Duration.ofSeconds(waitSeconds));
    print(report, spec.commandLine().getOut());
    return report.failedFiles().isEmpty() ? ExitCodes.OK : ExitCodes.USER_ERROR;
  }

  static void print(IngestReport report, PrintWriter out) {
    out.println("ingest batch " + report.batchId() + (report.resumed() ? " (resumed after an interruption)" : ""));
    TextTable table = new TextTable("file", "record", "authority", "status", "read", "loaded", "quarantined", "reasons");
    for (FileResult file : report.files()) {
      table.row(
          file.sourceName(), file.record(), file.authority() == null ? "(per row)" : file.authority(), file.status(),
          file.read(), file.loaded(), file.quarantined(), ValidateCommand.reasons(file.reasons()));
    }
    out.print(table.render(""));
    for (String failed : report.failedFiles()) {
      out.println("REFUSED " + failed);
    }
    out.println("read " + report.read() + " = loaded " + report.loaded() + " + quarantined " + report.quarantined());
  }
}
