package org.drpwarehouse.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.dashboards.audit.AuditPack;
import org.drpwarehouse.dashboards.audit.StratifiedSample;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.junit.jupiter.api.Test;

/**
 * The inspector's audit pack: a hand-built dispute's timeline with its due dates, how they were
 * derived, and the lineage of every event; the compliance exceptions of the gating run by rule and
 * clause; a reproducible stratified sample; exact rebuilds of a past publication; pseudonyms only.
 */
class AuditPackTest {
  private static PublishedTables publication() {
    return PublishedTables.open(SharedSpark.session(), AuditWarehouse.warehouse(), AuditWarehouse.PUBLICATION);
  }

  private static final class Packs {
    static final AuditPack.Written D1 = AuditPack.write(publication(), "381", AuditPack.Selection.disputes(List.of("D-1")));
  }

  static AuditPack.Written d1() {
    return Packs.D1;
  }

  static List<Map<String, String>> csv(AuditPack.Written pack, String file) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(pack.folder()).resolve(file));
    List<String> header = AnnualReportTest.parse(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = AnnualReportTest.parse(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), cells.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  static String page(AuditPack.Written pack) throws IOException {
    return Files.readString(Path.of(pack.html()));
  }

  @Test
  void the_timeline_of_a_hand_built_dispute_shows_each_due_date_how_it_was_derived_and_whether_it_was_met() throws IOException {
    List<Map<String, String>> stages = csv(d1(), "stages.csv");

    assertThat(stages).hasSize(2);
    assertThat(stages.get(0)).as("stage 1 of calderdale opened Friday 3 May 2024 is due 4 WD later, Friday 10 May (6 May a bank holiday)")
        .containsEntry(GoldTables.Visit.DUE_DATE, "2024-05-10").containsEntry(GoldTables.Visit.RESPONSE_STATUS, "ON_TIME")
        .containsEntry(GoldTables.Visit.OPENING_EVENT_ID, "E-1");
    assertThat(stages.get(1)).as("stage 2's due date moved by the extension agreed to 24 May; no response: overdue")
        .containsEntry(GoldTables.Visit.DUE_DATE, "2024-05-24").containsEntry(GoldTables.Visit.BASE_DUE_DATE, "2024-05-17")
        .containsEntry(GoldTables.Visit.RESPONSE_STATUS, "OVERDUE");
    String text = BoardSiteBrowserTest.text(page(d1()));
    assertThat(text).contains("4 WD after opening on 2024-05-03 (calderdale v1, stage1): due 2024-05-10")
        .contains("extension agreed on 2024-05-15: due 2024-05-24").contains("overdue: no response by the due date")
        .contains("on time");
  }

  @Test
  void every_event_is_traced_to_its_source_file_and_line_or_query_and_row() throws IOException {
    List<Map<String, String>> events = csv(d1(), "events.csv");

    assertThat(events).extracting(e -> e.get(ExchangeColumns.EVENT_ID)).as("every event, in timeline order")
        .containsExactly("E-1", "E-2", "E-3", "E-4");
    assertThat(events.get(0)).containsEntry(Lineage.SOURCE_NAME, "381/dispute_events.csv").containsEntry(Lineage.SOURCE_LINE, "2")
        .containsEntry(Lineage.BATCH_ID, "batch-1").containsEntry(Lineage.INGESTED_AT, "2025-04-01T09:00:00Z");
    String text = BoardSiteBrowserTest.text(page(d1()));
    assertThat(text).contains("exchange: 381/dispute_events.csv line 2").contains("exchange: 381/dispute_events.csv line 5")
        .as("a database source is named by its query and row").contains("jdbc: casemgmt:dispute_events row 9")
        .as("the visit each opening starts").contains("STAGE_OPENED opens visit 1").contains("STAGE_OPENED opens visit 2")
        .as("the dispute record's own source").contains("exchange: 381/disputes.csv line 2");
  }

  @Test
  void exceptions_are_listed_by_rule_with_the_clause_it_enforces_from_the_gating_run_only() throws IOException {
    List<Map<String, String>> byRule = csv(d1(), "exceptions_by_rule.csv");

    assertThat(byRule).extracting(r -> r.get("rule_id")).containsExactly("record.ending_on_file", "record.form_attached");
    assertThat(byRule.get(1)).containsEntry("exceptions", "2").containsEntry("records", "D-1#2 D-7#1")
        .hasEntrySatisfying("clause", clause -> assertThat(clause).startsWith("calderdale v1 \u00a72.1"));
    assertThat(csv(d1(), "exceptions.csv")).extracting(r -> r.get(GoldTables.DISPUTE_ID)).as("run-1's exception is not this publication's")
        .doesNotContain("D-11");
    assertThat(BoardSiteBrowserTest.text(page(d1()))).contains("record.form_attached (visit 2): stage2 opened on 2024-05-13 without the form attached");
  }

  @Test
  void the_pack_shows_pseudonyms_only_and_says_how_to_find_the_child() throws IOException {
    for (Path file : Files.walk(Path.of(d1().folder())).filter(Files::isRegularFile).toList()) {
      assertThat(Files.readString(file)).as(file + " holds no raw child id (bronze has one)").doesNotContain(AuditWarehouse.RAW_CHILD_ID);
    }
    String text = BoardSiteBrowserTest.text(page(d1()));
    assertThat(text).contains("Child (pseudonym) " + AuditWarehouse.CHILD).contains("look the dispute id up in the case system")
        .contains("the key holder computes the pseudonym of the child's case-system id (HMAC-SHA256 of");
    assertThat(page(d1())).contains("381|&lt;child id&gt;");
  }

  @Test
  void a_table_the_publication_did_not_record_is_read_at_its_latest_version_and_the_pack_says_so() throws IOException {
    assertThat(BoardSiteBrowserTest.text(page(d1())))
        .contains("Read otherwise than recorded: quality.quality_results at its latest version, 0: the publication did not record it");
    assertThat(csv(d1(), "tables.csv")).anySatisfy(r -> assertThat(r).containsEntry("table", "quality.quality_results")
        .containsEntry("read_at", "LATEST"));
  }

  @Test
  void the_sample_is_stratified_and_the_same_seed_draws_the_same_disputes() throws IOException {
    AuditPack.Written first = AuditPack.write(publication(), "381", AuditPack.Selection.sample(8, 7));
    AuditPack.Written again = AuditPack.write(publication(), "381", AuditPack.Selection.sample(8, 7));
    AuditPack.Written other = AuditPack.write(publication(), "381", AuditPack.Selection.sample(8, 8));

    assertThat(first.disputes()).hasSize(8).isEqualTo(again.disputes());
    assertThat(Files.readAllBytes(Path.of(first.html()))).isEqualTo(Files.readAllBytes(Path.of(again.html())));
    assertThat(other.disputes()).as("another seed, another sample").isNotEqualTo(first.disputes());
    List<Map<String, String>> strata = csv(first, "sample.csv");
    assertThat(strata.stream().mapToLong(s -> Long.parseLong(s.get("disputes"))).sum()).as("every dispute is in one stratum").isEqualTo(31);
    assertThat(strata.stream().mapToLong(s -> Long.parseLong(s.get("sampled"))).sum()).isEqualTo(8);
    assertThat(strata).extracting(s -> s.get("stratum")).anyMatch(s -> s.startsWith("OPEN /")).anyMatch(s -> s.startsWith("RESOLVED /"));
  }

  @Test
  void allocation_gives_each_stratum_one_then_shares_the_rest_by_size() {
    Map<String, Long> sizes = new LinkedHashMap<>();
    sizes.put("a", 20L);
    sizes.put("b", 10L);
    sizes.put("c", 1L);

    assertThat(StratifiedSample.allocate(sizes, 6)).containsEntry("a", 3).containsEntry("b", 2).containsEntry("c", 1);
    assertThat(StratifiedSample.allocate(sizes, 2)).as("fewer places than strata: the largest first")
        .containsEntry("a", 1).containsEntry("b", 1).containsEntry("c", 0);
    assertThat(StratifiedSample.allocate(sizes, 50).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(31);
  }

  @Test
  void the_pack_of_a_past_publication_is_rebuilt_byte_for_byte_after_the_tables_change() throws IOException {
    AuditPack.Written before = AuditPack.write(publication(), "381", AuditPack.Selection.disputes(List.of("D-1")));
    Map<Path, byte[]> files = new LinkedHashMap<>();
    for (Path file : Files.walk(Path.of(before.folder())).filter(Files::isRegularFile).sorted().toList()) {
      files.put(file, Files.readAllBytes(file));
    }
    // A later load adds an event to D-1 and a later build moves its due date: new Delta versions.
    TableRows.of(SilverSchemas.of(ExchangeFormat.DISPUTE_EVENTS)).row(ExchangeColumns.AUTHORITY, "381", ExchangeColumns.DISPUTE_ID, "D-1",
            ExchangeColumns.EVENT_ID, "E-99", ExchangeColumns.EVENT_DATE, "2024-06-01", ExchangeColumns.EVENT_TYPE, "RESOLVED",
            ExchangeColumns.STAGE, "stage2", Lineage.SOURCE_KIND, "exchange", Lineage.SOURCE_NAME, "381/late.csv", Lineage.SOURCE_LINE, 2L,
            Lineage.BATCH_ID, "batch-9", Lineage.INGESTED_AT, "2025-08-01T09:00:00Z", Lineage.RECORD_HASH, "h")
        .dataset().write().format("delta").mode("append").save(AuditWarehouse.silver(ExchangeFormat.DISPUTE_EVENTS).toString());

    AuditPack.Written rebuilt = AuditPack.write(publication(), "381", AuditPack.Selection.disputes(List.of("D-1")));

    for (Map.Entry<Path, byte[]> file : files.entrySet()) {
      assertThat(Files.readAllBytes(file.getKey())).as(file.getKey() + " rebuilt exactly").isEqualTo(file.getValue());
    }
    assertThat(Files.readString(Path.of(rebuilt.folder()).resolve("events.csv"))).doesNotContain("E-99");
  }

  @Test
  void a_dispute_not_in_the_publication_is_refused_naming_it() {
    assertThatThrownBy(() -> AuditPack.write(publication(), "381", AuditPack.Selection.disputes(List.of("D-404"))))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("D-404").hasMessageContaining("381");
    assertThatThrownBy(() -> AuditPack.write(publication(), "999", AuditPack.Selection.sample(5, 1)))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("999");
  }
}
