package org.drpwarehouse.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.ingestion.JobRepositories;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed part-way (SIGKILL, in the middle of staging its chunks) and then restarted ends with
 * exactly the rows of an uninterrupted run; while it runs, a second run on the same warehouse is
 * refused cleanly.
 */
class InterruptedIngestTest {
  private static final int ROWS = 120_000;
  private static final int CHUNK = 500;

  private final SparkSession spark = SharedSpark.session();
  @TempDir Path temp;

  @Test
  void a_killed_run_restarted_ends_with_exactly_the_rows_of_an_uninterrupted_run() throws Exception {
    Path extract = Files.createDirectories(temp.resolve("extract"));
    writeDisputes(extract.resolve("disputes.csv"));
    Path killed = Files.createDirectories(temp.resolve("killed-warehouse"));
    Path clean = Files.createDirectories(temp.resolve("clean-warehouse"));

    Process child = startChild(extract, killed);
    Path staging = killed.resolve("_staging");
    waitForChunks(staging, 20, child);

    assertThatThrownBy(() -> ingestion(killed).ingest(extract, null, Duration.ZERO))
        .as("a second run on the same warehouse fails cleanly while the first holds it")
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("another ingest run");

    child.destroyForcibly().waitFor();
    assertThat(Files.exists(killed.resolve("bronze/disputes")))
        .as("killed while staging: nothing committed yet")
        .isFalse();

    IngestReport resumed = ingestion(killed).ingest(extract, null, Duration.ZERO);
    IngestReport uninterrupted = ingestion(clean).ingest(extract, null, Duration.ZERO);

    assertThat(resumed.resumed()).isTrue();
    assertThat(uninterrupted.resumed()).isFalse();
    assertThat(resumed.read()).isEqualTo(ROWS);
    assertThat(resumed.loaded() + resumed.quarantined()).isEqualTo(ROWS);
    assertThat(resumed.loaded()).isEqualTo(uninterrupted.loaded());
    assertThat(resumed.quarantined()).isEqualTo(uninterrupted.quarantined());

    Dataset<Row> a = bronze(killed.toUri()).select(Lineage.SOURCE_LINE, Lineage.RECORD_HASH);
    Dataset<Row> b = bronze(clean.toUri()).select(Lineage.SOURCE_LINE, Lineage.RECORD_HASH);
    assertThat(a.count()).isEqualTo(b.count());
    assertThat(a.except(b).count()).as("no row the clean run lacks").isZero();
    assertThat(b.except(a).count()).as("no row missing").isZero();
    assertThat(a.distinct().count()).as("no row twice").isEqualTo(a.count());
  }

  private Ingestion ingestion(Path warehouse) {
    return new Ingestion(spark, warehouse.toUri(), () -> JobRepositories.embedded(warehouse.toUri()), CHUNK);
  }

  private Dataset<Row> bronze(URI warehouse) {
    return spark.read().format("delta").load(WarehouseTables.location(warehouse, "bronze", "disputes").toString());
  }

  private static void writeDisputes(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("authority,dispute_id,child_id,process,raised_by,identified_date,category,review_id,team\n");
      for (int i = 1; i <= ROWS; i++) {
        // every 997th row breaks the process code, so quarantine has work in both runs
        String process = i % 997 == 0 ? "BAD" : "CLA";
        out.write("381,D-" + i + ",C-" + (i % 5000) + "," + process + ",IRO-" + (i % 12) + ",2024-05-01,DRIFT,,Team " + (i % 7) + "\n");
      }
    }
  }

  private static Process startChild(Path extract, Path warehouse) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens")).toList());
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(IngestProcess.class.getName());
    command.add(extract.toString());
    command.add(warehouse.toString());
    command.add(String.valueOf(CHUNK));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(warehouse.resolve("child.log").toFile()).start();
  }

  private static void waitForChunks(Path staging, int chunks, Process child) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!child.isAlive()) {
        throw new AssertionError("the child run ended before it could be killed (exit " + child.exitValue() + ")");
      }
      if (Files.isDirectory(staging)) {
        try (Stream<Path> files = Files.walk(staging)) {
          if (files.filter(p -> p.getFileName().toString().startsWith("bronze-")).count() >= chunks) {
            return;
          }
        }
      }
      Thread.sleep(20);
    }
    child.destroyForcibly();
    throw new AssertionError("the child run staged no chunks within 3 minutes");
  }
}
