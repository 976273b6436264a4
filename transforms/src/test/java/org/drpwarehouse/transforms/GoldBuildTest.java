package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldBuildTest {
  private static final SparkSession SPARK = SharedSpark.session();
  private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

  @TempDir Path temp;

  /** Two authorities' worth of disputes loaded on 1 December; the second day's events load on 2 December. */
  private static DisputeScenario firstLoad() {
    return DisputeScenario.under("calderdale", "801").detach().loadedAt("2024-12-01 08:00:00")
        .dispute("D1", "CLA", "CARE_PLANNING", null, "C-1", null)
        .dispute("D2", "CLA", "CARE_PLANNING", null, "C-1", null)
        .dispute("D3", "CLA", "ASSESSMENT", null, "C-3", "Team B")
        .allocation("C-1", "Team A", "2024-01-01", null)
        .event("D1", "2024-11-04", "STAGE_OPENED", "informal")
        .event("D2", "2024-11-11", "STAGE_OPENED", "stage1")
        .event("D3", "2024-11-05", "STAGE_OPENED", "stage2")
        .event("D3", "2024-11-08", "RESPONSE_RECEIVED", "stage2");
  }

  private static DisputeScenario withSecondDay(DisputeScenario scenario) {
    return scenario.loadedAt("2024-12-02 08:00:00")
        .event("D1", "2024-11-29", "STAGE_OPENED", "stage2")
        .event("D1", "2024-12-02", "RESPONSE_RECEIVED", "stage2")
        .event("D2", "2024-12-02", "RESOLVED", "stage1", Map.of("outcome", "WITHDRAWN"))
        .dispute("D4", "CLA", "NOT_MAPPED", null, "C-4", null)
        .event("D4", "2024-12-02", "STAGE_OPENED", "informal");
  }

  private URI warehouse(String name, DisputeScenario scenario) throws Exception {
    Path dir = Files.createDirectories(temp.resolve(name));
    URI uri = dir.toUri();
    writeSilver(uri, scenario);
    BindingsTable.replace(SPARK, uri, scenario.bindings(), "test");
    return uri;
  }

  private static void writeSilver(URI warehouse, DisputeScenario scenario) {
    write(scenario.silverDisputes(), warehouse, ExchangeFormat.DISPUTES.name());
    write(scenario.silverEvents(), warehouse, ExchangeFormat.DISPUTE_EVENTS.name());
    write(scenario.silverAllocations(), warehouse, ExchangeFormat.ALLOCATIONS.name());
  }

  private static void write(Dataset<Row> rows, URI warehouse, String record) {
    rows.write().format("delta").mode("overwrite")
        .save(WarehouseTables.location(warehouse, SilverSchemas.SILVER, record).toString());
  }

  private static long version(URI warehouse, TableContract contract) {
    return DeltaTables.version(SPARK, contract.location(warehouse).toString());
  }

  private static Dataset<Row> table(URI warehouse, TableContract contract) {
    return SPARK.read().format("delta").load(contract.location(warehouse).toString());
  }

  @Test
  void an_incremental_build_after_a_day_of_new_events_equals_a_full_rebuild() throws Exception {
    URI incremental = warehouse("incremental", firstLoad());
    GoldBuild incrementalBuild = new GoldBuild(SPARK, incremental, PolicyCatalog.presets(), WorkingDayCalendar.england());
    GoldBuild.Result first = incrementalBuild.run(AS_OF, GoldBuild.Mode.INCREMENTAL);
    assertThat(first.mode()).as("no earlier build: a full one").isEqualTo(GoldBuild.Mode.FULL);
    assertThat(first.reason()).isEqualTo("no earlier build");

    writeSilver(incremental, withSecondDay(firstLoad()));
    long reviewsMartVersion = version(incremental, MartTables.REVIEWS_HELD);
    long disputesMartVersion = version(incremental, MartTables.DISPUTES_STARTED);
    GoldBuild.Result second = incrementalBuild.run(AS_OF, GoldBuild.Mode.INCREMENTAL);
    assertThat(version(incremental, MartTables.REVIEWS_HELD))
        .as("no case record loaded since the last build: the reviews mart is kept, not rewritten")
        .isEqualTo(reviewsMartVersion);
    assertThat(version(incremental, MartTables.DISPUTES_STARTED)).as("the disputes mart is replaced for 801")
        .isGreaterThan(disputesMartVersion);
    assertThat(second.mode()).isEqualTo(GoldBuild.Mode.INCREMENTAL);
    assertThat(second.affectedDisputes()).as("D1 and D2 (and D2's sibling by child C-1) and the new D4; not D3")
        .isEqualTo(3);

    URI full = warehouse("full", withSecondDay(firstLoad()));
    new GoldBuild(SPARK, full, PolicyCatalog.presets(), WorkingDayCalendar.england()).run(AS_OF, GoldBuild.Mode.FULL);

    List<TableContract> compared = new ArrayList<>(List.of(GoldTables.STAGE_VISITS, GoldTables.DISPUTE_SUMMARY,
        GoldTables.DISPUTE_FLAGS));
    compared.addAll(MartTables.ALL);
    for (TableContract contract : compared) {
      Dataset<Row> a = table(incremental, contract).drop(MartTables.AS_OF_DATE);
      Dataset<Row> b = table(full, contract).drop(MartTables.AS_OF_DATE);
      assertThat(a.count()).as(contract.name() + " rows").isEqualTo(b.count());
      assertThat(a.exceptAll(b).count()).as(contract.name() + ": rows only in the incremental build").isZero();
      assertThat(b.exceptAll(a).count()).as(contract.name() + ": rows only in the full build").isZero();
    }
    for (TableContract contract : compared) {
      assertThat(second.rows()).as("the rows " + contract.name() + " holds after its side-by-side write")
          .containsEntry(contract.name(), table(incremental, contract).count());
      assertThat(second.seconds()).as(contract.name() + " timed on its own").containsKey(contract.name());
    }
    assertThat(second.seconds()).as("each group of side-by-side writes has its wall clock")
        .containsKeys(GoldBuild.GOLD_GROUP, GoldBuild.MART_GROUP);
    assertThat(table(incremental, GoldTables.STAGE_VISITS).count()).as("D1 two visits, D2, D3 and D4 one each").isEqualTo(5);
    assertThat(table(incremental, MartTables.DISPUTES_STARTED).count()).as("the marts were written").isPositive();
    assertThat(table(incremental, GoldTables.DISPUTE_FLAGS).where("dispute_id = 'D4'").count())
        .as("the new dispute's unmapped category is flagged").isEqualTo(1);
  }

  /** Child C-1 of 801 in care from 18 April, with its reviews of 17 May and (unless deleted) 10 August. */
  private static void writeCaseRecords(URI warehouse, boolean withAugust) {
    write(Silver.episodes().defaults(SilverSchemas.AUTHORITY, "801").row(Silver.startsCare("C-1", "2024-04-18")).dataset(),
        warehouse, Ssda903.EPISODES.name());
    Frame reviews = Silver.reviews().defaults(SilverSchemas.AUTHORITY, "801")
        .row(Ssda903Columns.CHILD, "C-1", Ssda903Columns.REVIEW, "2024-05-17", Ssda903Columns.REVIEW_CODE, "PN1");
    if (withAugust) {
      reviews.row(Ssda903Columns.CHILD, "C-1", Ssda903Columns.REVIEW, "2024-08-10", Ssda903Columns.REVIEW_CODE, "PN1");
    }
    write(reviews.dataset(), warehouse, Ssda903.REVIEWS.name());
  }

  @Test
  void a_review_deleted_at_source_leaves_the_review_marts_of_an_incremental_build_as_a_full_rebuild_has_them()
      throws Exception {
    URI incremental = warehouse("deleted-review", firstLoad());
    writeCaseRecords(incremental, true);
    GoldBuild build = new GoldBuild(SPARK, incremental, PolicyCatalog.presets(), WorkingDayCalendar.england());
    build.run(AS_OF, GoldBuild.Mode.INCREMENTAL);
    assertThat(table(incremental, GoldTables.REVIEW_TIMELINESS).count()).isEqualTo(2);

    // The August review is gone from silver and nothing newer was loaded: no load time says so, the version does.
    writeCaseRecords(incremental, false);
    GoldBuild.Result second = build.run(AS_OF, GoldBuild.Mode.INCREMENTAL);

    assertThat(second.mode()).isEqualTo(GoldBuild.Mode.INCREMENTAL);
    assertThat(table(incremental, GoldTables.REVIEW_TIMELINESS).count()).as("the deleted review is no longer judged")
        .isEqualTo(1);
    URI full = warehouse("deleted-review-full", firstLoad());
    writeCaseRecords(full, false);
    new GoldBuild(SPARK, full, PolicyCatalog.presets(), WorkingDayCalendar.england()).run(AS_OF, GoldBuild.Mode.FULL);
    for (TableContract contract : List.of(GoldTables.REVIEW_TIMELINESS, MartTables.REVIEWS_HELD)) {
      Dataset<Row> a = table(incremental, contract).drop(MartTables.AS_OF_DATE);
      Dataset<Row> b = table(full, contract).drop(MartTables.AS_OF_DATE);
      assertThat(a.exceptAll(b).count() + b.exceptAll(a).count()).as(contract.name() + ": rows in one build only").isZero();
    }
  }

  @Test
  void a_build_at_another_as_of_date_rebuilds_in_full_and_records_its_date() throws Exception {
    URI uri = warehouse("asof", firstLoad());
    GoldBuild build = new GoldBuild(SPARK, uri, PolicyCatalog.presets(), WorkingDayCalendar.england());
    build.run(AS_OF, GoldBuild.Mode.FULL);
    GoldBuild.Result again = build.run(LocalDate.of(2024, 11, 30), GoldBuild.Mode.INCREMENTAL);
    assertThat(again.mode()).isEqualTo(GoldBuild.Mode.FULL);
    assertThat(again.reason()).startsWith("the as-of date differs");
    Row latest = table(uri, GoldTables.BUILDS).orderBy(org.apache.spark.sql.functions.col("built_at").desc()).head();
    assertThat(latest.getDate(latest.fieldIndex(GoldTables.AS_OF_DATE)).toLocalDate()).isEqualTo(LocalDate.of(2024, 11, 30));
    assertThat(table(uri, GoldTables.DISPUTE_SUMMARY).select("as_of_date").distinct().head().getDate(0).toLocalDate())
        .as("every gold row carries the build's as-of date").isEqualTo(LocalDate.of(2024, 11, 30));
  }
}
