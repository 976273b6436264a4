package org.drpwarehouse.quality.internal;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.policy.ThemeTaxonomy;
import org.drpwarehouse.schemas.warehouse.GoldTables;

/**
 * The volumes the drift rules follow: disputes started per authority, calendar month and theme
 * (metrics.md: a dispute and its theme count in the period of their start), for the months from
 * {@code first} to {@code last}. Output: {@code authority, month ('2024-05'), theme, disputes}; an
 * unmapped category counts as theme {@value ThemeTaxonomy#UNMAPPED}.
 */
public final class DriftMeasures {
  public static final String MONTH = "month";
  public static final String DISPUTES = "disputes";

  private final YearMonth first;
  private final YearMonth last;

  public DriftMeasures(YearMonth first, YearMonth last) {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("Cannot measure from " + first + " to the earlier " + last);
    }
    this.first = first;
    this.last = last;
  }

  public Dataset<Row> apply(Dataset<Row> summary) {
    return summary
        .where(col(GoldTables.Summary.START_DATE).geq(lit(first.atDay(1)))
            .and(col(GoldTables.Summary.START_DATE).leq(lit(last.atEndOfMonth()))))
        .groupBy(
            col(GoldTables.AUTHORITY),
            date_format(col(GoldTables.Summary.START_DATE), "yyyy-MM").as(MONTH),
            coalesce(col(GoldTables.Summary.THEME), lit(ThemeTaxonomy.UNMAPPED)).as(GoldTables.Summary.THEME))
        .agg(count(lit(1)).as(DISPUTES));
  }
}
