package org.drpwarehouse.ingestion;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import org.drpwarehouse.ingestion.JobRepositories;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionTest {
  private static final String DISPUTES_HEADER =
      "authority,dispute_id,child_id,process,raised_by,identified_date,category,review_id,team\n";

  private final SparkSession spark = SharedSpark.session();
  @TempDir Path temp;
  private Path extract;
  private URI warehouse;
  private Ingestion ingestion;

  @BeforeEach
  void setUp() throws IOException {
    extract = Files.createDirectories(temp.resolve("extract"));
    warehouse = Files.createDirectories(temp.resolve("warehouse")).toUri();
    ingestion = new Ingestion(spark, warehouse, () -> JobRepositories.embedded(warehouse), 2);
  }

  private void write(String name, String content) throws IOException {
    Path file = extract.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private Dataset<Row> table(String layer, String name) {
    return spark.read().format("delta").load(WarehouseTables.location(warehouse, layer, name).toString());
  }

  private Map<String, FileResult> byName(IngestReport report) {
    return report.files().stream().collect(Collectors.toMap(FileResult::sourceName, Function.identity()));
  }

  @Test
  void every_record_lands_in_bronze_or_quarantine_with_lineage_and_reasons() throws IOException {
    write("drp-extract.yaml", "authority: \"381\"\n");
    write("disputes.csv", DISPUTES_HEADER
        + "381,D-1,C-1,CLA,IRO-1,2024-05-01,DRIFT,,Team 1\n"
        + "381,D-2,,XYZ,IRO-1,2024-13-40,DRIFT,,Team 1\n"
        + "381,D-3,C-3,CP,IRO-2,,VISITS,,Team 2\n"
        + "381,D-4,C-4,CLA,IRO-2,,VISITS,,Team 2\n"
        + "381,D-5,C-5,REVERSE,IRO-2,,VISITS,,Team 2\n");
    write("ssda903/header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,LOCAL_NOTE\n"
        + "C-1,1,01/02/2010,WBRI,A123456789012,,,kept in bronze\n"
        + "C-3,3,31/02/2011,WBRI,,,,\n");

    IngestReport report = ingestion.ingest(extract, null, Duration.ZERO);

    Map<String, FileResult> files = byName(report);
    assertThat(files.get("disputes.csv"))
        .extracting(FileResult::read, FileResult::loaded, FileResult::quarantined)
        .containsExactly(5L, 4L, 1L);
    assertThat(files.get("disputes.csv").reasons()).containsEntry("required", 1L).containsEntry("code", 1L).containsEntry("type.date", 1L);
    assertThat(files.get("ssda903/header.csv"))
        .extracting(FileResult::read, FileResult::loaded, FileResult::quarantined)
        .containsExactly(2L, 1L, 1L);
    assertThat(report.files()).allMatch(FileResult::balanced);

    Row dispute = table("bronze", "disputes").where(col("dispute_id").equalTo("D-3")).first();
    assertThat(dispute.<String>getAs(Lineage.SOURCE_NAME)).isEqualTo("disputes.csv");
    assertThat(dispute.<Long>getAs(Lineage.SOURCE_LINE)).as("the header is line 1").isEqualTo(4L);
    assertThat(dispute.<String>getAs(Lineage.BATCH_ID)).isEqualTo(report.batchId());
    assertThat(dispute.<String>getAs(Lineage.AUTHORITY)).isEqualTo("381");
    assertThat(dispute.<String>getAs(Lineage.RECORD_HASH)).hasSize(64);

    Row child = table("bronze", "header").first();
    assertThat(child.<String>getAs(Lineage.AUTHORITY)).as("903 authority from the manifest").isEqualTo("381");
    assertThat(child.<scala.collection.Map<String, String>>getAs(Lineage.EXTRA).get("LOCAL_NOTE").get())
        .as("unknown columns are kept in bronze")
        .isEqualTo("kept in bronze");

    List<Row> quarantine = table("bronze", WarehouseTables.QUARANTINE).where(col("source_name").equalTo("disputes.csv")).collectAsList();
    assertThat(quarantine).hasSize(3).allMatch(r -> r.<Long>getAs("source_line") == 3L);
    assertThat(quarantine.get(0).<String>getAs("raw_record")).isEqualTo("381,D-2,,XYZ,IRO-1,2024-13-40,DRIFT,,Team 1");

    Dataset<Row> runs = table("bronze", WarehouseTables.INGEST_RUNS);
    assertThat(runs.count()).isEqualTo(2);
  }

  @Test
  void loading_the_same_files_again_adds_nothing() throws IOException {
    write("disputes.csv", DISPUTES_HEADER + "381,D-1,C-1,CLA,IRO-1,2024-05-01,DRIFT,,Team 1\n");
    IngestReport first = ingestion.ingest(extract, null, Duration.ZERO);
    IngestReport second = ingestion.ingest(extract, null, Duration.ZERO);

    assertThat(first.loaded()).isEqualTo(1);
    assertThat(second.files()).singleElement().extracting(FileResult::status).isEqualTo(FileResult.ALREADY_LOADED);
    assertThat(table("bronze", "disputes").count()).isEqualTo(1);
    assertThat(second.batchId()).isNotEqualTo(first.batchId());
  }

  @Test
  void a_file_that_is_not_what_it_claims_fails_alone_and_changes_no_table() throws IOException {
    write("disputes.csv", DISPUTES_HEADER + "381,D-1,C-1,CLA,IRO-1,2024-05-01,DRIFT,,Team 1\n");
    write("dispute_events.csv", "authority,event_id,dispute_id\n381,E-1,D-1\n");
    IngestReport report = ingestion.ingest(extract, null, Duration.ZERO);

    assertThat(report.failedFiles()).singleElement().asString().contains("dispute_events.csv").contains("event_date");
    assertThat(report.files()).extracting(FileResult::sourceName).containsExactly("disputes.csv");
    assertThat(Files.exists(Path.of(WarehouseTables.location(warehouse, "bronze", "dispute_events"))))
        .as("no dispute_events table was written")
        .isFalse();
    assertThat(Files.exists(Path.of(warehouse).resolve("_staging"))
            && Files.list(Path.of(warehouse).resolve("_staging")).findAny().isPresent())
        .as("staged chunks are removed")
        .isFalse();
  }
}
