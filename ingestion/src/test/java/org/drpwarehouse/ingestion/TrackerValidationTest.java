package org.drpwarehouse.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drp validate} on a tracker: a cell the mapping cannot read quarantines the record made from
 * it, naming the sheet, cell, header and reason; everything read is loaded or quarantined.
 */
class TrackerValidationTest {
  @TempDir Path dir;

  @Test
  void an_unreadable_cell_quarantines_its_record_naming_sheet_row_and_column_and_nothing_is_lost() throws IOException {
    Files.writeString(dir.resolve("drp-extract.yaml"), "authority: \"381\"\n");
    TrackerWorkbooks.wide(dir.resolve("trackers/alerts.xlsx"), Map.of(
        "J5", "31/02/2024", // no such day
        "P6", TrackerWorkbooks.REF_ERROR, // a broken formula
        "B8", "")); // no child id: the contract's rule, not the tracker's
    TrackerWorkbooks.writeMapping(dir.resolve("trackers/alerts.mapping.yaml"), TrackerWorkbooks.WIDE_MAPPING);

    Map<String, FileCheck> checks = new ExtractValidator(10).check(ExtractFolder.scan(dir, null)).stream()
        .collect(Collectors.toMap(c -> c.source().name(), Function.identity()));

    FileCheck events = checks.get("trackers/alerts.xlsx#dispute_events");
    assertThat(events.failed()).isFalse();
    assertThat(events.read()).as("read = loaded + quarantined").isEqualTo(14).isEqualTo(events.valid() + events.rejected());
    assertThat(events.rejected()).isEqualTo(2);
    assertThat(events.reasons()).containsExactly(Map.entry("tracker.cell", 2L));

    FileCheck.Rejection opened = events.examples().get(0);
    assertThat(opened.line()).as("the sheet row").isEqualTo(5);
    Violation date = opened.violations().get(0);
    assertThat(date.column()).isEqualTo("event_date");
    assertThat(date.ruleId()).isEqualTo("tracker.cell");
    assertThat(date.reason()).startsWith("Alerts!J5 (Stage 2 sent) is not a date in an accepted format (dd/MM/yyyy, d.M.yy");
    assertThat(date.value()).as("the cell's content is kept apart from the reason").isEqualTo("31/02/2024");
    assertThat(opened.text()).contains("Alert ref=A-002", "Stage 2 sent=31/02/2024");

    Violation error = events.examples().get(1).violations().get(0);
    assertThat(events.examples().get(1).line()).isEqualTo(6);
    assertThat(error.reason()).startsWith("Alerts!P6 (Stage 3 response received) holds an Excel error");
    assertThat(error.value()).isEqualTo("#REF!");

    FileCheck disputes = checks.get("trackers/alerts.xlsx#disputes");
    assertThat(disputes.read()).isEqualTo(4).isEqualTo(disputes.valid() + disputes.rejected());
    assertThat(disputes.reasons()).as("a blank required cell is the contract's rule").containsExactly(Map.entry("required", 1L));
    assertThat(disputes.examples()).singleElement().extracting(FileCheck.Rejection::line).isEqualTo(8L);
  }
}
