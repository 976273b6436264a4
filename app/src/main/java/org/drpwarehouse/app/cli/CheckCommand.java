package org.drpwarehouse.app.cli;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.quality.AuthorityDecision;
import org.drpwarehouse.quality.GateResult;
import org.drpwarehouse.quality.GateSettings;
import org.drpwarehouse.quality.GateStatus;
import org.drpwarehouse.quality.QualityGate;
import org.drpwarehouse.quality.RuleOutcome;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code drp check}: runs the quality gate on the current silver and gold tables and says, per
 * authority, whether its figures may be published. Exit status: {@value ExitCodes#OK} when every
 * authority may publish (warnings or not), {@value ExitCodes#GATE_WITHHELD} when some are withheld
 * and the others publish, {@value ExitCodes#GATE_BLOCKED} when nothing may be published.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the quality gate (warehouse, integrity, recording-requirement and drift suites) on the current",
      "silver and gold tables; writes quality.quality_results, quality.compliance_exceptions and a report",
      "(HTML and Markdown). An authority failing a blocking rule is withheld; the others publish.",
      "Exit status: 0 all publish, 5 some withheld, 4 nothing may be published."
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "The as-of date of the gold build to check (default: that of the latest gold build, else today).")
  LocalDate asOf;

  @Option(names = "--gate", paramLabel = "FILE",
      description = "A properties file of thresholds: gate.<rule-id>.warn / .block, gate.<authority>.<rule-id>.block (defaults: warn below 0.95, block below 0.80).")
  Path gateFile;

  @Override
  public Integer call() {
    Environment env = parent.environment();
    GateSettings settings = gateFile == null ? GateSettings.defaults() : readSettings(gateFile);
    LocalDate date = asOf != null ? asOf : latestBuildAsOf(env.spark(), env);
    GateResult result = QualityGate.run(env.spark(), env.warehouse(), settings, env.policies(), date);
    print(result, spec.commandLine().getOut());
    if (result.status() == GateStatus.BLOCKED) {
      return ExitCodes.GATE_BLOCKED;
    }
    return result.withheld().isEmpty() ? ExitCodes.OK : ExitCodes.GATE_WITHHELD;
  }

  static void print(GateResult result, PrintWriter out) {
    out.println("Quality gate: " + result.status() + " (run " + result.runId() + ", as of " + result.asOf() + ")");
    for (RuleOutcome failure : result.warehouseFailures()) {
      out.println("  warehouse check failed: " + failure.ruleId() + " (" + failure.failing() + " failing"
          + (failure.failingIds().isEmpty() ? "" : ": " + String.join(", ", failure.failingIds().subList(0,
              Math.min(5, failure.failingIds().size())))) + "): " + failure.hint());
    }
    TextTable table = new TextTable("authority", "publication", "failing blocking rules", "warnings");
    for (AuthorityDecision d : result.authorities()) {
      table.row(d.authority(), result.publishable(d.authority()) ? "published" : "WITHHELD",
          String.join(", ", d.blockingRuleIds()), d.warnings().size());
    }
    out.print(table.render("  "));
    out.println("Report:  " + result.reportHtml());
    out.println("         " + result.reportMarkdown());
    out.println("Results: " + result.resultsTable() + " (run_id " + result.runId() + ")");
    out.flush();
  }

  static GateSettings readSettings(Path file) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new DrpUserException(file.toString(), "cannot be read (" + e.getMessage() + ")",
          "give --gate a readable properties file of gate.* keys", e);
    }
    return GateSettings.fromProperties(properties, file.toString());
  }

  /** The as-of date of the latest gold build (gold.builds), else today in England. */
  static LocalDate latestBuildAsOf(SparkSession spark, Environment env) {
    String builds = GoldTables.BUILDS.location(env.warehouse()).toString();
    if (DeltaTable.isDeltaTable(spark, builds)) {
      List<Row> latest = spark.read().format("delta").load(builds)
          .orderBy(col(GoldTables.Build.BUILT_AT).desc()).limit(1).collectAsList();
      if (!latest.isEmpty()) {
        return latest.get(0).<java.sql.Date>getAs(GoldTables.AS_OF_DATE).toLocalDate();
      }
    }
    return LocalDate.now(ZoneId.of("Europe/London"));
  }
}
