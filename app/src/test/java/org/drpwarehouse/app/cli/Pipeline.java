package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.warehouse.PublicationTables;
import org.drpwarehouse.schemas.warehouse.QualityTables;
import org.drpwarehouse.transforms.PseudonymisationKey;

/**
 * Runs the pipeline on an extract folder in this JVM as a user would (ingest, transform, check),
 * then records a publication of what it built as {@code drp publish} would: every Delta table of the
 * warehouse at its current version, the gate's run and its verdict per authority.
 */
final class Pipeline {
  private final Path warehouse;
  private final Path config;

  Pipeline(Path folder) {
    this.warehouse = folder.resolve("warehouse");
    try {
      Path key = folder.resolve("key/pseudonymisation.key");
      Files.createDirectories(key.getParent());
      PseudonymisationKey.createLocal(key);
      this.config = Files.writeString(folder.resolve("drp.properties"),
          "warehouse=" + warehouse.toUri() + "\npseudonymisation.key-file=" + key + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path warehouse() {
    return warehouse;
  }

  /** {@code drp --config FILE args...}, which must succeed (or end with one of the allowed codes). */
  DrpRun drp(String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    return DrpRun.of(all.toArray(String[]::new));
  }

  DrpRun ok(String... args) {
    DrpRun run = drp(args);
    assertThat(run.status()).as("drp " + String.join(" ", args) + " failed:\n" + run.err() + run.out()).isZero();
    return run;
  }

  /** Ingest, transform as of a date, and check (with options); returns the authorities the gate let through. */
  List<String> build(Path extract, LocalDate asOf, String... checkOptions) {
    ok("ingest", extract.toString());
    ok("transform", "--as-of", asOf.toString());
    List<String> check = new ArrayList<>(List.of("check", "--as-of", asOf.toString()));
    check.addAll(List.of(checkOptions));
    return published(drp(check.toArray(String[]::new)));
  }

  private static List<String> published(DrpRun check) {
    assertThat(check.status()).as("drp check ran:\n" + check.out() + check.err())
        .isIn(ExitCodes.OK, ExitCodes.GATE_WITHHELD, ExitCodes.GATE_BLOCKED);
    List<String> published = new ArrayList<>();
    for (String line : check.out().split("\n")) {
      String[] cells = line.trim().split("\\s+");
      if (cells.length >= 2 && cells[1].equals("published")) {
        published.add(cells[0]);
      }
    }
    return published;
  }

  /** Appends a publication of every table at its current version to the log, as drp publish records one. */
  String publish(String id, LocalDate asOf, List<String> published, List<String> withheld) {
    SparkSession spark = SparkSession.active();
    Map<String, Long> versions = new TreeMap<>();
    for (String layer : List.of("bronze", "silver", "gold", "reference", "quality")) {
      Path folder = warehouse.resolve(layer);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> tables = Files.list(folder)) {
        for (Path table : tables.filter(t -> Files.isDirectory(t.resolve("_delta_log"))).toList()) {
          long version = DeltaTable.forPath(spark, table.toUri().toString()).history(1).head().getLong(0);
          versions.put(layer + "." + table.getFileName(), version);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String run = spark.read().format("delta").load(warehouse.resolve("quality/" + QualityTables.RESULTS.name()).toUri().toString())
        .orderBy(org.apache.spark.sql.functions.col(QualityTables.RUN_AT).desc()).head().getAs(QualityTables.RUN_ID);
    Row row = RowFactory.create(id, Timestamp.from(Instant.now()), Date.valueOf(asOf), "build",
        scala.collection.JavaConverters.mapAsScalaMap(versions), published.isEmpty() ? "BLOCKED" : "PASS_WITH_WARNINGS", run, null,
        scala.collection.JavaConverters.asScalaBuffer(published).toList(),
        scala.collection.JavaConverters.asScalaBuffer(withheld).toList(),
        PublicationTables.folder(warehouse.toUri(), id).toString());
    spark.createDataFrame(List.of(row), PublicationTables.PUBLICATIONS.schema()).write().format("delta").mode("append")
        .save(PublicationTables.PUBLICATIONS.location(warehouse.toUri()).toString());
    return id;
  }
}
