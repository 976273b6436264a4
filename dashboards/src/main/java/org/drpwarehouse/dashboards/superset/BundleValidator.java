package org.drpwarehouse.dashboards.superset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * Checks a Superset import bundle offline, before anyone imports it, with the rules Superset's
 * ImportV1 commands apply (4.1 and 5.x, see {@link SupersetBundle}) and a few of the board's own:
 *
 * <ul>
 *   <li>one root folder holds every entry, with {@code metadata.yaml} (version 1.0.0, type
 *       Dashboard or assets, an ISO timestamp) and only {@code databases/}, {@code datasets/},
 *       {@code charts/} and {@code dashboards/} YAML files;
 *   <li>each file has its required fields and no field its schema refuses; the database password
 *       is masked and absent;
 *   <li>UUIDs are well formed and unique, and every reference resolves: chart to dataset, dataset
 *       to database, dashboard position to chart, native filter to dataset;
 *   <li>the position tree is complete: {@code ROOT_ID} to {@code GRID_ID} to rows to charts, every
 *       child exists, every node is reached, every chart of the bundle appears once, rows are at
 *       most 12 columns wide;
 *   <li>each chart's viz type is known, has the form data it needs, and every column and metric it
 *       uses exists in its dataset (saved metrics by name; columns in SQL filters and metric
 *       expressions too);
 *   <li>a chart over a mart fixes its {@code breakdown} and {@code period_type} with an equality
 *       filter, since a sum across them counts a record several times; a native filter applies
 *       only to charts whose dataset has its column.
 * </ul>
 *
 * <p>Every problem names the file and the field ({@link BundleProblem}); {@link #check} raises them
 * all at once.
 */
public final class BundleValidator {
  /** Viz types the bundle may use: registered under these keys in Superset 4.1 and 5.x. */
  public static final Set<String> KNOWN_VIZ_TYPES = Set.of("big_number_total", "big_number", "echarts_timeseries_bar",
      "echarts_timeseries_line", "echarts_timeseries", "sankey_v2", "heatmap_v2", "table", "pie");

  private static final Set<String> METADATA_FIELDS = Set.of("version", "type", "timestamp");
  private static final Set<String> DATABASE_FIELDS = Set.of("database_name", "sqlalchemy_uri", "password", "cache_timeout",
      "expose_in_sqllab", "allow_run_async", "allow_ctas", "allow_cvas", "allow_dml", "allow_csv_upload", "extra", "uuid",
      "version", "is_managed_externally", "external_url");
  private static final List<String> DATABASE_REQUIRED =
      List.of("database_name", "sqlalchemy_uri", "uuid", "version", "allow_csv_upload", "extra");
  private static final Set<String> DATASET_FIELDS = Set.of("table_name", "main_dttm_col", "description", "default_endpoint",
      "offset", "cache_timeout", "schema", "catalog", "sql", "params", "template_params", "filter_select_enabled",
      "fetch_values_predicate", "extra", "uuid", "columns", "metrics", "version", "database_uuid", "is_managed_externally",
      "external_url", "normalize_columns", "always_filter_main_dttm");
  private static final List<String> DATASET_REQUIRED = List.of("table_name", "uuid", "version", "database_uuid");
  private static final Set<String> COLUMN_FIELDS = Set.of("column_name", "extra", "verbose_name", "is_dttm", "is_active",
      "type", "advanced_data_type", "groupby", "filterable", "expression", "description", "python_date_format");
  private static final Set<String> METRIC_FIELDS = Set.of("metric_name", "verbose_name", "metric_type", "expression",
      "description", "d3format", "extra", "warning_text");
  private static final Set<String> CHART_FIELDS = Set.of("slice_name", "description", "certified_by",
      "certification_details", "viz_type", "params", "query_context", "cache_timeout", "uuid", "version", "dataset_uuid",
      "is_managed_externally", "external_url");
  private static final List<String> CHART_REQUIRED = List.of("slice_name", "viz_type", "params", "uuid", "version", "dataset_uuid");
  private static final Set<String> DASHBOARD_FIELDS = Set.of("dashboard_title", "description", "css", "slug", "uuid",
      "position", "metadata", "version", "is_managed_externally", "external_url", "certified_by", "certification_details",
      "published");
  private static final List<String> DASHBOARD_REQUIRED = List.of("dashboard_title", "uuid", "version", "position", "metadata");

  /** Form-data keys that name columns, and keys that name metrics. */
  private static final List<String> COLUMN_KEYS = List.of("x_axis", "groupby", "columns", "all_columns", "source", "target",
      "series", "entity");
  private static final List<String> METRIC_KEYS = List.of("metric", "metrics", "percent_metrics", "timeseries_limit_metric",
      "secondary_metric", "size");
  private static final Map<String, List<String>> REQUIRED_PARAMS = Map.of(
      "big_number_total", List.of("metric"),
      "big_number", List.of("metric", "x_axis"),
      "echarts_timeseries_bar", List.of("x_axis", "metrics"),
      "echarts_timeseries_line", List.of("x_axis", "metrics"),
      "echarts_timeseries", List.of("x_axis", "metrics"),
      "sankey_v2", List.of("source", "target", "metric"),
      "heatmap_v2", List.of("x_axis", "groupby", "metric"),
      "pie", List.of("groupby", "metric"),
      "table", List.of("query_mode"));

  private static final Pattern IDENTIFIER = Pattern.compile("\"([^\"]+)\"|'(?:[^']|'')*'|\\b([A-Za-z_][A-Za-z0-9_]*)\\b");
  private static final Set<String> SQL_WORDS = Set.of("select", "from", "where", "and", "or", "not", "is", "null", "in",
      "case", "when", "then", "else", "end", "as", "sum", "count", "avg", "min", "max", "nullif", "coalesce", "distinct",
      "true", "false", "like", "ilike", "between", "cast", "float", "integer", "bigint", "numeric", "text", "any", "all",
      "round", "abs", "greatest", "least", "filter", "over", "partition", "by", "order", "asc", "desc", "interval");

  /** Every problem of the bundle, in the order found; empty when it passes. */
  public List<BundleProblem> problems(byte[] zip) {
    Problems problems = new Problems();
    Map<String, String> files = unpack(zip, problems);
    if (files == null) {
      return problems.list;
    }
    Map<String, Map<String, Object>> documents = new TreeMap<>();
    files.forEach((path, text) -> {
      try {
        documents.put(path, Yaml.read(text));
      } catch (IOException | IllegalArgumentException e) {
        problems.add(path, "", "is not a YAML mapping: " + firstLine(e.getMessage()));
      }
    });
    new Check(documents, problems).run();
    return problems.list;
  }

  /**
   * Raises every problem at once.
   *
   * @throws DrpUserException naming each file and field when the bundle would not import as built
   */
  public void check(byte[] zip) {
    List<BundleProblem> found = problems(zip);
    if (!found.isEmpty()) {
      throw new DrpUserException("Superset bundle",
          found.size() + " problem(s): " + found.stream().map(BundleProblem::toString).collect(Collectors.joining("; ")),
          "rebuild the bundle with SupersetBundle, or correct the named fields");
    }
  }

  /** The YAML files by their path inside the root folder, or null when the ZIP itself is wrong. */
  private static Map<String, String> unpack(byte[] zip, Problems problems) {
    Map<String, String> files = new TreeMap<>();
    Set<String> roots = new LinkedHashSet<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = entry.getName();
        byte[] content = in.readAllBytes();
        if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
          problems.add(name, "", "is not a safe relative path (Superset refuses the ZIP)");
          continue;
        }
        int slash = name.indexOf('/');
        if (slash < 0) {
          problems.add(name, "", "sits outside the root folder: a bundle has one folder holding every file");
          continue;
        }
        roots.add(name.substring(0, slash));
        String path = name.substring(slash + 1);
        if (entry.isDirectory() || path.isEmpty()) {
          continue;
        }
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        if (fileName.startsWith(".") || fileName.startsWith("_")) {
          continue; // Superset skips system files
        }
        if (!(path.endsWith(".yaml") || path.endsWith(".yml"))) {
          problems.add(path, "", "is not a YAML file, so Superset ignores it");
          continue;
        }
        if (files.put(path, new String(content, StandardCharsets.UTF_8)) != null) {
          problems.add(path, "", "appears twice");
        }
      }
    } catch (IOException e) {
      problems.add("(bundle)", "", "is not a readable ZIP: " + e.getMessage());
      return null;
    }
    if (roots.isEmpty() && problems.list.isEmpty()) {
      problems.add("(bundle)", "", "is empty");
      return null;
    }
    if (roots.size() > 1) {
      problems.add("(bundle)", "", "has " + roots.size() + " root folders " + roots + ": Superset reads one");
    }
    return files;
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }

  private static final class Problems {
    final List<BundleProblem> list = new ArrayList<>();

    void add(String file, String field, String problem) {
      list.add(new BundleProblem(file, field, problem));
    }
  }

  /** One pass over the parsed files. */
  private static final class Check {
    private final Map<String, Map<String, Object>> documents;
    private final Problems problems;
    private final Map<String, String> databases = new HashMap<>(); // uuid -> file
    private final Map<String, Dataset> datasets = new HashMap<>(); // uuid -> dataset
    private final Map<String, Chart> charts = new LinkedHashMap<>(); // uuid -> chart
    private final Map<String, String> uuidOwners = new HashMap<>();

    Check(Map<String, Map<String, Object>> documents, Problems problems) {
      this.documents = documents;
      this.problems = problems;
    }

    record Dataset(String file, String databaseUuid, Set<String> columns, Set<String> metrics) {}

    record Chart(String file, String datasetUuid, String vizType, Map<String, Object> params) {}

    void run() {
      metadata();
      documents.forEach((path, doc) -> {
        if (path.equals("metadata.yaml")) {
          return;
        }
        String[] parts = path.split("/");
        String kind = parts[0];
        boolean placed = switch (kind) {
          case "databases", "charts", "dashboards" -> parts.length == 2;
          case "datasets" -> parts.length == 3;
          default -> false;
        };
        if (!placed) {
          problems.add(path, "", "is not where a bundle keeps files (databases/X.yaml, datasets/DB/X.yaml, charts/X.yaml, dashboards/X.yaml)");
          return;
        }
        switch (kind) {
          case "databases" -> database(path, doc);
          case "datasets" -> dataset(path, doc);
          case "charts" -> chart(path, doc);
          default -> { }
        }
      });
      datasets.forEach((uuid, dataset) -> {
        if (!databases.containsKey(dataset.databaseUuid())) {
          problems.add(dataset.file(), "database_uuid", "names database " + dataset.databaseUuid() + ", which is not in the bundle");
        }
      });
      charts.values().forEach(this::chartContents);
      List<String> dashboards = documents.keySet().stream().filter(p -> p.startsWith("dashboards/")).toList();
      if (dashboards.isEmpty()) {
        problems.add("dashboards/", "", "holds no dashboard: the bundle reproduces the board dashboard");
      }
      dashboards.forEach(path -> dashboard(path, documents.get(path)));
    }

    private void metadata() {
      Map<String, Object> metadata = documents.get("metadata.yaml");
      if (metadata == null) {
        problems.add("metadata.yaml", "", "is missing: Superset refuses a bundle without it");
        return;
      }
      fields("metadata.yaml", metadata, METADATA_FIELDS, List.of("version", "type"));
      if (metadata.containsKey("version") && !SupersetBundle.VERSION.equals(metadata.get("version"))) {
        problems.add("metadata.yaml", "version", "is " + metadata.get("version") + ", not " + SupersetBundle.VERSION);
      }
      Object type = metadata.get("type");
      if (type != null && !type.equals(BundleKind.DASHBOARD.metadataType()) && !type.equals(BundleKind.ASSETS.metadataType())) {
        problems.add("metadata.yaml", "type", "is " + type + ": give Dashboard (UI import) or assets (API import)");
      }
      Object timestamp = metadata.get("timestamp");
      if (timestamp != null) {
        try {
          OffsetDateTime.parse(timestamp.toString());
        } catch (DateTimeParseException e) {
          problems.add("metadata.yaml", "timestamp", "is not an ISO date-time with offset: " + timestamp);
        }
      }
    }

    private void database(String path, Map<String, Object> doc) {
      fields(path, doc, DATABASE_FIELDS, DATABASE_REQUIRED);
      String uuid = uuid(path, doc, "uuid");
      if (uuid != null) {
        databases.put(uuid, path);
      }
      if (doc.get("password") != null) {
        problems.add(path, "password", "is in the bundle: leave it out, Superset asks for it at import");
      }
      Object uri = doc.get("sqlalchemy_uri");
      if (uri instanceof String text) {
        Matcher m = Pattern.compile("^[a-z0-9+]+://([^:@/]*)(?::([^@/]*))?@").matcher(text);
        if (!m.find() || m.group(2) == null) {
          problems.add(path, "sqlalchemy_uri", "names no user and masked password (user:" + SupersetConnection.PASSWORD_MASK + "@host)");
        } else if (!m.group(2).equals(SupersetConnection.PASSWORD_MASK)) {
          problems.add(path, "sqlalchemy_uri", "holds a password: mask it as " + SupersetConnection.PASSWORD_MASK);
        }
      }
      if (doc.containsKey("extra") && !(doc.get("extra") instanceof Map)) {
        problems.add(path, "extra", "is not a mapping");
      }
    }

    private void dataset(String path, Map<String, Object> doc) {
      fields(path, doc, DATASET_FIELDS, DATASET_REQUIRED);
      String uuid = uuid(path, doc, "uuid");
      String database = uuid(path, doc, "database_uuid");
      Set<String> columns = new LinkedHashSet<>();
      Set<String> metrics = new LinkedHashSet<>();
      List<Map<String, Object>> columnList = mappings(path, doc, "columns");
      for (int i = 0; i < columnList.size(); i++) {
        Map<String, Object> column = columnList.get(i);
        String field = "columns[" + i + "]";
        fields(path, field, column, COLUMN_FIELDS, List.of("column_name"));
        if (column.get("column_name") instanceof String name && !columns.add(name)) {
          problems.add(path, field + ".column_name", "repeats column " + name);
        }
      }
      List<Map<String, Object>> metricList = mappings(path, doc, "metrics");
      for (int i = 0; i < metricList.size(); i++) {
        Map<String, Object> metric = metricList.get(i);
        String field = "metrics[" + i + "]";
        fields(path, field, metric, METRIC_FIELDS, List.of("metric_name", "expression"));
        if (metric.get("metric_name") instanceof String name && !metrics.add(name)) {
          problems.add(path, field + ".metric_name", "repeats metric " + name);
        }
      }
      for (int i = 0; i < metricList.size(); i++) {
        if (metricList.get(i).get("expression") instanceof String expression) {
          sqlColumns(path, "metrics[" + i + "].expression", expression, columns);
        }
      }
      if (doc.get("main_dttm_col") instanceof String dttm && !columns.contains(dttm)) {
        problems.add(path, "main_dttm_col", "names column " + dttm + ", which the dataset does not have");
      }
      if (uuid != null) {
        datasets.put(uuid, new Dataset(path, database, columns, metrics));
      }
    }

    @SuppressWarnings("unchecked")
    private void chart(String path, Map<String, Object> doc) {
      fields(path, doc, CHART_FIELDS, CHART_REQUIRED);
      String uuid = uuid(path, doc, "uuid");
      String dataset = uuid(path, doc, "dataset_uuid");
      Object params = doc.get("params");
      if (params != null && !(params instanceof Map)) {
        problems.add(path, "params", "is not a mapping of form data");
        params = null;
      }
      if (uuid != null) {
        charts.put(uuid, new Chart(path, dataset, String.valueOf(doc.get("viz_type")),
            params == null ? Map.of() : (Map<String, Object>) params));
      }
    }

    private void chartContents(Chart chart) {
      String path = chart.file();
      if (!KNOWN_VIZ_TYPES.contains(chart.vizType())) {
        problems.add(path, "viz_type", "is " + chart.vizType() + ", not a viz type Superset 4.1 and 5.x both know "
            + KNOWN_VIZ_TYPES.stream().sorted().toList());
      }
      Map<String, Object> params = chart.params();
      if (params.containsKey("viz_type") && !chart.vizType().equals(params.get("viz_type"))) {
        problems.add(path, "params.viz_type", "is " + params.get("viz_type") + " but the chart is " + chart.vizType());
      }
      for (String required : REQUIRED_PARAMS.getOrDefault(chart.vizType(), List.of())) {
        Object value = params.get(required);
        if (value == null || (value instanceof Collection<?> c && c.isEmpty()) || "".equals(value)) {
          problems.add(path, "params." + required, "is missing: a " + chart.vizType() + " chart needs it");
        }
      }
      if (chart.vizType().equals("table")) {
        String mode = String.valueOf(params.get("query_mode"));
        boolean raw = mode.equals("raw");
        if (raw ? isEmpty(params.get("all_columns")) : isEmpty(params.get("groupby")) && isEmpty(params.get("metrics"))) {
          problems.add(path, raw ? "params.all_columns" : "params.metrics", "is missing: a " + mode + " table shows nothing");
        }
      }
      Dataset dataset = datasets.get(chart.datasetUuid());
      if (dataset == null) {
        if (chart.datasetUuid() != null) {
          problems.add(path, "dataset_uuid", "names dataset " + chart.datasetUuid() + ", which is not in the bundle");
        }
        return;
      }
      String datasetName = dataset.file().substring(dataset.file().lastIndexOf('/') + 1);
      for (String key : COLUMN_KEYS) {
        List<Object> values = asList(params.get(key));
        for (int i = 0; i < values.size(); i++) {
          columnRef(path, "params." + key + (params.get(key) instanceof List ? "[" + i + "]" : ""), values.get(i), dataset, datasetName);
        }
      }
      Set<String> metricLabels = new HashSet<>();
      for (String key : METRIC_KEYS) {
        List<Object> values = asList(params.get(key));
        for (int i = 0; i < values.size(); i++) {
          String field = "params." + key + (params.get(key) instanceof List ? "[" + i + "]" : "");
          metricLabels.add(metricRef(path, field, values.get(i), dataset, datasetName));
        }
      }
      if (params.get("x_axis_sort") instanceof String sort && !sort.equals(params.get("x_axis")) && !metricLabels.contains(sort)) {
        problems.add(path, "params.x_axis_sort", "sorts by " + sort + ", which is neither the x axis nor a metric of the chart");
      }
      Set<String> fixed = new HashSet<>();
      List<Object> filters = asList(params.get("adhoc_filters"));
      for (int i = 0; i < filters.size(); i++) {
        fixed.addAll(filter(path, "params.adhoc_filters[" + i + "]", filters.get(i), dataset, datasetName));
      }
      for (String dimension : List.of(MartTables.BREAKDOWN, MartTables.PERIOD_TYPE)) {
        if (dataset.columns().contains(dimension) && !fixed.contains(dimension)) {
          problems.add(path, "params.adhoc_filters", "does not fix " + dimension + " with an equality filter: every record of "
              + datasetName + " is in it once per " + dimension + ", so the chart would count it several times");
        }
      }
    }

    private void columnRef(String path, String field, Object ref, Dataset dataset, String datasetName) {
      if (ref instanceof String column) {
        if (!dataset.columns().contains(column)) {
          problems.add(path, field, "names column " + column + ", which " + datasetName + " does not have");
        }
      } else if (ref instanceof Map<?, ?> adhoc && adhoc.get("sqlExpression") instanceof String sql) {
        sqlColumns(path, field + ".sqlExpression", sql, dataset.columns());
      } else if (ref != null) {
        problems.add(path, field, "is neither a column name nor an adhoc column");
      }
    }

    /** The metric's label, after checking it resolves. */
    private String metricRef(String path, String field, Object ref, Dataset dataset, String datasetName) {
      if (ref instanceof String metric) {
        if (!dataset.metrics().contains(metric)) {
          problems.add(path, field, "names metric " + metric + ", which " + datasetName + " does not define");
        }
        return metric;
      }
      if (ref instanceof Map<?, ?> adhoc) {
        Object type = adhoc.get("expressionType");
        if ("SIMPLE".equals(type)) {
          Object column = adhoc.get("column") instanceof Map<?, ?> c ? c.get("column_name") : null;
          if (column == null || !dataset.columns().contains(column.toString())) {
            problems.add(path, field + ".column", "names column " + column + ", which " + datasetName + " does not have");
          }
        } else if ("SQL".equals(type) && adhoc.get("sqlExpression") instanceof String sql) {
          sqlColumns(path, field + ".sqlExpression", sql, dataset.columns());
        } else {
          problems.add(path, field, "is an adhoc metric with neither a column nor an SQL expression");
        }
        return String.valueOf(adhoc.get("label"));
      }
      problems.add(path, field, "is neither a saved metric name nor an adhoc metric");
      return "";
    }

    /** The columns the filter fixes by equality. */
    private Set<String> filter(String path, String field, Object value, Dataset dataset, String datasetName) {
      if (!(value instanceof Map<?, ?> filter)) {
        problems.add(path, field, "is not an adhoc filter");
        return Set.of();
      }
      if ("SIMPLE".equals(filter.get("expressionType"))) {
        Object subject = filter.get("subject");
        if (subject == null || !dataset.columns().contains(subject.toString())) {
          problems.add(path, field + ".subject", "filters on column " + subject + ", which " + datasetName + " does not have");
          return Set.of();
        }
        return "==".equals(filter.get("operator")) && filter.get("comparator") != null ? Set.of(subject.toString()) : Set.of();
      }
      if ("SQL".equals(filter.get("expressionType")) && filter.get("sqlExpression") instanceof String sql) {
        sqlColumns(path, field + ".sqlExpression", sql, dataset.columns());
        return Set.of();
      }
      problems.add(path, field, "is an adhoc filter with neither a subject nor an SQL expression");
      return Set.of();
    }

    /** Every identifier of an SQL expression that is not an SQL word must be a column. */
    private void sqlColumns(String path, String field, String sql, Set<String> columns) {
      Matcher m = IDENTIFIER.matcher(sql);
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        if (name == null || SQL_WORDS.contains(name.toLowerCase(Locale.ROOT)) || name.matches("\\d.*")) {
          continue;
        }
        if (!columns.contains(name)) {
          problems.add(path, field, "uses " + name + ", which is not a column of the dataset");
        }
      }
    }

    @SuppressWarnings("unchecked")
    private void dashboard(String path, Map<String, Object> doc) {
      fields(path, doc, DASHBOARD_FIELDS, DASHBOARD_REQUIRED);
      uuid(path, doc, "uuid");
      if (!(doc.get("position") instanceof Map<?, ?> position)) {
        if (doc.containsKey("position")) {
          problems.add(path, "position", "is not a mapping of layout nodes");
        }
        return;
      }
      Map<String, Object> nodes = (Map<String, Object>) position;
      Map<Integer, String> chartIds = positionTree(path, nodes);
      if (doc.get("metadata") instanceof Map<?, ?> metadata) {
        nativeFilters(path, (Map<String, Object>) metadata, chartIds);
      } else if (doc.containsKey("metadata")) {
        problems.add(path, "metadata", "is not a mapping");
      }
    }

    /** Checks the tree and returns the chart ids of its CHART nodes (chartId to chart uuid). */
    @SuppressWarnings("unchecked")
    private Map<Integer, String> positionTree(String path, Map<String, Object> nodes) {
      Map<Integer, String> chartIds = new HashMap<>();
      Map<String, Integer> chartPlacements = new HashMap<>();
      Set<String> reached = new HashSet<>();
      Object root = nodes.get("ROOT_ID");
      if (!(root instanceof Map<?, ?> rootNode) || !"ROOT".equals(rootNode.get("type"))) {
        problems.add(path, "position.ROOT_ID", "is missing or not of type ROOT");
        return chartIds;
      }
      reached.add("ROOT_ID");
      List<Object> rootChildren = asList(rootNode.get("children"));
      if (!rootChildren.contains("GRID_ID")) {
        problems.add(path, "position.ROOT_ID.children", "does not hold GRID_ID");
      }
      for (Map.Entry<String, Object> entry : nodes.entrySet()) {
        if (entry.getValue() instanceof Map<?, ?> node && !entry.getKey().equals(String.valueOf(node.get("id")))) {
          problems.add(path, "position." + entry.getKey() + ".id", "is " + node.get("id") + ", not its key " + entry.getKey());
        }
      }
      Object grid = nodes.get("GRID_ID");
      if (!(grid instanceof Map<?, ?> gridNode) || !"GRID".equals(gridNode.get("type"))) {
        problems.add(path, "position.GRID_ID", "is missing or not of type GRID");
        return chartIds;
      }
      reached.add("GRID_ID");
      List<Object> rows = asList(gridNode.get("children"));
      for (int r = 0; r < rows.size(); r++) {
        String rowId = String.valueOf(rows.get(r));
        String rowField = "position.GRID_ID.children[" + r + "]";
        if (!(nodes.get(rowId) instanceof Map<?, ?> row)) {
          problems.add(path, rowField, "names " + rowId + ", which is not in the position");
          continue;
        }
        if (!"ROW".equals(row.get("type"))) {
          problems.add(path, "position." + rowId + ".type", "is " + row.get("type") + ": the grid holds rows");
          continue;
        }
        reached.add(rowId);
        int width = 0;
        List<Object> children = asList(row.get("children"));
        for (int c = 0; c < children.size(); c++) {
          String childId = String.valueOf(children.get(c));
          String childField = "position." + rowId + ".children[" + c + "]";
          if (!(nodes.get(childId) instanceof Map<?, ?> child)) {
            problems.add(path, childField, "names " + childId + ", which is not in the position");
            continue;
          }
          reached.add(childId);
          Map<String, Object> meta = child.get("meta") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
          width += meta.get("width") instanceof Number n ? n.intValue() : 0;
          if ("MARKDOWN".equals(child.get("type"))) {
            continue;
          }
          if (!"CHART".equals(child.get("type"))) {
            problems.add(path, "position." + childId + ".type", "is " + child.get("type") + ": rows hold charts");
            continue;
          }
          Object uuid = meta.get("uuid");
          if (uuid == null || !charts.containsKey(uuid.toString())) {
            problems.add(path, "position." + childId + ".meta.uuid", "names chart " + uuid + ", which is not in the bundle");
          } else {
            chartPlacements.merge(uuid.toString(), 1, Integer::sum);
          }
          if (!(meta.get("chartId") instanceof Integer id)) {
            problems.add(path, "position." + childId + ".meta.chartId", "is missing: Superset maps charts by it at import");
          } else if (chartIds.put(id, String.valueOf(uuid)) != null) {
            problems.add(path, "position." + childId + ".meta.chartId", "repeats chart id " + id);
          }
        }
        if (width > 12) {
          problems.add(path, "position." + rowId, "is " + width + " columns wide: the grid has 12");
        }
      }
      for (Map.Entry<String, Object> entry : nodes.entrySet()) {
        String id = entry.getKey();
        if (entry.getValue() instanceof Map<?, ?> node && !reached.contains(id) && !"HEADER".equals(node.get("type"))) {
          problems.add(path, "position." + id, "is not reached from ROOT_ID through GRID_ID and its rows");
        }
      }
      charts.forEach((uuid, chart) -> {
        int placed = chartPlacements.getOrDefault(uuid, 0);
        if (placed != 1) {
          problems.add(path, "position", "places chart " + chart.file() + " " + placed + " times: every chart appears once");
        }
      });
      return chartIds;
    }

    @SuppressWarnings("unchecked")
    private void nativeFilters(String path, Map<String, Object> metadata, Map<Integer, String> chartIds) {
      List<Object> filters = asList(metadata.get("native_filter_configuration"));
      for (int i = 0; i < filters.size(); i++) {
        String field = "metadata.native_filter_configuration[" + i + "]";
        if (!(filters.get(i) instanceof Map<?, ?> raw)) {
          problems.add(path, field, "is not a filter");
          continue;
        }
        Map<String, Object> filter = (Map<String, Object>) raw;
        for (String required : List.of("id", "name", "filterType", "targets", "scope")) {
          if (filter.get(required) == null) {
            problems.add(path, field + "." + required, "is missing");
          }
        }
        Set<Integer> excluded = new HashSet<>();
        if (filter.get("scope") instanceof Map<?, ?> scope) {
          List<Object> list = asList(scope.get("excluded"));
          for (int e = 0; e < list.size(); e++) {
            if (!(list.get(e) instanceof Integer id) || !chartIds.containsKey(id)) {
              problems.add(path, field + ".scope.excluded[" + e + "]", "names chart id " + list.get(e) + ", which is not in the position");
            } else {
              excluded.add(id);
            }
          }
        }
        List<Object> targets = asList(filter.get("targets"));
        for (int t = 0; t < targets.size(); t++) {
          String targetField = field + ".targets[" + t + "]";
          Map<String, Object> target = targets.get(t) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
          Object datasetUuid = target.get("datasetUuid");
          Dataset dataset = datasetUuid == null ? null : datasets.get(datasetUuid.toString());
          if (dataset == null) {
            problems.add(path, targetField + ".datasetUuid", "names dataset " + datasetUuid + ", which is not in the bundle");
            continue;
          }
          Object column = target.get("column") instanceof Map<?, ?> c ? c.get("name") : null;
          if (column == null || !dataset.columns().contains(column.toString())) {
            problems.add(path, targetField + ".column.name", "names column " + column + ", which "
                + dataset.file().substring(dataset.file().lastIndexOf('/') + 1) + " does not have");
            continue;
          }
          chartIds.forEach((id, chartUuid) -> {
            Chart chart = charts.get(chartUuid);
            Dataset chartDataset = chart == null ? null : datasets.get(chart.datasetUuid());
            if (!excluded.contains(id) && chartDataset != null && !chartDataset.columns().contains(column.toString())) {
              problems.add(path, field + ".scope", "applies the filter on " + column + " to " + chart.file()
                  + ", whose dataset has no such column: exclude chart id " + id);
            }
          });
        }
      }
    }

    private void fields(String path, Map<String, Object> doc, Set<String> accepted, List<String> required) {
      fields(path, "", doc, accepted, required);
    }

    private void fields(String path, String prefix, Map<String, Object> doc, Set<String> accepted, List<String> required) {
      String dot = prefix.isEmpty() ? "" : prefix + ".";
      for (String field : required) {
        if (doc.get(field) == null) {
          problems.add(path, dot + field, "is missing: Superset requires it");
        }
      }
      for (String field : doc.keySet()) {
        if (!accepted.contains(field)) {
          problems.add(path, dot + field, "is not a field Superset 4.1 and 5.x both accept here, and an unknown field fails the import");
        }
      }
    }

    private String uuid(String path, Map<String, Object> doc, String field) {
      Object value = doc.get(field);
      if (value == null) {
        return null;
      }
      try {
        String uuid = UUID.fromString(value.toString()).toString();
        if (!uuid.equalsIgnoreCase(value.toString())) {
          throw new IllegalArgumentException();
        }
        if (field.equals("uuid")) {
          String owner = uuidOwners.putIfAbsent(uuid, path);
          if (owner != null) {
            problems.add(path, field, "repeats the UUID of " + owner);
          }
        }
        return uuid;
      } catch (IllegalArgumentException e) {
        problems.add(path, field, "is not a UUID: " + value);
        return null;
      }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> mappings(String path, Map<String, Object> doc, String field) {
      List<Map<String, Object>> result = new ArrayList<>();
      List<Object> values = asList(doc.get(field));
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) instanceof Map<?, ?> m) {
          result.add((Map<String, Object>) m);
        } else {
          problems.add(path, field + "[" + i + "]", "is not a mapping");
        }
      }
      return result;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> list ? (List<Object>) list : List.of(value);
  }

  private static boolean isEmpty(Object value) {
    return asList(value).isEmpty();
  }
}
