package org.drpwarehouse.schemas.warehouse;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.PersonalData;
import org.drpwarehouse.schemas.RecordSpec;

/**
 * The schema of a silver table ({@code WAREHOUSE/silver/<record>}): one typed, deduplicated,
 * pseudonymised row per record, derived from the record's contract so that every later stage
 * (transforms, quality checks, dashboards) reads silver through this one definition.
 *
 * <p>Columns, in order:
 *
 * <ol>
 *   <li>{@link #AUTHORITY}, for records whose contract has no authority column (SSDA903: the
 *       authority comes from the extract's manifest);
 *   <li>the contract's columns as typed by {@link RecordSpec#sparkSchema()} (with their
 *       personal-data mark in the field metadata), except those whose treatment is {@link
 *       PersonalData.Treatment#DROP}. Pseudonymised ids stay strings (hex HMAC), coarsened dates
 *       stay dates, postcodes keep only their outward code;
 *   <li>the lineage that traces a figure back to its file and line: {@link #LINEAGE}. {@link
 *       Lineage#EXTRA} (unknown source columns) and {@link Lineage#DELETED} never leave bronze.
 * </ol>
 *
 * <p>The authority and every contract column are nullable: a required column is enforced by
 * ingestion (a record without it is quarantined) and by the quality checks, and Spark cannot carry a
 * non-null proof through parsing a date, so the silver contract does not repeat it. The lineage
 * columns keep their bronze definition ({@link Lineage#SCHEMA}): never null.
 */
public final class SilverSchemas {
  private SilverSchemas() {}

  /** The layer's folder under the warehouse. */
  public static final String SILVER = "silver";

  /** The authority a record belongs to, in every silver table. */
  public static final String AUTHORITY = "authority";

  /** The bronze lineage columns a silver row keeps, in this order. */
  public static final List<String> LINEAGE =
      List.of(
          Lineage.BATCH_ID,
          Lineage.INGESTED_AT,
          Lineage.SOURCE_KIND,
          Lineage.SOURCE_NAME,
          Lineage.SOURCE_LINE,
          Lineage.RECORD_HASH);

  /** Whether the record's contract carries its own {@link #AUTHORITY} column (exchange records). */
  public static boolean hasAuthorityColumn(RecordSpec spec) {
    return spec.column(AUTHORITY).isPresent();
  }

  /** The columns of a record that reach silver: all but those whose treatment drops them. */
  public static List<Column> keptColumns(RecordSpec spec) {
    return spec.columns().stream().filter(c -> c.personalData().treatment() != PersonalData.Treatment.DROP).toList();
  }

  /**
   * The natural key of a silver row: the authority, then the contract's key (without the authority
   * again where the key already names it). A dropped column can never be part of it.
   */
  public static List<String> key(RecordSpec spec) {
    List<String> key = new ArrayList<>();
    key.add(AUTHORITY);
    for (String column : spec.naturalKey()) {
      if (spec.requireColumn(column).personalData().treatment() == PersonalData.Treatment.DROP) {
        throw new IllegalArgumentException(
            "Record " + spec.name() + " has key column " + column + " whose personal data is dropped in silver:"
                + " a key must survive conformance; mark it PSEUDONYMISE instead");
      }
      if (!column.equals(AUTHORITY)) {
        key.add(column);
      }
    }
    return List.copyOf(key);
  }

  /** The silver schema of a record. */
  public static StructType of(RecordSpec spec) {
    key(spec); // fails early for a contract whose key would not survive
    List<StructField> fields = new ArrayList<>();
    if (!hasAuthorityColumn(spec)) {
      fields.add(new StructField(AUTHORITY, DataTypes.StringType, true, Metadata.empty()));
    }
    for (Column column : keptColumns(spec)) {
      StructField typed = column.sparkField();
      // A pseudonym is hex text whatever the id's type was.
      boolean pseudonymised = column.personalData().treatment() == PersonalData.Treatment.PSEUDONYMISE;
      fields.add(new StructField(
          typed.name(), pseudonymised ? DataTypes.StringType : typed.dataType(), true, typed.metadata()));
    }
    for (String lineage : LINEAGE) {
      fields.add(Lineage.SCHEMA.apply(lineage));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }
}
