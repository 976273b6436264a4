package org.drpwarehouse.ingestion;

import java.util.List;

/**
 * What one ingest run did: per file, read, loaded, quarantined and the reasons by count; and the
 * files that failed as a whole (nothing loaded from them).
 *
 * @param resumed whether this run finished an earlier, interrupted run
 */
public record IngestReport(String batchId, boolean resumed, List<FileResult> files, List<String> failedFiles) {
  public IngestReport {
    files = List.copyOf(files);
    failedFiles = List.copyOf(failedFiles);
  }

  public long read() {
    return files.stream().mapToLong(FileResult::read).sum();
  }

  public long loaded() {
    return files.stream().mapToLong(FileResult::loaded).sum();
  }

  public long quarantined() {
    return files.stream().mapToLong(FileResult::quarantined).sum();
  }
}
