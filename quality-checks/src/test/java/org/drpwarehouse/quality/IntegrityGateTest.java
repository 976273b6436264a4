package org.drpwarehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.quality.GateRuns.outcome;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.QualityTables.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliberately broken data sets: each break fails its integrity rule with the failing record's id,
 * and withholds the authority it belongs to while a clean authority publishes.
 */
class IntegrityGateTest {
  @TempDir Path temp;

  @Test
  void broken_records_fail_their_rules_with_their_ids() {
    TinyWarehouse w = new TinyWarehouse(temp);
    // 381: broken in many ways; 202: clean.
    w.dispute("381", "OK1", "calderdale").visit("informal", 0).visit("stage1", 1).closed(true).add();
    w.dispute("381", "NOCHILD", "calderdale").notInSsda903().visit("informal", 0).add();
    w.dispute("381", "CP1", "calderdale").child("unknown-child", "CP").visit("informal", 0).add();
    TinyWarehouse.Dispute badStage = w.dispute("381", "BADSTAGE", "calderdale").visit("informal", 0).visit("stage9", 1);
    badStage.lastVisit().put(GoldTables.Visit.STAGE_KNOWN, false);
    badStage.add();
    TinyWarehouse.Dispute unmapped = w.dispute("381", "UNMAPPED", "calderdale").visit("informal", 0);
    unmapped.sum.put(GoldTables.Summary.THEME_MAPPED, false);
    unmapped.add();
    w.dispute("202", "L1", "lambeth").visit("informal", 0).childInformed(true).add();
    // 202: one event in 120 names an unknown dispute: under 1%, so it warns and 202 still publishes.
    for (int i = 0; i < 118; i++) {
      w.events.add(event("202", "M" + i, "L1", "2024-06-03", "MANAGER_CONSULTED", null));
    }
    w.events.add(event("202", "STRAY", "L404", "2024-06-03", "MANAGER_CONSULTED", null));
    w.events.add(event("381", "ORPHAN", "NO-SUCH-DISPUTE", "2024-06-03", "CHILD_INFORMED", null));
    w.events.add(event("381", "NOOUTCOME", "OK1", "2024-06-10", "CLOSED", "stage1"));
    w.events.add(event("381", "EARLY", "OK1", "2024-04-01", "RESPONSE_RECEIVED", "informal"));
    w.events.add(event("381", "FUTURE", "OK1", "2031-06-10", "RESPONSE_RECEIVED", "stage1"));
    w.events.add(event("381", "BADTYPE", "OK1", "2024-06-11", "PHONED", null));
    w.summary.add(new HashMap<>(w.summary.get(0))); // OK1 twice in gold
    w.reviews.add(new HashMap<>(Map.of(SilverSchemas.AUTHORITY, "381", Ssda903Columns.CHILD, "child-OK1",
        Ssda903Columns.DOB, TinyWarehouse.date("2012-03-01"), Ssda903Columns.REVIEW, TinyWarehouse.date("2011-01-05"),
        Ssda903Columns.REVIEW_CODE, "PN1")));
    GateResult result = GateRuns.run(w.write(SharedSpark.session()));

    assertThat(outcome(result, "381", "integrity.event_dispute_exists").failingIds()).containsExactly("ORPHAN");
    assertThat(outcome(result, "381", "integrity.outcome_on_ending").failingIds()).containsExactly("NOOUTCOME");
    assertThat(outcome(result, "381", "integrity.dates.stage_event_before_opening").failingIds()).containsExactly("EARLY");
    assertThat(outcome(result, "381", "integrity.dates.event_after_load").failingIds()).containsExactly("FUTURE");
    assertThat(outcome(result, "381", "integrity.codes.dispute_events.event_type").failingIds()).containsExactly("BADTYPE");
    assertThat(outcome(result, "381", "integrity.cla_child_in_ssda903").failingIds()).containsExactly("NOCHILD");
    assertThat(outcome(result, "381", "integrity.stage_known").failingIds()).containsExactly("BADSTAGE#2");
    assertThat(outcome(result, "381", "integrity.category_mapped").failingIds()).containsExactly("UNMAPPED");
    assertThat(outcome(result, "381", "integrity.unique.dispute_summary").failingIds()).containsExactly("OK1", "OK1");
    assertThat(outcome(result, "381", "integrity.dates.review_before_birth").failingIds())
        .containsExactly("child-OK1#2011-01-05");
    RuleOutcome cp = outcome(result, "381", "integrity.child_known");
    assertThat(cp.failingIds()).as("a CP dispute's child is looked up in cp_plans and allocations").containsExactly("CP1");
    assertThat(cp.status()).as("only a warning").isEqualTo(Status.WARN);

    assertThat(result.decision("381").orElseThrow().blockingRuleIds()).containsExactlyInAnyOrder(
        "integrity.event_dispute_exists", "integrity.outcome_on_ending", "integrity.dates.stage_event_before_opening",
        "integrity.dates.event_after_load", "integrity.codes.dispute_events.event_type", "integrity.cla_child_in_ssda903",
        "integrity.stage_known", "integrity.category_mapped", "integrity.unique.dispute_summary",
        "integrity.dates.review_before_birth");
    assertThat(result.publishable("381")).isFalse();
    assertThat(result.publishable("202")).as("the clean authority publishes").isTrue();
    RuleOutcome stray = outcome(result, "202", "integrity.event_dispute_exists");
    assertThat(stray.failingIds()).containsExactly("STRAY");
    assertThat(stray.status()).as("1 of 121 events: above the 99% block").isEqualTo(Status.WARN);
    assertThat(outcome(result, "202", "integrity.outcome_on_ending").status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(result.status()).isEqualTo(GateStatus.PASS_WITH_WARNINGS);
  }

  @Test
  void without_gold_nothing_is_published() throws java.io.IOException {
    TinyWarehouse w = new TinyWarehouse(temp);
    w.dispute("381", "D1", "calderdale").visit("informal", 0).add();
    w.write(SharedSpark.session());
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(Path.of(GoldTables.STAGE_VISITS.location(w.uri)))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    GateResult result = GateRuns.run(w);

    RuleOutcome tables = GateRuns.warehouse(result, "warehouse.tables_present");
    assertThat(tables.status()).isEqualTo(Status.BLOCK);
    assertThat(tables.failingIds()).containsExactly("gold.dispute_stage_visits");
    assertThat(result.status()).isEqualTo(GateStatus.BLOCKED);
    assertThat(result.publishable("381")).isFalse();
  }

  @Test
  void gold_built_as_of_another_day_stops_all_publication() {
    TinyWarehouse w = new TinyWarehouse(temp);
    w.dispute("381", "D1", "calderdale").visit("informal", 0).add();
    GateResult result = GateRuns.run(w.write(SharedSpark.session()), GateSettings.defaults(), TinyWarehouse.AS_OF.plusDays(1));

    assertThat(GateRuns.warehouse(result, "warehouse.one_build.dispute_summary").status()).isEqualTo(Status.BLOCK);
    assertThat(result.warehouseFailures()).extracting(RuleOutcome::ruleId)
        .containsExactlyInAnyOrder("warehouse.one_build.dispute_summary", "warehouse.one_build.dispute_stage_visits");
    assertThat(result.status()).isEqualTo(GateStatus.BLOCKED);
    assertThat(result.withheld()).containsExactly("381");
  }

  private static Map<String, Object> event(String authority, String id, String dispute, String date, String type, String stage) {
    Map<String, Object> e = new HashMap<>();
    e.put(ExchangeColumns.AUTHORITY, authority);
    e.put(ExchangeColumns.EVENT_ID, id);
    e.put(ExchangeColumns.DISPUTE_ID, dispute);
    e.put(ExchangeColumns.EVENT_DATE, TinyWarehouse.date(date));
    e.put(ExchangeColumns.EVENT_TYPE, type);
    e.put(ExchangeColumns.STAGE, stage);
    return e;
  }
}
