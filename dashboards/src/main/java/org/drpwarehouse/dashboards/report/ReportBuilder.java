package org.drpwarehouse.dashboards.report;

import static org.drpwarehouse.schemas.warehouse.MartTables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.drpwarehouse.dashboards.internal.BoardModel;
import org.drpwarehouse.dashboards.report.ReportDocument.Cell;
import org.drpwarehouse.dashboards.report.ReportDocument.Chart;
import org.drpwarehouse.dashboards.report.ReportDocument.Kind;
import org.drpwarehouse.dashboards.report.ReportDocument.Section;
import org.drpwarehouse.dashboards.report.ReportDocument.Series;
import org.drpwarehouse.dashboards.report.ReportDocument.Table;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.policy.PolicyRules;
import org.drpwarehouse.schemas.policy.ThemeTaxonomy;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * Builds the {@link ReportDocument} of one authority and year from the collected, suppressed rows of
 * the marts and the report's own tables. Driver-side, on aggregates only: every count comes from a
 * suppressed row; a total over rows adds the published cells only, and a share is shown only where
 * its two parts are published (docs/suppression.md).
 */
final class ReportBuilder {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  /** The processes of challenges raised by IROs and chairs; reverse challenges are reported on their own. */
  static final List<String> IRO_PROCESSES =
      List.of(DisputeProcess.CLA.name(), DisputeProcess.CP.name(), DisputeProcess.PARTNER.name());
  private static final String REVERSE = DisputeProcess.REVERSE.name();
  private static final String DICTIONARY = "metric dictionary (docs/metric-dictionary.md)";

  private final Map<TableContract, Rows> tables;
  private final FinancialYears year;
  private final FinancialYears previous;
  private final String y;
  private final String p;
  private final LocalDate asOf;
  private final ThemeTaxonomy themes = ThemeTaxonomy.canonical();
  private final List<String> summary = new ArrayList<>();

  ReportBuilder(Map<TableContract, Rows> tables, FinancialYears year, LocalDate asOf) {
    this.tables = tables;
    this.year = year;
    this.previous = year.previous();
    this.y = year.label();
    this.p = previous.label();
    this.asOf = asOf;
  }

  ReportDocument build(String authority, String name, String publicationId, List<String> notes) {
    List<Section> sections = new ArrayList<>();
    sections.add(raised());
    sections.add(resolution());
    sections.add(timeliness());
    sections.add(bypasses());
    sections.add(themes());
    sections.add(repeats());
    sections.add(cafcass());
    sections.add(reviews());
    sections.add(decisions());
    sections.add(caseloads());
    sections.add(equality());
    sections.add(recording());
    List<String> allNotes = new ArrayList<>();
    if (asOf.isBefore(year.last())) {
      allNotes.add("The figures are as of " + DAY.format(asOf) + ", before the end of " + y
          + " on " + DAY.format(year.last()) + ": the year is not complete.");
    }
    allNotes.add("Small numbers are withheld: a count from 1 to 5, and any figure from which one could be worked out, reads c."
        + " A total over several rows adds the published figures only and reads \"at least\" when some were withheld;"
        + " a share marked * is taken over the rows whose parts are both published (docs/suppression.md).");
    allNotes.add("Challenges are counted in the financial year they started, concluded challenges in the year they ended,"
        + " stage responses in the year they were due, and Cafcass referrals in the year they were made"
        + " (the " + DICTIONARY + ").");
    allNotes.addAll(notes);
    return new ReportDocument(authority, name, y, p, publicationId, asOf, summary, sections, allNotes);
  }

  // ---- sections ---------------------------------------------------------------------------

  private Section raised() {
    Rows disputes = rows(DISPUTES_STARTED).all();
    List<List<Cell>> body = new ArrayList<>();
    for (String process : IRO_PROCESSES) {
      Rows r = disputes.where(PROCESS, process);
      body.add(List.of(label(DisputeProcess.valueOf(process).label()), count(r.year(y).fig(DISPUTES)),
          count(r.year(p).fig(DISPUTES)), count(r.year(y).fig(INFORMAL_ENTRY)), count(r.year(p).fig(INFORMAL_ENTRY)),
          count(r.year(y).fig(FORMAL_ENTRY)), count(r.year(p).fig(FORMAL_ENTRY))));
    }
    Rows iro = disputes.whereIn(PROCESS, IRO_PROCESSES);
    body.add(List.of(label("All challenges raised by IROs and chairs"), count(iro.year(y).sum(DISPUTES)),
        count(iro.year(p).sum(DISPUTES)), count(iro.year(y).sum(INFORMAL_ENTRY)), count(iro.year(p).sum(INFORMAL_ENTRY)),
        count(iro.year(y).sum(FORMAL_ENTRY)), count(iro.year(p).sum(FORMAL_ENTRY))));
    Table byProcess = new Table("challenges_raised", "Challenges raised, by process",
        "Challenges started in the year, by the stage they started at. Source: mart_disputes (disputes, informal_entry,"
            + " formal_entry), breakdown ALL, counted in the financial year each challenge started; " + DICTIONARY + ".",
        List.of("Process", "Raised " + y, "Raised " + p, "Started informally " + y, "Started informally " + p,
            "Started at a formal stage " + y, "Started at a formal stage " + p),
        body);
    Rows reverse = disputes.where(PROCESS, REVERSE);
    Table reverseTable = new Table("reverse_challenges", "Reverse challenges (the service challenging the IRO)",
        "Reported on their own, never in the totals above. Source: mart_disputes, process REVERSE.",
        List.of("Measure", y, p, "Change"),
        List.of(measure("Reverse challenges raised", reverse.year(y).fig(DISPUTES), reverse.year(p).fig(DISPUTES)),
            measure("of those, started informally", reverse.year(y).fig(INFORMAL_ENTRY), reverse.year(p).fig(INFORMAL_ENTRY)),
            measure("of those, reached a formal stage", reverse.year(y).fig(FORMAL_DISPUTES), reverse.year(p).fig(FORMAL_DISPUTES))));
    List<String> quarters = List.of("Q1 (Apr to Jun)", "Q2 (Jul to Sep)", "Q3 (Oct to Dec)", "Q4 (Jan to Mar)");
    List<Double> now = new ArrayList<>();
    List<Double> before = new ArrayList<>();
    List<String> nowLabels = new ArrayList<>();
    List<String> beforeLabels = new ArrayList<>();
    for (int q = 1; q <= 4; q++) {
      Fig a = iro.where(PERIOD_TYPE, PeriodType.QUARTER).where(PERIOD, year.quarter(q)).sum(DISPUTES);
      Fig b = iro.where(PERIOD_TYPE, PeriodType.QUARTER).where(PERIOD, previous.quarter(q)).sum(DISPUTES);
      now.add(a.shown() ? (double) a.value() : null);
      nowLabels.add(a.text());
      before.add(b.shown() ? (double) b.value() : null);
      beforeLabels.add(b.text());
    }
    Chart chart = new Chart("raised_by_quarter", "Challenges raised by IROs and chairs, by financial quarter", "challenges",
        quarters, List.of(new Series(y, now, nowLabels), new Series(p, before, beforeLabels)));

    Fig raisedNow = iro.year(y).sum(DISPUTES);
    Fig raisedBefore = iro.year(p).sum(DISPUTES);
    Rows endings = rows(ENDINGS).all().whereIn(PROCESS, IRO_PROCESSES);
    Fig ended = endings.year(y).sum(ENDED);
    Fig informal = endings.year(y).where(RESOLUTION_RANK, 0).sum(ENDED);
    Fig stage3 = iro.year(y).sum(REACHED_STAGE3_PLUS);
    String headline = "In " + y + " IROs and chairs raised " + raisedNow.words() + " challenges (" + p + ": " + raisedBefore.text() + ")"
        + (ended.exact() && ended.value() > 0 && informal.exact()
            ? "; " + Fig.share(informal, ended) + " of the " + ended.text() + " concluded in the year were resolved informally"
            : "")
        + " and " + stage3.words() + " reached stage 3 or above.";
    summary.add(headline);
    List<String> sentences = new ArrayList<>(List.of(headline));
    Fig reverseNow = reverse.year(y).fig(DISPUTES);
    sentences.add("The service challenged IROs (reverse challenges) " + times(reverseNow) + " in " + y + " ("
        + p + ": " + reverse.year(p).fig(DISPUTES).text() + ").");
    return new Section("raised", "Challenges raised", sentences, List.of(byProcess, reverseTable), List.of(chart),
        "mart_disputes");
  }

  private Section resolution() {
    Rows disputes = rows(DISPUTES_STARTED).all().whereIn(PROCESS, IRO_PROCESSES);
    Table escalation = new Table("escalation", "How far challenges went",
        "Challenges raised in the year (IRO and chair processes), by the furthest they had gone by the as-of date."
            + " Source: mart_disputes (disputes, formal_disputes, reached_stage3_plus, bypass_disputes).",
        List.of("Measure", y, p, "Change"),
        List.of(measure("Challenges raised", disputes.year(y).sum(DISPUTES), disputes.year(p).sum(DISPUTES)),
            measure("reached a formal stage", disputes.year(y).sum(FORMAL_DISPUTES), disputes.year(p).sum(FORMAL_DISPUTES)),
            measure("reached stage 3 or above", disputes.year(y).sum(REACHED_STAGE3_PLUS), disputes.year(p).sum(REACHED_STAGE3_PLUS)),
            measure("bypassed a stage", disputes.year(y).sum(BYPASS_DISPUTES), disputes.year(p).sum(BYPASS_DISPUTES))));
    Rows endings = rows(ENDINGS).all().whereIn(PROCESS, IRO_PROCESSES);
    Map<String, Integer> stageRanks = new LinkedHashMap<>();
    for (Row row : endings.rows()) {
      Object rank = row.getAs(RESOLUTION_RANK);
      stageRanks.putIfAbsent(row.getAs(RESOLUTION_STAGE), rank == null ? 99 : ((Number) rank).intValue());
    }
    List<String> stages = stageRanks.keySet().stream()
        .sorted(Comparator.<String>comparingInt(stageRanks::get).thenComparing(Comparator.naturalOrder())).toList();
    Fig endedNow = endings.year(y).sum(ENDED);
    Fig endedBefore = endings.year(p).sum(ENDED);
    List<List<Cell>> body = new ArrayList<>();
    List<Double> nowValues = new ArrayList<>();
    List<Double> beforeValues = new ArrayList<>();
    List<String> nowLabels = new ArrayList<>();
    List<String> beforeLabels = new ArrayList<>();
    List<String> stageLabels = new ArrayList<>();
    for (String stage : stages) {
      Fig a = endings.year(y).where(RESOLUTION_STAGE, stage).sum(ENDED);
      Fig b = endings.year(p).where(RESOLUTION_STAGE, stage).sum(ENDED);
      body.add(List.of(label(BoardModel.stageLabel(stage)), count(a), share(a, endedNow), count(b), share(b, endedBefore)));
      stageLabels.add(BoardModel.stageLabel(stage));
      nowValues.add(a.shown() ? (double) a.value() : null);
      nowLabels.add(a.text());
      beforeValues.add(b.shown() ? (double) b.value() : null);
      beforeLabels.add(b.text());
    }
    body.add(List.of(label("All stages"), count(endedNow), new Cell(endedNow.exact() ? "100%" : "c", Kind.SHARE),
        count(endedBefore), new Cell(endedBefore.exact() ? "100%" : "c", Kind.SHARE)));
    Table byStage = new Table("resolved_by_stage", "Challenges concluded, by the stage they ended at",
        "Challenges (IRO and chair processes) that ended (RESOLVED or CLOSED) in the year, by the stage of the ending."
            + " Source: mart_endings (ended), counted in the financial year each challenge ended.",
        List.of("Stage", "Concluded " + y, "Share " + y, "Concluded " + p, "Share " + p), body);
    Map<String, String> outcomes = new LinkedHashMap<>();
    outcomes.put("RESOLVED", "Resolved");
    outcomes.put("WITHDRAWN", "Withdrawn");
    outcomes.put("NO_FURTHER_ACTION", "No further action");
    outcomes.put("REFERRED_TO_CAFCASS", "Referred to Cafcass");
    outcomes.put("(none)", "Outcome not recorded");
    List<List<Cell>> outcomeRows = new ArrayList<>();
    outcomes.forEach((id, text) -> outcomeRows.add(measure(text, endings.year(y).where(OUTCOME, id).sum(ENDED),
        endings.year(p).where(OUTCOME, id).sum(ENDED))));
    Table byOutcome = new Table("outcomes", "Challenges concluded, by outcome",
        "Source: mart_endings (ended) by outcome, counted in the financial year each challenge ended.",
        List.of("Outcome", y, p, "Change"), outcomeRows);
    Chart chart = new Chart("resolved_by_stage", "Challenges concluded, by the stage they ended at", "challenges",
        stageLabels, List.of(new Series(y, nowValues, nowLabels), new Series(p, beforeValues, beforeLabels)));
    Fig informalNow = endings.year(y).where(RESOLUTION_RANK, 0).sum(ENDED);
    Fig informalBefore = endings.year(p).where(RESOLUTION_RANK, 0).sum(ENDED);
    List<String> sentences = List.of("Of the " + endedNow.words() + " challenges concluded in " + y + ", "
        + informalNow.words() + " (" + Fig.share(informalNow, endedNow) + ") were resolved at the informal stage ("
        + p + ": " + Fig.share(informalBefore, endedBefore) + " of " + endedBefore.text() + ").");
    return new Section("resolution", "Escalation and resolution", sentences, List.of(escalation, byStage, byOutcome),
        List.of(chart), "mart_disputes, mart_endings");
  }

  private Section timeliness() {
    Rows visits = rows(STAGE_TIMELINESS).all().whereIn(PROCESS, IRO_PROCESSES);
    Map<String, Integer> keys = new LinkedHashMap<>();
    for (Row row : visits.where(PERIOD_TYPE, PeriodType.FINANCIAL_YEAR).whereIn(PERIOD, List.of(y, p)).rows()) {
      Object rank = row.getAs(STAGE_RANK);
      keys.putIfAbsent(row.getAs(PROCESS) + "|" + row.getAs(STAGE), rank == null ? 99 : ((Number) rank).intValue());
    }
    List<String> ordered = keys.keySet().stream().sorted(Comparator
        .<String>comparingInt(k -> IRO_PROCESSES.indexOf(k.split("\\|")[0])).thenComparingInt(keys::get)
        .thenComparing(Comparator.naturalOrder())).toList();
    List<List<Cell>> body = new ArrayList<>();
    List<Fig> onTimeNow = new ArrayList<>();
    List<Fig> dueNow = new ArrayList<>();
    List<Fig> onTimeBefore = new ArrayList<>();
    List<Fig> dueBefore = new ArrayList<>();
    List<String> chartStages = new ArrayList<>();
    List<Double> chartNow = new ArrayList<>();
    List<Double> chartBefore = new ArrayList<>();
    List<String> chartNowLabels = new ArrayList<>();
    List<String> chartBeforeLabels = new ArrayList<>();
    for (String key : ordered) {
      String process = key.split("\\|")[0];
      String stage = key.split("\\|")[1];
      Rows r = visits.where(PROCESS, process).where(STAGE, stage);
      Row a = r.year(y).first();
      Row b = r.year(p).first();
      Fig aDue = Fig.of(a, ASSESSED);
      Fig aOn = Fig.of(a, ON_TIME);
      Fig bDue = Fig.of(b, ASSESSED);
      Fig bOn = Fig.of(b, ON_TIME);
      if (aDue.exact() && aDue.value() == 0 && bDue.exact() && bDue.value() == 0) {
        continue;
      }
      onTimeNow.add(aOn);
      dueNow.add(aDue);
      onTimeBefore.add(bOn);
      dueBefore.add(bDue);
      body.add(List.of(label(DisputeProcess.valueOf(process).label()), label(BoardModel.stageLabel(stage)), count(aDue),
          count(aOn), share(aOn, aDue), median(a), count(bDue), share(bOn, bDue), median(b)));
      if (process.equals(DisputeProcess.CLA.name())) {
        chartStages.add(BoardModel.stageLabel(stage));
        chartNow.add(Fig.shareValue(aOn, aDue));
        chartNowLabels.add(Fig.share(aOn, aDue));
        chartBefore.add(Fig.shareValue(bOn, bDue));
        chartBeforeLabels.add(Fig.share(bOn, bDue));
      }
    }
    Fig allDueNow = Fig.sum(dueNow);
    Fig allDueBefore = Fig.sum(dueBefore);
    body.add(List.of(label("All processes"), label("All stages"), count(allDueNow), count(Fig.sum(onTimeNow)),
        new Cell(Fig.shareOver(onTimeNow, dueNow), Kind.SHARE), new Cell("\u2013", Kind.TEXT), count(allDueBefore),
        new Cell(Fig.shareOver(onTimeBefore, dueBefore), Kind.SHARE), new Cell("\u2013", Kind.TEXT)));
    Table stageTable = new Table("stage_timeliness", "Stage responses in time",
        "Stage responses due in the year (a response came, or its due date passed without one): on time when it came on or"
            + " before the due date. Median working days from the stage opening to the response. Source:"
            + " mart_stage_timeliness (assessed, on_time, median_wd_to_respond), counted in the financial year each"
            + " response was due.",
        List.of("Process", "Stage", "Responses due " + y, "On time " + y, "% on time " + y, "Median WD " + y,
            "Responses due " + p, "% on time " + p, "Median WD " + p),
        body);

    Rows endings = rows(ENDINGS).all().whereIn(PROCESS, IRO_PROCESSES);
    Fig assessedNow = endings.year(y).sum(FORMAL_LIMIT_ASSESSED);
    Fig withinNow = endings.year(y).sum(FORMAL_WITHIN_LIMIT);
    Fig assessedBefore = endings.year(p).sum(FORMAL_LIMIT_ASSESSED);
    Fig withinBefore = endings.year(p).sum(FORMAL_WITHIN_LIMIT);
    Rows started = rows(DISPUTES_STARTED).all().whereIn(PROCESS, IRO_PROCESSES);
    Fig informalAssessedNow = started.year(y).sum(INFORMAL_ASSESSED);
    Fig informalWithinNow = started.year(y).sum(INFORMAL_WITHIN_LIMIT);
    Fig informalAssessedBefore = started.year(p).sum(INFORMAL_ASSESSED);
    Fig informalWithinBefore = started.year(p).sum(INFORMAL_WITHIN_LIMIT);
    Rows open = rows(OPEN_DISPUTES_BY_AGE).all().whereIn(PROCESS, IRO_PROCESSES);
    Fig pastLimit = open.sum(FORMAL_PAST_LIMIT);
    Fig formalOpen = open.sum(FORMAL_OPEN);
    List<List<Cell>> limitRows = new ArrayList<>();
    limitRows.add(measure("Formal challenges concluded (under a 20 WD limit)", assessedNow, assessedBefore));
    limitRows.add(measure("of those, within 20 working days", withinNow, withinBefore));
    limitRows.add(List.of(label("% within 20 working days"), share(withinNow, assessedNow), share(withinBefore, assessedBefore),
        new Cell("", Kind.TEXT)));
    limitRows.add(measure("Informal stages under a time limit", informalAssessedNow, informalAssessedBefore));
    limitRows.add(measure("of those, concluded within the limit", informalWithinNow, informalWithinBefore));
    limitRows.add(List.of(label("Formal challenges open on " + DAY.format(asOf)), count(formalOpen),
        new Cell("not kept", Kind.TEXT), new Cell("", Kind.TEXT)));
    limitRows.add(List.of(label("of those, already past 20 working days"), count(pastLimit), new Cell("not kept", Kind.TEXT),
        new Cell("", Kind.TEXT)));
    Table limits = new Table("formal_within_20wd", "Formal challenges within 20 working days",
        "The formal process must take no more than 20 working days in total (IRO Handbook). Concluded formal challenges"
            + " are counted in the year they ended (mart_endings: formal_limit_assessed, formal_within_limit); informal"
            + " stages in the year they started (mart_disputes: informal_assessed, informal_within_limit); challenges"
            + " still open are a snapshot on the as-of date (mart_open_disputes), so no figure is kept for the year before.",
        List.of("Measure", y, p, "Change"), limitRows);
    Chart chart = new Chart("on_time_by_stage", "Looked-after children's challenges: stage responses on time", "per cent",
        chartStages, List.of(new Series(y, chartNow, chartNowLabels), new Series(p, chartBefore, chartBeforeLabels)));
    String responses = "Of the " + allDueNow.words() + " stage responses due in " + y + ", "
        + Fig.shareOver(onTimeNow, dueNow) + " came on time (" + p + ": " + Fig.shareOver(onTimeBefore, dueBefore) + ").";
    String formal = "Of the " + assessedNow.words() + " formal challenges concluded in " + y + ", " + Fig.share(withinNow, assessedNow)
        + " took no more than 20 working days (" + p + ": " + Fig.share(withinBefore, assessedBefore) + ").";
    String stillOpen = "On " + DAY.format(asOf) + ", " + pastLimit.words() + " formal challenges were still open past 20 working days.";
    summary.add(responses);
    summary.add(formal);
    return new Section("timeliness", "Timeliness", List.of(responses, formal, stillOpen), List.of(stageTable, limits),
        List.of(chart), "mart_stage_timeliness, mart_endings, mart_open_disputes");
  }

  private Section bypasses() {
    Rows moves = rows(BYPASS_TRANSITIONS).all().whereIn(PROCESS, IRO_PROCESSES);
    Rows started = rows(DISPUTES_STARTED).all().whereIn(PROCESS, IRO_PROCESSES);
    List<List<Cell>> body = List.of(
        measure("Challenges with a bypass", started.year(y).sum(BYPASS_DISPUTES), started.year(p).sum(BYPASS_DISPUTES)),
        measure("Stage moves that bypassed a stage", moves.year(y).sum(BYPASSES), moves.year(p).sum(BYPASSES)),
        measure("with a consultation beforehand", moves.year(y).sum(BYPASSES_CONSULTED), moves.year(p).sum(BYPASSES_CONSULTED)),
        measure("without a consultation", moves.year(y).sum(BYPASSES_WITHOUT_CONSULTATION),
            moves.year(p).sum(BYPASSES_WITHOUT_CONSULTATION)),
        measure("where the policy requires a consultation", moves.year(y).sum(BYPASSES_CONSULTATION_REQUIRED),
            moves.year(p).sum(BYPASSES_CONSULTATION_REQUIRED)));
    Table table = new Table("bypasses", "Bypasses",
        "An IRO may enter at, or jump to, the stage they judge right; some policies require a consultation first."
            + " Source: mart_bypass_transitions (bypasses, bypasses_consulted, bypasses_without_consultation,"
            + " bypasses_consultation_required) and mart_disputes (bypass_disputes), counted in the year each challenge started.",
        List.of("Measure", y, p, "Change"), body);
    Fig now = moves.year(y).sum(BYPASSES);
    String sentence = "IROs bypassed a stage " + times(now) + " in challenges raised in " + y + " (" + p + ": "
        + moves.year(p).sum(BYPASSES).text() + "): " + moves.year(y).sum(BYPASSES_CONSULTED).words()
        + " with a consultation beforehand and " + moves.year(y).sum(BYPASSES_WITHOUT_CONSULTATION).words() + " without.";
    return new Section("bypasses", "Bypasses", List.of(sentence), List.of(table), List.of(), "mart_bypass_transitions");
  }

  private Section themes() {
    Rows rows = rows(THEMES);
    List<String> ids = rows.whereIn(PERIOD, List.of(y, p)).where(PERIOD_TYPE, PeriodType.FINANCIAL_YEAR).distinct(THEME);
    record Line(String id, Fig now, Fig before, Fig repeats) {}
    List<Line> lines = new ArrayList<>();
    for (String id : ids) {
      Rows r = rows.where(THEME, id);
      lines.add(new Line(id, r.year(y).fig(DISPUTES), r.year(p).fig(DISPUTES), r.year(y).fig(REPEAT_DISPUTES)));
    }
    lines.sort(Comparator.<Line>comparingLong(l -> l.now().shown() ? -l.now().value() : 1)
        .thenComparing(l -> themeLabel(l.id())));
    List<List<Cell>> body = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    List<Double> now = new ArrayList<>();
    List<Double> before = new ArrayList<>();
    List<String> nowLabels = new ArrayList<>();
    List<String> beforeLabels = new ArrayList<>();
    for (Line l : lines) {
      body.add(List.of(label(themeLabel(l.id())), count(l.now()), count(l.before()), change(l.now(), l.before()), count(l.repeats())));
      categories.add(themeLabel(l.id()));
      now.add(l.now().shown() ? (double) l.now().value() : null);
      nowLabels.add(l.now().text());
      before.add(l.before().shown() ? (double) l.before().value() : null);
      beforeLabels.add(l.before().text());
    }
    Table table = new Table("themes", "Themes of challenges, with the change on the year before",
        "Every challenge's category mapped to the canonical theme taxonomy. Source: mart_themes (disputes,"
            + " repeat_disputes), counted in the financial year each challenge started.",
        List.of("Theme", y, p, "Change", "Repeats " + y), body);
    Chart chart = new Chart("themes", "Challenges by theme", "challenges", categories,
        List.of(new Series(y, now, nowLabels), new Series(p, before, beforeLabels)));
    List<String> sentences = new ArrayList<>();
    lines.stream().filter(l -> l.now().exact()).findFirst().ifPresent(top -> sentences.add("The most common theme in " + y
        + " was " + themeLabel(top.id()).toLowerCase(Locale.UK) + " (" + top.now().text() + " challenges; " + p + ": "
        + top.before().text() + ")."));
    lines.stream().filter(l -> l.now().exact() && l.before().exact() && l.now().value() > l.before().value())
        .max(Comparator.comparingLong(l -> l.now().value() - l.before().value()))
        .ifPresent(up -> sentences.add("The largest rise was in " + themeLabel(up.id()).toLowerCase(Locale.UK) + ", from "
            + up.before().text() + " in " + p + " to " + up.now().text() + " in " + y + "."));
    if (!sentences.isEmpty()) {
      summary.add(sentences.get(0));
    }
    return new Section("themes", "Themes", sentences, List.of(table), List.of(chart), "mart_themes");
  }

  private Section repeats() {
    Rows disputes = rows(DISPUTES_STARTED).all();
    List<List<Cell>> body = new ArrayList<>();
    for (String process : IRO_PROCESSES) {
      Rows r = disputes.where(PROCESS, process);
      body.add(List.of(label(DisputeProcess.valueOf(process).label()), count(r.year(y).fig(REPEAT_DISPUTES)),
          share(r.year(y).fig(REPEAT_DISPUTES), r.year(y).fig(DISPUTES)), count(r.year(p).fig(REPEAT_DISPUTES)),
          share(r.year(p).fig(REPEAT_DISPUTES), r.year(p).fig(DISPUTES))));
    }
    Rows iro = disputes.whereIn(PROCESS, IRO_PROCESSES);
    Fig now = iro.year(y).sum(REPEAT_DISPUTES);
    Fig raised = iro.year(y).sum(DISPUTES);
    Fig before = iro.year(p).sum(REPEAT_DISPUTES);
    body.add(List.of(label("All challenges raised by IROs and chairs"), count(now), share(now, raised), count(before),
        share(before, iro.year(p).sum(DISPUTES))));
    Table table = new Table("repeats", "Repeat challenges",
        "A repeat: the same child, the same theme, raised within 365 days of an earlier challenge. Source: mart_disputes"
            + " (repeat_disputes of disputes), counted in the financial year each challenge started.",
        List.of("Process", "Repeats " + y, "% of raised " + y, "Repeats " + p, "% of raised " + p), body);
    String sentence = now.words() + " of the challenges raised in " + y + " (" + Fig.share(now, raised)
        + ") repeated one about the same child and theme within the previous 365 days (" + p + ": " + before.text() + ").";
    return new Section("repeats", "Repeat challenges", List.of(capitalise(sentence)), List.of(table), List.of(), "mart_disputes");
  }

  private Section cafcass() {
    Rows rows = rows(CAFCASS);
    Rows a = rows.year(y);
    Rows b = rows.year(p);
    Rows cla = rows(DISPUTES_STARTED).all().where(PROCESS, DisputeProcess.CLA.name());
    List<List<Cell>> body = List.of(
        measure("Referrals to Cafcass", a.sum(REFERRALS), b.sum(REFERRALS)),
        measure("made concurrently with starting the DRP", a.sum(CONCURRENT), b.sum(CONCURRENT)),
        measure("under a policy with a notice rule", a.sum(NOTICE_ASSESSED), b.sum(NOTICE_ASSESSED)),
        measure("of those, notice given with the policy's lead time", a.sum(NOTICE_COMPLIANT), b.sum(NOTICE_COMPLIANT)),
        measure("under a policy naming people to inform first", a.sum(INFORM_ASSESSED), b.sum(INFORM_ASSESSED)),
        measure("of those, all named people told before the referral", a.sum(INFORMED), b.sum(INFORMED)),
        measure("Discussed with Cafcass but not referred (by start)", cla.year(y).fig(CAFCASS_CONSULTED_NO_REFERRAL),
            cla.year(p).fig(CAFCASS_CONSULTED_NO_REFERRAL)));
    Table table = new Table("cafcass", "Referrals to Cafcass and notice compliance",
        "Only looked-after children can be referred (s.118 Adoption and Children Act 2002). Source: mart_cafcass, counted in"
            + " the financial year of each referral; consultations without a referral from mart_disputes, by start.",
        List.of("Measure", y, p, "Change"), body);
    List<String> stages = rows.whereIn(PERIOD, List.of(y, p)).where(PERIOD_TYPE, PeriodType.FINANCIAL_YEAR).distinct(STAGE_AT_REFERRAL);
    List<List<Cell>> byStage = new ArrayList<>();
    for (String stage : stages) {
      byStage.add(measure(BoardModel.stageLabel(stage), a.where(STAGE_AT_REFERRAL, stage).fig(REFERRALS),
          b.where(STAGE_AT_REFERRAL, stage).fig(REFERRALS)));
    }
    Table stageTable = new Table("cafcass_by_stage", "Referrals to Cafcass, by the stage current at the referral",
        "Source: mart_cafcass (referrals) by stage_at_referral.", List.of("Stage at referral", y, p, "Change"), byStage);
    String sentence = "IROs referred " + a.sum(REFERRALS).words() + " challenges to Cafcass in " + y + " (" + p + ": "
        + b.sum(REFERRALS).text() + "); notice was given with the policy's lead time for " + a.sum(NOTICE_COMPLIANT).words()
        + " of the " + a.sum(NOTICE_ASSESSED).words() + " referrals under a notice rule.";
    return new Section("cafcass", "Cafcass referrals", List.of(sentence), List.of(table, stageTable), List.of(), "mart_cafcass");
  }

  private Section reviews() {
    Rows rows = rows(REVIEWS_HELD);
    Rows a = rows.year(y);
    Rows b = rows.year(p);
    Fig heldNow = a.sum(REVIEWS);
    Fig heldBefore = b.sum(REVIEWS);
    List<List<Cell>> body = List.of(
        measure("Reviews held", heldNow, heldBefore),
        measure("with a known start of care (can be checked)", a.sum(ASSESSED), b.sum(ASSESSED)),
        measure("of those, within the statutory intervals", a.sum(IN_TIMESCALE), b.sum(IN_TIMESCALE)),
        List.of(label("% within the statutory intervals"), new Cell(Fig.shareOver(a.figs(IN_TIMESCALE), a.figs(ASSESSED)), Kind.SHARE),
            new Cell(Fig.shareOver(b.figs(IN_TIMESCALE), b.figs(ASSESSED)), Kind.SHARE), new Cell("", Kind.TEXT)));
    Table table = new Table("reviews", "Looked-after children's reviews held in timescale",
        "Statutory intervals (Care Planning, Placement and Case Review Regulations 2010, reg. 33): the first review within 20"
            + " working days of the child becoming looked after, the second within 3 months of the first, later ones within 6"
            + " months of the previous. Source: mart_reviews (reviews, assessed, in_timescale), counted in the year of each review.",
        List.of("Measure", y, p, "Change"), body);
    List<List<Cell>> mix = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<Double> now = new ArrayList<>();
    List<Double> before = new ArrayList<>();
    List<String> nowLabels = new ArrayList<>();
    List<String> beforeLabels = new ArrayList<>();
    for (Map.Entry<String, String> code : PARTICIPATION.entrySet()) {
      Fig n = a.where(PARTICIPATION_CODE, code.getKey()).fig(REVIEWS);
      Fig m = b.where(PARTICIPATION_CODE, code.getKey()).fig(REVIEWS);
      mix.add(List.of(label(code.getKey() + ": " + code.getValue()), count(n), share(n, heldNow), count(m), share(m, heldBefore)));
      if (!code.getKey().equals("(none)")) {
        codes.add(code.getKey());
        now.add(Fig.shareValue(n, heldNow));
        nowLabels.add(Fig.share(n, heldNow));
        before.add(Fig.shareValue(m, heldBefore));
        beforeLabels.add(Fig.share(m, heldBefore));
      }
    }
    Table participation = new Table("participation", "How children took part in their reviews (SSDA903 participation codes)",
        "Source: mart_reviews (reviews) by participation_code, counted in the year of each review.",
        List.of("Participation", "Reviews " + y, "Share " + y, "Reviews " + p, "Share " + p), mix);
    Chart chart = new Chart("participation", "Reviews by participation code (share of reviews held)", "per cent", codes,
        List.of(new Series(y, now, nowLabels), new Series(p, before, beforeLabels)));
    List<Fig> tookPart = new ArrayList<>();
    List<Fig> over4 = new ArrayList<>();
    for (String code : List.of("PN1", "PN2", "PN3", "PN4", "PN5", "PN6")) {
      tookPart.add(a.where(PARTICIPATION_CODE, code).fig(REVIEWS));
    }
    for (String code : List.of("PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")) {
      over4.add(a.where(PARTICIPATION_CODE, code).fig(REVIEWS));
    }
    Fig tookPartNow = Fig.sum(tookPart);
    Fig over4Now = Fig.sum(over4);
    String timescale = Fig.shareOver(a.figs(IN_TIMESCALE), a.figs(ASSESSED)) + " of the " + heldNow.words()
        + " reviews held in " + y + " were within the statutory intervals (" + p + ": "
        + Fig.shareOver(b.figs(IN_TIMESCALE), b.figs(ASSESSED)) + ").";
    String part = "Children aged 4 or over took part in their review (PN1 to PN6) in " + Fig.share(tookPartNow, over4Now)
        + " of the " + over4Now.words() + " reviews for which it applies.";
    if (heldNow.exact() && heldNow.value() == 0 && heldBefore.exact() && heldBefore.value() == 0) {
      return new Section("reviews", "Reviews and participation",
          List.of("No SSDA903 reviews are recorded for " + y + " or " + p + "."), List.of(table, participation), List.of(),
          "mart_reviews");
    }
    summary.add(timescale);
    return new Section("reviews", "Reviews and participation", List.of(timescale, part), List.of(table, participation),
        List.of(chart), "mart_reviews");
  }

  private Section decisions() {
    Rows rows = rows(REVIEW_DECISIONS);
    Rows a = rows.year(y);
    Rows b = rows.year(p);
    if (a.isEmpty() && b.isEmpty()) {
      return new Section("decisions", "Review decisions",
          List.of("No review decision dates (review_decisions) were supplied for " + y + " or " + p + "."), List.of(), List.of(),
          "mart_review_decisions");
    }
    List<List<Cell>> body = List.of(
        measure("Reviews with decision dates supplied", a.sum(DECISIONS_ASSESSED), b.sum(DECISIONS_ASSESSED)),
        measure("decisions sent within 5 WD of the review", a.sum(DECISIONS_IN_TIME), b.sum(DECISIONS_IN_TIME)),
        List.of(label("% sent within 5 WD"), share(a.sum(DECISIONS_IN_TIME), a.sum(DECISIONS_ASSESSED)),
            share(b.sum(DECISIONS_IN_TIME), b.sum(DECISIONS_ASSESSED)), new Cell("", Kind.TEXT)),
        measure("Reviews with the manager's response date", a.sum(RESPONSES_ASSESSED), b.sum(RESPONSES_ASSESSED)),
        measure("manager responded within 5 WD of receipt", a.sum(RESPONSES_IN_TIME), b.sum(RESPONSES_IN_TIME)),
        List.of(label("% responded within 5 WD"), share(a.sum(RESPONSES_IN_TIME), a.sum(RESPONSES_ASSESSED)),
            share(b.sum(RESPONSES_IN_TIME), b.sum(RESPONSES_ASSESSED)), new Cell("", Kind.TEXT)));
    Table table = new Table("review_decisions", "Review decisions sent and answered in time",
        "Where review decision dates are supplied: decisions sent to the team manager within 5 WD of the review, and the"
            + " manager's response within 5 WD of receipt (002 §8). Source: mart_review_decisions, by review date.",
        List.of("Measure", y, p, "Change"), body);
    String sentence = "Review decisions were sent within 5 working days for "
        + share(a.sum(DECISIONS_IN_TIME), a.sum(DECISIONS_ASSESSED)).text() + " of the " + a.sum(DECISIONS_ASSESSED).words()
        + " reviews with decision dates in " + y + " (" + p + ": " + share(b.sum(DECISIONS_IN_TIME), b.sum(DECISIONS_ASSESSED)).text() + ").";
    return new Section("decisions", "Review decisions", List.of(sentence), List.of(table), List.of(), "mart_review_decisions");
  }

  private Section caseloads() {
    Rows rows = rows(ReportTables.CASELOADS);
    Rows a = rows.year(y);
    Rows b = rows.year(p);
    Row allNow = a.all().first();
    Row allBefore = b.all().first();
    String dayNow = allNow == null ? "31 March" : DAY.format(allNow.<java.sql.Date>getAs(ReportTables.COUNT_DATE).toLocalDate());
    List<List<Cell>> body = new ArrayList<>();
    body.add(measure("IROs holding cases", Fig.of(allNow, ReportTables.IROS), Fig.of(allBefore, ReportTables.IROS)));
    body.add(measure("children's cases held", Fig.of(allNow, ReportTables.CASES), Fig.of(allBefore, ReportTables.CASES)));
    body.add(List.of(label("average caseload (children per IRO)"), average(allNow), average(allBefore), new Cell("", Kind.TEXT)));
    for (String band : ReportTables.CASELOAD_BANDS) {
      body.add(measure("IROs with " + band.toLowerCase(Locale.UK) + " children",
          a.where(BREAKDOWN, ReportTables.CASELOAD_BAND).where(BREAKDOWN_VALUE, band).fig(ReportTables.IROS),
          b.where(BREAKDOWN, ReportTables.CASELOAD_BAND).where(BREAKDOWN_VALUE, band).fig(ReportTables.IROS)));
    }
    Table table = new Table("iro_caseloads", "IRO caseloads",
        "Children allocated to each IRO on the last day of the year (or the as-of date, if earlier), from the allocations;"
            + " the IRO Handbook suggests 50 to 70 looked-after children for a full-time IRO. Counts are of IROs holding"
            + " cases, not of full-time equivalents.",
        List.of("Measure", y + " (" + dayNow + ")", p, "Change"), body);
    Fig iros = Fig.of(allNow, ReportTables.IROS);
    Fig cases = Fig.of(allNow, ReportTables.CASES);
    String sentence = allNow == null ? "No allocations were current at the end of " + y + "."
        : "On " + dayNow + ", " + iros.words() + " IROs held " + cases.words() + " children's cases, "
            + (average(allNow).text().equals("c") ? "" : "an average of " + average(allNow).text() + " each, ")
            + "against the IRO Handbook's suggested 50 to 70 (" + p + ": " + average(allBefore).text() + ").";
    return new Section("caseloads", "IRO caseloads", List.of(sentence), List.of(table), List.of(), "silver.allocations");
  }

  private Section equality() {
    Rows rows = rows(ReportTables.EQUALITY);
    Rows cla = rows(DISPUTES_STARTED).all().where(PROCESS, DisputeProcess.CLA.name());
    List<Table> tables = new ArrayList<>();
    // The ALL row equals mart_disputes' CLA disputes of the year: where that figure is withheld,
    // the whole breakdown is, or its parts would add up to it.
    boolean showNow = reconciled(rows.year(y), cla.year(y));
    boolean showBefore = reconciled(rows.year(p), cla.year(p));
    Map<String, List<String>> breakdowns = new LinkedHashMap<>();
    breakdowns.put(ReportTables.SEX, ReportTables.SEXES);
    breakdowns.put(ReportTables.ETHNIC_GROUP, ReportTables.ETHNIC_GROUPS);
    breakdowns.put(ReportTables.AGE_BAND, ReportTables.AGE_BANDS);
    Map<String, String> titles = Map.of(ReportTables.SEX, "sex", ReportTables.ETHNIC_GROUP, "ethnic group",
        ReportTables.AGE_BAND, "age band at the start of the challenge");
    Fig totalNow = showNow ? Fig.of(rows.year(y).all().first(), ReportTables.DISPUTES) : Fig.WITHHELD;
    Fig totalBefore = showBefore ? Fig.of(rows.year(p).all().first(), ReportTables.DISPUTES) : Fig.WITHHELD;
    String girls = "";
    for (Map.Entry<String, List<String>> breakdown : breakdowns.entrySet()) {
      List<List<Cell>> body = new ArrayList<>();
      for (String value : breakdown.getValue()) {
        Fig n = showNow ? rows.year(y).where(BREAKDOWN, breakdown.getKey()).where(BREAKDOWN_VALUE, value).fig(ReportTables.DISPUTES) : Fig.WITHHELD;
        Fig m = showBefore ? rows.year(p).where(BREAKDOWN, breakdown.getKey()).where(BREAKDOWN_VALUE, value).fig(ReportTables.DISPUTES) : Fig.WITHHELD;
        body.add(List.of(label(value), count(n), share(n, totalNow), count(m), share(m, totalBefore)));
        if (value.equals("Female")) {
          girls = Fig.share(n, totalNow);
        }
      }
      body.add(List.of(label("All"), count(totalNow), new Cell(totalNow.exact() ? "100%" : "c", Kind.SHARE), count(totalBefore),
          new Cell(totalBefore.exact() ? "100%" : "c", Kind.SHARE)));
      String key = breakdown.getKey().toLowerCase(Locale.UK);
      tables.add(new Table("equality_" + key, "Looked-after children's challenges, by the child's " + titles.get(breakdown.getKey()),
          "CLA challenges started in the year, by the child as recorded in the SSDA903 return (silver.children); a child"
              + " not in the return, or with the value not recorded, is counted as not known. For equality analysis.",
          List.of(titles.get(breakdown.getKey()).substring(0, 1).toUpperCase(Locale.UK) + titles.get(breakdown.getKey()).substring(1),
              "Challenges " + y, "Share " + y, "Challenges " + p, "Share " + p),
          body));
    }
    String sentence = "Of the " + totalNow.words() + " challenges about looked-after children in " + y + ", " + girls
        + " concerned girls; the tables below break them down by sex, ethnic group and age for equality analysis.";
    return new Section("equality", "Challenges by the child's sex, ethnicity and age", List.of(sentence), tables, List.of(),
        "gold.dispute_summary, silver.children");
  }

  private static boolean reconciled(Rows equality, Rows mart) {
    Fig total = Fig.of(equality.all().first(), ReportTables.DISPUTES);
    Fig published = mart.fig(DISPUTES);
    return total.exact() && published.exact() && total.value() == published.value();
  }

  private Section recording() {
    Rows rows = rows(RECORDING).all();
    Rows a = rows.year(y);
    Rows b = rows.year(p);
    List<List<Cell>> body = new ArrayList<>();
    String onFile = null;
    for (Map.Entry<String, String> requirement : REQUIREMENTS.entrySet()) {
      Fig applicableNow = a.where(REQUIREMENT, requirement.getKey()).fig(APPLICABLE);
      Fig metNow = a.where(REQUIREMENT, requirement.getKey()).fig(MET);
      Fig applicableBefore = b.where(REQUIREMENT, requirement.getKey()).fig(APPLICABLE);
      Fig metBefore = b.where(REQUIREMENT, requirement.getKey()).fig(MET);
      body.add(List.of(label(requirement.getValue()), count(applicableNow), count(metNow), share(metNow, applicableNow),
          count(applicableBefore), share(metBefore, applicableBefore)));
      if (requirement.getKey().equals(PolicyRules.STAGE_ON_FILE)) {
        onFile = "Every stage opening was recorded on the child's file in " + Fig.share(metNow, applicableNow) + " of the "
            + applicableNow.words() + " challenges raised in " + y + " (" + p + ": " + Fig.share(metBefore, applicableBefore) + ").";
      }
    }
    Table table = new Table("recording", "Recording compliance",
        "The recording requirements of each authority's own policy: each step on the child's file, the form attached, the"
            + " outcome recorded, the child told, consultations and Cafcass notices. Source: mart_recording (applicable, met),"
            + " counted in the year each challenge started; the quality gate lists every exception in the audit pack.",
        List.of("Requirement", "Applicable " + y, "Met " + y, "% met " + y, "Applicable " + p, "% met " + p), body);
    return new Section("recording", "Recording compliance", onFile == null ? List.of() : List.of(onFile), List.of(table),
        List.of(), "mart_recording");
  }

  // ---- cells ------------------------------------------------------------------------------

  private Rows rows(TableContract contract) {
    return tables.getOrDefault(contract, new Rows(List.of()));
  }

  private static Cell label(String text) {
    return new Cell(text, Kind.LABEL);
  }

  private static Cell count(Fig fig) {
    return new Cell(fig.text(), Kind.COUNT);
  }

  private static Cell share(Fig part, Fig whole) {
    return new Cell(Fig.share(part, whole), Kind.SHARE);
  }

  private static Cell change(Fig now, Fig before) {
    return new Cell(Fig.change(now, before), Kind.CHANGE);
  }

  private static List<Cell> measure(String text, Fig now, Fig before) {
    return List.of(label(text), count(now), count(before), change(now, before));
  }

  private static Cell median(Row row) {
    if (row == null) {
      return new Cell("\u2013", Kind.TEXT);
    }
    Fig responses = Fig.of(row, RESPONSES);
    Object median = row.getAs(MEDIAN_WD_TO_RESPOND);
    if (!responses.exact() || median == null) {
      return new Cell(responses.withheld() ? "c" : "\u2013", responses.withheld() ? Kind.MEDIAN : Kind.TEXT);
    }
    double m = ((Number) median).doubleValue();
    return new Cell(m == Math.rint(m) ? String.valueOf((long) m) : String.format(Locale.UK, "%.1f", m), Kind.MEDIAN);
  }

  private static Cell average(Row row) {
    Fig iros = Fig.of(row, ReportTables.IROS);
    Fig cases = Fig.of(row, ReportTables.CASES);
    if (row == null || !iros.exact() || !cases.exact() || iros.value() == 0) {
      return new Cell(row == null ? "\u2013" : "c", Kind.AVERAGE);
    }
    return new Cell(String.format(Locale.UK, "%.1f", (double) cases.value() / iros.value()), Kind.AVERAGE);
  }

  private static String times(Fig fig) {
    return fig.withheld() ? "c (withheld) times" : fig.text() + " times";
  }

  private static String capitalise(String sentence) {
    return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }

  private String themeLabel(String id) {
    if (id == null || id.equals(ThemeTaxonomy.UNMAPPED) || id.equals("(none)") || id.equals("(unmapped)")) {
      return "Not mapped to a theme";
    }
    return themes.contains(id) ? themes.theme(id).label() : id;
  }

  /** SSDA903 participation codes, as the DfE's guidance describes them (shortened). */
  static final Map<String, String> PARTICIPATION = new LinkedHashMap<>();

  static {
    PARTICIPATION.put("PN0", "child under 4 at the time of the review");
    PARTICIPATION.put("PN1", "attended and spoke for themselves");
    PARTICIPATION.put("PN2", "attended, an advocate spoke for them");
    PARTICIPATION.put("PN3", "attended and conveyed their view non-verbally");
    PARTICIPATION.put("PN4", "attended but did not convey their view");
    PARTICIPATION.put("PN5", "did not attend, briefed an advocate");
    PARTICIPATION.put("PN6", "did not attend, conveyed their view another way");
    PARTICIPATION.put("PN7", "did not attend, no view conveyed");
    PARTICIPATION.put("(none)", "not recorded");
  }

  /** The recording requirements of mart_recording, in words. */
  static final Map<String, String> REQUIREMENTS = new LinkedHashMap<>();

  static {
    REQUIREMENTS.put(PolicyRules.STAGE_ON_FILE, "Each stage opening recorded on the child's file");
    REQUIREMENTS.put(PolicyRules.FORM_ATTACHED, "Notification form attached at each formal stage");
    REQUIREMENTS.put(PolicyRules.ENDING_ON_FILE, "Outcome recorded on the child's file");
    REQUIREMENTS.put(PolicyRules.CHILD_INFORMED, "Child told of the challenge");
    REQUIREMENTS.put(PolicyRules.BYPASS_CONSULTATION, "Consultation before a bypass, where required");
    REQUIREMENTS.put(PolicyRules.CAFCASS_NOTICE, "Notice before a Cafcass referral, with the lead time");
    REQUIREMENTS.put(PolicyRules.CAFCASS_INFORM, "Named people told before a Cafcass referral");
  }
}
