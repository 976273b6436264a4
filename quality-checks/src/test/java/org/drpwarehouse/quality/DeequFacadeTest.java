package org.drpwarehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.quality.internal.DeequFacade;
import org.drpwarehouse.quality.internal.DeequFacade.MetricRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade over Deequ: row-level results of scoped constraints, and the metrics repository. */
class DeequFacadeTest {
  @TempDir Path temp;

  @Test
  void row_level_results_are_null_out_of_scope_and_false_for_failing_records() {
    Dataset<Row> visits = SharedSpark.session().sql(
        "SELECT * FROM VALUES ('D1', true, true), ('D2', true, false), ('D3', false, NULL) AS t(dispute_id, formal, form_attached)");
    DeequFacade.Verification v = DeequFacade.verify(SharedSpark.session(), visits, List.of(
        new DeequFacade.Constraint("q_0", "record.form_attached", true, "formal = true", "coalesce(form_attached = true, false)",
            "attach the form", 0.8)));

    assertThat(v.metrics().get("q_0").share()).as("one of the two formal openings has its form").isEqualTo(0.5);
    assertThat(v.metrics().get("q_0").deequPassed()).as("0.5 is below Deequ's assertion of 0.8").isFalse();
    Map<String, Boolean> rows = new java.util.TreeMap<>();
    v.rowLevel().collectAsList().forEach(r -> rows.put(r.getAs("dispute_id"), r.getAs("q_0")));
    assertThat(rows).containsEntry("D1", true).containsEntry("D2", false).containsEntry("D3", null);
  }

  @Test
  void metrics_saved_under_a_key_are_read_back_with_their_tags() {
    URI repository = temp.resolve("metrics/metrics.json").toUri();
    DeequFacade.save(SharedSpark.session(), repository, 1_000L, Map.of("run_id", "r1"), List.of(
        new MetricRecord(MetricRecord.Kind.SIZE, "381|drift.dispute_volume|2025-03", null, "authority = '381'", 12),
        new MetricRecord(MetricRecord.Kind.COMPLIANCE, "381|record.stage_on_file", "recorded_on_file = true",
            "authority = '381'", 0.9)));
    DeequFacade.save(SharedSpark.session(), repository, 2_000L, Map.of("run_id", "r2"), List.of(
        new MetricRecord(MetricRecord.Kind.COMPLIANCE, "381|record.stage_on_file", "recorded_on_file = true",
            "authority = '381'", 0.97)));

    List<DeequFacade.StoredMetric> stored = DeequFacade.load(SharedSpark.session(), repository);
    assertThat(stored).extracting(DeequFacade.StoredMetric::instance, DeequFacade.StoredMetric::value)
        .contains(org.assertj.core.groups.Tuple.tuple("381|drift.dispute_volume|2025-03", 12.0),
            org.assertj.core.groups.Tuple.tuple("381|record.stage_on_file", 0.9),
            org.assertj.core.groups.Tuple.tuple("381|record.stage_on_file", 0.97));
    assertThat(stored.get(stored.size() - 1).tags()).containsEntry("run_id", "r2");
  }
}
