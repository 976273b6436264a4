package org.drpwarehouse.ingestion;

import java.nio.file.Path;
import java.time.Duration;
import org.drpwarehouse.ingestion.JobRepositories;

/** Runs one ingest in a JVM of its own, so a test can kill it part-way. Args: extract warehouse chunk. */
public final class IngestProcess {
  private IngestProcess() {}

  public static void main(String[] args) {
    Path warehouse = Path.of(args[1]);
    Ingestion ingestion =
        new Ingestion(SharedSpark.session(), warehouse.toUri(), () -> JobRepositories.embedded(warehouse.toUri()), Integer.parseInt(args[2]));
    IngestReport report = ingestion.ingest(Path.of(args[0]), null, Duration.ZERO);
    System.out.println("loaded " + report.loaded() + " quarantined " + report.quarantined());
    System.exit(0);
  }
}
