package org.drpwarehouse.dashboards.audit;

import static org.drpwarehouse.dashboards.audit.AuditPack.text;
import static org.drpwarehouse.dashboards.internal.Documents.html;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.drpwarehouse.dashboards.PublishedTables;
import org.drpwarehouse.dashboards.internal.BoardModel;
import org.drpwarehouse.dashboards.internal.Documents;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.QualityTables;

/** Renders an audit pack's page and CSV files from its collected content. Deterministic. */
final class AuditPage {
  private AuditPage() {}

  static final String HTML = "audit.html";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final List<String> TYPE_ORDER = List.of("STAGE_OPENED", "EXTENSION_AGREED", "ON_HOLD", "RESPONSE_RECEIVED",
      "MEETING_HELD", "RESOLVED", "CLOSED");

  static final List<String> DISPUTE_COLUMNS = List.of(GoldTables.DISPUTE_ID, GoldTables.CHILD_ID, GoldTables.PROCESS,
      GoldTables.RAISED_BY, GoldTables.TEAM, GoldTables.POLICY_ID, GoldTables.POLICY_VERSION, Summary.CATEGORY, Summary.THEME,
      Summary.IDENTIFIED_DATE, Summary.START_DATE, Summary.ENTRY_STAGE, Summary.HIGHEST_STAGE, Summary.CURRENT_STAGE,
      Summary.FORMAL_START_DATE, Summary.END_DATE, Summary.STATUS, Summary.OUTCOME, Summary.RESOLUTION_STAGE, Summary.FORMAL_WD,
      Summary.WITHIN_TOTAL_LIMIT, Summary.STAGES_LATE, Summary.BYPASSES, Summary.BYPASSES_WITHOUT_CONSULTATION,
      Summary.CAFCASS_REFERRAL_DATE, Summary.CAFCASS_NOTICE_COMPLIANT, Summary.CHILD_INFORMED, Summary.OPENINGS_ON_FILE,
      Summary.FORMS_ATTACHED, Summary.ENDING_ON_FILE, Summary.RECORDING_COMPLETE, Summary.REPEAT, Summary.FLAGS);
  static final List<String> STAGE_COLUMNS = List.of(GoldTables.DISPUTE_ID, Visit.VISIT_NUMBER, Visit.STAGE, Visit.STAGE_RANK,
      Visit.OPENING_EVENT_ID, Visit.OPENED_DATE, Visit.TIMESCALE, Visit.BASE_DUE_DATE, Visit.EXTENSIONS, Visit.HOLDS,
      Visit.DUE_DATE, Visit.DUE_DERIVATION, Visit.DUE_CAPPED, Visit.RESPONSE_DATE, Visit.RESPONSE_STATUS, Visit.WD_TO_RESPOND,
      Visit.ENDED_DATE, Visit.END_REASON, Visit.BYPASS, Visit.SKIPPED_STAGES, Visit.CONSULTATION_REQUIRED,
      Visit.CONSULTED_BEFORE, Visit.RECORDED_ON_FILE, Visit.FORM_ATTACHED);
  static final List<String> EVENT_COLUMNS = List.of(ExchangeColumns.DISPUTE_ID, ExchangeColumns.EVENT_ID, ExchangeColumns.EVENT_DATE,
      ExchangeColumns.EVENT_TYPE, ExchangeColumns.STAGE, ExchangeColumns.TO_ROLE, ExchangeColumns.RECORDED_ON_FILE,
      ExchangeColumns.FORM_ATTACHED, ExchangeColumns.AGREED_DATE, ExchangeColumns.OUTCOME, Lineage.SOURCE_KIND,
      Lineage.SOURCE_NAME, Lineage.SOURCE_LINE, Lineage.BATCH_ID, Lineage.INGESTED_AT, Lineage.RECORD_HASH);
  static final List<String> EXCEPTION_COLUMNS = List.of(QualityTables.RUN_ID, QualityTables.RULE_ID, QualityTables.CLAUSE,
      QualityTables.DISPUTE_ID, QualityTables.VISIT_NUMBER, QualityTables.DETAIL);

  static Map<String, String> files(AuditPack.AuditContent c) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(HTML, page(c));
    files.put("disputes.csv", csv(DISPUTE_COLUMNS, c.summaries()));
    files.put("stages.csv", csv(STAGE_COLUMNS, c.visits()));
    files.put("events.csv", csv(EVENT_COLUMNS, ordered(c.events())));
    files.put("exceptions.csv", csv(EXCEPTION_COLUMNS, c.exceptions()));
    List<List<String>> byRule = new ArrayList<>();
    for (Row row : c.exceptionsByRule()) {
      byRule.add(List.of(text(row, QualityTables.RULE_ID), text(row, QualityTables.CLAUSE), text(row, "exceptions"), text(row, "ids")));
    }
    files.put("exceptions_by_rule.csv", Documents.csv(List.of("rule_id", "clause", "exceptions", "records"), byRule));
    if (c.selection().sampled()) {
      List<List<String>> strata = new ArrayList<>();
      for (Row row : c.strata()) {
        strata.add(List.of(row.getString(0), String.valueOf(row.getLong(1)), String.valueOf(row.getLong(2)), row.getString(3)));
      }
      files.put("sample.csv", Documents.csv(List.of("stratum", "disputes", "sampled", "sampled_disputes"), strata));
    }
    List<List<String>> reads = new ArrayList<>();
    for (PublishedTables.Read read : c.publication().reads()) {
      reads.add(List.of(read.table(), read.version() == null ? "" : String.valueOf(read.version()), read.how().name()));
    }
    files.put("tables.csv", Documents.csv(List.of("table", "version", "read_at"), reads));
    return files;
  }

  private static String csv(List<String> columns, List<Row> rows) {
    List<List<String>> body = new ArrayList<>();
    for (Row row : rows) {
      body.add(columns.stream().map(column -> text(row, column)).toList());
    }
    return Documents.csv(columns, body);
  }

  /** Events in the order metrics.md gives them: by date, then stage events in their order within a stage, then id. */
  static List<Row> ordered(List<Row> events) {
    List<Row> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.<Row, String>comparing(r -> text(r, ExchangeColumns.DISPUTE_ID))
        .thenComparing(r -> text(r, ExchangeColumns.EVENT_DATE))
        .thenComparingInt(r -> {
          int i = TYPE_ORDER.indexOf(text(r, ExchangeColumns.EVENT_TYPE));
          return i < 0 ? -1 : i;
        })
        .thenComparing(r -> text(r, ExchangeColumns.EVENT_ID)));
    return sorted;
  }

  static String page(AuditPack.AuditContent c) {
    PublishedTables pub = c.publication();
    boolean withheld = pub.withheldAuthorities().contains(c.authority());
    StringBuilder out = new StringBuilder(Documents.head("Audit pack: " + c.name() + ", publication " + pub.id()));
    out.append("<body>\n<header>\n<h1>Audit pack: dispute resolution records of ").append(html(c.name())).append("</h1>\n")
        .append("<p class=\"subtitle\">For inspectors: each dispute's timeline against the authority's own policy, traced to"
            + " the source record, with the compliance exceptions the quality gate found</p>\n<dl class=\"facts\">\n");
    fact(out, "Authority", c.name() + " (" + c.authority() + ")");
    fact(out, "Publication", pub.id() + ", figures as of " + DAY.format(pub.asOf()));
    fact(out, "Quality gate", pub.gateStatus() + (pub.gateRunId() == null ? "" : " (run " + pub.gateRunId() + ")") + "; this authority's figures were "
        + (withheld ? "WITHHELD from the publication" : "published"));
    fact(out, "Disputes in this pack", c.selection().sampled()
        ? c.ids().size() + ": a stratified random sample of " + c.selection().sampleSize() + " drawn with seed " + c.selection().seed()
        : String.join(", ", c.ids()));
    fact(out, "Rebuilt from", "the Delta versions the publication recorded: the same command on the same publication gives this pack again, byte for byte");
    out.append("</dl>\n</header>\n");
    List<PublishedTables.Read> unrecorded = pub.unrecordedReads();
    if (!unrecorded.isEmpty()) {
      out.append("<div class=\"box\"><strong>Read otherwise than recorded:</strong><ul>\n");
      for (PublishedTables.Read read : unrecorded) {
        out.append("<li>").append(html(read.describe())).append("</li>\n");
      }
      out.append("</ul></div>\n");
    }
    out.append("<div class=\"box\" id=\"reidentify\"><h3>Pseudonymised ids, and how to find the child in the case system</h3>\n"
        + "<p>No child's or worker's real id is in this pack. Children, IROs and social workers appear as pseudonyms: the"
        + " hex HMAC-SHA256 of <span class=\"mono\">authority|id</span> under the authority's own pseudonymisation key, which"
        + " stays with the authority. Dispute and event ids are the authority's own references, as its case system or alert"
        + " tracker records them.</p>\n<p>To find the child: look the dispute id up in the case system's dispute records"
        + " (the events' source file and line below say where each record came from); to confirm it, the key holder computes"
        + " the pseudonym of the child's case-system id (HMAC-SHA256 of <span class=\"mono\">" + html(c.authority())
        + "|&lt;child id&gt;</span> under the key, in hex) and compares it with the child's pseudonym shown here.</p></div>\n");

    out.append("<nav class=\"contents\"><h2>Contents</h2><ol>\n<li><a href=\"#exceptions\">Compliance exceptions by rule</a></li>\n"
        + "<li><a href=\"#rules\">Quality gate rules for this authority</a></li>\n");
    if (c.selection().sampled()) {
      out.append("<li><a href=\"#sample\">The case-audit sample</a></li>\n");
    }
    for (String id : c.ids()) {
      out.append("<li><a href=\"#d-").append(AuditPack.safe(id)).append("\">Dispute ").append(html(id)).append("</a></li>\n");
    }
    out.append("<li><a href=\"#tables\">Tables read</a></li>\n</ol></nav>\n");

    exceptions(out, c);
    rules(out, c);
    if (c.selection().sampled()) {
      sample(out, c);
    }
    Map<String, List<Row>> visits = c.byDispute(c.visits(), GoldTables.DISPUTE_ID);
    Map<String, List<Row>> events = c.byDispute(ordered(c.events()), ExchangeColumns.DISPUTE_ID);
    Map<String, List<Row>> flags = c.byDispute(c.flags(), GoldTables.DISPUTE_ID);
    Map<String, List<Row>> exceptions = c.byDispute(c.exceptions(), QualityTables.DISPUTE_ID);
    Map<String, Row> records = new LinkedHashMap<>();
    c.records().forEach(r -> records.put(r.getAs(ExchangeColumns.DISPUTE_ID), r));
    Map<String, Row> summaries = new LinkedHashMap<>();
    c.summaries().forEach(r -> summaries.put(r.getAs(GoldTables.DISPUTE_ID), r));
    for (String id : c.ids()) {
      dispute(out, pub, summaries.get(id), records.get(id), visits.getOrDefault(id, List.of()), events.getOrDefault(id, List.of()),
          flags.getOrDefault(id, List.of()), exceptions.getOrDefault(id, List.of()));
    }
    out.append("<section id=\"tables\">\n<h2>Tables read</h2>\n<table><thead><tr><th>Table</th><th class=\"n\">Delta version</th>"
        + "<th>How it was read</th></tr></thead><tbody>\n");
    for (PublishedTables.Read read : pub.reads()) {
      out.append("<tr><td>").append(html(read.table())).append("</td><td class=\"n\">")
          .append(read.version() == null ? "" : read.version()).append("</td><td>")
          .append(html(switch (read.how()) {
            case RECORDED -> "at the version the publication recorded";
            case LATEST -> "at its latest version: the publication did not record it";
            case MISSING -> "not in the warehouse: read as empty";
          })).append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void exceptions(StringBuilder out, AuditPack.AuditContent c) {
    out.append("<section id=\"exceptions\">\n<h2>Compliance exceptions by rule</h2>\n<p class=\"note\">Every record of ")
        .append(html(c.authority())).append(" that failed a recording rule of its own policy in the gating run, by rule and the"
            + " policy clause the rule enforces (quality.compliance_exceptions). Each record is listed in exceptions.csv with"
            + " what is missing; dispute#visit names a stage visit.</p>\n");
    if (c.exceptionsByRule().isEmpty()) {
      out.append("<p>The gate found no compliance exception for this authority.</p>\n");
    } else {
      out.append("<table><thead><tr><th>Rule</th><th>Policy clause it enforces</th><th class=\"n\">Exceptions</th>"
          + "<th>Records</th></tr></thead><tbody>\n");
      for (Row row : c.exceptionsByRule()) {
        out.append("<tr><td class=\"mono\">").append(html(text(row, QualityTables.RULE_ID))).append("</td><td>")
            .append(html(text(row, QualityTables.CLAUSE))).append("</td><td class=\"n\">").append(html(text(row, "exceptions")))
            .append("</td><td class=\"mono\">").append(html(text(row, "ids"))).append("</td></tr>\n");
      }
      out.append("</tbody></table>\n");
    }
    out.append("</section>\n");
  }

  private static void rules(StringBuilder out, AuditPack.AuditContent c) {
    out.append("<section id=\"rules\">\n<h2>Quality gate rules for this authority</h2>\n<p class=\"note\">The gating run's"
        + " result for every rule (quality.quality_results): the share of records in scope that meet it, and what a failure"
        + " means.</p>\n<table><thead><tr><th>Suite</th><th>Rule</th><th>Severity</th><th>Status</th><th class=\"n\">In scope</th>"
        + "<th class=\"n\">Failing</th><th class=\"n\">Share meeting it</th><th>Clause</th></tr></thead><tbody>\n");
    for (Row row : c.rules()) {
      String status = text(row, QualityTables.STATUS);
      Object metric = row.getAs(QualityTables.METRIC_VALUE);
      out.append("<tr><td>").append(html(text(row, QualityTables.SUITE))).append("</td><td class=\"mono\">")
          .append(html(text(row, QualityTables.RULE_ID))).append("</td><td>").append(html(text(row, QualityTables.SEVERITY)))
          .append("</td><td").append(status.equals("BLOCK") || status.equals("WARN") ? " class=\"late\"" : "").append(">")
          .append(html(status)).append("</td><td class=\"n\">").append(html(text(row, QualityTables.APPLICABLE_COUNT)))
          .append("</td><td class=\"n\">").append(html(text(row, QualityTables.FAILING_COUNT))).append("</td><td class=\"n\">")
          .append(metric == null ? "" : String.format(Locale.UK, "%.1f%%", ((Number) metric).doubleValue() * 100))
          .append("</td><td>").append(html(text(row, QualityTables.CLAUSE))).append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n");
  }

  private static void sample(StringBuilder out, AuditPack.AuditContent c) {
    out.append("<section id=\"sample\">\n<h2>The case-audit sample</h2>\n<p>A stratified random sample of ")
        .append(c.selection().sampleSize()).append(" disputes (seed ").append(c.selection().seed())
        .append("), by outcome, the stage reached and lateness. Each stratum gets at least one dispute while the sample"
            + " allows, and the rest in proportion to its size; within a stratum disputes are taken in the order of"
            + " xxhash64(seed, authority, dispute id), so the same seed and publication draw the same disputes.</p>\n"
            + "<table><thead><tr><th>Stratum (outcome / stage reached / lateness)</th><th class=\"n\">Disputes</th>"
            + "<th class=\"n\">Sampled</th><th>Sampled disputes</th></tr></thead><tbody>\n");
    for (Row row : c.strata()) {
      out.append("<tr><td>").append(html(row.getString(0))).append("</td><td class=\"n\">").append(row.getLong(1))
          .append("</td><td class=\"n\">").append(row.getLong(2)).append("</td><td class=\"mono\">").append(html(row.getString(3)))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n");
  }

  private static void dispute(StringBuilder out, PublishedTables pub, Row s, Row record, List<Row> visits, List<Row> events,
      List<Row> flags, List<Row> exceptions) {
    String id = text(s, GoldTables.DISPUTE_ID);
    boolean open = GoldTables.OPEN.equals(text(s, Summary.STATUS));
    out.append("<section class=\"dispute\" id=\"d-").append(AuditPack.safe(id)).append("\">\n<h2>Dispute ").append(html(id))
        .append("</h2>\n<p class=\"subtitle\">").append(html(text(s, GoldTables.PROCESS))).append(" \u00b7 ")
        .append(html(open ? "open on " + DAY.format(pub.asOf()) + " at " + stage(text(s, Summary.CURRENT_STAGE))
            : "ended " + text(s, Summary.END_DATE) + ": " + text(s, Summary.OUTCOME) + " at "
                + stage(text(s, Summary.RESOLUTION_STAGE))))
        .append("</p>\n<dl class=\"facts\">\n");
    fact(out, "Child (pseudonym)", text(s, GoldTables.CHILD_ID));
    fact(out, "IRO (pseudonym)", text(s, GoldTables.RAISED_BY));
    fact(out, "Team", text(s, GoldTables.TEAM));
    fact(out, "Policy", text(s, GoldTables.POLICY_ID) + " version " + text(s, GoldTables.POLICY_VERSION)
        + " (bound to the authority on the day the dispute was first opened)");
    fact(out, "Category and theme", text(s, Summary.CATEGORY) + " \u2192 " + text(s, Summary.THEME));
    fact(out, "Identified, started", text(s, Summary.IDENTIFIED_DATE) + ", " + text(s, Summary.START_DATE)
        + (text(s, Summary.RAISE_LAG_WD).isEmpty() ? "" : " (raised " + text(s, Summary.RAISE_LAG_WD) + " WD after it was identified)"));
    fact(out, "Formal process", text(s, Summary.FORMAL_START_DATE).isEmpty() ? "never reached a formal stage"
        : "from " + text(s, Summary.FORMAL_START_DATE) + ": " + text(s, Summary.FORMAL_WD) + " WD"
            + (open ? " so far" : "") + (text(s, Summary.TOTAL_LIMIT_WD).isEmpty() ? ""
                : ", limit " + text(s, Summary.TOTAL_LIMIT_WD) + " WD: " + ("Y".equals(text(s, Summary.WITHIN_TOTAL_LIMIT)) ? "within" : "beyond")));
    fact(out, "Stages late or overdue", text(s, Summary.STAGES_LATE));
    fact(out, "Bypasses", text(s, Summary.BYPASSES) + " (" + text(s, Summary.BYPASSES_WITHOUT_CONSULTATION)
        + " without a required consultation)");
    if (!text(s, Summary.CAFCASS_REFERRAL_DATE).isEmpty()) {
      fact(out, "Cafcass", "referred " + text(s, Summary.CAFCASS_REFERRAL_DATE) + " at " + text(s, Summary.CAFCASS_STAGE)
          + "; notice " + (text(s, Summary.CAFCASS_NOTICE_DATE).isEmpty() ? "none recorded" : text(s, Summary.CAFCASS_NOTICE_DATE)
              + " (" + text(s, Summary.CAFCASS_NOTICE_LEAD_WD) + " WD before; required " + text(s, Summary.CAFCASS_NOTICE_REQUIRED_WD) + ")")
          + "; compliant: " + text(s, Summary.CAFCASS_NOTICE_COMPLIANT));
    }
    fact(out, "Recording evidence", "openings on file " + text(s, Summary.OPENINGS_ON_FILE) + ", forms attached "
        + text(s, Summary.FORMS_ATTACHED) + ", ending on file " + (text(s, Summary.ENDING_ON_FILE).isEmpty() ? "(open)" : text(s, Summary.ENDING_ON_FILE))
        + ", child informed " + text(s, Summary.CHILD_INFORMED) + ": recording complete " + text(s, Summary.RECORDING_COMPLETE));
    if (record != null) {
      fact(out, "Dispute record from", source(record));
    }
    out.append("</dl>\n<h3>Stages: due dates and how they were derived</h3>\n<table><thead><tr><th class=\"n\">Visit</th>"
        + "<th>Stage</th><th>Opened</th><th>Timescale</th><th>Due</th><th>How the due date was derived</th><th>Response</th>"
        + "<th>Status</th><th class=\"n\">WD</th><th>Ended</th><th>Bypass</th><th>On file</th><th>Form</th></tr></thead><tbody>\n");
    for (Row v : visits) {
      String status = text(v, Visit.RESPONSE_STATUS);
      boolean late = status.equals(GoldTables.ResponseStatus.LATE) || status.equals(GoldTables.ResponseStatus.OVERDUE);
      out.append("<tr><td class=\"n\">").append(html(text(v, Visit.VISIT_NUMBER))).append("</td><td>")
          .append(html(stage(text(v, Visit.STAGE)))).append("</td><td class=\"d\">").append(html(text(v, Visit.OPENED_DATE)))
          .append("</td><td>").append(html(text(v, Visit.TIMESCALE))).append("</td><td class=\"d\">").append(html(text(v, Visit.DUE_DATE)))
          .append("</td><td>").append(html(text(v, Visit.DUE_DERIVATION)))
          .append("Y".equals(text(v, Visit.DUE_CAPPED)) ? " <span class=\"late\">(capped at the policy's maximum)</span>" : "")
          .append("</td><td class=\"d\">").append(html(text(v, Visit.RESPONSE_DATE))).append("</td><td").append(late ? " class=\"late\"" : "")
          .append(">").append(html(statusWords(status))).append("</td><td class=\"n\">").append(html(text(v, Visit.WD_TO_RESPOND)))
          .append("</td><td>").append(html(text(v, Visit.ENDED_DATE) + (text(v, Visit.END_REASON).isEmpty() ? "" : " " + text(v, Visit.END_REASON).toLowerCase(Locale.UK).replace('_', ' '))))
          .append("</td><td>").append(html("Y".equals(text(v, Visit.BYPASS)) ? "skipped " + text(v, Visit.SKIPPED_STAGES)
              + ("Y".equals(text(v, Visit.CONSULTATION_REQUIRED)) ? "; consulted " + text(v, Visit.CONSULTED_BEFORE) : "") : ""))
          .append("</td><td>").append(html(text(v, Visit.RECORDED_ON_FILE))).append("</td><td>").append(html(text(v, Visit.FORM_ATTACHED)))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n<h3>Every event, with its lineage</h3>\n<table><thead><tr><th>Date</th><th>Event</th><th>Stage</th>"
        + "<th>To</th><th>On file</th><th>Form</th><th>Agreed date</th><th>Outcome</th><th>Event id</th><th>Source record</th>"
        + "<th>Loaded</th></tr></thead><tbody>\n");
    Map<String, String> opens = new LinkedHashMap<>();
    visits.forEach(v -> opens.put(text(v, Visit.OPENING_EVENT_ID), text(v, Visit.VISIT_NUMBER)));
    for (Row e : events) {
      boolean after = text(e, ExchangeColumns.EVENT_DATE).compareTo(pub.asOf().toString()) > 0;
      String eventId = text(e, ExchangeColumns.EVENT_ID);
      out.append("<tr><td class=\"d\">").append(html(text(e, ExchangeColumns.EVENT_DATE))).append("</td><td>")
          .append(html(text(e, ExchangeColumns.EVENT_TYPE)))
          .append(opens.containsKey(eventId) ? " <span class=\"tag\">opens visit " + opens.get(eventId) + "</span>" : "")
          .append(after ? " <span class=\"tag\">after the as-of date: not counted</span>" : "")
          .append("</td><td>").append(html(text(e, ExchangeColumns.STAGE))).append("</td><td>").append(html(text(e, ExchangeColumns.TO_ROLE)))
          .append("</td><td>").append(html(text(e, ExchangeColumns.RECORDED_ON_FILE))).append("</td><td>")
          .append(html(text(e, ExchangeColumns.FORM_ATTACHED))).append("</td><td class=\"d\">").append(html(text(e, ExchangeColumns.AGREED_DATE)))
          .append("</td><td>").append(html(text(e, ExchangeColumns.OUTCOME))).append("</td><td class=\"mono\">").append(html(eventId))
          .append("</td><td>").append(html(source(e))).append("</td><td class=\"mono\">")
          .append(html(text(e, Lineage.BATCH_ID) + " " + text(e, Lineage.INGESTED_AT))).append("</td></tr>\n");
    }
    out.append("</tbody></table>\n");
    if (!exceptions.isEmpty() || !flags.isEmpty()) {
      out.append("<h3>Exceptions and flags</h3>\n<ul>\n");
      for (Row x : exceptions) {
        out.append("<li><span class=\"mono\">").append(html(text(x, QualityTables.RULE_ID))).append("</span>")
            .append(text(x, QualityTables.VISIT_NUMBER).isEmpty() ? "" : html(" (visit " + text(x, QualityTables.VISIT_NUMBER) + ")"))
            .append(": ").append(html(text(x, QualityTables.DETAIL))).append(" \u2014 ").append(html(text(x, QualityTables.CLAUSE)))
            .append("</li>\n");
      }
      for (Row f : flags) {
        out.append("<li>flag <span class=\"mono\">").append(html(text(f, GoldTables.Flag.FLAG))).append("</span>")
            .append(text(f, Visit.VISIT_NUMBER).isEmpty() ? "" : html(" (visit " + text(f, Visit.VISIT_NUMBER) + ")"))
            .append(": ").append(html(text(f, GoldTables.Flag.DETAIL))).append("</li>\n");
      }
      out.append("</ul>\n");
    } else {
      out.append("<p class=\"note\">No compliance exception and no flag for this dispute.</p>\n");
    }
    out.append("</section>\n");
  }

  /** {@code exchange: 381/dispute_events.csv line 42}. */
  static String source(Row row) {
    String kind = text(row, Lineage.SOURCE_KIND);
    String line = text(row, Lineage.SOURCE_LINE);
    String unit = kind.equals("jdbc") ? "row" : "line";
    return kind + ": " + text(row, Lineage.SOURCE_NAME) + " " + unit + " " + line;
  }

  private static String stage(String id) {
    return id == null || id.isEmpty() ? "an unrecorded stage" : BoardModel.stageLabel(id);
  }

  private static String statusWords(String status) {
    return switch (status) {
      case "ON_TIME" -> "on time";
      case "LATE" -> "late";
      case "OVERDUE" -> "overdue: no response by the due date";
      case "ENDED_BEFORE_DUE" -> "ended before due";
      case "PENDING" -> "pending";
      case "NO_TIMESCALE" -> "no timescale";
      default -> status;
    };
  }

  private static void fact(StringBuilder out, String term, String value) {
    out.append("<dt>").append(html(term)).append("</dt><dd>").append(html(value)).append("</dd>\n");
  }
}
