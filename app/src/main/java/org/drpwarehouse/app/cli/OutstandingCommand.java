package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.drpwarehouse.dashboards.PublishedTables;
import org.drpwarehouse.dashboards.report.OutstandingDisputes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drp outstanding}: the monthly outstanding disputes list for IRO and operational managers. */
@Command(
    name = "outstanding",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the outstanding disputes list (HTML and CSV) into the publication's folder: every dispute open",
      "on the publication's as-of date with its stage, due date, days overdue and responsible team, grouped by",
      "team: the monthly list the principal IRO sends operational managers. Pseudonymised child ids."
    })
final class OutstandingCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--authority", required = true, paramLabel = "CODE", description = "The authority.")
  String authority;

  @Mixin PublicationOption publication;

  @Override
  public Integer call() {
    Environment env = parent.environment();
    PublishedTables tables = publication.open(env);
    OutstandingDisputes.Written list = OutstandingDisputes.write(tables, authority, env.calendar());
    PrintWriter out = spec.commandLine().getOut();
    out.println("Outstanding disputes of " + authority + " on " + tables.asOf() + " (publication " + tables.id() + "): "
        + list.open() + " open, " + list.overdue() + " overdue at their current stage");
    out.println("  " + list.html());
    out.println("  " + list.csv());
    out.flush();
    return ExitCodes.OK;
  }
}
