package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.SilverTables;
import org.drpwarehouse.schemas.warehouse.SilverTables.Child;

/**
 * Silver SSDA903 {@code header} and {@code episodes} to {@link SilverTables#CHILDREN}: one row per
 * child of an authority, for linking disputes and reviews to the child and for equality analysis.
 *
 * <p>Demographics come from the header (sex, the month of birth silver already coarsened,
 * ethnicity); the care history from the episodes that started on or before the as-of date. The
 * latest episode is the one with the latest {@code DECOM}; its ending ({@code DEC}, {@code REC})
 * counts only if it happened by the as-of date. A child is looked after at the as-of date when the
 * latest episode has not ceased, or ceased with {@code X1} (it continues under a new episode).
 *
 * <p>Example: a child whose episodes are {@code S} 2023-01-10 (ceased X1 2023-06-01) and {@code P}
 * 2023-06-01 (ceased E11 2024-09-30) is, as of 2024-06-30, looked after since 2023-01-10 with no
 * ending yet; as of 2024-12-31 no longer looked after, latest reason ceased E11.
 *
 * <p>A child in the episodes but not in the header keeps null demographics (and is not there at all
 * until an episode has started); one in the header with no episode by the as-of date has 0
 * episodes. Pure: no actions, no I/O.
 */
public final class Children {
  private static final String EPISODE_AUTHORITY = "__episode_authority";
  private static final String EPISODE_CHILD = "__episode_child";
  private static final String LATEST = "__latest";

  private Children() {}

  public static Dataset<Row> apply(Dataset<Row> silverHeader, Dataset<Row> silverEpisodes, LocalDate asOf) {
    Column asOfDate = lit(Date.valueOf(asOf));
    Dataset<Row> header =
        silverHeader.select(
            col(SilverSchemas.AUTHORITY).as(GoldTables.AUTHORITY),
            col(Ssda903Columns.CHILD).as(GoldTables.CHILD_ID),
            col(Ssda903Columns.SEX).as(Child.SEX),
            col(Ssda903Columns.DOB).as(Child.DOB_MONTH),
            col(Ssda903Columns.ETHNIC).as(Child.ETHNICITY));
    Column started = col(Ssda903Columns.DECOM);
    Column endedByAsOf = col(Ssda903Columns.DEC).leq(asOfDate);
    Column newPeriod = col(Ssda903Columns.RNE).equalTo(ReviewTimeliness.NEW_PERIOD);
    Dataset<Row> history =
        silverEpisodes
            .where(started.isNotNull().and(started.leq(asOfDate)))
            .groupBy(col(SilverSchemas.AUTHORITY).as(EPISODE_AUTHORITY), col(Ssda903Columns.CHILD).as(EPISODE_CHILD))
            .agg(
                count(lit(1)).cast(DataTypes.IntegerType).as(Child.EPISODES),
                min(started).as(Child.FIRST_EPISODE_START),
                min(when(newPeriod, started)).as(Child.FIRST_CARE_START),
                max(when(newPeriod, started)).as(Child.LATEST_CARE_START),
                // DECOM first: the struct with the latest start is the latest episode (DECOM is in the key).
                max(struct(
                        started.as("start"),
                        when(endedByAsOf, col(Ssda903Columns.DEC)).as("end"),
                        when(endedByAsOf, col(Ssda903Columns.REC)).as("reason"),
                        col(Ssda903Columns.LS).as("legal_status"),
                        col(Ssda903Columns.PLACE).as("placement")))
                    .as(LATEST));
    Dataset<Row> children =
        header.join(
            history,
            header.col(GoldTables.AUTHORITY).equalTo(history.col(EPISODE_AUTHORITY))
                .and(header.col(GoldTables.CHILD_ID).equalTo(history.col(EPISODE_CHILD))),
            "full_outer");
    Column dob = col(Child.DOB_MONTH);
    Column age =
        lit(asOf.getYear()).minus(year(dob)).minus(when(month(dob).gt(asOf.getMonthValue()), 1).otherwise(0));
    Column latestEnd = col(LATEST + ".end");
    Column latestReason = col(LATEST + ".reason");
    Dataset<Row> described =
        children
            .withColumn(GoldTables.AUTHORITY, coalesce(col(GoldTables.AUTHORITY), col(EPISODE_AUTHORITY)))
            .withColumn(GoldTables.CHILD_ID, coalesce(col(GoldTables.CHILD_ID), col(EPISODE_CHILD)))
            .withColumn(Child.AGE_AT_AS_OF, when(dob.isNotNull(), age))
            .withColumn(Child.EPISODES, coalesce(col(Child.EPISODES), lit(0)))
            .withColumn(Child.LATEST_EPISODE_START, col(LATEST + ".start"))
            .withColumn(Child.LATEST_EPISODE_END, latestEnd)
            .withColumn(Child.LATEST_LEGAL_STATUS, col(LATEST + ".legal_status"))
            .withColumn(Child.LATEST_PLACEMENT, col(LATEST + ".placement"))
            .withColumn(Child.LATEST_REASON_CEASED, latestReason)
            .withColumn(
                Child.LOOKED_AFTER_AT_AS_OF,
                coalesce(
                    col(LATEST).isNotNull()
                        .and(latestEnd.isNull().or(latestReason.equalTo(ReviewTimeliness.CONTINUES))),
                    lit(false)))
            .withColumn(GoldTables.AS_OF_DATE, asOfDate);
    return ContractProjection.apply(described, SilverTables.CHILDREN);
  }
}
