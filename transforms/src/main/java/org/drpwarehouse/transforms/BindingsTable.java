package org.drpwarehouse.transforms;

import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.policy.PolicyBinding;
import org.drpwarehouse.schemas.policy.PolicyBindings;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.warehouse.ReferenceTables;

/**
 * Reads and replaces {@code reference.policy_bindings}: a handful of rows, kept as a Delta table so
 * that every build and publication can name the version it used.
 */
public final class BindingsTable {
  private BindingsTable() {}

  /** Replaces the warehouse's bindings with these (one Delta commit). */
  public static void replace(SparkSession spark, URI warehouse, PolicyBindings bindings, String sourceName) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (PolicyBinding b : bindings.bindings()) {
      rows.add(RowFactory.create(b.authority(), b.authorityName(), b.policyId(), b.policyVersion(),
          Date.valueOf(b.effectiveFrom()), sourceName, now));
    }
    spark.createDataFrame(rows, ReferenceTables.POLICY_BINDINGS.schema())
        .write().format("delta").mode("overwrite").option("overwriteSchema", "true")
        .save(ReferenceTables.POLICY_BINDINGS.location(warehouse).toString());
  }

  /**
   * The bindings of the warehouse (at a Delta version, or the latest with {@code null}).
   *
   * @throws DrpUserException when the warehouse has none yet, saying how to load them
   */
  public static PolicyBindings read(SparkSession spark, URI warehouse, PolicyCatalog catalog, Long version) {
    String location = ReferenceTables.POLICY_BINDINGS.location(warehouse).toString();
    if (!DeltaTables.exists(spark, location)) {
      throw new DrpUserException(location, "holds no policy bindings, so no dispute can be judged by its policy",
          "ingest an extract folder with a policy_bindings.csv (authority,authority_name,policy_id,policy_version,"
              + "effective_from), e.g. the one drp generate writes");
    }
    var reader = spark.read().format("delta");
    if (version != null) {
      reader = reader.option("versionAsOf", version);
    }
    List<PolicyBinding> bindings = new ArrayList<>();
    for (Row row : reader.load(location).collectAsList()) {
      bindings.add(new PolicyBinding(row.getString(0), row.getString(1), row.getString(2),
          row.isNullAt(3) ? null : row.getInt(3), row.getDate(4).toLocalDate()));
    }
    return PolicyBindings.of(bindings, catalog);
  }
}
