package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.drpwarehouse.dashboards.PublishedTables;
import org.drpwarehouse.dashboards.report.AnnualReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drp report}: the annual IRO report of a financial year, from a publication, into its folder. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the annual IRO report of a financial year (1 April to 31 March) into the publication's folder:",
      "a printable HTML page, the same in Markdown, one CSV per table and one SVG per chart, each figure with",
      "the year before beside it and narrative-ready sentences; small numbers suppressed as on the board",
      "dashboard. Built from a publication (default: the latest that passed the quality gate), at the Delta",
      "versions it recorded."
    })
final class ReportCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--year", required = true, paramLabel = "YYYY-YY", description = "The financial year, e.g. 2024-25.")
  String year;

  @Option(names = "--authority", paramLabel = "CODE", description = "One authority (default: every authority the publication published).")
  String authority;

  @Mixin PublicationOption publication;

  @Override
  public Integer call() {
    Environment env = parent.environment();
    PublishedTables tables = publication.open(env);
    List<AnnualReport.Written> written = AnnualReport.write(tables, year, authority);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Annual IRO report " + year + " from publication " + tables.id() + " (as of " + tables.asOf() + "):");
    for (AnnualReport.Written report : written) {
      out.println("  " + report.document().authorityName() + " (" + report.authority() + "): " + report.html());
      out.println("      Markdown " + report.markdown() + ", " + report.document().tables().size() + " CSV tables in "
          + report.folder() + "csv/");
    }
    tables.unrecordedReads().forEach(read -> out.println("  note: " + read.describe()));
    out.flush();
    return ExitCodes.OK;
  }
}
