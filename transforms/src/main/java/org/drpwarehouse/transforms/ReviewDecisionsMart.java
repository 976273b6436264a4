package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.drpwarehouse.transforms.MartColumns.countTrue;
import static org.drpwarehouse.transforms.MartColumns.countWhere;
import static org.drpwarehouse.transforms.MartColumns.byPeriod;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Decision;
import org.drpwarehouse.schemas.warehouse.GoldTables.Review;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * {@link GoldTables#REVIEW_DECISIONS} to {@link MartTables#REVIEW_DECISIONS}: per authority and
 * period of the review date, the reviews whose decisions were sent (and of those, within 5 WD of the
 * review) and the reviews with both the sent and the manager's response dates (and of those, a
 * response within 5 WD of receipt), as the {@code 002} policy asks. Pure.
 */
public final class ReviewDecisionsMart {
  private ReviewDecisionsMart() {}

  public static Dataset<Row> apply(Dataset<Row> reviewDecisions) {
    Dataset<Row> counted =
        Periods.apply(reviewDecisions, Review.REVIEW_DATE)
            .groupBy(byPeriod())
            .agg(
                countWhere(col(Decision.SENT_IN_TIME).isNotNull()).as(MartTables.DECISIONS_ASSESSED),
                countTrue(Decision.SENT_IN_TIME).as(MartTables.DECISIONS_IN_TIME),
                countWhere(col(Decision.RESPONSE_IN_TIME).isNotNull()).as(MartTables.RESPONSES_ASSESSED),
                countTrue(Decision.RESPONSE_IN_TIME).as(MartTables.RESPONSES_IN_TIME));
    return ContractProjection.apply(counted, MartTables.REVIEW_DECISIONS);
  }
}
