package org.drpwarehouse.dashboards.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.dashboards.superset.BundleKind;
import org.drpwarehouse.dashboards.superset.SupersetBundle;
import org.drpwarehouse.dashboards.superset.SupersetConnection;
import org.drpwarehouse.schemas.testing.Postgres;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Superset bundle describes the serving schema as published: every dataset's columns and types
 * are the table's, every saved metric is valid PostgreSQL, and every chart's query (as Superset
 * builds it from the form data: columns, metrics, adhoc filters) runs, with suppressed counts
 * blanking the totals that include them. One publication serves every test of the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardQueriesOnTheServingSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private String board;
  private String inspector;
  private SupersetBundle bundle;

  @BeforeAll
  void publish() {
    Postgres.require();
    board = Postgres.uniqueName("drp_board_q");
    inspector = Postgres.uniqueName("drp_insp_q");
    ServingTarget target = new ServingTarget(Postgres.URL, Postgres.USER, "", board, inspector, List.of());
    Map<TableContract, Dataset<Row>> marts = new LinkedHashMap<>();
    for (TableContract mart : MartTables.ALL) {
      marts.put(mart, ServingRows.board(mart, 1, Map.of()));
    }
    // Two authorities' disputes in one year: LA2's count was suppressed.
    Map<String, Object> year = Map.of(MartTables.BREAKDOWN, MartTables.Breakdown.ALL, MartTables.BREAKDOWN_VALUE,
        MartTables.ALL_VALUE, MartTables.PERIOD_TYPE, MartTables.PeriodType.FINANCIAL_YEAR, MartTables.PERIOD, "2024-25",
        MartTables.PROCESS, "CLA");
    Map<String, Object> la2 = new HashMap<>(year);
    la2.put(MartTables.AUTHORITY, "LA2");
    la2.put(ServingDatabase.SUPPRESSED, List.of(MartTables.DISPUTES));
    Map<String, Object> la1 = new HashMap<>(year);
    la1.put(MartTables.DISPUTES, 7L);
    marts.put(MartTables.DISPUTES_STARTED, ServingRows.board(MartTables.DISPUTES_STARTED, 1, la1)
        .union(ServingRows.board(MartTables.DISPUTES_STARTED, 1, la2)));
    new ServingDatabase().publish(marts, Map.of(), target, "queries");
    bundle = SupersetBundle.board(SupersetConnection.fromServing("DRP serving", target, "superset_reader"), "queries",
        Instant.parse("2024-06-28T17:30:00Z"));
  }

  @AfterAll
  void drop() {
    Postgres.dropSchemas(board, inspector);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyDatasetColumnIsATableColumnOfTheSameType() throws Exception {
    for (Map.Entry<String, String> file : bundle.files(BundleKind.ASSETS).entrySet()) {
      if (!file.getKey().startsWith("datasets/")) {
        continue;
      }
      Map<String, Object> dataset = YAML.readValue(file.getValue(), Map.class);
      String table = (String) dataset.get("table_name");
      Map<String, String> declared = new LinkedHashMap<>();
      for (Map<String, Object> column : (List<Map<String, Object>>) dataset.get("columns")) {
        declared.put((String) column.get("column_name"), (String) column.get("type"));
      }
      Map<String, String> actual = new LinkedHashMap<>();
      for (String row : Postgres.column("SELECT column_name || '=' || CASE WHEN data_type = 'ARRAY' THEN upper(substr(udt_name, 2)) || '[]'"
          + " ELSE upper(data_type) END FROM information_schema.columns WHERE table_schema = '" + board + "' AND table_name = '"
          + table + "' ORDER BY ordinal_position")) {
        actual.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
      }
      assertThat(declared).as("%s as the bundle describes it", table).isEqualTo(actual);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyChartQueryRunsOnTheServingSchema() throws Exception {
    Map<String, String> files = bundle.files(BundleKind.ASSETS);
    Map<String, Map<String, String>> metricsByDataset = new HashMap<>();
    Map<String, String> tableByDataset = new HashMap<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (file.getKey().startsWith("datasets/")) {
        Map<String, Object> dataset = YAML.readValue(file.getValue(), Map.class);
        Map<String, String> metrics = new HashMap<>();
        for (Map<String, Object> metric : (List<Map<String, Object>>) dataset.get("metrics")) {
          metrics.put((String) metric.get("metric_name"), (String) metric.get("expression"));
        }
        metricsByDataset.put((String) dataset.get("uuid"), metrics);
        tableByDataset.put((String) dataset.get("uuid"), (String) dataset.get("table_name"));
      }
    }
    int charts = 0;
    try (Connection c = Postgres.connect(); Statement s = c.createStatement()) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        if (!file.getKey().startsWith("charts/")) {
          continue;
        }
        Map<String, Object> chart = YAML.readValue(file.getValue(), Map.class);
        String dataset = (String) chart.get("dataset_uuid");
        String sql = query((Map<String, Object>) chart.get("params"), metricsByDataset.get(dataset),
            board + "." + tableByDataset.get(dataset), null);
        try (ResultSet ignored = s.executeQuery(sql)) {
          charts++;
        }
      }
      assertThat(charts).isEqualTo(9);

      Map<String, Object> headline = YAML.readValue(files.get("charts/disputes_started.yaml"), Map.class);
      Map<String, Object> params = (Map<String, Object>) headline.get("params");
      Map<String, String> metrics = metricsByDataset.get(headline.get("dataset_uuid"));
      assertThat(single(s, query(params, metrics, board + ".mart_disputes", null)))
          .as("two authorities, one suppressed: the total is blank, never 7").isNull();
      assertThat(single(s, query(params, metrics, board + ".mart_disputes", "authority = 'LA1'")))
          .as("the authority filter on LA1 alone shows its 7").isEqualTo("7");
    }
  }

  /** The query Superset builds from form data: grouped columns, metrics, adhoc filters. */
  @SuppressWarnings("unchecked")
  private static String query(Map<String, Object> params, Map<String, String> metrics, String table, String extraWhere) {
    List<String> columns = new ArrayList<>();
    for (String key : List.of("x_axis", "groupby", "source", "target")) {
      Object value = params.get(key);
      if (value instanceof String column) {
        columns.add(column);
      } else if (value instanceof List<?> list) {
        list.forEach(column -> columns.add((String) column));
      }
    }
    List<String> selected = new ArrayList<>(columns);
    for (String key : List.of("metric", "metrics")) {
      Object value = params.get(key);
      for (Object metric : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
        selected.add(metrics.get((String) metric) + " AS " + metric);
      }
    }
    List<String> where = new ArrayList<>();
    for (Map<String, Object> filter : (List<Map<String, Object>>) params.getOrDefault("adhoc_filters", List.of())) {
      if ("SQL".equals(filter.get("expressionType"))) {
        where.add("(" + filter.get("sqlExpression") + ")");
      } else {
        where.add(filter.get("subject") + ("==".equals(filter.get("operator")) ? " = '" : " <> '") + filter.get("comparator") + "'");
      }
    }
    if (extraWhere != null) {
      where.add(extraWhere);
    }
    return "SELECT " + String.join(", ", selected) + " FROM " + table + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + (columns.isEmpty() ? "" : " GROUP BY " + String.join(", ", columns));
  }

  private static String single(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      assertThat(r.next()).as("one row from %s", sql).isTrue();
      return r.getString(1);
    }
  }
}
