package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.drpwarehouse.dashboards.PublishedTables;
import org.drpwarehouse.dashboards.audit.AuditPack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drp audit}: the inspector's audit pack of one authority, from a publication, into its folder. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Writes an inspector's audit pack (HTML and CSV) into the publication's folder: for each dispute its full",
      "timeline (every event, each stage's due date and how it was derived, on-time status, recording evidence)",
      "with the lineage of every event to its source file and line or query and row; the compliance exceptions",
      "of the gating run by rule, with the policy clause each enforces; and, without --dispute, a stratified",
      "random sample of disputes for case audit (by outcome, stage reached and lateness), reproducible by seed.",
      "Pseudonymised ids only. Rebuilt exactly from the Delta versions the publication recorded."
    })
final class AuditCommand implements Callable<Integer> {
  static final int DEFAULT_SAMPLE = 20;

  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--authority", required = true, paramLabel = "CODE", description = "The authority.")
  String authority;

  @Option(names = "--dispute", paramLabel = "ID", description = "A dispute to show (repeat for several); instead of a sample.")
  List<String> disputes = new ArrayList<>();

  @Option(names = "--sample", paramLabel = "N", description = "Draw a stratified sample of N disputes (default " + DEFAULT_SAMPLE + " without --dispute).")
  Integer sample;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The sample's seed: the same seed draws the same disputes (default 1).")
  long seed;

  @Mixin PublicationOption publication;

  @Override
  public Integer call() {
    Environment env = parent.environment();
    PublishedTables tables = publication.open(env);
    AuditPack.Selection selection = disputes.isEmpty()
        ? AuditPack.Selection.sample(sample == null ? DEFAULT_SAMPLE : sample, seed)
        : AuditPack.Selection.disputes(disputes);
    AuditPack.Written pack = AuditPack.write(tables, authority, selection);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Audit pack of " + authority + " from publication " + tables.id() + " (as of " + tables.asOf() + "): "
        + pack.disputes().size() + " disputes");
    out.println("  " + pack.html());
    out.println("  CSV: " + pack.folder() + " (disputes, stages, events, exceptions, exceptions_by_rule"
        + (selection.disputeIds().isEmpty() ? ", sample" : "") + ", tables)");
    tables.unrecordedReads().forEach(read -> out.println("  note: " + read.describe()));
    out.flush();
    return ExitCodes.OK;
  }
}
