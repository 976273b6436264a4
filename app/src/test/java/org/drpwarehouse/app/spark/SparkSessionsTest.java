package org.drpwarehouse.app.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.drpwarehouse.app.config.DrpSettings;
import org.junit.jupiter.api.Test;

/** Which master a drp process runs on: its settings', spark-submit's, or the local default. */
class SparkSessionsTest {
  private static final DrpSettings DEFAULTS = DrpSettings.load(null, Map.of());

  @Test
  void with_no_master_given_a_drp_process_runs_spark_in_its_own_jvm() {
    assertThat(SparkSessions.master(DEFAULTS, null)).isEqualTo("local[*]");
  }

  @Test
  void under_spark_submit_the_default_gives_way_to_the_master_spark_submit_was_given() {
    assertThat(SparkSessions.master(DEFAULTS, "spark://10.0.0.5:7077")).isEqualTo("spark://10.0.0.5:7077");
  }

  @Test
  void a_master_in_the_settings_wins_over_spark_submit_s() {
    DrpSettings settings = DrpSettings.load(null, Map.of("DRP_SPARK_MASTER", "local[2]"));
    assertThat(settings.isGiven(DrpSettings.SPARK_MASTER)).isTrue();
    assertThat(SparkSessions.master(settings, "spark://10.0.0.5:7077")).isEqualTo("local[2]");
  }
}
