package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.drpwarehouse.app.publish.Publisher;
import org.drpwarehouse.dashboards.serving.ServingTarget;
import org.drpwarehouse.dashboards.superset.SupersetCredentials;
import org.drpwarehouse.dashboards.superset.SupersetImport;
import org.drpwarehouse.dashboards.superset.SupersetImporter;
import org.drpwarehouse.quality.GateResult;
import org.drpwarehouse.quality.GateSettings;
import org.drpwarehouse.quality.QualityGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code drp publish}: gates the latest gold build and publishes what passes: the board dashboard,
 * the CSV of every board table and the Superset bundle, in the publication's own folder under the
 * warehouse; optionally the serving database and a Superset import.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the quality gate on the latest gold build and publishes the authorities it lets through:",
      "WAREHOUSE/publications/<id>/site/index.html (opens from file://), site/csv/, superset/. Records the",
      "publication (table versions, gate result) in publications.log. Refuses when nothing may be published.",
      "--rebuild ID regenerates a past publication's files, identical, from the table versions it recorded."
    })
final class PublishCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--rebuild", paramLabel = "ID", description = "Regenerate publication ID from its recorded table versions.")
  String rebuild;

  @Option(names = "--gate", paramLabel = "FILE", description = "Gate thresholds (as drp check --gate).")
  Path gateFile;

  @Option(names = "--serving-jdbc", paramLabel = "URL", description = "Also copy the board marts (suppressed) and the inspector detail into this PostgreSQL database, atomically (password from DRP_SERVING_PASSWORD).")
  String servingJdbc;

  @Option(names = "--serving-user", paramLabel = "USER", defaultValue = "drp_publisher", description = "The serving database user that publishes (default: drp_publisher).")
  String servingUser;

  @Option(names = "--superset-reader", paramLabel = "USER", defaultValue = "drp_reader", description = "The user Superset connects as (default: drp_reader); granted read on the board schema.")
  String supersetReader;

  @Option(names = "--superset-url", paramLabel = "URL", description = "Import the bundle into this Superset (DRP_SUPERSET_USER, DRP_SUPERSET_PASSWORD, DRP_SERVING_PASSWORD from the environment).")
  URI supersetUrl;

  @Override
  public Integer call() {
    Environment env = parent.environment();
    PrintWriter out = spec.commandLine().getOut();
    Publisher publisher = new Publisher(env.spark(), env.warehouse());
    if (rebuild != null) {
      Publisher.Published again = publisher.rebuild(rebuild);
      out.println("Rebuilt publication " + again.id() + " from its recorded table versions.");
      print(again, out);
      return ExitCodes.OK;
    }
    GateSettings settings = gateFile == null ? GateSettings.defaults() : CheckCommand.readSettings(gateFile);
    GateResult gate = QualityGate.run(env.spark(), env.warehouse(), settings, env.policies(),
        CheckCommand.latestBuildAsOf(env.spark(), env));
    CheckCommand.print(gate, out);
    Optional<ServingTarget> target = Optional.ofNullable(servingJdbc)
        .map(url -> ServingTarget.fromEnvironment(url, servingUser, System.getenv())
            .withReaderRoles(java.util.List.of(supersetReader)));
    Publisher.Serving serving = new Publisher.Serving(target, "DRP Warehouse serving", supersetReader);
    Publisher.Published published = publisher.publish(gate, serving);
    print(published, out);
    if (supersetUrl != null) {
      SupersetImport done = new SupersetImporter(supersetUrl, SupersetCredentials.fromEnvironment(System.getenv()))
          .importBundle(publisher.assetsBundle(published, serving));
      out.println("Superset:   imported into " + done.supersetUrl() + " (" + done.message() + ")");
    }
    return published.withheld().isEmpty() ? ExitCodes.OK : ExitCodes.GATE_WITHHELD;
  }

  static void print(Publisher.Published published, PrintWriter out) {
    out.println("Publication " + published.id() + " as of " + published.asOf() + ": published " + published.published()
        + (published.withheld().isEmpty() ? "" : ", withheld " + published.withheld()));
    out.println("Dashboard:  " + published.dashboard());
    out.println("Superset:   " + published.bundle());
    published.serving().ifPresent(s -> out.println("Serving:    schemas " + s.boardSchema() + " (board) and "
        + s.inspectorSchema() + " (inspector), publication " + s.publicationId()));
    out.flush();
  }
}
