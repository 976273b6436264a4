package org.drpwarehouse.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.drpwarehouse.schemas.DrpUserException;
import org.junit.jupiter.api.Test;

/** Each test breaks the board bundle in one way and expects the validator to name the file and field. */
class BundleValidatorTest {
  private static final String DASHBOARD = "dashboards/drp-board-drp-serving.yaml";
  private static final String DATABASE = "databases/DRP_serving.yaml";
  private static final String DISPUTES_STARTED = "charts/disputes_started.yaml";

  private final BundleValidator validator = new BundleValidator();

  @Test
  void theUnbrokenBoardBundlePasses() {
    assertThat(validator.problems(Bundles.rezip(Bundles.parsed(BundleKind.ASSETS)))).isEmpty();
  }

  @Test
  void aBundleWithoutMetadataIsRefused() {
    Map<String, Map<String, Object>> files = Bundles.parsed(BundleKind.ASSETS);
    files.remove("metadata.yaml");

    assertThat(problems(files)).contains(new BundleProblem("metadata.yaml", "", "is missing: Superset refuses a bundle without it"));
  }

  @Test
  void theMetadataVersionMustBeOneZeroZero() {
    assertThat(problemsAfter(files -> files.get("metadata.yaml").put("version", "2.0.0")))
        .anyMatch(p -> p.file().equals("metadata.yaml") && p.field().equals("version"));
  }

  @Test
  void filesOutsideTheOneRootFolderAreRefused() {
    Map<String, String> entries = new TreeMap<>(Bundles.entries(Bundles.board().zip(BundleKind.ASSETS)));
    entries.put("metadata.yaml", "version: 1.0.0\n");
    entries.put("second_root/charts/x.yaml", "slice_name: x\n");

    List<BundleProblem> problems = validator.problems(Bundles.zip(entries));
    assertThat(problems).anyMatch(p -> p.file().equals("metadata.yaml") && p.problem().contains("outside the root folder"));
    assertThat(problems).anyMatch(p -> p.file().equals("(bundle)") && p.problem().contains("2 root folders"));
  }

  @Test
  void aChartWhoseDatasetIsNotInTheBundleIsNamed() {
    assertThat(problemsAfter(files -> files.get(DISPUTES_STARTED).put("dataset_uuid", "00000000-0000-5000-8000-000000000000")))
        .contains(new BundleProblem(DISPUTES_STARTED, "dataset_uuid",
            "names dataset 00000000-0000-5000-8000-000000000000, which is not in the bundle"));
  }

  @Test
  void aDatasetWhoseDatabaseIsNotInTheBundleIsNamed() {
    Map<String, Map<String, Object>> files = Bundles.parsed(BundleKind.ASSETS);
    files.remove(DATABASE);

    assertThat(problems(files)).anyMatch(p -> p.file().equals("datasets/DRP_serving/mart_themes.yaml")
        && p.field().equals("database_uuid") && p.problem().contains("not in the bundle"));
  }

  @Test
  void aRequiredFieldMissingAndAFieldSupersetRefusesAreNamed() {
    List<BundleProblem> problems = problemsAfter(files -> {
      files.get(DISPUTES_STARTED).remove("slice_name");
      files.get(DISPUTES_STARTED).put("owners", List.of(1));
      files.get(DATABASE).remove("allow_csv_upload");
    });

    assertThat(problems).contains(new BundleProblem(DISPUTES_STARTED, "slice_name", "is missing: Superset requires it"));
    assertThat(problems).anyMatch(p -> p.file().equals(DISPUTES_STARTED) && p.field().equals("owners")
        && p.problem().contains("unknown field fails the import"));
    assertThat(problems).anyMatch(p -> p.file().equals(DATABASE) && p.field().equals("allow_csv_upload"));
  }

  @Test
  void aPasswordInTheDatabaseFileIsRefused() {
    List<BundleProblem> problems = problemsAfter(files -> {
      files.get(DATABASE).put("sqlalchemy_uri", "postgresql+psycopg2://superset_reader:hunter2@db.internal:5432/drp");
      files.get(DATABASE).put("password", "hunter2");
    });

    assertThat(problems).anyMatch(p -> p.file().equals(DATABASE) && p.field().equals("sqlalchemy_uri")
        && p.problem().contains("mask it as XXXXXXXXXX"));
    assertThat(problems).anyMatch(p -> p.file().equals(DATABASE) && p.field().equals("password"));
    assertThat(problems.toString()).as("the validator does not repeat the password").doesNotContain("hunter2");
  }

  @Test
  void aRowChildThatDoesNotExistIsNamedWithItsPlace() {
    List<BundleProblem> problems = problemsAfter(files -> {
      Map<String, Object> row = node(files, "ROW-headlines");
      List<Object> children = new ArrayList<>(list(row.get("children")));
      children.set(1, "CHART-nowhere");
      row.put("children", children);
    });

    assertThat(problems).contains(new BundleProblem(DASHBOARD, "position.ROW-headlines.children[1]",
        "names CHART-nowhere, which is not in the position"));
    assertThat(problems).anyMatch(p -> p.field().equals("position.CHART-formal_within_20_wd") && p.problem().contains("not reached"));
    assertThat(problems).anyMatch(p -> p.field().equals("position") && p.problem().contains("charts/formal_within_20_wd.yaml 0 times"));
  }

  @Test
  void theGridMustHangFromTheRoot() {
    assertThat(problemsAfter(files -> node(files, "ROOT_ID").put("children", List.of())))
        .contains(new BundleProblem(DASHBOARD, "position.ROOT_ID.children", "does not hold GRID_ID"));
  }

  @Test
  void aPositionChartThatIsNotInTheBundleIsNamed() {
    assertThat(problemsAfter(files -> meta(node(files, "CHART-bypass_flows")).put("uuid", "00000000-0000-5000-8000-000000000001")))
        .anyMatch(p -> p.file().equals(DASHBOARD) && p.field().equals("position.CHART-bypass_flows.meta.uuid"));
  }

  @Test
  void aRowWiderThanTheGridIsRefused() {
    assertThat(problemsAfter(files -> meta(node(files, "CHART-on_time_by_quarter")).put("width", 9)))
        .contains(new BundleProblem(DASHBOARD, "position.ROW-timeliness", "is 15 columns wide: the grid has 12"));
  }

  @Test
  void anUnknownVizTypeIsRefused() {
    assertThat(problemsAfter(files -> {
      files.get(DISPUTES_STARTED).put("viz_type", "filter_box");
      params(files, DISPUTES_STARTED).put("viz_type", "filter_box");
    })).anyMatch(p -> p.file().equals(DISPUTES_STARTED) && p.field().equals("viz_type") && p.problem().startsWith("is filter_box"));
  }

  @Test
  void aMetricTheDatasetDoesNotDefineIsNamed() {
    assertThat(problemsAfter(files -> params(files, DISPUTES_STARTED).put("metric", "total_referrals")))
        .contains(new BundleProblem(DISPUTES_STARTED, "params.metric",
            "names metric total_referrals, which mart_disputes.yaml does not define"));
  }

  @Test
  void aColumnTheDatasetDoesNotHaveIsNamed() {
    String chart = "charts/on_time_by_quarter.yaml";
    assertThat(problemsAfter(files -> params(files, chart).put("groupby", List.of("stage_at_referral"))))
        .contains(new BundleProblem(chart, "params.groupby[0]",
            "names column stage_at_referral, which mart_stage_timeliness.yaml does not have"));
  }

  @Test
  void anSqlFilterOnAnUnknownColumnIsNamed() {
    String chart = "charts/bypass_flows.yaml";
    assertThat(problemsAfter(files -> {
      Map<String, Object> sqlFilter = filters(files, chart).get(3);
      sqlFilter.put("sqlExpression", "from_rank IS NULL OR to_level > from_rank");
    })).contains(new BundleProblem(chart, "params.adhoc_filters[3].sqlExpression", "uses to_level, which is not a column of the dataset"));
  }

  @Test
  void aChartThatSumsAcrossBreakdownsIsRefused() {
    assertThat(problemsAfter(files -> filters(files, DISPUTES_STARTED).remove(0)))
        .anyMatch(p -> p.file().equals(DISPUTES_STARTED) && p.field().equals("params.adhoc_filters")
            && p.problem().startsWith("does not fix breakdown"));
  }

  @Test
  void aNativeFilterOnAColumnSomeChartInScopeLacksIsRefused() {
    // The financial-year filter on `period` would reach the snapshot of open disputes, which has no period.
    assertThat(problemsAfter(files -> scope(files, 1).put("excluded", List.of(5, 6, 7, 8, 9))))
        .anyMatch(p -> p.file().equals(DASHBOARD) && p.field().equals("metadata.native_filter_configuration[1].scope")
            && p.problem().contains("charts/open_past_20_wd.yaml"));
  }

  @Test
  void aNativeFilterOnADatasetNotInTheBundleIsNamed() {
    assertThat(problemsAfter(files -> target(files, 0).put("datasetUuid", "00000000-0000-5000-8000-000000000002")))
        .anyMatch(p -> p.field().equals("metadata.native_filter_configuration[0].targets[0].datasetUuid"));
  }

  @Test
  void twoObjectsWithOneUuidAreRefused() {
    Object dashboardUuid = Bundles.parsed(BundleKind.ASSETS).get(DASHBOARD).get("uuid");
    assertThat(problemsAfter(files -> files.get(DISPUTES_STARTED).put("uuid", dashboardUuid)))
        .anyMatch(p -> p.field().equals("uuid") && p.problem().startsWith("repeats the UUID of"));
  }

  @Test
  void checkRaisesEveryProblemAsOneUserError() {
    Map<String, Map<String, Object>> files = Bundles.parsed(BundleKind.ASSETS);
    params(files, DISPUTES_STARTED).put("metric", "total_referrals");
    files.get(DISPUTES_STARTED).remove("slice_name");

    assertThatThrownBy(() -> validator.check(Bundles.rezip(files)))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("2 problem(s)")
        .hasMessageContaining(DISPUTES_STARTED + ": params.metric: names metric total_referrals")
        .hasMessageContaining(DISPUTES_STARTED + ": slice_name: is missing");
  }

  @Test
  void somethingThatIsNotAZipIsRefused() {
    assertThat(validator.problems("not a zip".getBytes())).extracting(BundleProblem::file).containsExactly("(bundle)");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private List<BundleProblem> problems(Map<String, Map<String, Object>> files) {
    return validator.problems(Bundles.rezip(files));
  }

  private List<BundleProblem> problemsAfter(Consumer<Map<String, Map<String, Object>>> breakIt) {
    Map<String, Map<String, Object>> files = Bundles.parsed(BundleKind.ASSETS);
    breakIt.accept(files);
    return problems(files);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> node(Map<String, Map<String, Object>> files, String id) {
    return (Map<String, Object>) ((Map<String, Object>) files.get(DASHBOARD).get("position")).get(id);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> meta(Map<String, Object> node) {
    return (Map<String, Object>) node.get("meta");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Map<String, Object>> files, String chart) {
    return (Map<String, Object>) files.get(chart).get("params");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> filters(Map<String, Map<String, Object>> files, String chart) {
    return (List<Map<String, Object>>) params(files, chart).get("adhoc_filters");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> nativeFilter(Map<String, Map<String, Object>> files, int index) {
    Map<String, Object> metadata = (Map<String, Object>) files.get(DASHBOARD).get("metadata");
    return ((List<Map<String, Object>>) metadata.get("native_filter_configuration")).get(index);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> scope(Map<String, Map<String, Object>> files, int index) {
    return (Map<String, Object>) nativeFilter(files, index).get("scope");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> target(Map<String, Map<String, Object>> files, int index) {
    return ((List<Map<String, Object>>) nativeFilter(files, index).get("targets")).get(0);
  }

  private static List<?> list(Object value) {
    return (List<?>) value;
  }
}
