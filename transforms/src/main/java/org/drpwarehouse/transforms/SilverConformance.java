package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;

/**
 * Bronze to silver for one record: {@link TypedRecords}, then {@link LatestVersions}, then the
 * {@link Pseudonymiser}, in the column order of {@link SilverSchemas#of(RecordSpec)}.
 *
 * <p>Deduplication runs before pseudonymisation so the keyed hash is computed once per surviving
 * record; the order does not change the result, as a pseudonym is a function of the (authority, id)
 * that the key already groups by. The output is gathered by authority (hash partitioned), as the
 * warehouse's layout by authority wants it. Pure: no actions, no I/O.
 */
public final class SilverConformance {
  private final Pseudonymiser pseudonymiser;

  public SilverConformance(Pseudonymiser pseudonymiser) {
    this.pseudonymiser = pseudonymiser;
  }

  public Dataset<Row> apply(Dataset<Row> bronze, RecordSpec spec) {
    // One shuffle serves both the versions' window (its key starts with the authority) and the
    // writer's layout by authority.
    Dataset<Row> typed = TypedRecords.apply(bronze, spec).repartition(col(SilverSchemas.AUTHORITY));
    Dataset<Row> latest = LatestVersions.apply(typed, spec);
    Dataset<Row> silver = pseudonymiser.apply(latest, spec);
    return silver.select(
        Arrays.stream(SilverSchemas.of(spec).fieldNames()).map(name -> col(name)).toArray(Column[]::new));
  }
}
