package org.drpwarehouse.ingestion;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tracker workbook goes through ingestion like a CSV file: bronze, quarantine, lineage, run log. */
class TrackerIngestionTest {
  private static final String DISPUTES = "trackers/alerts.xlsx#disputes";
  private static final String EVENTS = "trackers/alerts.xlsx#dispute_events";

  private final SparkSession spark = SharedSpark.session();
  @TempDir Path temp;

  private Dataset<Row> table(URI warehouse, String name) {
    return spark.read().format("delta").load(WarehouseTables.location(warehouse, "bronze", name).toString());
  }

  @Test
  void tracker_rows_land_in_bronze_disputes_and_dispute_events_with_tracker_lineage() throws IOException {
    Path extract = Files.createDirectories(temp.resolve("extract"));
    URI warehouse = Files.createDirectories(temp.resolve("warehouse")).toUri();
    // Row 5 gets two unreadable cells in two different events: both are quarantined, each counted.
    TrackerWorkbooks.wide(extract.resolve("trackers/alerts.xlsx"), Map.of("J5", "31/02/2024", "M5", 45_000));
    Path mapping = extract.resolve("trackers/alerts.mapping.yaml");
    TrackerWorkbooks.writeMapping(mapping, "authority: \"381\"\n" + TrackerWorkbooks.WIDE_MAPPING);
    // Chunks of 2 split a row's events across chunks.
    Ingestion ingestion = new Ingestion(spark, warehouse, () -> JobRepositories.embedded(warehouse), 2);

    IngestReport report = ingestion.ingest(extract, null, Duration.ZERO);

    assertThat(report.failedFiles()).isEmpty();
    Map<String, FileResult> files = report.files().stream().collect(Collectors.toMap(FileResult::sourceName, Function.identity()));
    assertThat(files.get(DISPUTES))
        .extracting(FileResult::read, FileResult::loaded, FileResult::quarantined, FileResult::authority)
        .containsExactly(4L, 4L, 0L, "381");
    assertThat(files.get(EVENTS))
        .extracting(FileResult::read, FileResult::loaded, FileResult::quarantined)
        .containsExactly(14L, 12L, 2L);
    assertThat(files.get(EVENTS).reasons()).containsExactly(Map.entry("tracker.cell", 2L));
    assertThat(report.files()).allMatch(FileResult::balanced);

    Row dispute = table(warehouse, "disputes").where(col("dispute_id").equalTo("A-003")).first();
    assertThat(dispute.<String>getAs(Lineage.SOURCE_KIND)).isEqualTo("tracker");
    assertThat(dispute.<String>getAs(Lineage.SOURCE_NAME)).isEqualTo(DISPUTES);
    assertThat(dispute.<Long>getAs(Lineage.SOURCE_LINE)).as("the sheet row").isEqualTo(6L);
    assertThat(dispute.<String>getAs(Lineage.AUTHORITY)).isEqualTo("381");
    assertThat(dispute.<String>getAs("child_id")).isEqualTo("1003");

    Dataset<Row> events = table(warehouse, "dispute_events");
    assertThat(events.count()).isEqualTo(12);
    assertThat(events.select(Lineage.SOURCE_NAME, Lineage.SOURCE_KIND).distinct().collectAsList())
        .singleElement()
        .satisfies(r -> assertThat(List.of(r.getString(0), r.getString(1))).containsExactly(EVENTS, "tracker"));
    Row ending = events.where(col("event_id").equalTo("A-003-ENDING")).first();
    assertThat(List.of(ending.<String>getAs("event_type"), ending.<String>getAs("stage"), ending.<String>getAs("outcome")))
        .containsExactly("CLOSED", "stage3", "REFERRED_TO_CAFCASS");

    List<Row> quarantine = table(warehouse, WarehouseTables.QUARANTINE).where(col("source_name").equalTo(EVENTS))
        .orderBy(col("reason")).collectAsList();
    assertThat(quarantine).hasSize(2).allMatch(r -> r.<Long>getAs("source_line") == 5L && r.<String>getAs("column").equals("event_date"));
    assertThat(quarantine.get(0).<String>getAs("reason")).startsWith("Alerts!J5 (Stage 2 sent) is not a date").endsWith(": '31/02/2024'");
    assertThat(quarantine.get(1).<String>getAs("reason")).startsWith("Alerts!M5 (Stage 2 response received) is a number");
    assertThat(quarantine.get(0).<String>getAs("raw_record")).doesNotContain(TrackerWorkbooks.FREE_TEXT);

    IngestReport again = ingestion.ingest(extract, null, Duration.ZERO);
    assertThat(again.files()).extracting(FileResult::status).containsOnly(FileResult.ALREADY_LOADED);

    Files.writeString(mapping, Files.readString(mapping) + "# corrected\n");
    IngestReport corrected = ingestion.ingest(extract, null, Duration.ZERO);
    assertThat(corrected.files())
        .as("the checksum covers the mapping: a corrected mapping loads the workbook again")
        .extracting(FileResult::status)
        .containsOnly(FileResult.LOADED);
  }
}
