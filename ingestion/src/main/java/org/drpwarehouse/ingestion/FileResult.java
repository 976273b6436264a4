package org.drpwarehouse.ingestion;

import java.util.Map;

/**
 * What an ingest run did with one file.
 *
 * @param status {@code LOADED}, or {@code ALREADY_LOADED} when the same bytes were loaded by an
 *     earlier batch (then every count is 0)
 * @param deleted records a full database pull no longer found, marked deleted in bronze (tombstones;
 *     they are not among the records read)
 */
public record FileResult(
    String sourceName,
    String record,
    String authority,
    String checksum,
    String status,
    long read,
    long loaded,
    long quarantined,
    long deleted,
    Map<String, Long> reasons) {

  public static final String LOADED = "LOADED";
  public static final String ALREADY_LOADED = "ALREADY_LOADED";

  public FileResult {
    reasons = Map.copyOf(reasons);
  }

  /** Nothing lost: every record read was loaded or quarantined. */
  public boolean balanced() {
    return read == loaded + quarantined;
  }
}
