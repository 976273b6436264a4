package org.drpwarehouse.dashboards.internal;

import static org.drpwarehouse.schemas.warehouse.MartTables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.drpwarehouse.dashboards.BoardPublication;
import org.drpwarehouse.dashboards.SmallNumberSuppression;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.drpwarehouse.schemas.policy.ThemeTaxonomy;

/**
 * The figures of the board dashboard, as the JSON its page embeds, built from suppressed mart rows
 * only. A count is {@code {"n": 12}}, {@code {"n": "c"}} when withheld, or {@code {"n": 40,
 * "partial": true}} when it adds up published figures beside withheld ones (so it reads "at
 * least 40"); a share is {@code {"share": 71.4, "num": 120, "den": 168}}, taken over the groups
 * whose numerator and denominator are both published. Every number under any key other than
 * {@code share} and {@code median} is a count: 0 or more than 5.
 *
 * <p>Totals the marts do not hold (all stages, all processes) are sums of published figures only,
 * so they give nothing away that the published figures do not. Reverse challenges (the service
 * challenging the IRO) are reported on their own, never in the totals.
 */
public final class BoardModel {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String REVERSE = "REVERSE";
  private static final Map<String, String> PROCESSES = new LinkedHashMap<>();

  static {
    PROCESSES.put("CLA", "Looked-after children");
    PROCESSES.put("CP", "Child protection");
    PROCESSES.put("PARTNER", "Partner agencies");
    PROCESSES.put(REVERSE, "Reverse challenges");
  }

  private final Map<String, List<Row>> rows;
  private final BoardPublication publication;
  private final ThemeTaxonomy themes = ThemeTaxonomy.canonical();

  /** A model of these suppressed rows (by mart name) for this publication. */
  public BoardModel(Map<String, List<Row>> suppressedRows, BoardPublication publication) {
    this.rows = suppressedRows;
    this.publication = publication;
  }

  /** The whole page's data: the publication, then each published authority's figures. */
  public ObjectNode toJson(Map<String, String> withheldPages) {
    ObjectNode root = JSON.objectNode();
    ObjectNode about = root.putObject("publication");
    about.put("id", publication.id());
    about.put("publishedAt", DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
        .format(publication.publishedAt().atZone(ZoneId.of("Europe/London"))));
    about.put("asOf", longDate(publication.asOfDate()));
    about.put("status", publication.status().name());
    about.put("reportLink", publication.reportLink() == null ? null : publication.reportLink().toString());
    about.set("marts", JSON.arrayNode().addAll(rows.keySet().stream().map(JSON::textNode).toList()));
    ArrayNode authorities = root.putArray("authorities");
    for (BoardPublication.Authority authority : publication.authorities()) {
      ObjectNode node = authorities.addObject();
      node.put("code", authority.code());
      node.put("name", authority.name());
      node.put("status", authority.status().name());
      ArrayNode findings = node.putArray("findings");
      for (BoardPublication.Finding finding : authority.findings()) {
        findings.addObject().put("rule", finding.ruleId()).put("message", finding.message());
      }
      if (authority.published()) {
        node.set("figures", authority(authority.code()));
      } else {
        node.put("page", withheldPages.get(authority.code()));
      }
    }
    return root;
  }

  /** The human date of the page: 30 June 2025. */
  public static String longDate(LocalDate date) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(date);
  }

  // ---- one authority --------------------------------------------------------------------------

  private ObjectNode authority(String code) {
    ObjectNode figures = JSON.objectNode();
    List<Row> disputes = of(DISPUTES_STARTED, code);
    List<Row> stages = of(STAGE_TIMELINESS, code);
    List<Row> endings = of(ENDINGS, code);
    List<Row> flows = of(BYPASS_TRANSITIONS, code);
    List<Row> cafcass = of(CAFCASS, code);
    List<String> years = periods(code, PeriodType.FINANCIAL_YEAR);
    List<String> quarters = periods(code, PeriodType.QUARTER);
    figures.set("years", texts(years));
    figures.put("defaultYear", defaultYear(years));

    ObjectNode byYear = figures.putObject("byYear");
    ArrayNode yearTable = figures.putArray("yearTable");
    for (String year : years) {
      Predicate<Row> inYear = period(PeriodType.FINANCIAL_YEAR, year);
      List<Row> yearDisputes = filter(disputes, all().and(inYear).and(notReverse()));
      List<Row> yearStages = filter(stages, all().and(inYear).and(notReverse()));
      List<Row> yearEndings = filter(endings, all().and(inYear).and(notReverse()));
      List<Row> yearFlows = filter(flows, all().and(inYear).and(notReverse()));
      List<Row> yearCafcass = filter(cafcass, inYear);

      ObjectNode node = byYear.putObject(year);
      ObjectNode headline = node.putObject("headline");
      headline.set("disputes", count(yearDisputes, DISPUTES));
      ArrayNode byProcess = headline.putArray("byProcess");
      for (Map.Entry<String, String> process : PROCESSES.entrySet()) {
        List<Row> ofProcess = filter(disputes, all().and(inYear).and(r -> process.getKey().equals(r.getAs(PROCESS))));
        if (!ofProcess.isEmpty()) {
          ObjectNode entry = byProcess.addObject();
          entry.put("process", process.getKey());
          entry.put("label", process.getValue());
          entry.setAll(count(ofProcess, DISPUTES));
        }
      }
      headline.set("onTime", share(yearStages, ON_TIME, ASSESSED));
      headline.set("within20", share(yearEndings, FORMAL_WITHIN_LIMIT, FORMAL_LIMIT_ASSESSED));
      headline.set("informalWithin", share(yearDisputes, INFORMAL_WITHIN_LIMIT, INFORMAL_ASSESSED));
      headline.set("formalDisputes", count(yearDisputes, FORMAL_DISPUTES));
      headline.set("bypasses", count(yearFlows, BYPASSES));
      headline.set("bypassesWithoutConsultation", count(yearFlows, BYPASSES_WITHOUT_CONSULTATION));
      headline.set("bypassesConsulted", count(yearFlows, BYPASSES_CONSULTED));
      headline.set("cafcass", count(yearCafcass, REFERRALS));
      headline.set("cafcassConcurrent", share(yearCafcass, CONCURRENT, REFERRALS));
      headline.set("cafcassNotice", share(yearCafcass, NOTICE_COMPLIANT, NOTICE_ASSESSED));
      headline.set("cafcassInformed", share(yearCafcass, INFORMED, INFORM_ASSESSED));
      headline.set("consultedNoReferral", count(yearDisputes, CAFCASS_CONSULTED_NO_REFERRAL));
      headline.set("childInformed", share(yearDisputes, CHILD_INFORMED, DISPUTES));
      headline.set("recordingComplete", share(yearDisputes, RECORDING_COMPLETE, DISPUTES));
      node.set("stages", stageTable(yearStages));
      node.set("flows", flows(yearFlows));
      node.set("cafcassByStage", byStage(yearCafcass));
      node.set("themes", yearThemes(code, year));

      ObjectNode line = yearTable.addObject();
      line.put("year", year);
      line.set("disputes", headline.get("disputes"));
      line.set("onTime", headline.get("onTime"));
      line.set("within20", headline.get("within20"));
      line.set("bypasses", headline.get("bypasses"));
      line.set("cafcass", headline.get("cafcass"));
    }

    ObjectNode trend = figures.putObject("trend");
    trend.set("quarters", texts(quarters));
    ArrayNode trendDisputes = trend.putArray("disputes");
    ArrayNode trendByProcess = trend.putArray("disputesByProcess");
    for (Map.Entry<String, String> process : PROCESSES.entrySet()) {
      if (process.getKey().equals(REVERSE)) {
        continue;
      }
      ObjectNode series = trendByProcess.addObject();
      series.put("process", process.getValue());
      ArrayNode values = series.putArray("values");
      for (String quarter : quarters) {
        values.add(count(filter(disputes, all().and(period(PeriodType.QUARTER, quarter))
            .and(r -> process.getKey().equals(r.getAs(PROCESS)))), DISPUTES));
      }
    }
    ArrayNode trendOnTime = trend.putArray("onTime");
    ArrayNode trendWithin = trend.putArray("within20");
    ArrayNode trendCafcass = trend.putArray("cafcass");
    for (String quarter : quarters) {
      Predicate<Row> inQuarter = period(PeriodType.QUARTER, quarter);
      trendDisputes.add(count(filter(disputes, all().and(inQuarter).and(notReverse())), DISPUTES));
      trendOnTime.add(share(filter(stages, all().and(inQuarter).and(notReverse())), ON_TIME, ASSESSED));
      trendWithin.add(share(filter(endings, all().and(inQuarter).and(notReverse())), FORMAL_WITHIN_LIMIT,
          FORMAL_LIMIT_ASSESSED));
      trendCafcass.add(count(filter(cafcass, inQuarter), REFERRALS));
    }
    figures.set("heatmap", heatmap(code, quarters));
    figures.set("open", open(filter(of(OPEN_DISPUTES_BY_AGE, code), all().and(notReverse()))));
    return figures;
  }

  private ArrayNode stageTable(List<Row> yearStages) {
    Map<String, List<Row>> byStage = new LinkedHashMap<>();
    List<Row> ordered = new ArrayList<>(yearStages);
    ordered.sort(Comparator.<Row>comparingInt(r -> processOrder(r.getAs(PROCESS)))
        .thenComparing(r -> rank(r.getAs(STAGE_RANK)))
        .thenComparing(r -> Objects.toString(r.getAs(STAGE))));
    for (Row row : ordered) {
      byStage.computeIfAbsent(row.getAs(PROCESS) + "\u001f" + row.getAs(STAGE), k -> new ArrayList<>()).add(row);
    }
    ArrayNode table = JSON.arrayNode();
    for (List<Row> group : byStage.values()) {
      Row first = group.get(0);
      JsonNode due = count(group, VISITS_DUE).get("n");
      if (due.isNumber() && due.asLong() == 0) {
        continue;
      }
      ObjectNode line = table.addObject();
      line.put("process", PROCESSES.getOrDefault(first.<String>getAs(PROCESS), first.getAs(PROCESS)));
      line.put("stage", stageLabel(first.getAs(STAGE)));
      line.set("visitsDue", count(group, VISITS_DUE));
      line.set("onTime", count(group, ON_TIME));
      line.set("late", count(group, LATE));
      line.set("overdue", count(group, OVERDUE));
      line.set("endedBeforeDue", count(group, ENDED_BEFORE_DUE));
      line.set("pending", count(group, PENDING));
      line.set("onTimeShare", share(group, ON_TIME, ASSESSED));
      // One row per process and stage in a year's ALL breakdown: the median is the mart's own.
      line.set("median", group.size() == 1 ? median(first) : JSON.nullNode());
    }
    return table;
  }

  private JsonNode median(Row row) {
    if (suppressed(row, MEDIAN_WD_TO_RESPOND)) {
      return JSON.textNode(SmallNumberSuppression.SHOWN_AS);
    }
    Object value = row.getAs(MEDIAN_WD_TO_RESPOND);
    return value == null ? JSON.nullNode() : JSON.numberNode(((Number) value).doubleValue());
  }

  /** Stage-to-stage moves for a Sankey: forward moves only (a Sankey cannot loop back). */
  private ObjectNode flows(List<Row> yearFlows) {
    Map<String, Integer> rankOf = new HashMap<>();
    Map<String, List<Row>> links = new TreeMap<>();
    for (Row row : yearFlows) {
      String from = row.getAs(FROM_STAGE);
      String to = row.getAs(TO_STAGE);
      rankOf.merge(from, START.equals(from) ? -1 : rank(row.getAs(FROM_RANK)), Math::min);
      rankOf.merge(to, rank(row.getAs(TO_RANK)), Math::min);
      links.computeIfAbsent(from + "\u001f" + to, k -> new ArrayList<>()).add(row);
    }
    List<String> order = new ArrayList<>(rankOf.keySet());
    order.sort(Comparator.<String>comparingInt(rankOf::get).thenComparing(Comparator.naturalOrder()));
    ObjectNode node = JSON.objectNode();
    ArrayNode drawn = node.putArray("links");
    ArrayNode withheld = node.putArray("withheld");
    ArrayNode other = node.putArray("other");
    List<String> used = new ArrayList<>();
    for (List<Row> group : links.values()) {
      String from = group.get(0).getAs(FROM_STAGE);
      String to = group.get(0).getAs(TO_STAGE);
      ObjectNode link = JSON.objectNode();
      link.put("from", stageLabel(from));
      link.put("to", stageLabel(to));
      link.setAll(count(group, TRANSITIONS));
      link.set("bypasses", count(group, BYPASSES));
      boolean forward = order.indexOf(from) < order.indexOf(to);
      boolean shown = link.get("n").isNumber() && link.get("n").asLong() > 0;
      if (!forward) {
        other.add(link);
      } else if (!shown) {
        if (!link.get("n").isNumber()) {
          withheld.add(link);
        }
      } else {
        drawn.add(link);
        for (String stage : List.of(from, to)) {
          if (!used.contains(stage)) {
            used.add(stage);
          }
        }
      }
    }
    used.sort(Comparator.comparingInt(order::indexOf));
    node.set("nodes", texts(used.stream().map(BoardModel::stageLabel).toList()));
    return node;
  }

  private ArrayNode byStage(List<Row> yearCafcass) {
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row row : yearCafcass) {
      groups.computeIfAbsent(row.getAs(STAGE_AT_REFERRAL), k -> new ArrayList<>()).add(row);
    }
    ArrayNode out = JSON.arrayNode();
    groups.forEach((stage, group) -> {
      ObjectNode line = out.addObject();
      line.put("stage", stageLabel(stage));
      line.setAll(count(group, REFERRALS));
    });
    return out;
  }

  private ArrayNode yearThemes(String code, String year) {
    List<Row> themeRows = filter(of(THEMES, code), period(PeriodType.FINANCIAL_YEAR, year));
    themeRows.sort(Comparator.comparing(r -> themeOrder(r.getAs(THEME))));
    ArrayNode out = JSON.arrayNode();
    for (Row row : themeRows) {
      ObjectNode line = out.addObject();
      line.put("theme", themeLabel(row.getAs(THEME)));
      line.setAll(count(List.of(row), DISPUTES));
      line.set("previousYear", count(List.of(row), PREVIOUS_YEAR_DISPUTES));
      line.set("repeats", count(List.of(row), REPEAT_DISPUTES));
    }
    return out;
  }

  private ObjectNode heatmap(String code, List<String> quarters) {
    List<Row> themeRows = filter(of(THEMES, code), r -> PeriodType.QUARTER.equals(r.getAs(PERIOD_TYPE)));
    Map<String, Integer> seen = new TreeMap<>();
    for (Row row : themeRows) {
      JsonNode n = count(List.of(row), DISPUTES).get("n");
      if (!n.isNumber() || n.asLong() > 0) {
        seen.put(row.getAs(THEME), themeOrder(row.getAs(THEME)));
      }
    }
    List<String> ids = new ArrayList<>(seen.keySet());
    ids.sort(Comparator.<String>comparingInt(seen::get).thenComparing(Comparator.<String>naturalOrder()));
    ObjectNode node = JSON.objectNode();
    node.set("quarters", texts(quarters));
    node.set("themes", texts(ids.stream().map(this::themeLabel).toList()));
    ArrayNode cells = node.putArray("cells");
    for (Row row : themeRows) {
      if (ids.contains(row.<String>getAs(THEME))) {
        ObjectNode cell = cells.addObject();
        cell.put("quarter", row.<String>getAs(PERIOD));
        cell.put("theme", themeLabel(row.getAs(THEME)));
        cell.setAll(count(List.of(row), DISPUTES));
      }
    }
    return node;
  }

  private ObjectNode open(List<Row> openRows) {
    ObjectNode node = JSON.objectNode();
    node.set("total", count(openRows, OPEN_DISPUTES));
    node.set("formal", count(openRows, FORMAL_OPEN));
    node.set("pastLimit", count(openRows, FORMAL_PAST_LIMIT));
    List<String> bands = new ArrayList<>(GoldTables.AGE_BANDS);
    for (Row row : openRows) {
      if (!bands.contains(row.<String>getAs(AGE_BAND))) {
        bands.add(row.getAs(AGE_BAND));
      }
    }
    ArrayNode byBand = node.putArray("bands");
    for (String band : bands) {
      List<Row> ofBand = filter(openRows, r -> band.equals(r.getAs(AGE_BAND)));
      ObjectNode line = byBand.addObject();
      line.put("band", band.replace("WD", "working days"));
      line.set("open", count(ofBand, OPEN_DISPUTES));
      line.set("formal", count(ofBand, FORMAL_OPEN));
      line.set("pastLimit", count(ofBand, FORMAL_PAST_LIMIT));
    }
    return node;
  }

  // ---- counts and shares ----------------------------------------------------------------------

  /** The published sum of a column over rows: exact, partial (some withheld) or withheld. */
  static ObjectNode count(List<Row> group, String column) {
    long sum = 0;
    int withheld = 0;
    for (Row row : group) {
      if (suppressed(row, column) || row.getAs(column) == null) {
        withheld++;
      } else {
        sum += ((Number) row.getAs(column)).longValue();
      }
    }
    ObjectNode node = JSON.objectNode();
    if (!group.isEmpty() && withheld == group.size() || withheld > 0 && sum == 0) {
      node.put("n", SmallNumberSuppression.SHOWN_AS);
    } else {
      node.put("n", sum);
      if (withheld > 0) {
        node.put("partial", true);
      }
    }
    return node;
  }

  /** A share over the rows whose numerator and denominator are both published. */
  static ObjectNode share(List<Row> group, String numerator, String denominator) {
    long num = 0;
    long den = 0;
    int withheld = 0;
    for (Row row : group) {
      if (suppressed(row, numerator) || suppressed(row, denominator) || row.getAs(numerator) == null
          || row.getAs(denominator) == null) {
        withheld++;
      } else {
        num += ((Number) row.getAs(numerator)).longValue();
        den += ((Number) row.getAs(denominator)).longValue();
      }
    }
    ObjectNode node = JSON.objectNode();
    if (den > 0) {
      node.put("share", Math.round(1000.0 * num / den) / 10.0);
      node.put("num", num);
      node.put("den", den);
      if (withheld > 0) {
        node.put("partial", true);
      }
    } else if (withheld > 0) {
      node.put("share", SmallNumberSuppression.SHOWN_AS);
    } else {
      node.putNull("share");
    }
    return node;
  }

  private static boolean suppressed(Row row, String column) {
    return row.<String>getList(row.fieldIndex(SmallNumberSuppression.SUPPRESSED)).contains(column);
  }

  // ---- selecting rows -----------------------------------------------------------------------

  private List<Row> of(TableContract contract, String authority) {
    return filter(rows.getOrDefault(contract.name(), List.of()), r -> authority.equals(r.getAs(AUTHORITY)));
  }

  private static List<Row> filter(List<Row> from, Predicate<Row> keep) {
    List<Row> out = new ArrayList<>();
    for (Row row : from) {
      if (keep.test(row)) {
        out.add(row);
      }
    }
    return out;
  }

  private static Predicate<Row> all() {
    return r -> !hasColumn(r, BREAKDOWN) || Breakdown.ALL.equals(r.getAs(BREAKDOWN));
  }

  private static Predicate<Row> notReverse() {
    return r -> !hasColumn(r, PROCESS) || !REVERSE.equals(r.getAs(PROCESS));
  }

  private static Predicate<Row> period(String type, String label) {
    return r -> type.equals(r.getAs(PERIOD_TYPE)) && label.equals(r.getAs(PERIOD));
  }

  private static boolean hasColumn(Row row, String column) {
    return List.of(row.schema().fieldNames()).contains(column);
  }

  /** The periods of a type any mart holds for the authority, in time order. */
  private List<String> periods(String authority, String type) {
    Map<LocalDate, String> found = new TreeMap<>();
    for (TableContract contract : List.of(DISPUTES_STARTED, STAGE_TIMELINESS, ENDINGS, BYPASS_TRANSITIONS, THEMES, CAFCASS)) {
      for (Row row : of(contract, authority)) {
        if (type.equals(row.getAs(PERIOD_TYPE))) {
          Object start = row.getAs(PERIOD_START);
          found.put(LocalDate.parse(start.toString()), row.getAs(PERIOD));
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  /** The latest financial year that has ended by the as-of date, else the latest. */
  private String defaultYear(List<String> years) {
    String chosen = years.isEmpty() ? null : years.get(years.size() - 1);
    for (String year : years) {
      LocalDate end = LocalDate.of(Integer.parseInt(year.substring(0, 4)) + 1, 3, 31);
      if (!end.isAfter(publication.asOfDate())) {
        chosen = year;
      }
    }
    return chosen;
  }

  private static ArrayNode texts(List<String> values) {
    ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static int processOrder(String process) {
    int i = new ArrayList<>(PROCESSES.keySet()).indexOf(process);
    return i < 0 ? PROCESSES.size() : i;
  }

  private static int rank(Object rank) {
    return rank == null ? Integer.MAX_VALUE / 2 : ((Number) rank).intValue();
  }

  private int themeOrder(String id) {
    List<String> ids = themes.themes().stream().map(t -> t.id()).toList();
    int i = ids.indexOf(id);
    return i < 0 ? ids.size() + (isUnmapped(id) ? 1 : 0) : i;
  }

  private static boolean isUnmapped(String id) {
    return id == null || id.equals("(unmapped)") || id.equals("(none)") || id.equals(ThemeTaxonomy.UNMAPPED);
  }

  String themeLabel(String id) {
    if (isUnmapped(id)) {
      return "Not mapped to a theme";
    }
    return themes.contains(id) ? themes.theme(id).label() : id;
  }

  /** {@code stage1} reads "Stage 1", {@code drp2} "DRP 2", {@code informal} "Informal", the start "Raised". */
  public static String stageLabel(String id) {
    if (id == null) {
      return "Unknown stage";
    }
    if (START.equals(id)) {
      return "Raised";
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_]+?)_?([0-9]+)").matcher(id);
    if (m.matches()) {
      String word = m.group(1);
      String shown = word.length() <= 3 ? word.toUpperCase(Locale.UK)
          : Character.toUpperCase(word.charAt(0)) + word.substring(1).replace('_', ' ');
      return shown + " " + m.group(2);
    }
    String words = id.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
