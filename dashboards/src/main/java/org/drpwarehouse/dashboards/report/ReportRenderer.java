package org.drpwarehouse.dashboards.report;

import static org.drpwarehouse.dashboards.internal.Documents.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drpwarehouse.dashboards.SmallNumberSuppression;
import org.drpwarehouse.dashboards.internal.Documents;
import org.drpwarehouse.dashboards.report.ReportDocument.Cell;
import org.drpwarehouse.dashboards.report.ReportDocument.Chart;
import org.drpwarehouse.dashboards.report.ReportDocument.Kind;
import org.drpwarehouse.dashboards.report.ReportDocument.Section;
import org.drpwarehouse.dashboards.report.ReportDocument.Table;

/**
 * Renders a {@link ReportDocument}: one self-contained, printable HTML page (style inlined, charts
 * as inline SVG, no script but the error counter), the same in Markdown (charts as SVG files beside
 * it), one CSV per table, one SVG per chart. Deterministic: the same document gives the same bytes.
 */
final class ReportRenderer {
  private ReportRenderer() {}

  static final String HTML = "report.html";
  static final String MARKDOWN = "report.md";

  /** Every file of the report by its path in the report's folder, in the order written. */
  static Map<String, String> files(ReportDocument doc) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(HTML, page(doc));
    files.put(MARKDOWN, markdown(doc));
    for (Table table : doc.tables()) {
      files.put("csv/" + table.id() + ".csv", csv(table));
    }
    for (Section section : doc.sections()) {
      for (Chart chart : section.charts()) {
        files.put("charts/" + chart.id() + ".svg", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(chart, true));
      }
    }
    return files;
  }

  static String title(ReportDocument doc) {
    return "Dispute resolution in " + doc.year() + ": annual report of the IRO service";
  }

  static String page(ReportDocument doc) {
    StringBuilder out = new StringBuilder(Documents.head(doc.authorityName() + ": " + title(doc)));
    out.append("<body>\n<header>\n<h1>").append(html(title(doc))).append("</h1>\n<p class=\"subtitle\">")
        .append(html(doc.authorityName())).append(" \u00b7 figures for the IRO annual report, with ")
        .append(html(doc.previousYear())).append(" beside them</p>\n<dl class=\"facts\">\n");
    fact(out, "Authority", doc.authorityName() + (doc.authorityName().equals(doc.authority()) ? "" : " (" + doc.authority() + ")"));
    fact(out, "Financial year", doc.year() + " (1 April to 31 March), compared with " + doc.previousYear());
    fact(out, "Figures as of", ReportBuilder.DAY.format(doc.asOf()));
    fact(out, "Publication", doc.publicationId());
    fact(out, "Small numbers", "withheld: a count from 1 to 5, or one that would give such a count away, reads c");
    out.append("</dl>\n</header>\n<nav class=\"contents\">\n<h2>Contents</h2>\n<ol>\n<li><a href=\"#summary\">Summary</a></li>\n");
    for (Section section : doc.sections()) {
      out.append("<li><a href=\"#").append(section.id()).append("\">").append(html(section.title())).append("</a></li>\n");
    }
    out.append("<li><a href=\"#notes\">About these figures</a></li>\n</ol>\n</nav>\n");
    out.append("<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"note\">Sentences ready for the annual report, with"
        + " the figures in them.</p>\n<div class=\"narrative summary\">\n<ul>\n");
    for (String sentence : doc.summary()) {
      out.append("<li>").append(html(sentence)).append("</li>\n");
    }
    out.append("</ul>\n</div>\n</section>\n");
    for (Section section : doc.sections()) {
      out.append("<section id=\"").append(section.id()).append("\">\n<h2>").append(html(section.title())).append("</h2>\n");
      if (!section.sentences().isEmpty()) {
        out.append("<div class=\"narrative\">\n");
        for (String sentence : section.sentences()) {
          out.append("<p>").append(html(sentence)).append("</p>\n");
        }
        out.append("</div>\n");
      }
      for (Chart chart : section.charts()) {
        out.append("<figure>\n").append(svg(chart, false)).append("<figcaption>").append(html(chart.title()))
            .append(". Bars withheld by small-number suppression are not drawn and read c.</figcaption>\n</figure>\n");
      }
      for (Table table : section.tables()) {
        table(out, table);
      }
      out.append("</section>\n");
    }
    out.append("<section id=\"notes\">\n<h2>About these figures</h2>\n<ul>\n");
    for (String note : doc.notes()) {
      out.append("<li>").append(html(note)).append("</li>\n");
    }
    out.append("</ul>\n</section>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void fact(StringBuilder out, String term, String value) {
    out.append("<dt>").append(html(term)).append("</dt><dd>").append(html(value)).append("</dd>\n");
  }

  private static void table(StringBuilder out, Table table) {
    out.append("<table id=\"table-").append(table.id()).append("\">\n<caption>").append(html(table.title()))
        .append("</caption>\n<thead><tr>");
    for (int i = 0; i < table.headers().size(); i++) {
      boolean numeric = isNumericColumn(table, i);
      out.append(numeric ? "<th class=\"n\">" : "<th>").append(html(table.headers().get(i))).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<Cell> row : table.rows()) {
      boolean total = row.get(0).text().startsWith("All ") || row.get(0).text().equals("All");
      out.append(total ? "<tr class=\"total\">" : "<tr>");
      for (Cell cell : row) {
        boolean numeric = cell.kind() != Kind.LABEL && cell.kind() != Kind.TEXT || cell.text().equals("\u2013");
        String cls = numeric ? (cell.text().equals(SmallNumberSuppression.SHOWN_AS) ? "n withheld" : "n") : "";
        out.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">").append(html(cell.text())).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n<p class=\"note\">").append(html(table.caption())).append("</p>\n");
  }

  private static boolean isNumericColumn(Table table, int column) {
    return table.rows().stream().anyMatch(r -> r.get(column).kind() != Kind.LABEL && r.get(column).kind() != Kind.TEXT);
  }

  static String markdown(ReportDocument doc) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(doc.authorityName()).append(": ").append(title(doc)).append("\n\n");
    out.append("- Financial year: ").append(doc.year()).append(" (1 April to 31 March), compared with ").append(doc.previousYear()).append('\n');
    out.append("- Figures as of: ").append(ReportBuilder.DAY.format(doc.asOf())).append('\n');
    out.append("- Publication: ").append(doc.publicationId()).append('\n');
    out.append("- Small numbers are withheld: a count from 1 to 5, or one that would give such a count away, reads c\n\n");
    out.append("## Summary\n\n");
    for (String sentence : doc.summary()) {
      out.append("- ").append(sentence).append('\n');
    }
    out.append('\n');
    for (Section section : doc.sections()) {
      out.append("## ").append(section.title()).append("\n\n");
      for (String sentence : section.sentences()) {
        out.append(sentence).append("\n\n");
      }
      for (Chart chart : section.charts()) {
        out.append("![").append(chart.title()).append("](charts/").append(chart.id()).append(".svg)\n\n");
      }
      for (Table table : section.tables()) {
        out.append("**").append(table.title()).append("**\n\n| ");
        out.append(String.join(" | ", table.headers().stream().map(ReportRenderer::pipeSafe).toList())).append(" |\n|");
        for (int i = 0; i < table.headers().size(); i++) {
          out.append(isNumericColumn(table, i) ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (List<Cell> row : table.rows()) {
          out.append("| ").append(String.join(" | ", row.stream().map(c -> pipeSafe(c.text())).toList())).append(" |\n");
        }
        out.append("\n*").append(table.caption()).append("*\n\n");
      }
    }
    out.append("## About these figures\n\n");
    for (String note : doc.notes()) {
      out.append("- ").append(note).append('\n');
    }
    return out.toString();
  }

  private static String pipeSafe(String text) {
    return text.replace("|", "\\|");
  }

  static String csv(Table table) {
    List<List<String>> rows = new ArrayList<>();
    for (List<Cell> row : table.rows()) {
      rows.add(row.stream().map(Cell::text).toList());
    }
    return Documents.csv(table.headers(), rows);
  }

  // ---- charts -----------------------------------------------------------------------------

  private static final String[] COLOURS = {"#1d4e89", "#9bb7d4"};

  /** A horizontal grouped bar chart as SVG; {@code standalone} adds the namespace and a white background. */
  static String svg(Chart chart, boolean standalone) {
    int labelWidth = 250;
    int barArea = 380;
    int valueWidth = 90;
    int width = labelWidth + barArea + valueWidth;
    int bar = 11;
    int gap = 3;
    int groupGap = 10;
    int top = 34;
    int seriesCount = chart.series().size();
    int groupHeight = seriesCount * bar + (seriesCount - 1) * gap + groupGap;
    int height = top + chart.categories().size() * groupHeight + 22;
    double max = 0;
    for (ReportDocument.Series s : chart.series()) {
      for (Double v : s.values()) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    boolean percent = chart.unit().equals("per cent");
    if (percent) {
      max = 100;
    }
    double scale = max <= 0 ? 0 : barArea / niceCeiling(max);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg").append(standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "").append(" role=\"img\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" aria-label=\"").append(html(chart.title())).append("\">\n");
    if (standalone) {
      svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    }
    svg.append("<title>").append(html(chart.title())).append("</title>\n");
    int x = labelWidth;
    for (int i = 0; i < seriesCount; i++) {
      svg.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"").append(COLOURS[i % 2]).append("\"/>")
          .append("<text x=\"").append(x + 16).append("\" y=\"18\" font-size=\"11\">").append(html(chart.series().get(i).name()))
          .append("</text>\n");
      x += 90;
    }
    svg.append("<text x=\"").append(width - 4).append("\" y=\"18\" font-size=\"10\" fill=\"#5a6270\" text-anchor=\"end\">")
        .append(html(percent ? "per cent" : chart.unit())).append("</text>\n");
    double ceiling = max <= 0 ? 1 : niceCeiling(max);
    for (int t = 0; t <= 4; t++) {
      double value = ceiling * t / 4;
      double tx = labelWidth + value * (max <= 0 ? 0 : scale);
      svg.append("<line x1=\"").append(fmt(tx)).append("\" y1=\"").append(top - 4).append("\" x2=\"").append(fmt(tx)).append("\" y2=\"")
          .append(height - 18).append("\" stroke=\"#e1e5ea\"/>")
          .append("<text x=\"").append(fmt(tx)).append("\" y=\"").append(height - 6).append("\" font-size=\"9\" fill=\"#5a6270\" text-anchor=\"middle\">")
          .append(tickLabel(value)).append("</text>\n");
    }
    for (int c = 0; c < chart.categories().size(); c++) {
      int groupTop = top + c * groupHeight;
      String category = chart.categories().get(c);
      svg.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(groupTop + (groupHeight - groupGap) / 2 + 4)
          .append("\" font-size=\"10.5\" text-anchor=\"end\">").append(html(shorten(category, 40))).append("</text>\n");
      for (int s = 0; s < seriesCount; s++) {
        ReportDocument.Series series = chart.series().get(s);
        Double v = series.values().get(c);
        int by = groupTop + s * (bar + gap);
        double w = v == null ? 0 : Math.max(v * scale, v > 0 ? 1 : 0);
        if (v != null) {
          svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(by).append("\" width=\"").append(fmt(w))
              .append("\" height=\"").append(bar).append("\" fill=\"").append(COLOURS[s % 2]).append("\"/>");
        }
        svg.append("<text x=\"").append(fmt(labelWidth + w + 4)).append("\" y=\"").append(by + bar - 2)
            .append("\" font-size=\"9.5\" fill=\"#1b1f24\">").append(html(series.labels().get(c))).append("</text>\n");
      }
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static double niceCeiling(double max) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String tickLabel(double value) {
    return value == Math.rint(value) ? String.format(Locale.UK, "%,d", (long) value) : String.format(Locale.UK, "%.1f", value);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
  }
}
