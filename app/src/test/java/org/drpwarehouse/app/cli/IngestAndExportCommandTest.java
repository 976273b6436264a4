package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An analyst's round trip: ingest an extract, then export the run log and an earlier table version. */
class IngestAndExportCommandTest {
  @TempDir Path temp;

  private static String run(String... args) {
    DrpRun result = DrpRun.of(args);
    assertThat(result.status()).as("drp " + String.join(" ", args) + " failed: " + result.err()).isZero();
    return result.out();
  }

  @Test
  void ingest_prints_the_balance_and_export_writes_current_and_earlier_versions() throws IOException {
    Path extract = Files.createDirectories(temp.resolve("extract"));
    Files.writeString(extract.resolve("disputes.csv"),
        "authority,dispute_id,child_id,process,raised_by,identified_date,category,review_id,team\n"
            + "381,D-1,C-1,CLA,IRO-1,2024-05-01,DRIFT,,Team 1\n"
            + "381,D-2,C-2,BAD,IRO-1,2024-05-01,DRIFT,,Team 1\n");
    String warehouse = temp.resolve("warehouse").toString();

    String first = run("--warehouse", warehouse, "ingest", extract.toString());
    assertThat(first).contains("read 2 = loaded 1 + quarantined 1").contains("code 1");

    Files.writeString(extract.resolve("disputes.csv"),
        "authority,dispute_id,child_id,process,raised_by,identified_date,category,review_id,team\n"
            + "381,D-3,C-3,CP,IRO-2,2024-06-01,VISITS,,Team 2\n");
    assertThat(run("--warehouse", warehouse, "ingest", extract.toString())).contains("read 1 = loaded 1 + quarantined 0");

    Path runs = temp.resolve("runs.csv");
    assertThat(run("--warehouse", warehouse, "export", "bronze.ingest_runs", "--out", runs.toString())).contains("wrote 2 rows");
    List<String> lines = Files.readAllLines(runs, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("batch_id,started_at,authority,record");
    assertThat(lines).hasSize(3);

    Path now = temp.resolve("disputes-now.csv");
    Path before = temp.resolve("disputes-v0.csv");
    run("--warehouse", warehouse, "export", "bronze.disputes", "--include-raw", "--out", now.toString());
    run("--warehouse", warehouse, "export", "bronze.disputes", "--include-raw", "--version", "0", "--out", before.toString());
    assertThat(Files.readAllLines(now)).hasSize(3).anyMatch(l -> l.contains("D-3"));
    assertThat(Files.readAllLines(before)).as("version 0: the first batch only").hasSize(2).noneMatch(l -> l.contains("D-3"));
  }
}
