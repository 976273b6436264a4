package org.drpwarehouse.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.ExchangeColumns.AUTHORITY;
import static org.drpwarehouse.schemas.ExchangeColumns.CATEGORY;
import static org.drpwarehouse.schemas.ExchangeColumns.CHILD_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.DISPUTE_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_TYPE;
import static org.drpwarehouse.schemas.ExchangeColumns.OUTCOME;
import static org.drpwarehouse.schemas.ExchangeColumns.PROCESS;
import static org.drpwarehouse.schemas.ExchangeColumns.RAISED_BY;
import static org.drpwarehouse.schemas.ExchangeColumns.STAGE;
import static org.drpwarehouse.schemas.ExchangeColumns.TEAM;
import static org.drpwarehouse.schemas.ExchangeColumns.TO_ROLE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.ingestion.internal.RecordSource;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.ExtractManifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An IRO service's alert tracker, wide or long, becomes the same disputes and dispute events. */
class TrackerWorkbookTest {
  /** The events of the four alerts in {@link TrackerWorkbooks}: id | dispute | date | type | stage | to_role | outcome. */
  private static final List<String> EXPECTED_EVENTS = List.of(
      "A-001-informal-STAGE_OPENED | A-001 | 2024-05-03 | STAGE_OPENED | informal |  | ",
      "A-001-ENDING | A-001 | 2024-05-10 | RESOLVED | informal |  | RESOLVED",
      "A-002-informal-STAGE_OPENED | A-002 | 2024-05-03 | STAGE_OPENED | informal |  | ",
      "A-002-stage2-STAGE_OPENED | A-002 | 2024-05-13 | STAGE_OPENED | stage2 | TEAM_MANAGER | ",
      "A-002-stage2-RESPONSE_RECEIVED | A-002 | 2024-05-20 | RESPONSE_RECEIVED | stage2 |  | ",
      "A-002-stage3-STAGE_OPENED | A-002 | 2024-05-28 | STAGE_OPENED | stage3 | HEAD_OF_SERVICE | ",
      "A-003-stage2-STAGE_OPENED | A-003 | 2024-06-03 | STAGE_OPENED | stage2 | TEAM_MANAGER | ",
      "A-003-stage2-RESPONSE_RECEIVED | A-003 | 2024-06-07 | RESPONSE_RECEIVED | stage2 |  | ",
      "A-003-stage3-STAGE_OPENED | A-003 | 2024-06-10 | STAGE_OPENED | stage3 | HEAD_OF_SERVICE | ",
      "A-003-stage3-RESPONSE_RECEIVED | A-003 | 2024-06-14 | RESPONSE_RECEIVED | stage3 |  | ",
      "A-003-CAFCASS_REFERRAL | A-003 | 2024-06-20 | CAFCASS_REFERRAL |  |  | ",
      "A-003-ENDING | A-003 | 2024-06-20 | CLOSED | stage3 |  | REFERRED_TO_CAFCASS",
      "A-004-informal-STAGE_OPENED | A-004 | 2024-07-01 | STAGE_OPENED | informal |  | ",
      "A-004-ENDING | A-004 | 2024-07-05 | CLOSED | informal |  | WITHDRAWN");

  @TempDir Path dir;

  @BeforeEach
  void manifest() throws IOException {
    Files.writeString(dir.resolve(ExtractManifest.FILE_NAME), "authority: \"381\"\n");
  }

  private ExtractFolder wideExtract() throws IOException {
    TrackerWorkbooks.wide(dir.resolve("trackers/alerts.xlsx"), Map.of());
    TrackerWorkbooks.writeMapping(dir.resolve("trackers/alerts.mapping.yaml"), TrackerWorkbooks.WIDE_MAPPING);
    return ExtractFolder.scan(dir, null);
  }

  private static SourceFile source(ExtractFolder folder, String name) {
    return folder.files().stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no source " + name + " in " + folder.files()));
  }

  private static List<RawRecord> read(SourceFile file) {
    List<RawRecord> records = new ArrayList<>();
    try (RecordSource source = RecordSource.open(file)) {
      for (RawRecord record = source.next(); record != null; record = source.next()) {
        records.add(record);
      }
    }
    return records;
  }

  private static List<String> events(List<RawRecord> records) {
    return records.stream()
        .map(r -> String.join(" | ", r.value(EVENT_ID), r.value(DISPUTE_ID), r.value(EVENT_DATE), r.value(EVENT_TYPE),
            r.value(STAGE), r.value(TO_ROLE), r.value(OUTCOME)))
        .toList();
  }

  @Test
  void a_workbook_in_trackers_gives_a_disputes_source_and_an_events_source() throws IOException {
    wideExtract();
    Files.writeString(dir.resolve("trackers/~$alerts.xlsx"), "Excel's lock file");
    Files.writeString(dir.resolve("trackers/old.mapping.yaml"), "shape: wide\n");
    ExtractFolder folder = ExtractFolder.scan(dir, null);

    assertThat(folder.files())
        .extracting(SourceFile::name, SourceFile::spec, SourceFile::format, SourceFile::kind, SourceFile::authority)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("trackers/alerts.xlsx#disputes", ExchangeFormat.DISPUTES,
                SourceFile.Format.TRACKER_XLSX, SourceKind.TRACKER, "381"),
            org.assertj.core.groups.Tuple.tuple("trackers/alerts.xlsx#dispute_events", ExchangeFormat.DISPUTE_EVENTS,
                SourceFile.Format.TRACKER_XLSX, SourceKind.TRACKER, "381"));
    assertThat(folder.ignored())
        .as("a workbook's mapping and Excel's lock file are not listed; a mapping with no workbook is")
        .containsExactly("trackers/old.mapping.yaml");
  }

  @Test
  void a_mappings_authority_wins_over_the_extracts_and_trackers_sit_at_an_extracts_top_too() throws IOException {
    Path extract = dir.resolve("la382");
    TrackerWorkbooks.wide(extract.resolve("alerts.xlsx"), Map.of());
    TrackerWorkbooks.writeMapping(extract.resolve("alerts.mapping.yaml"), "authority: \"382\"\n" + TrackerWorkbooks.WIDE_MAPPING);

    SourceFile disputes = source(ExtractFolder.scan(dir, null), "la382/alerts.xlsx#disputes");

    assertThat(disputes.authority()).isEqualTo("382");
    assertThat(read(disputes)).extracting(r -> r.value(AUTHORITY)).containsOnly("382");
  }

  @Test
  void a_wide_tracker_gives_one_dispute_per_alert_row() throws IOException {
    List<RawRecord> disputes = read(source(wideExtract(), "trackers/alerts.xlsx#disputes"));

    assertThat(disputes).as("the blank row 7 and the totals row 9 give nothing").hasSize(4);
    assertThat(disputes).extracting(RawRecord::line).as("lines are sheet rows, as Excel numbers them").containsExactly(4L, 5L, 6L, 8L);
    assertThat(disputes).allMatch(r -> r.structureError() == null);
    RawRecord first = disputes.get(0);
    assertThat(first.values())
        .containsEntry(AUTHORITY, "381")
        .containsEntry(DISPUTE_ID, "A-001")
        .containsEntry(CHILD_ID, "C-1001")
        .containsEntry(RAISED_BY, "IRO-07")
        .containsEntry(CATEGORY, "DRIFT")
        .containsEntry(PROCESS, "CLA")
        .containsEntry(TEAM, "CiC 1");
    assertThat(disputes.get(2).value(CHILD_ID)).as("a child id typed as a number").isEqualTo("1003");
    assertThat(first.values().keySet()).as("only exchange columns").containsExactlyElementsOf(ExchangeFormat.DISPUTES.columnNames());
    assertThat(first.text())
        .as("the row as read, without the free-text column")
        .contains("Alert ref=A-001", "Date raised=03/05/2024", "Date closed=2024-05-10")
        .doesNotContain("Placement drift", "Concern summary", "RAG");
  }

  @Test
  void a_wide_tracker_gives_each_stage_reached_its_response_the_cafcass_referral_and_the_ending() throws IOException {
    List<RawRecord> events = read(source(wideExtract(), "trackers/alerts.xlsx#dispute_events"));

    assertThat(events(events))
        .as("text dates 03/05/2024 and 3.5.24 and real date cells alike; blank stages give nothing")
        .containsExactlyElementsOf(EXPECTED_EVENTS);
    assertThat(events).allMatch(r -> r.structureError() == null).allMatch(r -> r.value(AUTHORITY).equals("381"));
    assertThat(events).extracting(RawRecord::line)
        .as("each event's line is the row it came from")
        .containsExactly(4L, 4L, 5L, 5L, 5L, 5L, 6L, 6L, 6L, 6L, 6L, 6L, 8L, 8L);
    assertThat(events).extracting(r -> r.value(EVENT_ID)).as("event ids are unique").doesNotHaveDuplicates();
    assertThat(events).as("the response-due formula is never read").noneMatch(r -> r.text().contains("response due"));
  }

  @Test
  void a_long_tracker_in_the_authoritys_own_stage_words_gives_the_same_records_as_the_wide_one() throws IOException {
    ExtractFolder wide = wideExtract();
    Path other = dir.resolve("long");
    Files.createDirectories(other);
    Files.writeString(other.resolve(ExtractManifest.FILE_NAME), "authority: \"381\"\n");
    TrackerWorkbooks.longShape(other.resolve("escalations.xlsx"), Map.of());
    TrackerWorkbooks.writeMapping(other.resolve("escalations.mapping.yaml"), TrackerWorkbooks.LONG_MAPPING);
    ExtractFolder longFolder = ExtractFolder.scan(other, null);

    List<RawRecord> longDisputes = read(source(longFolder, "escalations.xlsx#disputes"));
    List<RawRecord> longEvents = read(source(longFolder, "escalations.xlsx#dispute_events"));

    assertThat(longDisputes).extracting(RawRecord::values)
        .containsExactlyElementsOf(read(source(wide, "trackers/alerts.xlsx#disputes")).stream().map(RawRecord::values).toList());
    assertThat(longEvents).extracting(RawRecord::values)
        .containsExactlyElementsOf(read(source(wide, "trackers/alerts.xlsx#dispute_events")).stream().map(RawRecord::values).toList());
    assertThat(events(longEvents)).containsExactlyElementsOf(EXPECTED_EVENTS);
    assertThat(longEvents).allMatch(r -> r.structureError() == null);
    assertThat(longEvents.get(5).line()).as("A-002's stage 3 step is on row 8, after other alerts").isEqualTo(8L);
    assertThat(longDisputes).extracting(RawRecord::line).as("an alert's dispute is on its first row").containsExactly(2L, 3L, 5L, 7L);
  }

  @Test
  void a_restarted_read_skips_the_records_already_staged_and_goes_on_in_the_same_order() throws IOException {
    SourceFile events = source(wideExtract(), "trackers/alerts.xlsx#dispute_events");
    List<RawRecord> all = read(events);

    List<RawRecord> rest = new ArrayList<>();
    try (RecordSource source = RecordSource.open(events)) {
      source.skip(5);
      assertThat(source.position()).isEqualTo(5);
      for (RawRecord record = source.next(); record != null; record = source.next()) {
        rest.add(record);
      }
      assertThat(source.position()).isEqualTo(all.size());
    }
    assertThat(rest).containsExactlyElementsOf(all.subList(5, all.size()));
  }

  @Test
  void a_repeated_alert_id_in_a_wide_tracker_quarantines_the_later_rows_records() throws IOException {
    TrackerWorkbooks.wide(dir.resolve("trackers/alerts.xlsx"), Map.of("A8", "A-002"));
    TrackerWorkbooks.writeMapping(dir.resolve("trackers/alerts.mapping.yaml"), TrackerWorkbooks.WIDE_MAPPING);

    List<RawRecord> disputes = read(source(ExtractFolder.scan(dir, null), "trackers/alerts.xlsx#disputes"));

    assertThat(disputes.get(1).structureError()).isNull();
    Violation duplicate = disputes.get(3).structureError();
    assertThat(duplicate.ruleId()).isEqualTo("tracker.duplicate");
    assertThat(duplicate.reason()).contains("row 5", "'Alerts'");
  }

  @Test
  void rows_of_one_alert_that_disagree_in_a_long_tracker_are_reported_not_silently_merged() throws IOException {
    TrackerWorkbooks.longShape(dir.resolve("escalations.xlsx"), Map.of("B8", "C-9999", "F8", "Stage 3 - SM"));
    TrackerWorkbooks.writeMapping(dir.resolve("escalations.mapping.yaml"), TrackerWorkbooks.LONG_MAPPING);
    ExtractFolder folder = ExtractFolder.scan(dir, null);

    RawRecord dispute = read(source(folder, "escalations.xlsx#disputes")).get(1);
    assertThat(dispute.value(DISPUTE_ID)).isEqualTo("A-002");
    assertThat(dispute.structureError().ruleId()).isEqualTo("tracker.conflict");
    assertThat(dispute.structureError().column()).isEqualTo(CHILD_ID);
    assertThat(dispute.structureError().reason()).startsWith("Escalations!B3 and Escalations!B8 give different values");
    assertThat(dispute.structureError().value()).isEqualTo("C-1002 / C-9999");

    RawRecord unknownStage = read(source(folder, "escalations.xlsx#dispute_events")).stream()
        .filter(r -> r.line() == 8).findFirst().orElseThrow();
    assertThat(unknownStage.structureError().column()).isEqualTo(STAGE);
    assertThat(unknownStage.structureError().reason())
        .startsWith("Escalations!F8 (Stage) is not a stage label the mapping knows (add it under 'stage_labels:'");
  }
}
