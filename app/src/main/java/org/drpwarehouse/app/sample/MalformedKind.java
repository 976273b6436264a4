package org.drpwarehouse.app.sample;

/**
 * The kinds of deliberately malformed row the generator writes, so that ingestion's quarantine and
 * the quality gate have something to catch. Each replaces one good row and keeps the CSV structure
 * (the same number of fields, RFC 4180 quoting).
 */
public enum MalformedKind {
  /** A date that does not exist or is in the other file family's spelling: {@code 2024-13-40}, {@code 31/02/2024}. */
  BAD_DATE,
  /** A required column left empty (never the record's own id, so quarantine can still name it). */
  MISSING_REQUIRED,
  /** A value outside the column's code list: {@code LAC} for a process, {@code PN8} for participation. */
  UNKNOWN_CODE,
  /** A {@code dispute_events.stage} that is not a stage id of the authority's policy: {@code Stage 2}. */
  UNKNOWN_STAGE,
  /** A {@code dispute_events} row naming a dispute that does not exist. */
  ORPHAN_EVENT
}
