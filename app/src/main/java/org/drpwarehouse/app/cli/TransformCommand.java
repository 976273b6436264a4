package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.drpwarehouse.transforms.GoldBuild;
import org.drpwarehouse.transforms.PseudonymisationKey;
import org.drpwarehouse.transforms.SilverBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drp transform}: silver into gold (stage timelines, dispute summaries, flags, marts) as of one date. */
@Command(
    name = "transform",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds every dispute's stage timeline against its authority's policy and the marts, as of one",
      "date (default today): a full rebuild, or with --incremental only the disputes touched since the",
      "last build, MERGEd into gold. Conforms bronze into silver first. The as-of date is recorded with",
      "the build (gold.builds). Without a configured pseudonymisation key, the local key in ./drp-demo/ is used."
    })
final class TransformCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Events after this date are ignored; open disputes are aged to it (default: today).")
  LocalDate asOf;

  @Option(names = "--incremental", description = "Recompute only the disputes touched since the last build (falls back to a full rebuild when it must, saying why).")
  boolean incremental;

  @Override
  public Integer call() {
    Environment env = parent.environment();
    LocalDate date = asOf != null ? asOf : LocalDate.now(java.time.ZoneId.of("Europe/London"));
    PrintWriter out = spec.commandLine().getOut();
    GoldBuild.Mode mode = incremental ? GoldBuild.Mode.INCREMENTAL : GoldBuild.Mode.FULL;
    conformSilver(env, LOCAL_KEY, mode, out);
    GoldBuild.Result result = build(env, date, mode);
    print(result, out);
    return ExitCodes.OK;
  }

  /** The local key used when none is configured: the demo's, created owner-only on first use. */
  static final Path LOCAL_KEY = Path.of("drp-demo", "pseudonymisation.key");

  /**
   * Bronze into silver (typed, latest versions, pseudonymised), printing the rows per table. A full
   * build conforms every table again; an incremental one only those whose bronze or key changed.
   */
  static void conformSilver(Environment env, Path localKey, GoldBuild.Mode mode, PrintWriter out) {
    PseudonymisationKey key = env.pseudonymisationKey(localKey.toAbsolutePath());
    SilverBuild.Result silver = SilverBuild.run(env.spark(), env.warehouse(), key,
        mode == GoldBuild.Mode.INCREMENTAL ? SilverBuild.Scope.CHANGED : SilverBuild.Scope.ALL);
    TextTable tables = new TextTable("silver table", "rows", "conformed");
    silver.rows().forEach((table, rows) ->
        tables.row(table, String.valueOf(rows), silver.conformed().containsKey(table) ? "again: " + silver.conformed().get(table)
            : "kept (no new loads)"));
    out.print(tables.render("  "));
    out.flush();
  }

  static GoldBuild.Result build(Environment env, LocalDate asOf, GoldBuild.Mode mode) {
    return new GoldBuild(env.spark(), env.warehouse(), env.policies(), env.calendar()).run(asOf, mode);
  }

  static void print(GoldBuild.Result result, PrintWriter out) {
    out.println("gold build " + result.buildId() + " as of " + result.asOf() + ": " + result.mode()
        + (result.mode() == GoldBuild.Mode.INCREMENTAL ? " (" + result.affectedDisputes() + " disputes recomputed)"
            : result.reason() != null && !result.reason().equals("requested") ? " (incremental not possible: " + result.reason() + ")" : ""));
    TextTable table = new TextTable("gold table", "rows", "seconds");
    result.rows().forEach((name, rows) ->
        table.row(name, String.valueOf(rows), String.format(Locale.ROOT, "%.1f", result.seconds().getOrDefault(name, 0.0))));
    out.print(table.render("  "));
    List<String> groups = new ArrayList<>();
    for (String group : List.of(GoldBuild.GOLD_GROUP, GoldBuild.MART_GROUP)) {
      if (result.seconds().containsKey(group)) {
        groups.add(String.format(Locale.ROOT, "%s %.1f s", group, result.seconds().get(group)));
      }
    }
    if (!groups.isEmpty()) {
      out.println("  tables are written side by side, so their seconds overlap; wall clock: " + String.join(", ", groups));
    }
    out.flush();
  }
}
