package org.drpwarehouse.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the browser tests (the board dashboard, the report and the audit pack): a
 * fresh profile, no sandbox (tests may run as root), no network. Without a Chromium a test is skipped
 * with a loud message naming what was not checked, and fails when {@code CI=true}.
 */
final class HeadlessChromium {
  private HeadlessChromium() {}

  /** The Chromium to run, or a skip (a failure with {@code CI=true}) saying that {@code what} was not checked. */
  static Path find(String what) {
    List<String> names = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    List<Path> folders = new ArrayList<>(List.of(Path.of("/usr/bin")));
    for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!folder.isBlank()) {
        folders.add(Path.of(folder));
      }
    }
    Path found = folders.stream().flatMap(folder -> names.stream().map(folder::resolve)).filter(Files::isExecutable).findFirst().orElse(null);
    if (found == null) {
      String message = "\n\n*** NO HEADLESS CHROMIUM: " + what + " NOT checked in a browser. ***\n"
          + "*** Install it (apt-get install chromium) to run the browser tests. ***\n";
      System.err.println(message);
      assertThat("true".equalsIgnoreCase(System.getenv("CI"))).as("CI=true needs a headless Chromium" + message).isFalse();
      Assumptions.abort(message);
    }
    return found;
  }

  /** Runs Chromium on a page file with extra arguments; returns what it printed on standard output. */
  static String run(Path page, String... action) throws IOException, InterruptedException {
    return run(page.toUri().toString(), action);
  }

  /** Runs Chromium on a page address (a file: URI, with a #fragment if wanted). */
  static String run(String page, String... action) throws IOException, InterruptedException {
    Path chromium = find("the pages were");
    Path profile = Files.createTempDirectory("document-chromium-profile");
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
        "--virtual-time-budget=5000"));
    command.addAll(List.of(action));
    command.add(page);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = process.getInputStream().readAllBytes();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as("Chromium finished with " + page).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  /** The pages of a PDF Chromium printed: its page objects. */
  static int pages(Path pdf) throws IOException {
    String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(text);
    int pages = 0;
    while (m.find()) {
      pages++;
    }
    return pages;
  }
}
