package org.drpwarehouse.schemas;

/** Where a kind of record comes from, which decides its file conventions. */
public enum SourceFamily {
  /** The DfE SSDA903 return: CSV, upper-case headers, dates dd/mm/yyyy, no authority column. */
  SSDA903,
  /** The DRP exchange format v1: CSV or JSON Lines, ISO dates, an {@code authority} column. */
  EXCHANGE
}
