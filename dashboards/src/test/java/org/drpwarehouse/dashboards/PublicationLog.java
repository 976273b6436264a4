package org.drpwarehouse.dashboards;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.warehouse.PublicationTables;
import org.drpwarehouse.schemas.warehouse.TableContract;

/** Publication log rows as {@code drp publish} appends them, written by the tests themselves. */
final class PublicationLog {
  private PublicationLog() {}

  /** Appends one publication to {@code WAREHOUSE/publications/log}. */
  static void append(URI warehouse, String id, String publishedAt, String asOf, Map<String, Long> versions, String gateStatus,
      String gateRunId, List<String> published, List<String> withheld) {
    TableRows.of(PublicationTables.PUBLICATIONS.schema())
        .row(PublicationTables.PUBLICATION_ID, id, PublicationTables.PUBLISHED_AT, publishedAt, PublicationTables.AS_OF_DATE, asOf,
            PublicationTables.BUILD_ID, "build-" + id, PublicationTables.TABLE_VERSIONS, versions,
            PublicationTables.GATE_STATUS, gateStatus, PublicationTables.GATE_RUN_ID, gateRunId,
            PublicationTables.PUBLISHED_AUTHORITIES, published, PublicationTables.WITHHELD_AUTHORITIES, withheld,
            PublicationTables.FOLDER, PublicationTables.folder(warehouse, id).toString())
        .dataset().write().format("delta").mode("append").save(PublicationTables.PUBLICATIONS.location(warehouse).toString());
  }

  /** The latest Delta version of a table. */
  static long version(URI warehouse, TableContract contract) {
    return version(contract.location(warehouse));
  }

  static long version(URI location) {
    return SparkSession.active().sql("DESCRIBE HISTORY delta.`" + location + "` LIMIT 1").head().getLong(0);
  }
}
