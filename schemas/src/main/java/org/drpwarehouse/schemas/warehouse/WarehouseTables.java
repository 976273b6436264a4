package org.drpwarehouse.schemas.warehouse;

import java.net.URI;
import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.RecordSpec;

/**
 * The warehouse's tables, where they live under the warehouse URI, and their schemas.
 *
 * <pre>
 * WAREHOUSE/bronze/&lt;record&gt;        one Delta table per record kind (raw text + lineage)
 * WAREHOUSE/bronze/quarantine       every rejected record with its rule and reason
 * WAREHOUSE/bronze/ingest_runs      per run and source: read, loaded, quarantined, reasons
 * WAREHOUSE/bronze/ingest_files     every file loaded, by checksum (loading it again adds nothing)
 * WAREHOUSE/silver/&lt;record&gt;        typed, deduplicated, pseudonymised ({@link SilverSchemas})
 * </pre>
 */
public final class WarehouseTables {
  private WarehouseTables() {}

  public static final String BRONZE = "bronze";
  public static final String SILVER = SilverSchemas.SILVER;
  public static final String QUARANTINE = "quarantine";
  public static final String INGEST_RUNS = "ingest_runs";
  public static final String INGEST_FILES = "ingest_files";
  public static final String JDBC_WATERMARKS = "jdbc_watermarks";

  /** The URI of a table: {@code warehouse/layer/name}, for {@code file:} and {@code s3a:} alike. */
  public static URI location(URI warehouse, String layer, String name) {
    String base = warehouse.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + layer + "/" + name);
  }

  /** A bronze table: the contract's columns as raw text, then {@link Lineage#SCHEMA}. */
  public static StructType bronzeSchema(RecordSpec spec) {
    StructField[] fields = spec.rawSchema().fields();
    StructField[] lineage = Lineage.SCHEMA.fields();
    StructField[] all = Arrays.copyOf(fields, fields.length + lineage.length);
    System.arraycopy(lineage, 0, all, fields.length, lineage.length);
    return new StructType(all);
  }

  /** Quarantine: the raw record, where it came from, and every rule it broke. */
  public static final class QuarantineColumns {
    private QuarantineColumns() {}

    public static final String RECORD = "record";
    public static final String AUTHORITY = "authority";
    public static final String SOURCE_KIND = "source_kind";
    public static final String SOURCE_NAME = "source_name";
    public static final String SOURCE_LINE = "source_line";
    public static final String COLUMN = "column";
    public static final String RULE_ID = "rule_id";
    public static final String REASON = "reason";
    public static final String RAW_RECORD = "raw_record";
    public static final String BATCH_ID = "batch_id";
    public static final String INGESTED_AT = "ingested_at";
  }

  /** One row per broken rule of a rejected record (a record breaking two rules has two rows). */
  public static final StructType QUARANTINE_SCHEMA =
      new StructType()
          .add(QuarantineColumns.RECORD, DataTypes.StringType, false)
          .add(QuarantineColumns.AUTHORITY, DataTypes.StringType, true)
          .add(QuarantineColumns.SOURCE_KIND, DataTypes.StringType, false)
          .add(QuarantineColumns.SOURCE_NAME, DataTypes.StringType, false)
          .add(QuarantineColumns.SOURCE_LINE, DataTypes.LongType, false)
          .add(QuarantineColumns.COLUMN, DataTypes.StringType, true)
          .add(QuarantineColumns.RULE_ID, DataTypes.StringType, false)
          .add(QuarantineColumns.REASON, DataTypes.StringType, false)
          .add(QuarantineColumns.RAW_RECORD, DataTypes.StringType, false)
          .add(QuarantineColumns.BATCH_ID, DataTypes.StringType, false)
          .add(QuarantineColumns.INGESTED_AT, DataTypes.TimestampType, false);

  /** Per run and source file: the counts that prove nothing was lost. */
  public static final class IngestRunColumns {
    private IngestRunColumns() {}

    public static final String BATCH_ID = "batch_id";
    public static final String STARTED_AT = "started_at";
    public static final String AUTHORITY = "authority";
    public static final String RECORD = "record";
    public static final String SOURCE_KIND = "source_kind";
    public static final String SOURCE_NAME = "source_name";
    public static final String CHECKSUM = "checksum";
    public static final String STATUS = "status";
    public static final String READ = "read";
    public static final String LOADED = "loaded";
    public static final String QUARANTINED = "quarantined";
    public static final String DELETED = "deleted";
    /** Why a full snapshot file marked nothing deleted although records may have gone; null when none was withheld. */
    public static final String DELETIONS_WITHHELD = "deletions_withheld";
    public static final String REASONS = "reasons";
  }

  public static final StructType INGEST_RUNS_SCHEMA =
      new StructType()
          .add(IngestRunColumns.BATCH_ID, DataTypes.StringType, false)
          .add(IngestRunColumns.STARTED_AT, DataTypes.TimestampType, false)
          .add(IngestRunColumns.AUTHORITY, DataTypes.StringType, true)
          .add(IngestRunColumns.RECORD, DataTypes.StringType, false)
          .add(IngestRunColumns.SOURCE_KIND, DataTypes.StringType, false)
          .add(IngestRunColumns.SOURCE_NAME, DataTypes.StringType, false)
          .add(IngestRunColumns.CHECKSUM, DataTypes.StringType, false)
          .add(IngestRunColumns.STATUS, DataTypes.StringType, false)
          .add(IngestRunColumns.READ, DataTypes.LongType, false)
          .add(IngestRunColumns.LOADED, DataTypes.LongType, false)
          .add(IngestRunColumns.QUARANTINED, DataTypes.LongType, false)
          .add(IngestRunColumns.DELETED, DataTypes.LongType, false)
          .add(IngestRunColumns.REASONS, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
          .add(IngestRunColumns.DELETIONS_WITHHELD, DataTypes.StringType, true);

  /** The loaded-files registry: loading the same bytes again adds nothing. */
  public static final class IngestFileColumns {
    private IngestFileColumns() {}

    public static final String CHECKSUM = "checksum";
    public static final String SOURCE_NAME = "source_name";
    public static final String RECORD = "record";
    public static final String AUTHORITY = "authority";
    public static final String BATCH_ID = "batch_id";
    public static final String LOADED_AT = "loaded_at";
  }

  public static final StructType INGEST_FILES_SCHEMA =
      new StructType()
          .add(IngestFileColumns.CHECKSUM, DataTypes.StringType, false)
          .add(IngestFileColumns.SOURCE_NAME, DataTypes.StringType, false)
          .add(IngestFileColumns.RECORD, DataTypes.StringType, false)
          .add(IngestFileColumns.AUTHORITY, DataTypes.StringType, true)
          .add(IngestFileColumns.BATCH_ID, DataTypes.StringType, false)
          .add(IngestFileColumns.LOADED_AT, DataTypes.TimestampType, false);

  /** The high-water mark of each database query: the next incremental pull starts after it. */
  public static final class WatermarkColumns {
    private WatermarkColumns() {}

    public static final String PROFILE = "profile";
    public static final String RECORD = "record";
    public static final String HIGH_WATER_MARK = "high_water_mark";
    public static final String FULL_PULL = "full_pull";
    public static final String BATCH_ID = "batch_id";
    public static final String PULLED_AT = "pulled_at";
  }

  public static final StructType JDBC_WATERMARKS_SCHEMA =
      new StructType()
          .add(WatermarkColumns.PROFILE, DataTypes.StringType, false)
          .add(WatermarkColumns.RECORD, DataTypes.StringType, false)
          .add(WatermarkColumns.HIGH_WATER_MARK, DataTypes.TimestampType, true)
          .add(WatermarkColumns.FULL_PULL, DataTypes.BooleanType, false)
          .add(WatermarkColumns.BATCH_ID, DataTypes.StringType, false)
          .add(WatermarkColumns.PULLED_AT, DataTypes.TimestampType, false);
}
