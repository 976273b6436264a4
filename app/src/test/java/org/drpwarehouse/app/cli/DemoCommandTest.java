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

/** {@code drp demo} on a fresh folder: the whole pipeline, ending with the path of a dashboard that exists. */
class DemoCommandTest {
  @TempDir Path temp;

  @Test
  void the_demo_publishes_a_dashboard_and_leaves_no_raw_child_id_after_bronze() throws Exception {
    Path input = temp.resolve("drp-demo/input");
    Path warehouse = temp.resolve("warehouse");
    DrpRun demo = DrpRun.of("--warehouse", warehouse.toString(), "demo", "--input", input.toString());
    assertThat(demo.status()).as("drp demo failed: " + demo.err()).isZero();
    String out = demo.out();

    assertThat(out)
        .contains("generated 3 authorities")
        .containsPattern("read (\\d+) = loaded \\d+ \\+ quarantined \\d+")
        .contains("silver table")
        .contains("gold build")
        .contains("Quality gate:")
        .containsPattern("Dashboard: +file:\\S+/publications/pub-\\S+/site/index.html");
    java.util.regex.Matcher dashboard =
        java.util.regex.Pattern.compile("Dashboard: +(file:\\S+index.html)").matcher(out);
    assertThat(dashboard.find()).isTrue();
    Path index = Path.of(java.net.URI.create(dashboard.group(1)));
    assertThat(index).as("the printed dashboard exists").isRegularFile();
    String page = Files.readString(index);

    // Any past dashboard can be reproduced for an audit: the rebuild reads the recorded table versions.
    String publication = index.getParent().getParent().getFileName().toString();
    Path bundle = index.getParent().getParent().resolve("superset/drp-board-superset.zip");
    byte[] bundleBefore = Files.readAllBytes(bundle);
    Files.delete(index);
    DrpRun rebuild = DrpRun.of("--warehouse", warehouse.toString(), "publish", "--rebuild", publication);
    assertThat(rebuild.status()).as("drp publish --rebuild failed: " + rebuild.err()).isZero();
    assertThat(Files.readString(index)).as("the rebuilt dashboard is identical").isEqualTo(page);
    assertThat(Files.readAllBytes(bundle)).as("the rebuilt Superset bundle is identical").isEqualTo(bundleBefore);

    Path key = temp.resolve("drp-demo/pseudonymisation.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(out).doesNotContain(Files.readString(key).trim());

    List<String> rawChildIds =
        Files.readAllLines(input.resolve("101/disputes.csv")).stream().skip(1).limit(50)
            .map(line -> line.split(",")[2]).filter(id -> !id.isBlank()).toList();
    assertThat(page).as("no raw child id reaches the dashboard").doesNotContain(rawChildIds.toArray(String[]::new));
    SparkSession spark = SparkSession.active();
    assertThat(spark.read().format("delta").load(warehouse.resolve("gold/dispute_summary").toUri().toString())
        .select("child_id").distinct().collectAsList())
        .extracting(r -> r.getString(0)).as("gold holds pseudonyms only").doesNotContainAnyElementsOf(rawChildIds);
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
