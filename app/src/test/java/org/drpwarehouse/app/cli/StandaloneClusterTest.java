package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.drpwarehouse.transforms.PseudonymisationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transform runs unchanged on a Spark cluster: {@code drp transform} with {@code
 * spark.master=spark://...} against a standalone master and worker on 127.0.0.1 (started from the
 * project's own Spark jars) gives the same gold tables and marts as the same command in local mode
 * on a copy of the same warehouse.
 */
class StandaloneClusterTest {
  private static final String AS_OF = "2023-03-31";

  @TempDir Path temp;

  @Test
  void drp_transform_on_a_standalone_cluster_gives_the_gold_tables_of_a_local_run() throws Exception {
    Path extract = temp.resolve("extract");
    assertThat(DrpRun.of("generate", "--authorities", "1", "--years", "1", "--seed", "11", "--out", extract.toString())
        .status()).isZero();
    Path key = temp.resolve("key/pseudonymisation.key");
    PseudonymisationKey.createLocal(key);
    Path onCluster = temp.resolve("cluster-warehouse");
    Path local = temp.resolve("local-warehouse");
    Path localConfig = config("local.properties", local, key, null);
    DrpRun ingest = DrpRun.of("--config", localConfig.toString(), "ingest", extract.toString());
    assertThat(ingest.status()).as("drp ingest failed:\n" + ingest.err() + ingest.out()).isZero();
    copy(local, onCluster);

    try (StandaloneCluster cluster = StandaloneCluster.start(temp.resolve("cluster"), 2)) {
      Path clusterConfig = config("cluster.properties", onCluster, key, cluster.masterUrl());
      DrpRun transform = cluster.drp(Duration.ofMinutes(10), "--config", clusterConfig.toString(), "transform", "--as-of", AS_OF);
      assertThat(transform.status()).as("drp transform on the cluster failed:\n" + transform.err() + transform.out()
          + cluster.logs()).isZero();
      assertThat(transform.out()).contains("gold build").contains("as of " + AS_OF);
      assertThat(cluster.masterStatus().replaceAll("\\s+", ""))
          .as("the master ran the driver's application to its end")
          .containsPattern("\"completedapps\":\\[\\{[^}]*\"name\":\"drp\"[^}]*\"state\":\"FINISHED\"");
      assertThat(cluster.executorFolders()).as("the worker launched executors for it").isNotEmpty();
    }

    DrpRun localTransform = DrpRun.of("--config", localConfig.toString(), "transform", "--as-of", AS_OF);
    assertThat(localTransform.status()).as("drp transform in local mode failed:\n" + localTransform.err()).isZero();

    GoldComparison.assertSameTables(onCluster, "the cluster's build", local, "the local build");
  }

  private Path config(String name, Path warehouse, Path key, String master) throws IOException {
    return master == null ? GoldComparison.settings(temp.resolve(name), warehouse, key)
        : GoldComparison.settings(temp.resolve(name), warehouse, key, "spark.master=" + master, "spark.shuffle-partitions=4");
  }

  /** A warehouse copied file by file (Delta tables hold relative paths, so the copy is a warehouse of its own). */
  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
