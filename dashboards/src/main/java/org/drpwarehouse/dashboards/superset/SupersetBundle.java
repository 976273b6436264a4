package org.drpwarehouse.dashboards.superset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.dashboards.serving.ServingDatabase;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableColumn;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * The board dashboard as a Superset import bundle (ImportV1 layout) over the serving database's
 * board schema: one root folder holding {@code metadata.yaml} (version 1.0.0, the {@link
 * BundleKind}'s type, the publication time), {@code databases/<name>.yaml}, {@code
 * datasets/<name>/<mart>.yaml} (every mart, with publishable totals and shares as saved metrics),
 * {@code charts/<chart>.yaml} and {@code dashboards/<slug>.yaml}. The dashboard: four headline
 * numbers (disputes started, formal disputes ended within 20 WD, open formal disputes past 20 WD,
 * Cafcass referrals; {@code big_number_total}), responses on time by quarter and stage ({@code
 * echarts_timeseries_bar}), escalations and bypasses between stages ({@code sankey_v2}), themes by
 * quarter ({@code heatmap_v2}), Cafcass referrals by quarter and stage ({@code
 * echarts_timeseries_bar}), open disputes by age ({@code table}), and native filters on the
 * authority (every chart) and the financial year (the headline numbers, latest by default). The
 * inspectors' detail is not in the bundle: the board sees suppressed aggregates only.
 *
 * <p><b>Deterministic.</b> UUIDs are name-based (version 5, from the Superset database name and
 * the object's name, never the publication), entries are sorted and stamped with the publication
 * time, so rebuilding a publication gives the same bytes, and importing a later publication
 * overwrites the same objects in Superset.
 *
 * <p><b>No password.</b> {@code sqlalchemy_uri} carries {@value SupersetConnection#PASSWORD_MASK};
 * Superset asks for the password at import (the UI prompts; {@link SupersetImporter} sends it in
 * the {@code passwords} field, keyed by {@link #databaseFile()}).
 *
 * <p><b>Verified by reading Superset's own import code</b> (apache/superset sources of the 4.1 line,
 * where the legacy and ECharts Sankey and Heatmap are both registered, and of the 5.x line, with
 * its {@code VizType} enum; not by an import into a running Superset): only fields the marshmallow schemas {@code ImportV1DatabaseSchema}, {@code
 * ImportV1DatasetSchema} (with {@code ImportV1ColumnSchema}, {@code ImportV1MetricSchema}), {@code
 * ImportV1ChartSchema} and {@code ImportV1DashboardSchema} declare in both are written (they refuse
 * unknown fields): database {@code database_name, sqlalchemy_uri, cache_timeout, expose_in_sqllab,
 * allow_run_async, allow_ctas, allow_cvas, allow_dml, allow_csv_upload, extra, uuid, version}
 * ({@code allow_csv_upload} and {@code extra} are read unconditionally by {@code import_database});
 * dataset {@code table_name, main_dttm_col, description, default_endpoint, offset, cache_timeout,
 * schema, sql, params, template_params, filter_select_enabled, fetch_values_predicate, extra, uuid,
 * metrics, columns, version, database_uuid}; column {@code column_name, verbose_name, is_dttm,
 * is_active, type, groupby, filterable, expression, description, python_date_format}; metric {@code
 * metric_name, verbose_name, metric_type, expression, description, d3format, warning_text} (not
 * {@code currency}, a string in 4.x and an object in 5.x); chart {@code slice_name, description,
 * viz_type, params, query_context, cache_timeout, uuid, version, dataset_uuid}; dashboard {@code
 * dashboard_title, description, css, slug, uuid, position, metadata, version, published}. {@code
 * metadata.yaml}: {@code version} must equal 1.0.0 ({@code MetadataSchema}), and the assets
 * endpoint refuses {@code type: Dashboard}, hence {@link BundleKind}. Position {@code CHART} nodes
 * carry {@code meta.uuid} and {@code meta.chartId} ({@code build_uuid_to_id_map} reads both); native
 * filters name their dataset by {@code datasetUuid} and exclude charts by these chart ids, which
 * {@code update_id_refs} remaps. Viz type keys are the frontend's registered keys: {@code
 * big_number_total}, {@code echarts_timeseries_bar}, {@code sankey_v2} and {@code heatmap_v2} (the
 * ECharts Sankey and Heatmap, in 4.1 and 5.x; 4.0 has no {@code sankey_v2}) and {@code table}.
 * {@link BundleValidator} checks the same rules offline.
 */
public final class SupersetBundle {
  static final String VERSION = "1.0.0";
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'");

  private final SupersetConnection connection;
  private final String publicationId;
  private final Instant publishedAt;

  private SupersetBundle(SupersetConnection connection, String publicationId, Instant publishedAt) {
    this.connection = Objects.requireNonNull(connection, "connection");
    if (publicationId == null || !publicationId.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
      throw new IllegalArgumentException("Cannot name a bundle after publication '" + publicationId
          + "': use up to 100 letters, digits and . _ : -");
    }
    this.publicationId = publicationId;
    this.publishedAt = Objects.requireNonNull(publishedAt, "publishedAt").truncatedTo(ChronoUnit.SECONDS);
    if (this.publishedAt.isBefore(Instant.parse("1980-01-01T00:00:00Z"))) {
      throw new IllegalArgumentException("Cannot stamp a bundle with " + publishedAt + ": ZIP times start in 1980");
    }
  }

  /** The board dashboard of one publication, reading the serving schema through {@code connection}. */
  public static SupersetBundle board(SupersetConnection connection, String publicationId, Instant publishedAt) {
    return new SupersetBundle(connection, publicationId, publishedAt);
  }

  /** The one folder every entry of the ZIP sits in. */
  public String rootFolder() {
    return "drp_board_" + publicationId.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** {@code databases/<name>.yaml}: the key of the database's password in an import. */
  public String databaseFile() {
    return "databases/" + fileName(connection.databaseName()) + ".yaml";
  }

  public UUID databaseUuid() {
    return SupersetUuids.of("database/" + connection.databaseName());
  }

  public UUID dashboardUuid() {
    return SupersetUuids.of("dashboard/" + connection.databaseName() + "/board");
  }

  UUID datasetUuid(TableContract mart) {
    return SupersetUuids.of("dataset/" + connection.databaseName() + "/" + connection.boardSchema() + "." + mart.name());
  }

  UUID chartUuid(BoardDashboard.Chart chart) {
    return SupersetUuids.of("chart/" + connection.databaseName() + "/" + chart.key());
  }

  /** The bundle's files by their path inside the root folder, as YAML text. */
  public SortedMap<String, String> files(BundleKind kind) {
    SortedMap<String, String> files = new TreeMap<>();
    files.put("metadata.yaml", Yaml.write(metadata(kind)));
    files.put(databaseFile(), Yaml.write(database()));
    for (TableContract mart : BoardDashboard.datasets()) {
      files.put(datasetFile(mart), Yaml.write(dataset(mart)));
    }
    for (BoardDashboard.Chart chart : BoardDashboard.charts()) {
      files.put("charts/" + chart.key() + ".yaml", Yaml.write(chart(chart)));
    }
    files.put("dashboards/" + fileName(slug()) + ".yaml", Yaml.write(dashboard()));
    return Collections.unmodifiableSortedMap(files);
  }

  /** The bundle as a ZIP: the same bytes for the same connection, publication and kind. */
  public byte[] zip(BundleKind kind) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LocalDateTime stamp = LocalDateTime.ofInstant(publishedAt, ZoneOffset.UTC);
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> file : files(kind).entrySet()) {
        ZipEntry entry = new ZipEntry(rootFolder() + "/" + file.getKey());
        entry.setTimeLocal(stamp);
        zip.putNextEntry(entry);
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the Superset bundle in memory", e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@link #zip} to {@code file} (replacing it) and returns the file. */
  public Path write(Path file, BundleKind kind) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path partial = Files.createTempFile(parent, ".bundle-", ".zip.partial");
      Files.write(partial, zip(kind));
      return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the Superset bundle to " + file + ": " + e.getMessage(), e);
    }
  }

  // ---- files ------------------------------------------------------------------------------------

  private Map<String, Object> metadata(BundleKind kind) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("version", VERSION);
    metadata.put("type", kind.metadataType());
    metadata.put("timestamp", TIMESTAMP.format(publishedAt.atOffset(ZoneOffset.UTC)));
    return metadata;
  }

  private Map<String, Object> database() {
    Map<String, Object> database = new LinkedHashMap<>();
    database.put("database_name", connection.databaseName());
    database.put("sqlalchemy_uri", connection.sqlalchemyUri());
    database.put("cache_timeout", null);
    database.put("expose_in_sqllab", true);
    database.put("allow_run_async", false);
    database.put("allow_ctas", false);
    database.put("allow_cvas", false);
    database.put("allow_dml", false);
    database.put("allow_csv_upload", false);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("allows_virtual_table_explore", true);
    database.put("extra", extra);
    database.put("uuid", databaseUuid().toString());
    database.put("version", VERSION);
    return database;
  }

  private String datasetFile(TableContract mart) {
    return "datasets/" + fileName(connection.databaseName()) + "/" + mart.name() + ".yaml";
  }

  private Map<String, Object> dataset(TableContract mart) {
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("table_name", mart.name());
    dataset.put("main_dttm_col", mart.column(MartTables.PERIOD_START).isPresent() ? MartTables.PERIOD_START : null);
    dataset.put("description", "One row per " + mart.grain() + (mart.countsIn().isEmpty() ? "" : "; " + mart.countsIn())
        + ". Small numbers suppressed: the columns listed in " + ServingDatabase.SUPPRESSED + " are blank.");
    dataset.put("default_endpoint", null);
    dataset.put("offset", 0);
    dataset.put("cache_timeout", null);
    dataset.put("schema", connection.boardSchema());
    dataset.put("sql", null);
    dataset.put("params", null);
    dataset.put("template_params", null);
    dataset.put("filter_select_enabled", true);
    dataset.put("fetch_values_predicate", null);
    dataset.put("extra", null);
    dataset.put("uuid", datasetUuid(mart).toString());
    List<Map<String, Object>> metrics = new ArrayList<>();
    for (BoardDashboard.Metric metric : BoardDashboard.metrics(mart)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("metric_name", metric.name());
      m.put("verbose_name", metric.verboseName());
      m.put("metric_type", null);
      m.put("expression", metric.expression());
      m.put("description", metric.description());
      m.put("d3format", metric.d3format());
      m.put("warning_text", metric.warning());
      metrics.add(m);
    }
    dataset.put("metrics", metrics);
    List<Map<String, Object>> columns = new ArrayList<>();
    for (TableColumn column : mart.columns()) {
      columns.add(column(column.name(), column.type(), column.description()));
    }
    columns.add(column(ServingDatabase.SUPPRESSED, DataTypes.createArrayType(DataTypes.StringType),
        "the columns of this row whose counts were suppressed as small numbers (blank)"));
    dataset.put("columns", columns);
    dataset.put("version", VERSION);
    dataset.put("database_uuid", databaseUuid().toString());
    return dataset;
  }

  private static Map<String, Object> column(String name, DataType type, String description) {
    boolean array = type instanceof ArrayType;
    boolean measure = type.equals(DataTypes.LongType) || type.equals(DataTypes.DoubleType);
    Map<String, Object> column = new LinkedHashMap<>();
    column.put("column_name", name);
    column.put("verbose_name", BoardDashboard.humanise(name));
    column.put("is_dttm", type.equals(DataTypes.DateType));
    column.put("is_active", true);
    column.put("type", postgresType(type));
    column.put("groupby", !array && !measure);
    column.put("filterable", !array);
    column.put("expression", null);
    column.put("description", description);
    column.put("python_date_format", null);
    return column;
  }

  /** The column types {@link ServingDatabase} creates (Spark's PostgreSQL dialect). */
  static String postgresType(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return "TEXT";
    } else if (type.equals(DataTypes.LongType)) {
      return "BIGINT";
    } else if (type.equals(DataTypes.IntegerType)) {
      return "INTEGER";
    } else if (type.equals(DataTypes.DoubleType)) {
      return "DOUBLE PRECISION";
    } else if (type.equals(DataTypes.DateType)) {
      return "DATE";
    } else if (type.equals(DataTypes.BooleanType)) {
      return "BOOLEAN";
    } else if (type instanceof ArrayType array) {
      return postgresType(array.elementType()) + "[]";
    }
    throw new IllegalArgumentException("No serving column type for " + type.simpleString());
  }

  private Map<String, Object> chart(BoardDashboard.Chart chart) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("slice_name", chart.title());
    file.put("description", chart.description());
    file.put("viz_type", chart.vizType());
    file.put("params", chart.params());
    file.put("query_context", null);
    file.put("cache_timeout", null);
    file.put("uuid", chartUuid(chart).toString());
    file.put("version", VERSION);
    file.put("dataset_uuid", datasetUuid(chart.mart()).toString());
    return file;
  }

  private String slug() {
    return "drp-board-" + connection.databaseName().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  private Map<String, Object> dashboard() {
    List<BoardDashboard.Chart> charts = BoardDashboard.charts();
    Map<String, Integer> chartIds = new LinkedHashMap<>();
    for (BoardDashboard.Chart chart : charts) {
      chartIds.put(chart.key(), chartIds.size() + 1);
    }
    Map<String, Object> dashboard = new LinkedHashMap<>();
    dashboard.put("dashboard_title", BoardDashboard.TITLE);
    dashboard.put("description", "Publication " + publicationId + " of " + TIMESTAMP.format(publishedAt.atOffset(ZoneOffset.UTC))
        + ". Aggregates only, small numbers suppressed.");
    dashboard.put("css", "");
    dashboard.put("slug", slug());
    dashboard.put("uuid", dashboardUuid().toString());
    dashboard.put("position", position(chartIds));
    dashboard.put("metadata", dashboardMetadata(chartIds));
    dashboard.put("version", VERSION);
    dashboard.put("published", true);
    return dashboard;
  }

  private Map<String, Object> position(Map<String, Integer> chartIds) {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("DASHBOARD_VERSION_KEY", "v2");
    position.put("ROOT_ID", node("ROOT_ID", "ROOT", List.of("GRID_ID"), List.of(), null));
    List<String> rowIds = BoardDashboard.rows().stream().map(row -> "ROW-" + row.key()).toList();
    position.put("GRID_ID", node("GRID_ID", "GRID", rowIds, List.of("ROOT_ID"), null));
    position.put("HEADER_ID", node("HEADER_ID", "HEADER", null, null, Map.of("text", BoardDashboard.TITLE)));
    for (BoardDashboard.Row row : BoardDashboard.rows()) {
      String rowId = "ROW-" + row.key();
      List<String> children = row.charts().stream().map(chart -> "CHART-" + chart.key()).toList();
      position.put(rowId, node(rowId, "ROW", children, List.of("ROOT_ID", "GRID_ID"),
          Map.of("background", "BACKGROUND_TRANSPARENT")));
      for (BoardDashboard.Chart chart : row.charts()) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("chartId", chartIds.get(chart.key()));
        meta.put("height", chart.height());
        meta.put("sliceName", chart.title());
        meta.put("uuid", chartUuid(chart).toString());
        meta.put("width", chart.width());
        String chartNode = "CHART-" + chart.key();
        position.put(chartNode, node(chartNode, "CHART", List.of(), List.of("ROOT_ID", "GRID_ID", rowId), meta));
      }
    }
    return position;
  }

  private static Map<String, Object> node(String id, String type, List<String> children, List<String> parents,
      Map<String, Object> meta) {
    Map<String, Object> node = new LinkedHashMap<>();
    if (children != null) {
      node.put("children", children);
    }
    node.put("id", id);
    if (meta != null) {
      node.put("meta", meta);
    }
    if (parents != null && !parents.isEmpty()) {
      node.put("parents", parents);
    }
    node.put("type", type);
    return node;
  }

  private Map<String, Object> dashboardMetadata(Map<String, Integer> chartIds) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("color_scheme", "");
    metadata.put("refresh_frequency", 0);
    metadata.put("expanded_slices", Map.of());
    metadata.put("label_colors", Map.of());
    metadata.put("timed_refresh_immune_slices", List.of());
    metadata.put("cross_filters_enabled", false);
    metadata.put("default_filters", "{}");
    List<Map<String, Object>> filters = new ArrayList<>();
    for (BoardDashboard.NativeFilter filter : BoardDashboard.filters()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("id", filter.id());
      f.put("name", filter.name());
      f.put("description", filter.description());
      f.put("filterType", "filter_select");
      Map<String, Object> column = new LinkedHashMap<>();
      column.put("name", filter.column());
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("column", column);
      target.put("datasetUuid", datasetUuid(filter.mart()).toString());
      f.put("targets", List.of(target));
      f.put("controlValues", filter.controlValues());
      Map<String, Object> defaultDataMask = new LinkedHashMap<>();
      defaultDataMask.put("extraFormData", Map.of());
      defaultDataMask.put("filterState", Map.of());
      defaultDataMask.put("ownState", Map.of());
      f.put("defaultDataMask", defaultDataMask);
      f.put("cascadeParentIds", List.of());
      Map<String, Object> scope = new LinkedHashMap<>();
      scope.put("rootPath", List.of("ROOT_ID"));
      scope.put("excluded", chartIds.entrySet().stream().filter(e -> filter.excludedCharts().contains(e.getKey()))
          .map(Map.Entry::getValue).toList());
      f.put("scope", scope);
      f.put("type", "NATIVE_FILTER");
      if (!filter.preFilters().isEmpty()) {
        f.put("adhoc_filters", filter.preFilters());
        f.put("time_range", "No filter");
      }
      filters.add(f);
    }
    metadata.put("native_filter_configuration", filters);
    return metadata;
  }

  static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9_-]+", "_");
  }
}
