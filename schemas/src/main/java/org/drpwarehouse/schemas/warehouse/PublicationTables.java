package org.drpwarehouse.schemas.warehouse;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.drpwarehouse.schemas.warehouse.TableContract.stringArray;

import java.net.URI;

/**
 * Publications: what was published, when, as of which date, from which Delta version of every
 * table, with which gate result. {@code drp publish --rebuild ID} reads the tables at the recorded
 * versions (Delta time travel) and regenerates identical outputs; reports and audit packs are
 * built from a publication in the same way.
 *
 * <pre>
 * WAREHOUSE/publications/log                 one row per publication   {@link #PUBLICATIONS}
 * WAREHOUSE/publications/&lt;id&gt;/site/        the board dashboard (index.html opens from file://)
 * WAREHOUSE/publications/&lt;id&gt;/csv/         one CSV per board table (suppressed)
 * WAREHOUSE/publications/&lt;id&gt;/superset/    the Superset import bundle (ZIP)
 * WAREHOUSE/publications/&lt;id&gt;/report/      annual IRO reports built from it
 * WAREHOUSE/publications/&lt;id&gt;/audit/       inspectors' audit packs built from it
 * </pre>
 */
public final class PublicationTables {
  private PublicationTables() {}

  public static final String PUBLICATIONS_LAYER = "publications";

  public static final String PUBLICATION_ID = "publication_id";
  public static final String PUBLISHED_AT = "published_at";
  public static final String AS_OF_DATE = GoldTables.AS_OF_DATE;
  public static final String BUILD_ID = "build_id";
  public static final String TABLE_VERSIONS = "table_versions";
  public static final String GATE_STATUS = "gate_status";
  public static final String GATE_RUN_ID = "gate_run_id";
  public static final String GATE_RESULT = "gate_result";
  public static final String PUBLISHED_AUTHORITIES = "published_authorities";
  public static final String WITHHELD_AUTHORITIES = "withheld_authorities";
  public static final String FOLDER = "folder";

  public static final TableContract PUBLICATIONS =
      TableContract.builder(PUBLICATIONS_LAYER, "log")
          .grain("one row per publication")
          .key(PUBLICATION_ID)
          .required(PUBLICATION_ID, StringType, "the publication's id (pub-YYYYMMDD-HHMMSS-xxxx)")
          .required(PUBLISHED_AT, TimestampType, "when it was published")
          .required(AS_OF_DATE, DateType, "the gold build's as-of date every figure was computed at")
          .required(BUILD_ID, StringType, "the gold build published")
          .required(TABLE_VERSIONS, createMapType(StringType, LongType), "the Delta version of every table used, by layer.name")
          .required(GATE_STATUS, StringType, "the quality gate's overall status: PASS, PASS_WITH_WARNINGS or BLOCKED")
          .column(GATE_RUN_ID, StringType, "the quality run whose results gated it (quality.quality_results)")
          .column(GATE_RESULT, StringType, "the gate result as JSON: per authority, published or withheld, with the failing rules")
          .required(PUBLISHED_AUTHORITIES, stringArray(), "authorities whose figures were published")
          .required(WITHHELD_AUTHORITIES, stringArray(), "authorities withheld by the gate")
          .required(FOLDER, StringType, "the URI of the publication's folder")
          .build();

  /** {@code WAREHOUSE/publications/<id>/}. */
  public static URI folder(URI warehouse, String publicationId) {
    return URI.create(WarehouseTables.location(warehouse, PUBLICATIONS_LAYER, publicationId) + "/");
  }
}
