package org.drpwarehouse.quality.internal;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.warehouse.GoldTables;

/**
 * Which recording rules each policy version cites, and in what words: a recording rule applies to
 * a dispute only where the dispute's own policy version states the requirement (Calderdale cites no
 * "child informed" clause, so its disputes are not judged by it).
 *
 * <p>{@link #apply} adds, per recording rule, a column {@link #column(String)} holding {@code
 * "calderdale v1: §2.4 ..."} for a gold row whose policy cites the rule, else null.
 */
public final class PolicyClauses {
  private final Dataset<Row> clauses;
  private final List<String> ruleIds;

  private PolicyClauses(Dataset<Row> clauses, List<String> ruleIds) {
    this.clauses = clauses;
    this.ruleIds = ruleIds;
  }

  /** The reference table of every policy version in the catalog (small: built on the driver). */
  public static PolicyClauses of(SparkSession spark, PolicyCatalog catalog, List<String> ruleIds) {
    StructType schema = new StructType()
        .add(key(GoldTables.POLICY_ID), DataTypes.StringType, false)
        .add(key(GoldTables.POLICY_VERSION), DataTypes.IntegerType, false);
    for (String rule : ruleIds) {
      schema = schema.add(column(rule), DataTypes.StringType, true);
    }
    List<Row> rows = new ArrayList<>();
    for (Policy policy : catalog.all()) {
      Object[] values = new Object[2 + ruleIds.size()];
      values[0] = policy.id();
      values[1] = policy.version();
      for (int i = 0; i < ruleIds.size(); i++) {
        String clause = policy.clause(ruleIds.get(i));
        values[2 + i] = clause.isBlank() ? null : policy.reference() + ": " + clause;
      }
      rows.add(RowFactory.create(values));
    }
    return new PolicyClauses(spark.createDataFrame(rows, schema), List.copyOf(ruleIds));
  }

  /** The name of the clause column of a rule: {@code _clause_record_stage_on_file}. */
  public static String column(String ruleId) {
    return "_clause_" + ruleId.replaceAll("[^A-Za-z0-9]", "_");
  }

  private static String key(String column) {
    return "_policy_" + column;
  }

  /** The gold rows with one clause column per recording rule (null where the policy cites none). */
  public Dataset<Row> apply(Dataset<Row> gold) {
    Dataset<Row> joined =
        gold.join(
            broadcast(clauses),
            gold.col(GoldTables.POLICY_ID).equalTo(col(key(GoldTables.POLICY_ID)))
                .and(gold.col(GoldTables.POLICY_VERSION).equalTo(col(key(GoldTables.POLICY_VERSION)))),
            "left");
    return joined.drop(col(key(GoldTables.POLICY_ID))).drop(col(key(GoldTables.POLICY_VERSION)));
  }

  public List<String> ruleIds() {
    return ruleIds;
  }
}
