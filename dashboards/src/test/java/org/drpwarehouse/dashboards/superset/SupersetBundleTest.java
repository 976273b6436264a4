package org.drpwarehouse.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.drpwarehouse.dashboards.serving.ServingDatabase;
import org.drpwarehouse.dashboards.serving.ServingTarget;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupersetBundleTest {

  @Test
  void theBoardBundlePassesTheOfflineValidatorInBothKinds() {
    for (BundleKind kind : BundleKind.values()) {
      assertThat(new BundleValidator().problems(Bundles.board().zip(kind))).as("%s bundle", kind).isEmpty();
    }
  }

  @Test
  void oneRootFolderHoldsTheImportV1Layout() {
    Map<String, String> entries = Bundles.entries(Bundles.board().zip(BundleKind.ASSETS));
    String root = "drp_board_2024-06-28_1/";

    assertThat(entries.keySet()).as("every entry sits in the one root folder").allMatch(name -> name.startsWith(root));
    List<String> inside = entries.keySet().stream().map(name -> name.substring(root.length())).toList();
    assertThat(inside).contains("metadata.yaml", "databases/DRP_serving.yaml", "dashboards/drp-board-drp-serving.yaml",
        "charts/disputes_started.yaml", "charts/bypass_flows.yaml", "charts/themes_over_time.yaml");
    assertThat(inside.stream().filter(p -> p.startsWith("datasets/DRP_serving/")).map(p -> p.substring(21)).toList())
        .as("a dataset per mart, under the database's folder")
        .containsExactlyInAnyOrderElementsOf(MartTables.ALL.stream().map(m -> m.name() + ".yaml").toList());
    assertThat(inside.stream().filter(p -> p.startsWith("charts/"))).hasSize(BoardDashboard.charts().size());
  }

  @Test
  void metadataDeclaresVersionTypeAndThePublicationTime() throws Exception {
    Map<String, Object> dashboardKind = Yaml.read(Bundles.board().files(BundleKind.DASHBOARD).get("metadata.yaml"));
    Map<String, Object> assetsKind = Yaml.read(Bundles.board().files(BundleKind.ASSETS).get("metadata.yaml"));

    assertThat(dashboardKind).containsEntry("version", "1.0.0").containsEntry("type", "Dashboard")
        .containsEntry("timestamp", "2024-06-28T17:30:00+00:00");
    assertThat(assetsKind).as("the assets API refuses type Dashboard").containsEntry("type", "assets");
  }

  @Test
  void rebuildingAPublicationGivesTheSameBytesAndALaterOneTheSameObjects() {
    byte[] first = Bundles.board().zip(BundleKind.ASSETS);
    byte[] again = SupersetBundle.board(Bundles.CONNECTION, "2024-06-28.1", Bundles.PUBLISHED_AT).zip(BundleKind.ASSETS);
    SupersetBundle later = SupersetBundle.board(Bundles.CONNECTION, "2024-09-30.1", Instant.parse("2024-09-30T18:00:00Z"));

    assertThat(again).as("byte for byte").isEqualTo(first);
    assertThat(uuids(later.zip(BundleKind.ASSETS))).as("a later publication overwrites the same Superset objects")
        .isEqualTo(uuids(first));
  }

  @Test
  void uuidsAreVersion5AndNamedAfterTheObject() {
    assertThat(SupersetUuids.v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
        .as("RFC 4122 version 5 of a known name")
        .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    Set<String> all = uuids(Bundles.board().zip(BundleKind.ASSETS));
    assertThat(all).allMatch(u -> UUID.fromString(u).version() == 5);
    SupersetBundle otherDatabase = SupersetBundle.board(new SupersetConnection("DRP serving (test)", "db.internal", 5432,
        "drp", "superset_reader", "drp_board"), "2024-06-28.1", Bundles.PUBLISHED_AT);
    assertThat(uuids(otherDatabase.zip(BundleKind.ASSETS))).as("another serving database gets objects of its own")
        .doesNotContainAnyElementsOf(all);
  }

  @Test
  void theDatabasePasswordIsNeverInTheBundle() throws Exception {
    ServingTarget serving = ServingTarget.fromEnvironment("jdbc:postgresql://db.internal:5432/drp", "drp_publisher",
        Map.of(ServingTarget.PASSWORD_ENV, "serving-secret-7Qx"));
    SupersetBundle bundle = SupersetBundle.board(SupersetConnection.fromServing("DRP serving", serving, "superset_reader"),
        "2024-06-28.1", Bundles.PUBLISHED_AT);

    Map<String, Object> database = Yaml.read(bundle.files(BundleKind.ASSETS).get(bundle.databaseFile()));
    assertThat(database).containsEntry("sqlalchemy_uri", "postgresql+psycopg2://superset_reader:XXXXXXXXXX@db.internal:5432/drp")
        .doesNotContainKey("password");
    assertThat(new String(bundle.zip(BundleKind.ASSETS), StandardCharsets.ISO_8859_1)).doesNotContain("serving-secret-7Qx");
    assertThat(bundle.files(BundleKind.ASSETS).values()).noneMatch(text -> text.contains("serving-secret-7Qx"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyMartDatasetHasTheContractColumnsPlusSuppressedWithTheServingTypes() throws Exception {
    for (TableContract mart : MartTables.ALL) {
      Map<String, Object> dataset = Yaml.read(Bundles.board().files(BundleKind.ASSETS).get("datasets/DRP_serving/" + mart.name() + ".yaml"));
      List<Map<String, Object>> columns = (List<Map<String, Object>>) dataset.get("columns");
      List<String> expected = new ArrayList<>(mart.columnNames());
      expected.add(ServingDatabase.SUPPRESSED);

      assertThat(dataset).as(mart.name()).containsEntry("schema", "drp_board").containsEntry("table_name", mart.name());
      assertThat(columns.stream().map(c -> c.get("column_name")).toList()).as(mart.name()).isEqualTo(expected);
      assertThat(columns.stream().filter(c -> c.get("column_name").equals(ServingDatabase.SUPPRESSED)).findFirst().orElseThrow())
          .as("suppressed is text[], neither grouped nor filtered")
          .containsEntry("type", "TEXT[]").containsEntry("groupby", false).containsEntry("filterable", false);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void totalsAreBlankWhereACountBehindThemWasSuppressed() throws Exception {
    Map<String, Object> dataset = Yaml.read(Bundles.board().files(BundleKind.ASSETS).get("datasets/DRP_serving/mart_endings.yaml"));
    Map<String, String> metrics = ((List<Map<String, Object>>) dataset.get("metrics")).stream()
        .collect(Collectors.toMap(m -> (String) m.get("metric_name"), m -> (String) m.get("expression")));

    assertThat(metrics).containsEntry("total_ended", "CASE WHEN COUNT(*) = COUNT(ended) THEN SUM(ended) END");
    assertThat(metrics.get("within_20_wd_share"))
        .as("a share only where numerator and denominator are both publishable")
        .isEqualTo("CASE WHEN COUNT(*) = COUNT(formal_within_limit) AND COUNT(*) = COUNT(formal_limit_assessed)"
            + " AND SUM(formal_limit_assessed) > 0 THEN 1.0 * SUM(formal_within_limit) / SUM(formal_limit_assessed) END");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theHeadlineNumbersAreOneFinancialYearOfTheWholeAuthority() throws Exception {
    Map<String, String> files = Bundles.board().files(BundleKind.ASSETS);
    Map<String, Object> chart = Yaml.read(files.get("charts/disputes_started.yaml"));
    Map<String, Object> params = (Map<String, Object>) chart.get("params");

    assertThat(chart).containsEntry("viz_type", "big_number_total");
    assertThat(params).containsEntry("metric", "total_disputes");
    assertThat(((List<Map<String, Object>>) params.get("adhoc_filters")).stream()
        .map(f -> f.get("subject") + " " + f.get("operator") + " " + f.get("comparator")).toList())
        .containsExactly("breakdown == ALL", "period_type == FINANCIAL_YEAR", "process != REVERSE");

    Map<String, Object> dashboard = Yaml.read(files.get("dashboards/drp-board-drp-serving.yaml"));
    List<Map<String, Object>> filters =
        (List<Map<String, Object>>) ((Map<String, Object>) dashboard.get("metadata")).get("native_filter_configuration");
    Map<String, Object> authority = filters.get(0);
    Map<String, Object> year = filters.get(1);
    assertThat(authority).containsEntry("name", "Authority");
    assertThat((Map<String, Object>) authority.get("scope")).as("the authority filter applies to every chart")
        .containsEntry("excluded", List.of());
    assertThat((Map<String, Object>) year.get("controlValues")).as("the latest financial year by default")
        .containsEntry("defaultToFirstItem", true).containsEntry("sortAscending", false).containsEntry("multiSelect", false);
    assertThat((List<Integer>) ((Map<String, Object>) year.get("scope")).get("excluded"))
        .as("the year filter leaves the quarterly charts and the as-of snapshot alone").hasSize(6);
    assertThat(dashboard).containsEntry("published", true).containsEntry("uuid", Bundles.board().dashboardUuid().toString());
  }

  @Test
  void writesTheZipToAFile(@TempDir Path folder) throws Exception {
    Path file = Bundles.board().write(folder.resolve("out/board.zip"), BundleKind.DASHBOARD);

    assertThat(Files.readAllBytes(file)).isEqualTo(Bundles.board().zip(BundleKind.DASHBOARD));
    assertThat(folder.resolve("out")).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".partial"));
  }

  /** Every value of a key named uuid, *_uuid or *Uuid anywhere in a bundle. */
  private static Set<String> uuids(byte[] zip) {
    Set<String> found = new java.util.TreeSet<>();
    Bundles.entries(zip).values().forEach(text -> {
      try {
        collect(Yaml.read(text), found);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return found;
  }

  private static void collect(Object value, Set<String> found) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, v) -> {
        if (key.toString().toLowerCase().endsWith("uuid") && v != null) {
          found.add(v.toString());
        }
        collect(v, found);
      });
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, found));
    }
  }
}
