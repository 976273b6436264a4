package org.drpwarehouse.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1, started from the project's own Spark jars (this test
 * JVM's class path): one master and one worker, each its own JVM, as {@code start-master.sh} and
 * {@code start-worker.sh} would start them. The worker launches its executors with the same class
 * path, so they run the warehouse's classes exactly as the driver does. Closing it stops the
 * worker, its executors and the master.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final Path dir;
  private final int masterPort;
  private final int masterUiPort;
  private final List<Process> processes = new ArrayList<>();

  private StandaloneCluster(Path dir, int masterPort, int masterUiPort) {
    this.dir = dir;
    this.masterPort = masterPort;
    this.masterUiPort = masterUiPort;
  }

  /** Starts a master and a worker with {@code cores} cores and waits until the worker has registered. */
  static StandaloneCluster start(Path dir, int cores) throws IOException, InterruptedException {
    // The worker builds executor commands from SPARK_HOME/jars; an empty one is enough, the class
    // path comes from spark.executor.extraClassPath.
    Files.createDirectories(dir.resolve("spark-home/jars"));
    StandaloneCluster cluster = new StandaloneCluster(dir, freePort(), freePort());
    try {
      cluster.launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", String.valueOf(cluster.masterPort), "--webui-port", String.valueOf(cluster.masterUiPort)));
      cluster.awaitMaster("\"status\" : \"ALIVE\"", "the master to start");
      cluster.launch("worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
          "--cores", String.valueOf(cores), "--memory", "2g", "--webui-port", String.valueOf(freePort()),
          "--work-dir", dir.resolve("worker-work").toString(), cluster.masterUrl()));
      cluster.awaitMaster("\"aliveworkers\" : 1", "the worker to register with the master");
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The master's JSON status page: workers, running and completed applications. */
  String masterStatus() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/")).timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  /** The executor folders the worker made ({@code work-dir/app-.../N}), one per executor launched. */
  List<Path> executorFolders() throws IOException {
    Path work = dir.resolve("worker-work");
    if (!Files.isDirectory(work)) {
      return List.of();
    }
    try (var apps = Files.walk(work, 2)) {
      return apps.filter(p -> p.getNameCount() == work.getNameCount() + 2 && Files.isDirectory(p)).sorted().toList();
    }
  }

  /** What the master and worker logged, for a failure message. */
  String logs() {
    StringBuilder text = new StringBuilder();
    for (String name : List.of("master", "worker")) {
      Path log = dir.resolve(name + ".log");
      try {
        if (Files.exists(log)) {
          String all = Files.readString(log);
          text.append("--- ").append(name).append(" log (end)\n").append(all.substring(Math.max(0, all.length() - 4000)));
        }
      } catch (IOException e) {
        text.append("--- ").append(name).append(" log unreadable: ").append(e.getMessage()).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * Runs {@code drp ARGS} as a driver JVM of its own against this cluster (a SparkContext per JVM):
   * the same class path for the driver and, through {@code spark.executor.extraClassPath}, for the
   * executors. Returns the exit status and everything it printed.
   */
  DrpRun drp(Duration timeout, String... args) throws IOException, InterruptedException {
    String classPath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(DrpProcess.java(classPath, "-Xmx1g", "-Dspark.driver.host=127.0.0.1",
        "-Dspark.executor.extraClassPath=" + classPath));
    command.add("org.drpwarehouse.app.DrpMain");
    command.addAll(List.of(args));
    return DrpProcess.run(command, dir.resolve("driver-" + Instant.now().toEpochMilli() + ".log"), timeout, processes::add);
  }

  @Override
  public void close() {
    List<Process> newestFirst = new ArrayList<>(processes);
    Collections.reverse(newestFirst);
    for (Process process : newestFirst) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }

  private void launch(String name, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>(DrpProcess.java(System.getProperty("java.class.path"), "-Xmx512m"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    Map<String, String> environment = builder.environment();
    environment.put("SPARK_HOME", dir.resolve("spark-home").toString());
    environment.put("SPARK_SCALA_VERSION", "2.12");
    environment.remove("SPARK_CONF_DIR");
    processes.add(builder.start());
  }

  private void awaitMaster(String expected, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException("a cluster process ended (status " + process.exitValue() + ") while waiting for "
              + what + "\n" + logs());
        }
      }
      try {
        last = masterStatus();
        if (compact(last).contains(compact(expected))) {
          return;
        }
      } catch (IOException notYetListening) {
        last = notYetListening.toString();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("timed out after " + START_TIMEOUT + " waiting for " + what + "; last status: " + last
        + "\n" + logs());
  }

  private static String compact(String json) {
    Matcher spaces = Pattern.compile("\\s+").matcher(json);
    return spaces.replaceAll("");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
