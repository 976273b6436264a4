package org.drpwarehouse.dashboards.superset;

import static org.drpwarehouse.schemas.warehouse.MartTables.AGE_BAND;
import static org.drpwarehouse.schemas.warehouse.MartTables.APPLICABLE;
import static org.drpwarehouse.schemas.warehouse.MartTables.ASSESSED;
import static org.drpwarehouse.schemas.warehouse.MartTables.AUTHORITY;
import static org.drpwarehouse.schemas.warehouse.MartTables.BREAKDOWN;
import static org.drpwarehouse.schemas.warehouse.MartTables.BYPASS_DISPUTES;
import static org.drpwarehouse.schemas.warehouse.MartTables.BYPASS_TRANSITIONS;
import static org.drpwarehouse.schemas.warehouse.MartTables.CAFCASS;
import static org.drpwarehouse.schemas.warehouse.MartTables.CONCURRENT;
import static org.drpwarehouse.schemas.warehouse.MartTables.CURRENT_STAGE;
import static org.drpwarehouse.schemas.warehouse.MartTables.DECISIONS_ASSESSED;
import static org.drpwarehouse.schemas.warehouse.MartTables.DECISIONS_IN_TIME;
import static org.drpwarehouse.schemas.warehouse.MartTables.DISPUTES;
import static org.drpwarehouse.schemas.warehouse.MartTables.DISPUTES_STARTED;
import static org.drpwarehouse.schemas.warehouse.MartTables.ENDINGS;
import static org.drpwarehouse.schemas.warehouse.MartTables.FORMAL_DISPUTES;
import static org.drpwarehouse.schemas.warehouse.MartTables.FORMAL_LIMIT_ASSESSED;
import static org.drpwarehouse.schemas.warehouse.MartTables.FORMAL_OPEN;
import static org.drpwarehouse.schemas.warehouse.MartTables.FORMAL_PAST_LIMIT;
import static org.drpwarehouse.schemas.warehouse.MartTables.FORMAL_WITHIN_LIMIT;
import static org.drpwarehouse.schemas.warehouse.MartTables.FROM_RANK;
import static org.drpwarehouse.schemas.warehouse.MartTables.FROM_STAGE;
import static org.drpwarehouse.schemas.warehouse.MartTables.INFORMAL_ASSESSED;
import static org.drpwarehouse.schemas.warehouse.MartTables.INFORMAL_WITHIN_LIMIT;
import static org.drpwarehouse.schemas.warehouse.MartTables.IN_TIMESCALE;
import static org.drpwarehouse.schemas.warehouse.MartTables.MET;
import static org.drpwarehouse.schemas.warehouse.MartTables.NOTICE_ASSESSED;
import static org.drpwarehouse.schemas.warehouse.MartTables.NOTICE_COMPLIANT;
import static org.drpwarehouse.schemas.warehouse.MartTables.ON_TIME;
import static org.drpwarehouse.schemas.warehouse.MartTables.OPEN_DISPUTES;
import static org.drpwarehouse.schemas.warehouse.MartTables.OPEN_DISPUTES_BY_AGE;
import static org.drpwarehouse.schemas.warehouse.MartTables.PERIOD;
import static org.drpwarehouse.schemas.warehouse.MartTables.PERIOD_TYPE;
import static org.drpwarehouse.schemas.warehouse.MartTables.PROCESS;
import static org.drpwarehouse.schemas.warehouse.MartTables.RECORDING;
import static org.drpwarehouse.schemas.warehouse.MartTables.REFERRALS;
import static org.drpwarehouse.schemas.warehouse.MartTables.RESPONSES_ASSESSED;
import static org.drpwarehouse.schemas.warehouse.MartTables.RESPONSES_IN_TIME;
import static org.drpwarehouse.schemas.warehouse.MartTables.REVIEWS_HELD;
import static org.drpwarehouse.schemas.warehouse.MartTables.REVIEW_DECISIONS;
import static org.drpwarehouse.schemas.warehouse.MartTables.STAGE;
import static org.drpwarehouse.schemas.warehouse.MartTables.STAGE_AT_REFERRAL;
import static org.drpwarehouse.schemas.warehouse.MartTables.STAGE_TIMELINESS;
import static org.drpwarehouse.schemas.warehouse.MartTables.THEME;
import static org.drpwarehouse.schemas.warehouse.MartTables.THEMES;
import static org.drpwarehouse.schemas.warehouse.MartTables.TO_RANK;
import static org.drpwarehouse.schemas.warehouse.MartTables.TO_STAGE;
import static org.drpwarehouse.schemas.warehouse.MartTables.TRANSITIONS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.Breakdown;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.drpwarehouse.schemas.warehouse.TableColumn;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * What the board dashboard shows, as data: a dataset per mart with its metrics, the charts in
 * their rows, and the native filters. {@link SupersetBundle} turns it into Superset's files.
 *
 * <p>Every chart fixes the mart's breakdown ({@code ALL}) and period type, since a mart holds each
 * record once per breakdown and once per period type and a sum over them counts it several times;
 * reverse challenges are left out (they are reported separately). Totals and shares are
 * <em>publishable</em>: blank where any row behind them had the count suppressed, so that a
 * suppressed cell is never summed as zero nor recovered by difference.
 */
final class BoardDashboard {
  static final String TITLE = "DRP board: dispute resolution";

  private BoardDashboard() {}

  /** A saved metric of a dataset. */
  record Metric(String name, String verboseName, String expression, String d3format, String description,
      String warning) {}

  /** A chart: its file key, title, viz type, mart and form data, and its width in the 12-column grid. */
  record Chart(String key, String title, String description, String vizType, TableContract mart,
      Map<String, Object> params, int width, int height) {}

  /** A row of the dashboard grid. */
  record Row(String key, List<Chart> charts) {}

  /** A native filter: a select on one column of one mart, applied to every chart but the excluded. */
  record NativeFilter(String id, String name, String description, TableContract mart, String column,
      Map<String, Object> controlValues, List<Map<String, Object>> preFilters, Set<String> excludedCharts) {}

  static final String PUBLISHABLE_WARNING =
      "Blank where a count behind it was suppressed as a small number, so it is never summed as zero.";

  /** Every mart is a dataset, so that people can explore beyond the dashboard. */
  static List<TableContract> datasets() {
    return MartTables.ALL;
  }

  /** {@code total_<count>} for every count of the mart, then its shares. */
  static List<Metric> metrics(TableContract mart) {
    List<Metric> metrics = new ArrayList<>();
    for (TableColumn column : mart.columns()) {
      if (column.type().equals(DataTypes.LongType)) {
        metrics.add(new Metric(total(column.name()), humanise(column.name()),
            "CASE WHEN COUNT(*) = COUNT(" + column.name() + ") THEN SUM(" + column.name() + ") END", "SMART_NUMBER",
            "Sum of " + column.name() + " (" + column.description() + ").", PUBLISHABLE_WARNING));
      }
    }
    if (mart.equals(STAGE_TIMELINESS)) {
      metrics.add(share("on_time_share", "Responses on time", ON_TIME, ASSESSED,
          "Of the responses due, the share on time: ON_TIME among ON_TIME + LATE + OVERDUE."));
    } else if (mart.equals(DISPUTES_STARTED)) {
      metrics.add(share("bypass_share", "Formal disputes with a bypass", BYPASS_DISPUTES, FORMAL_DISPUTES,
          "Of the disputes that reached a formal stage, the share with at least one bypass."));
      metrics.add(share("informal_within_limit_share", "Informal stages within their limit", INFORMAL_WITHIN_LIMIT,
          INFORMAL_ASSESSED, "Of the disputes entered informally under a policy with an informal limit, the share within it."));
    } else if (mart.equals(ENDINGS)) {
      metrics.add(share("within_20_wd_share", "Formal disputes ended within 20 WD", FORMAL_WITHIN_LIMIT,
          FORMAL_LIMIT_ASSESSED, "Of the formal disputes ended under a policy with a total limit, the share within it (20 WD)."));
    } else if (mart.equals(CAFCASS)) {
      metrics.add(share("concurrent_share", "Referrals concurrent with the DRP", CONCURRENT, REFERRALS,
          "Of the Cafcass referrals, the share made on or before the formal start."));
      metrics.add(share("notice_compliant_share", "Referrals with due notice", NOTICE_COMPLIANT, NOTICE_ASSESSED,
          "Of the referrals under a policy with a notice rule, the share with notice given in time."));
    } else if (mart.equals(REVIEWS_HELD)) {
      metrics.add(share("in_timescale_share", "Reviews in timescale", IN_TIMESCALE, ASSESSED,
          "Of the reviews whose interval can be checked, the share held within it (reg. 33)."));
    } else if (mart.equals(REVIEW_DECISIONS)) {
      metrics.add(share("decisions_in_time_share", "Decisions sent within 5 WD", DECISIONS_IN_TIME, DECISIONS_ASSESSED,
          "Of the reviews with decision dates, the share whose decisions were sent within 5 WD."));
      metrics.add(share("responses_in_time_share", "Manager responses within 5 WD", RESPONSES_IN_TIME, RESPONSES_ASSESSED,
          "Of the reviews with both dates, the share the manager answered within 5 WD of receipt."));
    } else if (mart.equals(RECORDING)) {
      metrics.add(share("met_share", "Requirement met", MET, APPLICABLE,
          "Of the disputes a recording requirement applies to, the share meeting it."));
    }
    return metrics;
  }

  static String total(String count) {
    return "total_" + count;
  }

  private static Metric share(String name, String verbose, String numerator, String denominator, String description) {
    String expression = "CASE WHEN COUNT(*) = COUNT(" + numerator + ") AND COUNT(*) = COUNT(" + denominator + ") AND SUM("
        + denominator + ") > 0 THEN 1.0 * SUM(" + numerator + ") / SUM(" + denominator + ") END";
    return new Metric(name, verbose, expression, ".0%", description, PUBLISHABLE_WARNING);
  }

  // ---- charts ---------------------------------------------------------------------------------

  static final Chart DISPUTES_STARTED_TOTAL = new Chart("disputes_started", "Disputes started",
      "Disputes started in the financial year (by their first stage opening), reverse challenges aside.",
      "big_number_total", DISPUTES_STARTED,
      bigNumber(total(DISPUTES), "SMART_NUMBER", allBreakdown(), period(PeriodType.FINANCIAL_YEAR), notReverse()), 3, 30);

  static final Chart WITHIN_20_WD = new Chart("formal_within_20_wd", "Formal disputes ended within 20 WD",
      "Of the formal disputes ended in the financial year, the share within the 20 working day limit. Read it beside "
          + "the open disputes already past the limit.",
      "big_number_total", ENDINGS,
      bigNumber("within_20_wd_share", ".0%", allBreakdown(), period(PeriodType.FINANCIAL_YEAR), notReverse()), 3, 30);

  static final Chart OPEN_PAST_20_WD = new Chart("open_past_20_wd", "Open formal disputes past 20 WD",
      "Formal disputes still open at the as-of date and already past the 20 working day limit, so the share ended "
          + "within it cannot flatter.",
      "big_number_total", OPEN_DISPUTES_BY_AGE, bigNumber(total(FORMAL_PAST_LIMIT), "SMART_NUMBER", allBreakdown(), notReverse()), 3, 30);

  static final Chart CAFCASS_REFERRALS = new Chart("cafcass_referrals", "Cafcass referrals",
      "Referrals to Cafcass in the financial year (by referral date).",
      "big_number_total", CAFCASS, bigNumber(total(REFERRALS), "SMART_NUMBER", period(PeriodType.FINANCIAL_YEAR)), 3, 30);

  static final Chart ON_TIME_BY_QUARTER = new Chart("on_time_by_quarter", "Responses on time, by quarter and stage",
      "Of the stage responses due in each financial quarter (by due date), the share on time.",
      "echarts_timeseries_bar", STAGE_TIMELINESS,
      bars(PERIOD, List.of("on_time_share"), STAGE, ".0%", null, allBreakdown(), period(PeriodType.QUARTER), notReverse()), 6, 50);

  static final Chart BYPASS_FLOWS = new Chart("bypass_flows", "Escalations and bypasses between stages",
      "How disputes moved up the ladder, from their first stage ('(start)') on: every forward transition, bypasses "
          + "included, in the disputes started since records began.",
      "sankey_v2", BYPASS_TRANSITIONS, sankey(), 6, 50);

  static final Chart THEMES_OVER_TIME = new Chart("themes_over_time", "Themes of disputes, by quarter",
      "Disputes started per canonical theme in each financial quarter.",
      "heatmap_v2", THEMES, heatmap(), 12, 50);

  static final Chart CAFCASS_BY_STAGE = new Chart("cafcass_by_stage", "Cafcass referrals, by quarter and stage at referral",
      "Referrals to Cafcass in each financial quarter, by the stage current at the referral.",
      "echarts_timeseries_bar", CAFCASS,
      bars(PERIOD, List.of(total(REFERRALS)), STAGE_AT_REFERRAL, "SMART_NUMBER", "Stack", period(PeriodType.QUARTER)), 6, 50);

  static final Chart OPEN_BY_AGE = new Chart("open_by_age", "Open disputes by age",
      "Disputes open at the as-of date, by working days since they started and by their current stage.",
      "table", OPEN_DISPUTES_BY_AGE, table(), 6, 50);

  static List<Row> rows() {
    return List.of(
        new Row("headlines", List.of(DISPUTES_STARTED_TOTAL, WITHIN_20_WD, OPEN_PAST_20_WD, CAFCASS_REFERRALS)),
        new Row("timeliness", List.of(ON_TIME_BY_QUARTER, BYPASS_FLOWS)),
        new Row("themes", List.of(THEMES_OVER_TIME)),
        new Row("cafcass", List.of(CAFCASS_BY_STAGE, OPEN_BY_AGE)));
  }

  static List<Chart> charts() {
    return rows().stream().flatMap(row -> row.charts().stream()).toList();
  }

  static List<NativeFilter> filters() {
    Map<String, Object> authority = new LinkedHashMap<>();
    authority.put("enableEmptyFilter", false);
    authority.put("defaultToFirstItem", false);
    authority.put("multiSelect", true);
    authority.put("searchAllOptions", false);
    authority.put("inverseSelection", false);
    Map<String, Object> year = new LinkedHashMap<>();
    year.put("enableEmptyFilter", true);
    year.put("defaultToFirstItem", true);
    year.put("multiSelect", false);
    year.put("searchAllOptions", false);
    year.put("inverseSelection", false);
    year.put("sortAscending", false);
    Set<String> notHeadlineYears = Set.of(OPEN_PAST_20_WD.key(), ON_TIME_BY_QUARTER.key(), BYPASS_FLOWS.key(),
        THEMES_OVER_TIME.key(), CAFCASS_BY_STAGE.key(), OPEN_BY_AGE.key());
    return List.of(
        new NativeFilter("NATIVE_FILTER-authority", "Authority", "The local authorities to show (all when none is chosen).",
            DISPUTES_STARTED, AUTHORITY, authority, List.of(), Set.of()),
        new NativeFilter("NATIVE_FILTER-financial-year", "Financial year",
            "The financial year of the headline numbers (the latest by default).", DISPUTES_STARTED, PERIOD, year,
            List.of(period(PeriodType.FINANCIAL_YEAR)), notHeadlineYears));
  }

  // ---- form data --------------------------------------------------------------------------------

  @SafeVarargs
  private static Map<String, Object> bigNumber(String metric, String format, Map<String, Object>... filters) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("viz_type", "big_number_total");
    params.put("metric", metric);
    params.put("adhoc_filters", List.of(filters));
    params.put("header_font_size", 0.4);
    params.put("subheader_font_size", 0.15);
    params.put("y_axis_format", format);
    params.put("time_format", "smart_date");
    return params;
  }

  @SafeVarargs
  private static Map<String, Object> bars(String xAxis, List<String> metrics, String series, String format, String stack,
      Map<String, Object>... filters) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("viz_type", "echarts_timeseries_bar");
    params.put("x_axis", xAxis);
    params.put("x_axis_sort_asc", true);
    params.put("metrics", metrics);
    params.put("groupby", List.of(series));
    params.put("adhoc_filters", List.of(filters));
    params.put("row_limit", 10000);
    params.put("truncate_metric", true);
    params.put("orientation", "vertical");
    params.put("stack", stack);
    params.put("show_legend", true);
    params.put("legendType", "scroll");
    params.put("legendOrientation", "top");
    params.put("y_axis_format", format);
    params.put("rich_tooltip", true);
    return params;
  }

  private static Map<String, Object> sankey() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("viz_type", "sankey_v2");
    params.put("source", FROM_STAGE);
    params.put("target", TO_STAGE);
    params.put("metric", total(TRANSITIONS));
    // ECharts draws no loops, and a flow up the ladder never returns: keep forward transitions.
    params.put("adhoc_filters", List.of(allBreakdown(), period(PeriodType.FINANCIAL_YEAR), notReverse(),
        sql("forward", FROM_RANK + " IS NULL OR " + TO_RANK + " > " + FROM_RANK)));
    params.put("row_limit", 1000);
    params.put("sort_by_metric", true);
    params.put("color_scheme", "supersetColors");
    return params;
  }

  private static Map<String, Object> heatmap() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("viz_type", "heatmap_v2");
    params.put("x_axis", PERIOD);
    params.put("groupby", THEME);
    params.put("metric", total(DISPUTES));
    params.put("adhoc_filters", List.of(period(PeriodType.QUARTER)));
    params.put("row_limit", 10000);
    params.put("sort_x_axis", "alpha_asc");
    params.put("sort_y_axis", "alpha_asc");
    params.put("normalize_across", "heatmap");
    params.put("legend_type", "continuous");
    params.put("linear_color_scheme", "blue_white_yellow");
    params.put("show_legend", true);
    params.put("show_values", true);
    params.put("y_axis_format", "SMART_NUMBER");
    return params;
  }

  private static Map<String, Object> table() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("viz_type", "table");
    params.put("query_mode", "aggregate");
    params.put("groupby", List.of(AGE_BAND, CURRENT_STAGE));
    params.put("metrics", List.of(total(OPEN_DISPUTES), total(FORMAL_OPEN), total(FORMAL_PAST_LIMIT)));
    params.put("all_columns", List.of());
    params.put("percent_metrics", List.of());
    params.put("adhoc_filters", List.of(allBreakdown(), notReverse()));
    params.put("row_limit", 1000);
    params.put("order_desc", true);
    params.put("server_pagination", false);
    params.put("table_timestamp_format", "smart_date");
    params.put("include_time", false);
    return params;
  }

  // ---- adhoc filters ----------------------------------------------------------------------------

  private static Map<String, Object> allBreakdown() {
    return simple(BREAKDOWN, "==", "EQUALS", Breakdown.ALL);
  }

  static Map<String, Object> period(String periodType) {
    return simple(PERIOD_TYPE, "==", "EQUALS", periodType);
  }

  private static Map<String, Object> notReverse() {
    return simple(PROCESS, "!=", "NOT_EQUALS", DisputeProcess.REVERSE.name());
  }

  private static Map<String, Object> simple(String column, String operator, String operatorId, String value) {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("expressionType", "SIMPLE");
    filter.put("clause", "WHERE");
    filter.put("subject", column);
    filter.put("operator", operator);
    filter.put("operatorId", operatorId);
    filter.put("comparator", value);
    filter.put("isExtra", false);
    filter.put("isNew", false);
    filter.put("sqlExpression", null);
    filter.put("filterOptionName", "filter_" + column + "_" + operatorId.toLowerCase() + "_" + value.toLowerCase());
    return filter;
  }

  private static Map<String, Object> sql(String name, String expression) {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("expressionType", "SQL");
    filter.put("clause", "WHERE");
    filter.put("subject", null);
    filter.put("operator", null);
    filter.put("comparator", null);
    filter.put("isExtra", false);
    filter.put("isNew", false);
    filter.put("sqlExpression", expression);
    filter.put("filterOptionName", "filter_sql_" + name);
    return filter;
  }

  static String humanise(String column) {
    String words = column.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
