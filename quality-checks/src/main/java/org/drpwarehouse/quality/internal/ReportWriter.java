package org.drpwarehouse.quality.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.drpwarehouse.quality.AuthorityDecision;
import org.drpwarehouse.quality.GateResult;
import org.drpwarehouse.quality.RuleOutcome;
import org.drpwarehouse.schemas.warehouse.QualityTables;
import org.drpwarehouse.schemas.warehouse.QualityTables.Status;
import org.drpwarehouse.schemas.warehouse.QualityTables.Suite;

/**
 * The readable report of a gate run, in Markdown and HTML with the same content: the verdict, the
 * warehouse checks, one line per authority (published or withheld, and why), the recording
 * compliance of every authority (shown even when imperfect), and per authority every rule that did
 * not pass with its clause, hint and some failing ids. Written through Hadoop's FileSystem, so a
 * {@code file:} and an {@code s3a:} warehouse work alike.
 */
public final class ReportWriter {
  public static final String HTML = "report.html";
  public static final String MARKDOWN = "report.md";
  private static final int IDS_SHOWN = 10;

  private final Configuration hadoop;

  public ReportWriter(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  public void write(GateResult result) {
    write(result.reportMarkdown(), markdown(result));
    write(result.reportHtml(), html(result));
  }

  private void write(URI file, String text) {
    try {
      Path path = new Path(file);
      FileSystem fs = path.getFileSystem(hadoop);
      try (OutputStream out = fs.create(path, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the quality report " + file, e);
    }
  }

  /** The sections of the report as tables: a title, column headers, rows of plain text. */
  private record Table(String title, String intro, List<String> headers, List<List<String>> rows) {}

  private static List<Table> tables(GateResult result) {
    List<Table> tables = new ArrayList<>();
    List<List<String>> warehouseRows = new ArrayList<>();
    for (RuleOutcome o : result.outcomes()) {
      if (o.authority().equals(QualityTables.WAREHOUSE_SCOPE)) {
        warehouseRows.add(List.of(o.ruleId(), o.status(), o.metricText(), Long.toString(o.failing()), ids(o),
            o.status().equals(Status.PASS) ? "" : o.hint()));
      }
    }
    tables.add(new Table("Checks over the whole warehouse",
        "Any of these blocking stops all publication.",
        List.of("rule", "status", "metric", "failing", "failing ids", "what to do"), warehouseRows));
    List<List<String>> decisions = new ArrayList<>();
    for (AuthorityDecision d : result.authorities()) {
      decisions.add(List.of(d.authority(), result.publishable(d.authority()) ? "published" : "WITHHELD",
          d.blocking().isEmpty() ? (result.warehouseFailures().isEmpty() ? "" : "warehouse checks failed")
              : String.join(", ", d.blockingRuleIds()),
          Integer.toString(d.warnings().size())));
    }
    tables.add(new Table("Decision per authority",
        "An authority that fails a blocking rule is withheld; the others publish.",
        List.of("authority", "publication", "failing blocking rules", "warnings"), decisions));
    List<String> headers = new ArrayList<>(List.of("authority"));
    headers.addAll(RuleCatalog.RECORDING_RULES);
    List<List<String>> compliance = new ArrayList<>();
    for (AuthorityDecision d : result.authorities()) {
      List<String> row = new ArrayList<>(List.of(d.authority()));
      for (String rule : RuleCatalog.RECORDING_RULES) {
        row.add(result.outcomes(rule).stream().filter(o -> o.authority().equals(d.authority())).findFirst()
            .map(o -> o.metricText() + (o.status().equals(Status.PASS) || o.status().equals(Status.NOT_APPLICABLE)
                ? "" : " " + o.status()))
            .orElse("n/a"));
      }
      compliance.add(row);
    }
    tables.add(new Table("Recording compliance",
        "The share of records meeting each recording requirement of the authority's own policy (n/a: its policy"
            + " cites no such clause, or no record is in scope). Failing records are listed in "
            + QualityTables.EXCEPTIONS.qualifiedName() + " (run " + result.runId() + ").",
        headers, compliance));
    for (AuthorityDecision d : result.authorities()) {
      List<List<String>> rows = new ArrayList<>();
      for (RuleOutcome o : result.outcomes()) {
        if (o.authority().equals(d.authority()) && (o.blocks() || o.warns())) {
          rows.add(List.of(o.ruleId(), o.severity(), o.status(), o.metricText(), thresholds(o),
              o.failing() + " of " + o.applicable(), o.clause(), o.hint(), ids(o)));
        }
      }
      if (!rows.isEmpty()) {
        tables.add(new Table("Authority " + d.authority() + (result.publishable(d.authority()) ? "" : ": withheld"),
            "Rules that did not pass.",
            List.of("rule", "severity", "status", "metric", "thresholds", "failing", "clause", "what to do", "some failing ids"),
            rows));
      }
    }
    return tables;
  }

  private static String thresholds(RuleOutcome o) {
    String warn = String.format(Locale.ROOT, "warn < %.0f%%", o.warnThreshold() * 100);
    return o.blockThreshold() == null ? warn + ", never blocks"
        : warn + String.format(Locale.ROOT, ", block < %.0f%%", o.blockThreshold() * 100);
  }

  private static String ids(RuleOutcome o) {
    List<String> shown = o.failingIds().subList(0, Math.min(IDS_SHOWN, o.failingIds().size()));
    String more = o.failing() > shown.size() ? " (+" + (o.failing() - shown.size()) + " more)" : "";
    return String.join(", ", shown) + more;
  }

  private static String headline(GateResult result) {
    return "Quality gate: " + result.status() + " (run " + result.runId() + ", as of " + result.asOf() + ")";
  }

  private static List<String> facts(GateResult result) {
    long withheld = result.withheld().size();
    return List.of(
        "Run at " + result.runAt() + "; data as of " + result.asOf() + ".",
        result.authorities().size() - withheld + " of " + result.authorities().size() + " authorities publish"
            + (withheld == 0 ? "." : "; withheld: " + String.join(", ", result.withheld()) + "."),
        "Suites: " + String.join(", ", Suite.ALL) + ". Results: " + result.resultsTable() + " (run_id " + result.runId()
            + "); compliance exceptions: " + result.exceptionsTable() + ".");
  }

  static String markdown(GateResult result) {
    StringBuilder md = new StringBuilder("# ").append(headline(result)).append("\n\n");
    facts(result).forEach(f -> md.append("- ").append(f).append('\n'));
    for (Table table : tables(result)) {
      md.append("\n## ").append(table.title()).append("\n\n").append(table.intro()).append("\n\n");
      if (table.rows().isEmpty()) {
        md.append("(none)\n");
        continue;
      }
      md.append("| ").append(String.join(" | ", table.headers().stream().map(ReportWriter::cell).toList())).append(" |\n");
      md.append("|").append("---|".repeat(table.headers().size())).append('\n');
      for (List<String> row : table.rows()) {
        md.append("| ").append(String.join(" | ", row.stream().map(ReportWriter::cell).toList())).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  static String html(GateResult result) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(headline(result)))
        .append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}"
            + "td,th{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}"
            + ".BLOCK,.WITHHELD{background:#f8d0d0}.WARN{background:#fbeec0}</style></head><body>\n<h1>")
        .append(escape(headline(result))).append("</h1>\n<ul>");
    facts(result).forEach(f -> h.append("<li>").append(escape(f)).append("</li>"));
    h.append("</ul>\n");
    for (Table table : tables(result)) {
      h.append("<h2>").append(escape(table.title())).append("</h2>\n<p>").append(escape(table.intro())).append("</p>\n");
      if (table.rows().isEmpty()) {
        h.append("<p>(none)</p>\n");
        continue;
      }
      h.append("<table><thead><tr>");
      table.headers().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
      h.append("</tr></thead><tbody>\n");
      for (List<String> row : table.rows()) {
        h.append("<tr>");
        for (String c : row) {
          String css = c.equals(Status.BLOCK) || c.equals(Status.WARN) || c.equals("WITHHELD") ? " class=\"" + c + "\"" : "";
          h.append("<td").append(css).append('>').append(escape(c)).append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</tbody></table>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
