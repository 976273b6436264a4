package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.policy.ThemeTaxonomy;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;

/**
 * Every started dispute bound to the policy that judges it and its category mapped to a theme.
 *
 * <ul>
 *   <li>The start is the first {@code STAGE_OPENED} (on or before the as-of date: {@link
 *       DisputeEvents} has already dropped later events). A dispute with no opening has not
 *       started and is left out.
 *   <li>The policy is the authority's binding with the greatest {@code effective_from} on or
 *       before the start: its pinned version, else the version of that policy in force on the
 *       start. A dispute with no binding keeps a null policy (flagged {@code no_policy}).
 *   <li>The theme is the policy's mapping of the category; a category it does not map is kept as
 *       {@link ThemeTaxonomy#UNMAPPED} with {@code theme_mapped = false}, never dropped.
 *   <li>The team is {@code disputes.team}, else the team of the child's allocation on the start
 *       date (the latest allocation starting on or before it and not ended before it).
 * </ul>
 *
 * <p>Output: the silver dispute columns plus {@code start_date, policy_id, policy_version, theme,
 * theme_mapped}, with {@code team} resolved. Pure.
 */
public final class BoundDisputes {
  private BoundDisputes() {}

  public static Dataset<Row> apply(Dataset<Row> silverDisputes, Dataset<Row> events, Dataset<Row> silverAllocations,
      PolicyDimensions policies) {
    Dataset<Row> starts =
        events
            .where(col(ExchangeColumns.EVENT_TYPE).equalTo(EventType.STAGE_OPENED.name()))
            .groupBy(ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID)
            .agg(min(ExchangeColumns.EVENT_DATE).as(Summary.START_DATE));
    Dataset<Row> started = silverDisputes.join(starts, new String[] {ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID}, "inner");
    Dataset<Row> bound = withPolicy(started, policies);
    Dataset<Row> themed = withTheme(bound, policies);
    return withTeam(themed, silverAllocations);
  }

  private static Dataset<Row> withPolicy(Dataset<Row> started, PolicyDimensions policies) {
    Dataset<Row> b = policies.bindings().as("b");
    Dataset<Row> candidates =
        started.as("d")
            .join(broadcast(b),
                col("d." + ExchangeColumns.AUTHORITY).equalTo(col("b." + PolicyDimensions.AUTHORITY))
                    .and(col("b." + PolicyDimensions.EFFECTIVE_FROM).leq(col("d." + Summary.START_DATE))),
                "left")
            .withColumn("__binding_rank",
                row_number().over(Window.partitionBy(col("d." + ExchangeColumns.AUTHORITY), col("d." + ExchangeColumns.DISPUTE_ID))
                    .orderBy(col("b." + PolicyDimensions.EFFECTIVE_FROM).desc_nulls_last())))
            .where(col("__binding_rank").equalTo(1))
            .select(col("d.*"), col("b." + PolicyDimensions.POLICY_ID).as(GoldTables.POLICY_ID),
                col("b." + PolicyDimensions.PINNED_VERSION).as("__pinned"));
    Dataset<Row> v = policies.versions().as("v");
    return candidates.as("c")
        .join(broadcast(v),
            col("c." + GoldTables.POLICY_ID).equalTo(col("v." + PolicyDimensions.POLICY_ID))
                .and(col("v." + PolicyDimensions.EFFECTIVE_FROM).leq(col("c." + Summary.START_DATE))),
            "left")
        .withColumn("__version_rank",
            row_number().over(Window.partitionBy(col("c." + ExchangeColumns.AUTHORITY), col("c." + ExchangeColumns.DISPUTE_ID))
                .orderBy(col("v." + PolicyDimensions.POLICY_VERSION).desc_nulls_last())))
        .where(col("__version_rank").equalTo(1))
        .select(col("c.*"), coalesce(col("c.__pinned"), col("v." + PolicyDimensions.POLICY_VERSION)).as("__version"))
        .drop("__pinned")
        .withColumnRenamed("__version", GoldTables.POLICY_VERSION);
  }

  private static Dataset<Row> withTheme(Dataset<Row> bound, PolicyDimensions policies) {
    Dataset<Row> categories = policies.categories().as("t");
    return bound.as("d")
        .join(broadcast(categories),
            col("d." + GoldTables.POLICY_ID).equalTo(col("t." + PolicyDimensions.POLICY_ID))
                .and(col("d." + GoldTables.POLICY_VERSION).equalTo(col("t." + PolicyDimensions.POLICY_VERSION)))
                .and(col("d." + ExchangeColumns.CATEGORY).equalTo(col("t." + PolicyDimensions.CATEGORY))),
            "left")
        .select(col("d.*"),
            coalesce(col("t." + PolicyDimensions.THEME), lit(ThemeTaxonomy.UNMAPPED)).as(Summary.THEME),
            col("t." + PolicyDimensions.THEME).isNotNull().as(Summary.THEME_MAPPED));
  }

  private static Dataset<Row> withTeam(Dataset<Row> themed, Dataset<Row> allocations) {
    Dataset<Row> a = allocations.select(
        col(ExchangeColumns.AUTHORITY).as("__a_authority"), col(ExchangeColumns.CHILD_ID).as("__a_child"),
        col(ExchangeColumns.TEAM).as("__a_team"), col(ExchangeColumns.FROM_DATE).as("__a_from"),
        col(ExchangeColumns.TO_DATE).as("__a_to"));
    Dataset<Row> joined =
        themed.join(a,
            col(ExchangeColumns.AUTHORITY).equalTo(col("__a_authority"))
                .and(col(ExchangeColumns.CHILD_ID).equalTo(col("__a_child")))
                .and(col("__a_from").leq(col(Summary.START_DATE)))
                .and(col("__a_to").isNull().or(col("__a_to").geq(col(Summary.START_DATE)))),
            "left");
    return joined
        .withColumn("__allocation_rank",
            row_number().over(Window.partitionBy(ExchangeColumns.AUTHORITY, ExchangeColumns.DISPUTE_ID)
                .orderBy(col("__a_from").desc_nulls_last(), col("__a_team").asc_nulls_last())))
        .where(col("__allocation_rank").equalTo(1))
        .withColumn(ExchangeColumns.TEAM, coalesce(col(ExchangeColumns.TEAM), col("__a_team")))
        .drop("__allocation_rank", "__a_authority", "__a_child", "__a_team", "__a_from", "__a_to");
  }
}
