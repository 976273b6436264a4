package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.drpwarehouse.transforms.MartColumns.countTrue;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link GoldTables#DISPUTE_SUMMARY} to {@link MartTables#THEMES}: per authority, period and
 * canonical theme, the disputes <b>started</b> in the period with that theme, the repeats among them
 * (same child, same theme, within 365 days of an earlier dispute), and beside them the disputes of
 * the previous period of the same type and of the same period a year before (0 when none).
 *
 * <p>A theme that had disputes in a period and none in the next still gets a row for the next
 * period (and for the same period a year on) with 0 disputes, as long as that period has begun by
 * the as-of date, so that a fall to zero is visible. Disputes whose category the policy does not map
 * count under {@value #UNMAPPED}.
 *
 * <p>Example: drift disputes 3 in {@code 2024-25 Q1}, 5 in {@code 2024-25 Q2} and 2 in {@code
 * 2023-24 Q2} give the Q2 row 5 disputes, 3 in the previous period and 2 a year before. Pure.
 */
public final class ThemesMart {
  /** The theme of a dispute whose category the policy does not map. */
  public static final String UNMAPPED = "(unmapped)";

  private static final String[] KEY = {
    MartTables.AUTHORITY, MartTables.PERIOD_TYPE, MartTables.PERIOD_START, MartTables.THEME, MartTables.AS_OF_DATE
  };

  private ThemesMart() {}

  public static Dataset<Row> apply(Dataset<Row> summary) {
    Column theme = col(Summary.THEME);
    Dataset<Row> themed =
        summary.withColumn(MartTables.THEME, coalesce(when(trim(theme).notEqual(""), theme), lit(UNMAPPED)));
    Dataset<Row> counts =
        Periods.apply(themed, Summary.START_DATE)
            .groupBy(java.util.Arrays.stream(KEY).map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
            .agg(count(lit(1)).as(MartTables.DISPUTES), countTrue(Summary.REPEAT).as(MartTables.REPEAT_DISPUTES));
    Column periodType = col(MartTables.PERIOD_TYPE);
    Column start = col(MartTables.PERIOD_START);
    Dataset<Row> nextPeriod = shifted(counts, add_months(start, Periods.months(periodType)), MartTables.DISPUTES, MartTables.PREVIOUS_PERIOD_DISPUTES);
    Dataset<Row> yearOn = shifted(counts, add_months(start, 12), MartTables.DISPUTES, MartTables.PREVIOUS_YEAR_DISPUTES);
    Dataset<Row> rows =
        counts.select(KEY[0], KEY[1], KEY[2], KEY[3], KEY[4])
            .union(nextPeriod.select(KEY[0], KEY[1], KEY[2], KEY[3], KEY[4]))
            .union(yearOn.select(KEY[0], KEY[1], KEY[2], KEY[3], KEY[4]))
            .where(start.leq(col(MartTables.AS_OF_DATE)))
            .distinct();
    Dataset<Row> compared =
        rows.join(counts, KEY, "left")
            .join(nextPeriod, KEY, "left")
            .join(yearOn, KEY, "left")
            .withColumn(MartTables.PERIOD, Periods.label(periodType, start))
            .withColumn(MartTables.DISPUTES, coalesce(col(MartTables.DISPUTES), lit(0L)))
            .withColumn(MartTables.REPEAT_DISPUTES, coalesce(col(MartTables.REPEAT_DISPUTES), lit(0L)))
            .withColumn(MartTables.PREVIOUS_PERIOD_DISPUTES, coalesce(col(MartTables.PREVIOUS_PERIOD_DISPUTES), lit(0L)))
            .withColumn(MartTables.PREVIOUS_YEAR_DISPUTES, coalesce(col(MartTables.PREVIOUS_YEAR_DISPUTES), lit(0L)));
    return ContractProjection.apply(compared, MartTables.THEMES);
  }

  /** The counts moved to the period {@code to} (a later one), their disputes renamed {@code as}. */
  private static Dataset<Row> shifted(Dataset<Row> counts, Column to, String disputes, String as) {
    return counts.select(
        col(MartTables.AUTHORITY),
        col(MartTables.PERIOD_TYPE),
        to.as(MartTables.PERIOD_START),
        col(MartTables.THEME),
        col(MartTables.AS_OF_DATE),
        col(disputes).as(as));
  }
}
