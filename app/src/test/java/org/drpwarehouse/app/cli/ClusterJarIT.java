package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableContract;
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

    Path submittedConfig = config("submitted.properties", submitted, key);
    for (String[] command : List.of(new String[] {"ingest", extract.toString()}, new String[] {"transform", "--as-of", AS_OF})) {
      Run run = submit(submittedConfig, command);
      assertThat(run.status()).as("drp " + command[0] + " from the cluster jar failed:\n" + run.output()).isZero();
    }

    Path referenceConfig = config("reference.properties", reference, key);
    assertThat(DrpRun.of("--config", referenceConfig.toString(), "ingest", extract.toString()).status()).isZero();
    assertThat(DrpRun.of("--config", referenceConfig.toString(), "transform", "--as-of", AS_OF).status()).isZero();

    List<TableContract> compared = new ArrayList<>(List.of(GoldTables.STAGE_VISITS, GoldTables.DISPUTE_SUMMARY,
        GoldTables.DISPUTE_FLAGS, GoldTables.REVIEW_TIMELINESS));
    compared.addAll(MartTables.ALL);
    for (TableContract contract : compared) {
      Dataset<Row> fromJar = table(submitted, contract);
      Dataset<Row> fromBoot = table(reference, contract);
      assertThat(fromJar.count()).as(contract.name() + " rows").isEqualTo(fromBoot.count());
      assertThat(fromJar.exceptAll(fromBoot).count()).as(contract.name() + ": rows only from the cluster jar").isZero();
      assertThat(fromBoot.exceptAll(fromJar).count()).as(contract.name() + ": rows only from the Spring Boot jar").isZero();
    }
    assertThat(table(submitted, GoldTables.DISPUTE_SUMMARY).count()).as("the sample has disputes").isPositive();
  }

  private record Run(int status, String output) {}

  /** {@code drp ARGS} as spark-submit runs a jar: Spark's class path first, then the cluster jar, in a JVM of its own. */
  private Run submit(Path config, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("drp.add-opens").trim().split("\\s+")));
    command.add("-Xmx1g");
    List<String> classPath = new ArrayList<>(sparkClassPath().stream().map(Path::toString).toList());
    classPath.add(clusterJar().toString());
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), "org.drpwarehouse.app.DrpMain"));
    command.addAll(List.of("--config", config.toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(temp, "drp-" + args[0], ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return new Run(-1, Files.readString(output) + "\n(did not finish in 10 minutes)");
    }
    return new Run(process.exitValue(), Files.readString(output));
  }

  private Path config(String name, Path warehouse, Path key) throws IOException {
    return Files.writeString(temp.resolve(name),
        "warehouse=" + warehouse.toUri() + "\npseudonymisation.key-file=" + key + "\nspark.shuffle-partitions=4\n");
  }

  private static Dataset<Row> table(Path warehouse, TableContract contract) {
    return SparkSession.active().read().format("delta").load(contract.location(warehouse.toUri()).toString());
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
