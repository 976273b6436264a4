package org.drpwarehouse.dashboards.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.drpwarehouse.dashboards.BoardPublication;
import org.drpwarehouse.dashboards.SmallNumberSuppression;
import org.drpwarehouse.schemas.warehouse.TableContract;

/** The site's static parts: withheld authorities' pages, CSV files and safe embedding of JSON. */
public final class SitePages {
  private SitePages() {}

  /** {@code withheld-381.html}: a file name from the authority code, letters, digits, - and _ only. */
  public static String withheldFileName(String code) {
    return "withheld-" + code.replaceAll("[^A-Za-z0-9_-]", "_") + ".html";
  }

  /** JSON made safe inside a script element: no {@code </script>} can end it early. */
  public static String scriptSafe(String json) {
    return json.replace("</", "<\\/").replace("<!--", "<\\!--");
  }

  /** HTML-escapes text. */
  public static String html(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The page of a withheld authority: that its figures are withheld, and the failing rules. */
  public static String withheld(BoardPublication publication, BoardPublication.Authority authority) {
    String published = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
        .format(publication.publishedAt().atZone(ZoneId.of("Europe/London")));
    StringBuilder rules = new StringBuilder();
    for (BoardPublication.Finding finding : authority.findings()) {
      rules.append("      <li><span class=\"rule\">").append(html(finding.ruleId())).append("</span>: ")
          .append(html(finding.message())).append("</li>\n");
    }
    String report = publication.reportLink() == null ? ""
        : "    <p>The full data-quality report: <a href=\"" + html(publication.reportLink().toString()) + "\">"
            + html(publication.reportLink().toString()) + "</a></p>\n";
    return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>" + html(authority.name()) + ": figures withheld</title>\n"
        + "<link rel=\"stylesheet\" href=\"board.css\">\n</head>\n<body>\n"
        + "<header class=\"masthead\"><div class=\"masthead-inner\">\n"
        + "  <p class=\"kicker\">Corporate parenting board · Independent Reviewing Officers' dispute resolution</p>\n"
        + "  <h1>" + html(authority.name()) + ": figures withheld</h1>\n"
        + "  <p class=\"subtitle\">Publication " + html(publication.id()) + " · figures as of "
        + BoardModel.longDate(publication.asOfDate()) + " · published " + published + "</p>\n"
        + "</div></header>\n<main>\n  <section>\n"
        + "    <p class=\"notice\" id=\"withheld\">The figures of " + html(authority.name()) + " (authority "
        + html(authority.code()) + ") were withheld from this publication: its data failed "
        + (authority.findings().size() == 1 ? "a data-quality check" : authority.findings().size() + " data-quality checks")
        + " that must pass before figures are shown to the board. No figure of this authority is in this publication.</p>\n"
        + "    <h2>Checks that failed</h2>\n    <ul id=\"failing-rules\">\n" + rules + "    </ul>\n"
        + "    <p>The figures will be published once the data is corrected and the checks pass.</p>\n"
        + report
        + "    <p><a href=\"index.html\">Back to the dashboard</a></p>\n"
        + "  </section>\n</main>\n</body>\n</html>\n";
  }

  /** A suppressed mart as CSV: the contract's columns and {@code suppressed}; a suppressed value reads c. */
  public static String csv(TableContract contract, List<Row> rows) {
    StringBuilder out = new StringBuilder();
    List<String> columns = contract.columnNames();
    for (String column : columns) {
      out.append(field(column)).append(',');
    }
    out.append(SmallNumberSuppression.SUPPRESSED).append("\r\n");
    for (Row row : rows) {
      for (String column : columns) {
        out.append(field(SmallNumberSuppression.shown(row, column))).append(',');
      }
      out.append(field(String.join(";", row.<String>getList(row.fieldIndex(SmallNumberSuppression.SUPPRESSED))))).append("\r\n");
    }
    return out.toString();
  }

  private static String field(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
