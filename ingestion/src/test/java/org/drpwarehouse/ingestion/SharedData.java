package org.drpwarehouse.ingestion;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared sample data beside the repository (tests may read it; the product never does). */
final class SharedData {
  private SharedData() {}

  static Path ssda903Sample() {
    Path dir = Path.of(System.getProperty("drp.shared.dir", "../../shared")).resolve("data/ssda903-fake");
    if (!Files.isDirectory(dir)) {
      String message = "SKIPPED LOUDLY: the shared DfE sample folder " + dir.toAbsolutePath() + " is missing";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message + " (CI=true: failing)");
      }
      System.err.println("*** " + message + " ***");
      Assumptions.abort(message);
    }
    return dir;
  }
}
