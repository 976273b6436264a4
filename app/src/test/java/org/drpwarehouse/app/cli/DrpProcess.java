package org.drpwarehouse.app.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A JVM of its own (a Spark master, worker or driver, a submitted {@code drp}), as a user or a launcher starts one. */
final class DrpProcess {
  private DrpProcess() {}

  /** {@code java}, this JVM's module flags (Spark's --add-opens, from the build), the options and the class path. */
  static List<String> java(String classPath, String... options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens")) {
        command.add(argument);
      }
    }
    command.addAll(List.of(options));
    command.add("-cp");
    command.add(classPath);
    return command;
  }

  /**
   * Runs a command to its end, or until the timeout (then stops it), everything it printed in
   * {@code log}; {@code started} gets the process first, so an owner can stop it on close.
   */
  static DrpRun run(List<String> command, Path log, Duration timeout, Consumer<Process> started)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    started.accept(process);
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      return new DrpRun(-1, Files.readString(log), "the process did not finish in " + timeout);
    }
    return new DrpRun(process.exitValue(), Files.readString(log), "");
  }
}
