package org.drpwarehouse.schemas.warehouse;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The lineage columns every bronze row carries, so that any figure can be traced back to the file
 * and line (or query and row) it came from. They start with an underscore so that they can never
 * clash with a source column.
 */
public final class Lineage {
  private Lineage() {}

  /** The authority the record belongs to: its own column, or the extract's manifest for SSDA903. */
  public static final String AUTHORITY = "_authority";
  /** {@code ssda903}, {@code exchange}, {@code tracker} or {@code jdbc}. */
  public static final String SOURCE_KIND = "_source_kind";
  /** The file name relative to the extract folder, or the query name. */
  public static final String SOURCE_NAME = "_source_name";
  /** The line of the file (1 = the header) or the row number of the query or sheet. */
  public static final String SOURCE_LINE = "_source_line";
  /** The ingest batch: the run that loaded the record. */
  public static final String BATCH_ID = "_batch_id";
  public static final String INGESTED_AT = "_ingested_at";
  /** SHA-256 of the record's source values, in contract column order. */
  public static final String RECORD_HASH = "_record_hash";
  /** Source columns the contract does not know: kept in bronze, ignored after it. */
  public static final String EXTRA = "_extra";
  /**
   * True on a tombstone: a record a full pull of a database source no longer found. The row carries
   * the record's key only; silver drops the record from that batch on.
   */
  public static final String DELETED = "_deleted";

  /** The lineage columns, appended after the contract's raw columns. */
  /**
   * The order of a record's versions, latest first: the latest load, then the last line of the
   * file, then (two files of one load holding the same key) source name and record hash, so that
   * every reader of bronze (silver's latest version, ingestion's tombstones) picks the same one.
   */
  public static Column[] latestFirst() {
    return new Column[] {col(INGESTED_AT).desc_nulls_last(), col(SOURCE_LINE).desc_nulls_last(),
        col(SOURCE_NAME).desc_nulls_last(), col(RECORD_HASH).desc_nulls_last()};
  }

  public static final StructType SCHEMA =
      new StructType()
          .add(AUTHORITY, DataTypes.StringType, false)
          .add(SOURCE_KIND, DataTypes.StringType, false)
          .add(SOURCE_NAME, DataTypes.StringType, false)
          .add(SOURCE_LINE, DataTypes.LongType, false)
          .add(BATCH_ID, DataTypes.StringType, false)
          .add(INGESTED_AT, DataTypes.TimestampType, false)
          .add(RECORD_HASH, DataTypes.StringType, false)
          .add(EXTRA, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
          .add(DELETED, DataTypes.BooleanType, true);
}
