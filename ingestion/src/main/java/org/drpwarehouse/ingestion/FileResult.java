package org.drpwarehouse.ingestion;

import java.util.Map;

/**
 * What an ingest run did with one file.
 *
 * @param status {@code LOADED}, or {@code ALREADY_LOADED} when the same bytes were loaded by an
 *     earlier batch (then every count is 0)
 * @param deleted records a full database pull or a {@linkplain SourceFile#fullSnapshot() full
 *     snapshot} file no longer held, marked deleted in bronze (tombstones; they are not among the
 *     records read)
 * @param deletionsWithheld why a full snapshot file marked nothing deleted although records may
 *     have gone (a rejected record whose key could not be read), or null
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
    Map<String, Long> reasons,
    String deletionsWithheld) {

  public static final String LOADED = "LOADED";
  public static final String ALREADY_LOADED = "ALREADY_LOADED";

  public FileResult {
    reasons = Map.copyOf(reasons);
  }

  /** A file whose deletions, if any, were all marked. */
  public FileResult(String sourceName, String record, String authority, String checksum, String status, long read,
      long loaded, long quarantined, long deleted, Map<String, Long> reasons) {
    this(sourceName, record, authority, checksum, status, read, loaded, quarantined, deleted, reasons, null);
  }

  /** The same result with the given tombstones (and, when none could be trusted, why). */
  public FileResult withDeleted(long tombstones, String withheld) {
    return new FileResult(sourceName, record, authority, checksum, status, read, loaded, quarantined, tombstones, reasons,
        withheld);
  }

  /** Nothing lost: every record read was loaded or quarantined. */
  public boolean balanced() {
    return read == loaded + quarantined;
  }
}
