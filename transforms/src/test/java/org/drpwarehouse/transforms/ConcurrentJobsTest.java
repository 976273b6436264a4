package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.DrpUserException;
import org.junit.jupiter.api.Test;

class ConcurrentJobsTest {
  private final SparkSession spark = SharedSpark.session();

  @Test
  void writes_run_side_by_side_and_their_results_come_back_in_the_order_given() {
    // Both writes wait for each other: they only finish if they run at the same time.
    CountDownLatch bothStarted = new CountDownLatch(2);
    Map<String, Callable<String>> writes = new LinkedHashMap<>();
    for (String table : List.of("mart_themes", "mart_cafcass")) {
      writes.put(table, () -> {
        bothStarted.countDown();
        if (!bothStarted.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the other write never started");
        }
        return table + " written by " + Thread.currentThread().getName();
      });
    }

    Map<String, ConcurrentJobs.Done<String>> done = new ConcurrentJobs(2).run(writes);

    assertThat(done.keySet()).as("results in the order the writes were given").containsExactly("mart_themes", "mart_cafcass");
    assertThat(done.get("mart_themes").value()).startsWith("mart_themes written by drp-job-");
    assertThat(done.values()).allSatisfy(d -> assertThat(d.seconds()).isGreaterThanOrEqualTo(0.0));
  }

  @Test
  void each_job_describes_its_spark_jobs_by_its_name_and_the_caller_keeps_its_own_description() {
    spark.sparkContext().setJobDescription("transform");
    try {
      for (int lanes : List.of(1, 2)) {
        Map<String, Callable<String>> writes = new LinkedHashMap<>();
        for (String table : List.of("mart_themes", "mart_cafcass")) {
          writes.put(table, () -> spark.sparkContext().getLocalProperty("spark.job.description"));
        }
        Map<String, ConcurrentJobs.Done<String>> done = new ConcurrentJobs(lanes, spark.sparkContext()).run(writes);
        assertThat(done.get("mart_themes").value()).as(lanes + " lanes").isEqualTo("mart_themes");
        assertThat(done.get("mart_cafcass").value()).as(lanes + " lanes").isEqualTo("mart_cafcass");
        assertThat(spark.sparkContext().getLocalProperty("spark.job.description")).isEqualTo("transform");
      }
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  @Test
  void one_lane_writes_one_table_after_another_in_the_calling_thread() {
    Map<String, Callable<String>> writes = new LinkedHashMap<>();
    writes.put("dispute_summary", () -> Thread.currentThread().getName());
    writes.put("dispute_flags", () -> Thread.currentThread().getName());

    Map<String, ConcurrentJobs.Done<String>> done = new ConcurrentJobs(1).run(writes);

    assertThat(done.values()).extracting(ConcurrentJobs.Done::value).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void a_failed_write_is_named_and_the_other_writes_still_run_to_their_end() {
    Set<String> finished = ConcurrentHashMap.newKeySet();
    Map<String, Callable<Long>> writes = new LinkedHashMap<>();
    writes.put("mart_endings", () -> {
      finished.add("mart_endings");
      return 1L;
    });
    writes.put("mart_themes", () -> {
      throw new IllegalArgumentException("disk full");
    });
    writes.put("mart_reviews", () -> {
      Thread.sleep(200);
      finished.add("mart_reviews");
      return 2L;
    });

    assertThatThrownBy(() -> new ConcurrentJobs(3).run(writes))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mart_themes failed: disk full")
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(finished).as("a failure does not abandon the writes beside it").containsExactlyInAnyOrder("mart_endings", "mart_reviews");
  }

  @Test
  void a_user_error_in_a_job_reaches_the_command_line_as_it_is_with_one_lane_or_several() {
    DrpUserException missing = new DrpUserException("reference.policy_bindings", "holds no policy bindings",
        "run drp ingest on an extract with its policy_bindings.csv");
    for (int lanes : List.of(1, 2)) {
      Map<String, Callable<Object>> lookups = new LinkedHashMap<>();
      lookups.put("policy bindings", () -> {
        throw missing;
      });
      lookups.put("last build", () -> "none");
      assertThatThrownBy(() -> new ConcurrentJobs(lanes).run(lookups)).as(lanes + " lanes").isSameAs(missing);
    }
  }

  @Test
  void the_number_of_lanes_comes_from_the_spark_setting_and_a_bad_one_says_how_to_fix_it() {
    assertThat(ConcurrentJobs.of(spark).lanes()).as("default").isEqualTo(ConcurrentJobs.DEFAULT_LANES);
    try {
      spark.conf().set(ConcurrentJobs.LANES_SETTING, "2");
      assertThat(ConcurrentJobs.of(spark).lanes()).isEqualTo(2);
      spark.conf().set(ConcurrentJobs.LANES_SETTING, "many");
      assertThatThrownBy(() -> ConcurrentJobs.of(spark))
          .hasMessageContaining(ConcurrentJobs.LANES_SETTING + "='many'")
          .hasMessageContaining("e.g. 4");
      assertThatThrownBy(() -> new ConcurrentJobs(0)).hasMessageContaining("must be 1 or more");
    } finally {
      spark.conf().unset(ConcurrentJobs.LANES_SETTING);
    }
  }
}
