package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.drpwarehouse.transforms.MartColumns.countTrue;
import static org.drpwarehouse.transforms.MartColumns.orNone;
import static org.drpwarehouse.transforms.MartColumns.byPeriod;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Review;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link GoldTables#REVIEW_TIMELINESS} to {@link MartTables#REVIEWS_HELD}: per authority, period and
 * participation code (PN0..PN7), the reviews held in the period (a review counts by its date), those
 * whose interval could be checked, and of those the ones held within the statutory interval (reg.
 * 33): the "reviews in timescale" figure of the annual IRO report is {@code in_timescale /
 * assessed} summed over the codes. Pure.
 */
public final class ReviewsMart {
  private ReviewsMart() {}

  public static Dataset<Row> apply(Dataset<Row> reviewTimeliness) {
    Dataset<Row> counted =
        Periods.apply(reviewTimeliness, Review.REVIEW_DATE)
            .groupBy(byPeriod(
                    orNone(Review.REVIEW_CODE).as(MartTables.PARTICIPATION_CODE)))
            .agg(
                count(lit(1)).as(MartTables.REVIEWS),
                countTrue(Review.ASSESSABLE).as(MartTables.ASSESSED),
                countTrue(Review.IN_TIMESCALE).as(MartTables.IN_TIMESCALE));
    return ContractProjection.apply(counted, MartTables.REVIEWS_HELD);
  }
}
