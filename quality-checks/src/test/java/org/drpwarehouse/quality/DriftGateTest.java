package org.drpwarehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.quality.GateRuns.outcome;

import java.nio.file.Path;
import java.time.LocalDate;
import org.drpwarehouse.quality.internal.DeequFacade;
import org.drpwarehouse.schemas.warehouse.QualityTables;
import org.drpwarehouse.schemas.warehouse.QualityTables.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volumes and shares against what earlier runs recorded in the Deequ metrics repository. */
class DriftGateTest {
  @TempDir Path temp;

  /** Ten disputes a month from September 2024 to February 2025, then March as given. */
  private TinyWarehouse months(int march, int marchContact) {
    TinyWarehouse w = new TinyWarehouse(temp);
    LocalDate month = LocalDate.of(2024, 9, 1);
    int n = 0;
    for (int m = 0; m < 6; m++, month = month.plusMonths(1)) {
      for (int i = 0; i < 10; i++) {
        w.dispute("381", "D" + (++n), "calderdale").startingOn(month.plusDays(i)).visit("informal", 0).add();
      }
    }
    for (int i = 0; i < march; i++) {
      w.dispute("381", "D" + (++n), "calderdale").startingOn(month.plusDays(i)).theme(i < marchContact ? "contact" : "care_planning")
          .visit("informal", 0).add();
    }
    return w.write(SharedSpark.session());
  }

  @Test
  void a_month_below_half_of_the_six_month_mean_and_a_doubled_theme_share_warn() {
    TinyWarehouse full = months(10, 0);
    GateResult first = GateRuns.run(full);
    assertThat(outcome(first, "381", "drift.dispute_volume").status())
        .as("the first run has no earlier runs to compare with").isEqualTo(Status.NOT_APPLICABLE);
    assertThat(DeequFacade.load(SharedSpark.session(), QualityTables.metricsRepository(full.uri)))
        .as("the first run recorded the six months before March too")
        .anySatisfy(m -> assertThat(m.instance()).isEqualTo("381|drift.dispute_volume|2024-09"));

    GateResult second = GateRuns.run(months(4, 3));
    RuleOutcome volume = outcome(second, "381", "drift.dispute_volume");
    assertThat(volume.metric()).as("4 disputes in March against a mean of 10").isEqualTo(0.4);
    assertThat(volume.status()).isEqualTo(Status.WARN);
    assertThat(volume.failingIds()).containsExactly("2025-03: 4 disputes started, six-month mean 10.0");
    RuleOutcome share = outcome(second, "381", "drift.theme_share");
    assertThat(share.status()).isEqualTo(Status.WARN);
    assertThat(share.failingIds()).singleElement().asString().startsWith("contact 2025-03: 75% of disputes");
    assertThat(second.publishable("381")).as("drift only warns").isTrue();
  }
}
