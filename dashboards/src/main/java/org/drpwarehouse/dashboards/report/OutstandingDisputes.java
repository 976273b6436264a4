package org.drpwarehouse.dashboards.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.drpwarehouse.dashboards.internal.Documents.html;

import java.net.URI;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.dashboards.PublishedTables;
import org.drpwarehouse.dashboards.internal.BoardModel;
import org.drpwarehouse.dashboards.internal.Documents;
import org.drpwarehouse.dashboards.internal.SiteFiles;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.calendar.CalendarDay;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;

/**
 * The outstanding disputes list for IRO managers: the monthly list the principal IRO sends
 * operational managers ({@code 002} §7, "advise operational managers of outstanding alerts on a
 * monthly basis"). Every dispute open on the publication's as-of date, with its current stage, the
 * due date of that stage's response, how many working (and calendar) days it is overdue, and the
 * responsible team; grouped by team, most overdue first. Case-level and for internal use: ids are
 * the warehouse's (dispute ids, pseudonyms of children and IROs), nothing is suppressed.
 *
 * <p>Written into the publication's folder as {@code report/<authority>/outstanding/outstanding.html}
 * and {@code outstanding.csv}. Overdue means the current stage's response status is {@code OVERDUE}:
 * no response and the due date passed; working days overdue are {@code wd(due, as-of)}, counted by
 * joining the calendar dimension.
 */
public final class OutstandingDisputes {
  private OutstandingDisputes() {}

  public static final String WD_OVERDUE = "wd_overdue";
  public static final String DAYS_OVERDUE = "days_overdue";
  private static final String NO_TEAM = "(no team recorded)";

  /** What was written: the page, the CSV, and the number of open disputes listed. */
  public record Written(String authority, URI html, URI csv, long open, long overdue) {}

  /**
   * The open disputes of an authority with their current stage and lateness. Pure: no action runs.
   *
   * @param calendar the calendar dimension ({@link CalendarDay#SCHEMA})
   */
  public static Dataset<Row> apply(Dataset<Row> summary, Dataset<Row> visits, Dataset<Row> calendar, java.time.LocalDate asOf) {
    Dataset<Row> open = summary.where(col(Summary.STATUS).equalTo(GoldTables.OPEN));
    Dataset<Row> current = visits.select(col(GoldTables.AUTHORITY).as("__v_authority"), col(GoldTables.DISPUTE_ID).as("__v_dispute"),
        col(Visit.VISIT_NUMBER), col(Visit.STAGE), col(Visit.OPENED_DATE), col(Visit.DUE_DATE), col(Visit.DUE_DERIVATION),
        col(Visit.RESPONSE_DATE), col(Visit.RESPONSE_STATUS));
    Dataset<Row> joined = open.join(current, open.col(GoldTables.AUTHORITY).equalTo(current.col("__v_authority"))
        .and(open.col(GoldTables.DISPUTE_ID).equalTo(current.col("__v_dispute")))
        .and(open.col(Summary.VISITS).equalTo(current.col(Visit.VISIT_NUMBER))), "left");
    Dataset<Row> due = calendar.select(col(CalendarDay.DATE).as("__due_day"), col(CalendarDay.WORKING_DAY_INDEX).as("__due_index"));
    Dataset<Row> today = calendar.where(col(CalendarDay.DATE).equalTo(lit(Date.valueOf(asOf))))
        .select(col(CalendarDay.WORKING_DAY_INDEX).as("__asof_index"));
    Column overdue = col(Visit.RESPONSE_STATUS).equalTo(GoldTables.ResponseStatus.OVERDUE);
    return joined.join(due, joined.col(Visit.DUE_DATE).equalTo(due.col("__due_day")), "left")
        .crossJoin(today)
        .withColumn(WD_OVERDUE, when(overdue, greatest(col("__asof_index").minus(col("__due_index")), lit(0))))
        .withColumn(DAYS_OVERDUE, when(overdue, datediff(lit(Date.valueOf(asOf)), col(Visit.DUE_DATE))))
        .withColumn(GoldTables.TEAM, coalesce(col(GoldTables.TEAM), lit(NO_TEAM)))
        .select(col(GoldTables.AUTHORITY), col(GoldTables.TEAM), col(GoldTables.DISPUTE_ID), col(GoldTables.CHILD_ID),
            col(GoldTables.PROCESS), col(GoldTables.RAISED_BY), col(Summary.START_DATE), col(Summary.CURRENT_STAGE),
            col(Visit.OPENED_DATE), col(Visit.DUE_DATE), col(Visit.RESPONSE_STATUS), col(WD_OVERDUE), col(DAYS_OVERDUE),
            col(Summary.AGE_WD), col(Summary.FORMAL_WD), col(Summary.TOTAL_LIMIT_WD), col(Visit.DUE_DERIVATION));
  }

  /** The calendar dimension from the working-day calendar: small reference data, one row per day. */
  public static Dataset<Row> calendar(SparkSession spark, WorkingDayCalendar calendar) {
    List<Row> rows = calendar.days().stream()
        .map(d -> RowFactory.create(Date.valueOf(d.date()), d.workingDay(), d.workingDayIndex())).toList();
    return spark.createDataFrame(rows, CalendarDay.SCHEMA);
  }

  /** Builds and writes the list of one authority of a publication. */
  public static Written write(PublishedTables publication, String authority, WorkingDayCalendar calendar) {
    if (!publication.published(authority) && !publication.withheldAuthorities().contains(authority)) {
      throw new DrpUserException("--authority " + authority, "is not in publication " + publication.id(),
          "give one of " + String.join(", ", publication.publishedAuthorities()));
    }
    Column of = col(GoldTables.AUTHORITY).equalTo(authority);
    List<Row> rows = apply(publication.table(GoldTables.DISPUTE_SUMMARY).where(of), publication.table(GoldTables.STAGE_VISITS).where(of),
        calendar(publication.spark(), calendar), publication.asOf())
        .orderBy(col(GoldTables.TEAM), col(WD_OVERDUE).desc_nulls_last(), col(Visit.DUE_DATE).asc_nulls_last(), col(GoldTables.DISPUTE_ID))
        .collectAsList();
    Map<String, List<Row>> byTeam = new LinkedHashMap<>();
    rows.forEach(r -> byTeam.computeIfAbsent(r.getAs(GoldTables.TEAM), t -> new ArrayList<>()).add(r));
    long overdue = rows.stream().filter(r -> r.getAs(WD_OVERDUE) != null).count();

    StringBuilder out = new StringBuilder(Documents.head("Outstanding disputes: authority " + authority));
    out.append("<body>\n<header>\n<h1>Outstanding disputes on ").append(ReportBuilder.DAY.format(publication.asOf()))
        .append("</h1>\n<p class=\"subtitle\">For IRO managers and operational managers: every open dispute of authority ")
        .append(html(authority)).append(", by responsible team, most overdue first</p>\n<dl class=\"facts\">\n")
        .append("<dt>Open disputes</dt><dd>").append(rows.size()).append("</dd>\n")
        .append("<dt>Overdue at their current stage</dt><dd>").append(overdue).append("</dd>\n")
        .append("<dt>Publication</dt><dd>").append(html(publication.id())).append(", as of ")
        .append(html(publication.asOf().toString())).append("</dd>\n")
        .append("<dt>For internal use</dt><dd>case-level: children and IROs appear as pseudonyms; find a case by its dispute id"
            + " in the case system</dd>\n</dl>\n</header>\n");
    out.append("<p class=\"note\">Due: the date the current stage's response is due (the policy's timescale, or the date the IRO"
        + " set or agreed). Overdue: no response by then; WD overdue are working days after the due date, up to the as-of"
        + " date. Formal WD: working days since the formal process started (the IRO Handbook's limit is 20).</p>\n");
    if (rows.isEmpty()) {
      out.append("<p>No dispute was open on ").append(ReportBuilder.DAY.format(publication.asOf())).append(".</p>\n");
    }
    for (Map.Entry<String, List<Row>> team : byTeam.entrySet()) {
      long late = team.getValue().stream().filter(r -> r.getAs(WD_OVERDUE) != null).count();
      out.append("<section>\n<h2>").append(html(team.getKey())).append("</h2>\n<p class=\"note\">").append(team.getValue().size())
          .append(" open, ").append(late).append(" overdue</p>\n<table><thead><tr><th>Dispute</th><th>Child</th><th>Process</th>"
              + "<th>Stage</th><th>Stage opened</th><th>Due</th><th class=\"n\">WD overdue</th><th class=\"n\">Days overdue</th>"
              + "<th>Status</th><th class=\"n\">Formal WD</th><th>IRO</th><th>Started</th></tr></thead><tbody>\n");
      for (Row r : team.getValue()) {
        boolean isLate = r.getAs(WD_OVERDUE) != null;
        Object formal = r.getAs(Summary.FORMAL_WD);
        Object limit = r.getAs(Summary.TOTAL_LIMIT_WD);
        boolean pastLimit = formal != null && limit != null && ((Number) formal).intValue() > ((Number) limit).intValue();
        out.append("<tr><td class=\"mono\">").append(html(r.getAs(GoldTables.DISPUTE_ID))).append("</td><td class=\"mono\">")
            .append(html(shortId(r.getAs(GoldTables.CHILD_ID)))).append("</td><td>").append(html(r.getAs(GoldTables.PROCESS)))
            .append("</td><td>").append(html(BoardModel.stageLabel(r.getAs(Summary.CURRENT_STAGE)))).append("</td><td class=\"d\">")
            .append(text(r.getAs(Visit.OPENED_DATE))).append("</td><td class=\"d\">").append(text(r.getAs(Visit.DUE_DATE)))
            .append("</td><td class=\"n").append(isLate ? " late" : "").append("\">").append(text(r.getAs(WD_OVERDUE)))
            .append("</td><td class=\"n\">").append(text(r.getAs(DAYS_OVERDUE))).append("</td><td>")
            .append(html(status(r.getAs(Visit.RESPONSE_STATUS)))).append("</td><td class=\"n").append(pastLimit ? " late" : "")
            .append("\">").append(text(formal)).append("</td><td class=\"mono\">").append(html(shortId(r.getAs(GoldTables.RAISED_BY))))
            .append("</td><td>").append(text(r.getAs(Summary.START_DATE))).append("</td></tr>\n");
      }
      out.append("</tbody></table>\n</section>\n");
    }
    out.append("<p class=\"note\">Child and IRO pseudonyms are shortened to their first 12 characters here; outstanding.csv"
        + " gives them in full.</p>\n</body>\n</html>\n");

    List<String> header = List.of(GoldTables.TEAM, GoldTables.DISPUTE_ID, GoldTables.CHILD_ID, GoldTables.PROCESS,
        Summary.CURRENT_STAGE, Visit.OPENED_DATE, Visit.DUE_DATE, Visit.RESPONSE_STATUS, WD_OVERDUE, DAYS_OVERDUE,
        Summary.FORMAL_WD, Summary.TOTAL_LIMIT_WD, Summary.AGE_WD, GoldTables.RAISED_BY, Summary.START_DATE, Visit.DUE_DERIVATION);
    List<List<String>> body = new ArrayList<>();
    for (Row r : rows) {
      body.add(header.stream().map(h -> text(r.get(r.fieldIndex(h)))).toList());
    }
    URI folder = publication.folder("report/" + AnnualReport.safe(authority) + "/outstanding");
    SiteFiles files = new SiteFiles(folder, publication.spark().sparkContext().hadoopConfiguration());
    URI page = files.write("outstanding.html", Documents.utf8(out.toString()));
    URI csv = files.write("outstanding.csv", Documents.utf8(Documents.csv(header, body)));
    return new Written(authority, page, csv, rows.size(), overdue);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String shortId(String id) {
    return id == null ? "" : id.length() > 12 ? id.substring(0, 12) + "\u2026" : id;
  }

  private static String status(String status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case "OVERDUE" -> "overdue";
      case "PENDING" -> "awaiting response";
      case "ON_TIME", "LATE" -> "response received";
      case "NO_TIMESCALE" -> "no timescale";
      default -> status.toLowerCase(java.util.Locale.UK).replace('_', ' ');
    };
  }
}
