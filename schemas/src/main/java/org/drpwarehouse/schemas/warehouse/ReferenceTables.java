package org.drpwarehouse.schemas.warehouse;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

/**
 * Reference data kept in the warehouse beside the records, versioned by Delta like every table,
 * so that a past build or publication can be reproduced with the bindings it used.
 *
 * <pre>
 * WAREHOUSE/reference/policy_bindings   which policy judges each authority, from which date
 * </pre>
 *
 * <p>{@code drp ingest DIR} replaces the bindings whenever the extract folder carries a {@code
 * policy_bindings.csv} (validated against the policy catalog first).
 */
public final class ReferenceTables {
  private ReferenceTables() {}

  public static final String REFERENCE = "reference";

  public static final String AUTHORITY = "authority";
  public static final String AUTHORITY_NAME = "authority_name";
  public static final String POLICY_ID = "policy_id";
  public static final String POLICY_VERSION = "policy_version";
  public static final String EFFECTIVE_FROM = "effective_from";
  public static final String SOURCE_NAME = "source_name";
  public static final String LOADED_AT = "loaded_at";

  public static final TableContract POLICY_BINDINGS =
      TableContract.builder(REFERENCE, "policy_bindings")
          .grain("one row per authority and date from which a policy judges the disputes it first opens")
          .key(AUTHORITY, EFFECTIVE_FROM)
          .required(AUTHORITY, StringType, "the authority code as the dispute files give it")
          .column(AUTHORITY_NAME, StringType, "the authority's name, for people")
          .required(POLICY_ID, StringType, "a policy id of the catalog")
          .column(POLICY_VERSION, IntegerType, "a pinned version, or null for the version in force on the day")
          .required(EFFECTIVE_FROM, DateType, "the first day a dispute first opened is judged by this binding")
          .required(SOURCE_NAME, StringType, "the file the bindings were read from")
          .required(LOADED_AT, TimestampType, "when they were loaded")
          .build();
}
