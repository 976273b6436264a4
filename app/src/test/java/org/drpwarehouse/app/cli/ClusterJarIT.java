package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.drpwarehouse.transforms.PseudonymisationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drp-cluster.jar} is the jar to hand {@code spark-submit}: it runs on a Spark
 * distribution's own class path (Spark, Scala, Hadoop and the libraries only Spark uses, ahead of it, as {@code spark-submit} puts
 * them) and carries none of their classes. Run after {@code package}, by {@code ./mvnw verify}.
 */
class ClusterJarIT {
  private static final String AS_OF = "2023-03-31";
  private static final String PARTITIONS = "spark.shuffle-partitions=4";

  @TempDir Path temp;

  @Test
  void the_cluster_jar_carries_no_class_that_spark_provides_and_every_class_of_the_warehouse() throws IOException {
    Set<String> provided = new HashSet<>();
    for (Path jar : sparkClassPath()) {
      provided.addAll(classes(jar));
    }
    assertThat(provided).as("the Spark class path was read").contains("org/apache/spark/sql/Dataset.class");
    Set<String> shaded = classes(clusterJar());
    assertThat(shaded).as("the warehouse, Delta, Deequ, Spring Batch and picocli are inside").contains(
        "org/drpwarehouse/app/DrpMain.class", "org/drpwarehouse/transforms/GoldBuild.class",
        "io/delta/tables/DeltaTable.class", "com/amazon/deequ/VerificationSuite.class",
        "org/springframework/batch/core/Job.class", "picocli/CommandLine.class");
    shaded.retainAll(provided);
    // The one API two unrelated libraries both carry: Spring AOP and the distribution's hk2
    // (aopalliance-repackaged) each hold the AOP Alliance 1.0 interfaces, the same on both sides.
    shaded.removeIf(name -> name.startsWith("org/aopalliance/"));
    assertThat(shaded).as("classes of the Spark distribution in the cluster jar (they must come from the cluster)").isEmpty();
  }

  @Test
  void drp_ingest_and_transform_from_the_cluster_jar_on_spark_s_class_path_give_the_tables_of_the_spring_boot_jar()
      throws Exception {
    Path extract = temp.resolve("extract");
    assertThat(DrpRun.of("generate", "--authorities", "1", "--years", "1", "--seed", "11", "--out", extract.toString())
        .status()).isZero();
    Path key = temp.resolve("key/pseudonymisation.key");
    PseudonymisationKey.createLocal(key);
    Path submitted = temp.resolve("submitted-warehouse");
    Path reference = temp.resolve("reference-warehouse");

    Path submittedConfig = GoldComparison.settings(temp.resolve("submitted.properties"), submitted, key, PARTITIONS);
    for (String[] command : List.of(new String[] {"ingest", extract.toString()}, new String[] {"transform", "--as-of", AS_OF})) {
      DrpRun run = submit(submittedConfig, command);
      assertThat(run.status()).as("drp " + command[0] + " from the cluster jar failed:\n" + run.out() + run.err()).isZero();
    }

    Path referenceConfig = GoldComparison.settings(temp.resolve("reference.properties"), reference, key, PARTITIONS);
    assertThat(DrpRun.of("--config", referenceConfig.toString(), "ingest", extract.toString()).status()).isZero();
    assertThat(DrpRun.of("--config", referenceConfig.toString(), "transform", "--as-of", AS_OF).status()).isZero();

    GoldComparison.assertSameTables(submitted, "the cluster jar's build", reference, "the Spring Boot jar's build");
  }

  /** {@code drp ARGS} as spark-submit runs a jar: Spark's class path first, then the cluster jar, in a JVM of its own. */
  private DrpRun submit(Path config, String... args) throws IOException, InterruptedException {
    List<String> classPath = new ArrayList<>(sparkClassPath().stream().map(Path::toString).toList());
    classPath.add(clusterJar().toString());
    List<String> command = new ArrayList<>(DrpProcess.java(String.join(File.pathSeparator, classPath), "-Xmx1g"));
    command.addAll(List.of("org.drpwarehouse.app.DrpMain", "--config", config.toString()));
    command.addAll(List.of(args));
    return DrpProcess.run(command, temp.resolve("drp-" + args[0] + ".log"), Duration.ofMinutes(10), process -> {});
  }

  private static Path clusterJar() {
    Path jar = Path.of(System.getProperty("drp.cluster.jar"));
    assertThat(jar).as("the cluster jar is built by package").isRegularFile();
    return jar;
  }

  /** The jars Maven resolved for the groups a Spark distribution provides (written at package time). */
  private static List<Path> sparkClassPath() throws IOException {
    String text = Files.readString(Path.of(System.getProperty("drp.spark.class-path"))).trim();
    return Arrays.stream(text.split(File.pathSeparator)).map(Path::of).toList();
  }

  private static Set<String> classes(Path jar) throws IOException {
    Set<String> names = new HashSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
          names.add(entry.getName());
        }
      }
    }
    return names;
  }
}
