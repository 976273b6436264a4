package org.drpwarehouse.ingestion;

import java.util.Locale;

/** Where a record came from, as recorded in its lineage. */
public enum SourceKind {
  SSDA903,
  EXCHANGE,
  TRACKER,
  JDBC;

  /** The lower-case name stored in {@code _source_kind}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
