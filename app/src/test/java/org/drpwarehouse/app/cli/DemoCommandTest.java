package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drp demo} on a fresh folder: the whole pipeline as far as it is built, and honest about the rest. */
class DemoCommandTest {
  @TempDir Path temp;

  @Test
  void the_demo_runs_what_is_built_and_leaves_no_raw_child_id_in_silver() throws Exception {
    Path input = temp.resolve("drp-demo/input");
    Path warehouse = temp.resolve("warehouse");
    DrpRun demo = DrpRun.of("--warehouse", warehouse.toString(), "demo", "--input", input.toString());
    assertThat(demo.status()).as("drp demo failed: " + demo.err()).isZero();
    String out = demo.out();

    assertThat(out)
        .contains("generated 3 authorities")
        .containsPattern("read (\\d+) = loaded \\d+ \\+ quarantined \\d+")
        .contains("silver table")
        .contains("Dashboard:        not built yet");

    Path key = temp.resolve("drp-demo/pseudonymisation.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(out).doesNotContain(Files.readString(key).trim());

    List<String> rawChildIds =
        Files.readAllLines(input.resolve("101/disputes.csv")).stream().skip(1).limit(50)
            .map(line -> line.split(",")[2]).filter(id -> !id.isBlank()).toList();
    SparkSession spark = SparkSession.active();
    List<Row> silverChildren =
        spark.read().format("delta").load(warehouse.resolve("silver/disputes").toUri().toString())
            .select("child_id").distinct().collectAsList();
    assertThat(silverChildren).isNotEmpty();
    assertThat(silverChildren).extracting(r -> r.getString(0))
        .as("silver holds pseudonyms, never the raw ids of the extract")
        .doesNotContainAnyElementsOf(rawChildIds)
        .allMatch(id -> id.matches("[0-9a-f]{64}"));
  }
}
