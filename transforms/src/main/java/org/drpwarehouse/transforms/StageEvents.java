package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.warehouse.GoldTables;

/**
 * Every event of a started dispute with what its dispute's policy says about it: the dispute's
 * child, process, IRO, team and policy, the rank and timescale of the event's stage in the ladder
 * of the dispute's process ({@link PolicyDimensions#stages}, null for a stage the ladder does not
 * have), and the ladder's rules ({@link PolicyDimensions#ladders}). Events of disputes that have not
 * started are left out. Pure.
 */
public final class StageEvents {
  private StageEvents() {}

  public static Dataset<Row> apply(Dataset<Row> events, Dataset<Row> boundDisputes, PolicyDimensions policies) {
    Dataset<Row> disputes = boundDisputes.select(
        col(ExchangeColumns.AUTHORITY), col(ExchangeColumns.DISPUTE_ID), col(ExchangeColumns.CHILD_ID),
        col(ExchangeColumns.PROCESS), col(ExchangeColumns.RAISED_BY), col(ExchangeColumns.TEAM),
        col(GoldTables.POLICY_ID), col(GoldTables.POLICY_VERSION));
    Dataset<Row> withDispute =
        events.join(disputes, new String[] {ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID}, "inner");
    Dataset<Row> stages = policies.stages().select(
        col(PolicyDimensions.POLICY_ID).as("__s_policy"), col(PolicyDimensions.POLICY_VERSION).as("__s_version"),
        col(PolicyDimensions.PROCESS).as("__s_process"), col(PolicyDimensions.STAGE).as("__s_stage"),
        col(PolicyDimensions.STAGE_RANK), col(PolicyDimensions.FORMAL), col(PolicyDimensions.TIMESCALE_KIND),
        col(PolicyDimensions.TIMESCALE_WD), col(PolicyDimensions.TIMESCALE_TEXT), col(PolicyDimensions.MEETING_RESPONSE));
    Dataset<Row> ranked =
        withDispute.join(broadcast(stages),
                col(GoldTables.POLICY_ID).equalTo(col("__s_policy"))
                    .and(col(GoldTables.POLICY_VERSION).equalTo(col("__s_version")))
                    .and(col(ExchangeColumns.PROCESS).equalTo(col("__s_process")))
                    .and(col(ExchangeColumns.STAGE).equalTo(col("__s_stage"))),
                "left")
            .drop("__s_policy", "__s_version", "__s_process", "__s_stage");
    Dataset<Row> ladders = policies.ladders().select(
        col(PolicyDimensions.POLICY_ID).as("__l_policy"), col(PolicyDimensions.POLICY_VERSION).as("__l_version"),
        col(PolicyDimensions.PROCESS).as("__l_process"), col(PolicyDimensions.RAISE_LIMIT_WD),
        col(PolicyDimensions.INFORMAL_LIMIT_WD), col(PolicyDimensions.TOTAL_LIMIT_WD),
        col(PolicyDimensions.CONSULTATION_REQUIRED), col(PolicyDimensions.FORMAL_STAGES),
        col(PolicyDimensions.NOTICE_LEAD_WD), col(PolicyDimensions.MUST_INFORM),
        col(PolicyDimensions.EXTENSIONS_ALLOWED), col(PolicyDimensions.HOLDS_ALLOWED));
    return ranked.join(broadcast(ladders),
            col(GoldTables.POLICY_ID).equalTo(col("__l_policy"))
                .and(col(GoldTables.POLICY_VERSION).equalTo(col("__l_version")))
                .and(col(ExchangeColumns.PROCESS).equalTo(col("__l_process"))),
            "left")
        .drop("__l_policy", "__l_version", "__l_process");
  }
}
