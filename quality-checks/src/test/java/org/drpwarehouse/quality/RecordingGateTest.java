package org.drpwarehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.quality.GateRuns.outcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.policy.PolicyRules;
import org.drpwarehouse.schemas.warehouse.QualityTables;
import org.drpwarehouse.schemas.warehouse.QualityTables.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording requirements of each authority's own policy: a board sees compliance even when it
 * is imperfect (warnings publish), a record so incomplete it would mislead is withheld (below the
 * blocking threshold), and the inspector gets the failing records either way.
 */
class RecordingGateTest {
  @TempDir Path temp;

  /** Calderdale (381) and Lambeth (202): ten disputes each, two stage openings each, all on file. */
  private TinyWarehouse twoAuthorities(int calderdaleOpeningsOffFile) {
    TinyWarehouse w = new TinyWarehouse(temp);
    for (int i = 1; i <= 10; i++) {
      boolean offFile = i <= calderdaleOpeningsOffFile;
      w.dispute("381", "C" + i, "calderdale").visit("informal", 0).visit("stage1", 1, !offFile, true).closed(true).add();
      w.dispute("202", "L" + i, "lambeth").visit("informal", 0).visit("stage1", 1).childInformed(true).add();
    }
    return w.write(SharedSpark.session());
  }

  @Test
  void a_clean_warehouse_publishes_every_authority() throws Exception {
    GateResult result = GateRuns.run(twoAuthorities(0));

    assertThat(result.status()).as("no rule fails or warns").isEqualTo(GateStatus.PASS);
    assertThat(result.publishable("381")).isTrue();
    assertThat(result.publishable("202")).isTrue();
    assertThat(outcome(result, "381", PolicyRules.STAGE_ON_FILE).metric()).as("20 of 20 openings on file").isEqualTo(1.0);
    assertThat(outcome(result, "381", PolicyRules.STAGE_ON_FILE).applicable()).isEqualTo(20);
    assertThat(outcome(result, "381", PolicyRules.FORM_ATTACHED).applicable()).as("ten formal openings").isEqualTo(10);
    assertThat(outcome(result, "381", PolicyRules.CHILD_INFORMED).status())
        .as("Calderdale's policy cites no child-informed clause").isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome(result, "202", PolicyRules.CHILD_INFORMED).status()).isEqualTo(Status.PASS);
    assertThat(outcome(result, "202", PolicyRules.ENDING_ON_FILE).status())
        .as("no Lambeth dispute has ended").isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome(result, "381", PolicyRules.STAGE_ON_FILE).clause()).startsWith("calderdale v1: §2.1");
    assertThat(Files.readString(Path.of(result.reportMarkdown()))).contains("Quality gate: PASS", "| 381 | published |");
    assertThat(Files.readString(Path.of(result.reportHtml()))).contains("<h2>Recording compliance</h2>");
    long rows = SharedSpark.session().read().format("delta").load(result.resultsTable().toString())
        .where(org.apache.spark.sql.functions.col(QualityTables.RUN_ID).equalTo(result.runId())).count();
    assertThat(rows).as("one quality_results row per outcome").isEqualTo(result.outcomes().size());
  }

  @Test
  void gaps_below_the_blocking_threshold_withhold_that_authority_only() {
    GateResult result = GateRuns.run(twoAuthorities(5));

    RuleOutcome onFile = outcome(result, "381", PolicyRules.STAGE_ON_FILE);
    assertThat(onFile.metric()).as("15 of 20 openings on file: 75% is below the 80% block").isEqualTo(0.75);
    assertThat(onFile.status()).isEqualTo(Status.BLOCK);
    assertThat(onFile.failingIds()).containsExactly("C1#2", "C2#2", "C3#2", "C4#2", "C5#2");
    assertThat(result.publishable("381")).as("Calderdale is withheld").isFalse();
    assertThat(result.decision("381").orElseThrow().blockingRuleIds()).containsExactly(PolicyRules.STAGE_ON_FILE);
    assertThat(result.publishable("202")).as("Lambeth still publishes").isTrue();
    assertThat(result.status()).isEqualTo(GateStatus.PASS_WITH_WARNINGS);
    assertThat(result.withheld()).containsExactly("381");

    List<Row> exceptions = SharedSpark.session().read().format("delta").load(result.exceptionsTable().toString())
        .where(org.apache.spark.sql.functions.col(QualityTables.RUN_ID).equalTo(result.runId()))
        .orderBy(QualityTables.DISPUTE_ID).collectAsList();
    assertThat(exceptions).extracting(r -> r.getAs(QualityTables.DISPUTE_ID))
        .as("the inspector's exceptions: one per opening off file").containsExactly("C1", "C2", "C3", "C4", "C5");
    assertThat(exceptions).allSatisfy(r -> {
      assertThat(r.<Integer>getAs(QualityTables.VISIT_NUMBER)).isEqualTo(2);
      assertThat(r.<String>getAs(QualityTables.CLAUSE)).startsWith("calderdale v1: §2.1");
      assertThat(r.<String>getAs(QualityTables.DETAIL)).contains("stage stage1 opened on", "not entered on the child's file");
    });
  }

  @Test
  void the_same_kind_of_gaps_above_the_threshold_publish_with_a_warning() {
    GateResult result = GateRuns.run(twoAuthorities(2));

    RuleOutcome onFile = outcome(result, "381", PolicyRules.STAGE_ON_FILE);
    assertThat(onFile.metric()).as("18 of 20: below 95%, above 80%").isEqualTo(0.9);
    assertThat(onFile.status()).isEqualTo(Status.WARN);
    assertThat(onFile.failingIds()).containsExactly("C1#2", "C2#2");
    assertThat(result.publishable("381")).isTrue();
    assertThat(result.decision("381").orElseThrow().warnings()).extracting(RuleOutcome::ruleId)
        .containsExactly(PolicyRules.STAGE_ON_FILE);
    assertThat(result.status()).isEqualTo(GateStatus.PASS_WITH_WARNINGS);
  }

  @Test
  void an_authority_threshold_overrides_the_rule_default() {
    GateSettings settings =
        GateSettings.parse(Map.of("gate.381.record.stage_on_file.block", "0.7"), "gate.properties");
    GateResult result = GateRuns.run(twoAuthorities(5), settings, TinyWarehouse.AS_OF);

    assertThat(outcome(result, "381", PolicyRules.STAGE_ON_FILE).status())
        .as("75% is above 381's own 70% block").isEqualTo(Status.WARN);
    assertThat(result.publishable("381")).isTrue();
  }

  @Test
  void bypasses_without_consultation_block_and_a_few_cafcass_cases_only_warn() {
    TinyWarehouse w = new TinyWarehouse(temp);
    for (int i = 1; i <= 20; i++) {
      TinyWarehouse.Dispute d = w.dispute("381", "B" + i, "calderdale").visit("informal", 0).visit("stage3", 3);
      (i <= 5 ? d.withoutConsultation() : d).add();
    }
    w.dispute("381", "K1", "calderdale").visit("informal", 0).cafcass(2, false).add();
    for (int i = 2; i <= 4; i++) {
      w.dispute("381", "K" + i, "calderdale").visit("informal", 0).cafcass(2, true).add();
    }
    w.dispute("202", "L1", "lambeth").visit("informal", 0).childInformed(false).add();
    w.dispute("202", "L2", "lambeth").visit("informal", 0).childInformed(true).add();
    GateResult result = GateRuns.run(w.write(SharedSpark.session()));

    RuleOutcome bypass = outcome(result, "381", PolicyRules.BYPASS_CONSULTATION);
    assertThat(bypass.applicable()).as("twenty bypasses need a consultation").isEqualTo(20);
    assertThat(bypass.failingIds()).containsExactly("B1#2", "B2#2", "B3#2", "B4#2", "B5#2");
    assertThat(bypass.status()).as("75% consulted").isEqualTo(Status.BLOCK);
    assertThat(outcome(result, "202", PolicyRules.BYPASS_CONSULTATION).status())
        .as("Lambeth's policy states no consultation before a bypass").isEqualTo(Status.NOT_APPLICABLE);
    RuleOutcome notice = outcome(result, "381", PolicyRules.CAFCASS_NOTICE);
    assertThat(notice.metric()).as("three of four referrals had their notice in time").isEqualTo(0.75);
    assertThat(notice.failingIds()).containsExactly("K1");
    assertThat(notice.status()).as("four referrals are too few to withhold the figures: it warns").isEqualTo(Status.WARN);
    assertThat(outcome(result, "381", PolicyRules.CAFCASS_INFORM).failingIds()).containsExactly("K1");
    RuleOutcome informed = outcome(result, "202", PolicyRules.CHILD_INFORMED);
    assertThat(informed.metric()).isEqualTo(0.5);
    assertThat(informed.status()).as("the seeds say 'where appropriate': it only warns").isEqualTo(Status.WARN);
    assertThat(informed.severity()).isEqualTo(QualityTables.Severity.WARNING);
    assertThat(result.decision("381").orElseThrow().blockingRuleIds()).containsExactly(PolicyRules.BYPASS_CONSULTATION);
    assertThat(result.publishable("202")).as("a warning does not withhold").isTrue();
  }
}
