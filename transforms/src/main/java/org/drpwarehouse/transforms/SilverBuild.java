package org.drpwarehouse.transforms;

import io.delta.tables.DeltaTable;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.Contracts;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;

/**
 * The silver build: for every record contract whose bronze table exists ({@code
 * WAREHOUSE/bronze/<record>}), conforms it ({@link SilverConformance}) and overwrites {@code
 * WAREHOUSE/silver/<record>} as a Delta table. Silver is rebuilt whole from bronze each run, so a
 * rebuild is idempotent and a new key or a corrected rule reaches every row.
 *
 * <p>The thin runner around the pure transforms: the only class here that reads or writes.
 */
public final class SilverBuild {
  private SilverBuild() {}

  /**
   * Builds silver and returns the rows of each silver table written, by record name in contract
   * order. Records with no bronze table yet are left out.
   */
  public static Map<String, Long> run(SparkSession spark, URI warehouse, PseudonymisationKey key) {
    SilverConformance conformance = new SilverConformance(new Pseudonymiser(key));
    Map<String, Long> rows = new LinkedHashMap<>();
    for (RecordSpec spec : Contracts.all()) {
      String bronze = WarehouseTables.location(warehouse, WarehouseTables.BRONZE, spec.name()).toString();
      if (!DeltaTable.isDeltaTable(spark, bronze)) {
        continue;
      }
      String silver = WarehouseTables.location(warehouse, SilverSchemas.SILVER, spec.name()).toString();
      Dataset<Row> conformed = conformance.apply(spark.read().format("delta").load(bronze), spec);
      conformed.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(silver);
      rows.put(spec.name(), spark.read().format("delta").load(silver).count());
    }
    return Collections.unmodifiableMap(rows);
  }
}
