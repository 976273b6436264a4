package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Decision;
import org.drpwarehouse.schemas.warehouse.GoldTables.Review;

/**
 * Silver {@code review_decisions} to {@link GoldTables#REVIEW_DECISIONS}: the two 5 WD limits of
 * the {@code 002} policy (§7) for every review on or before the as-of date whose decisions were
 * circulated:
 *
 * <ul>
 *   <li>the IRO sends the decisions to the team manager within 5 WD of the review: {@code
 *       wd(review, sent) <= 5};
 *   <li>the team manager responds within 5 WD of receipt: {@code wd(sent, response) <= 5}.
 * </ul>
 *
 * <p>Example: a review on Friday 2024-05-03 whose decisions went out on Friday 2024-05-10 took 4 WD
 * (6 May is a bank holiday): in time.
 *
 * <p>A date after the as-of date has not happened yet and counts as not given; a limit is judged
 * (true or false) only when both of its dates are known. Working days by joining the calendar
 * dimension. Pure: no actions, no I/O.
 */
public final class ReviewDecisionTimeliness {
  private static final String REVIEW_INDEX = "__review_index";
  private static final String SENT_INDEX = "__sent_index";
  private static final String RESPONSE_INDEX = "__response_index";

  private ReviewDecisionTimeliness() {}

  public static Dataset<Row> apply(Dataset<Row> silverReviewDecisions, Dataset<Row> calendar, LocalDate asOf) {
    Column asOfDate = lit(Date.valueOf(asOf));
    Column review = col(ExchangeColumns.REVIEW_DATE);
    Dataset<Row> known =
        silverReviewDecisions
            .where(review.isNotNull().and(review.leq(asOfDate)))
            .select(
                col(ExchangeColumns.AUTHORITY),
                col(ExchangeColumns.CHILD_ID),
                review.as(Review.REVIEW_DATE),
                until(col(ExchangeColumns.DECISIONS_SENT_DATE), asOfDate).as(Decision.DECISIONS_SENT_DATE),
                until(col(ExchangeColumns.MANAGER_RESPONSE_DATE), asOfDate).as(Decision.MANAGER_RESPONSE_DATE));
    WorkingDayArithmetic wd = new WorkingDayArithmetic(calendar);
    Dataset<Row> indexed =
        wd.withIndex(
            wd.withIndex(wd.withIndex(known, Review.REVIEW_DATE, REVIEW_INDEX), Decision.DECISIONS_SENT_DATE, SENT_INDEX),
            Decision.MANAGER_RESPONSE_DATE,
            RESPONSE_INDEX);
    Dataset<Row> judged =
        indexed
            .withColumn(Decision.SENT_WD, col(SENT_INDEX).minus(col(REVIEW_INDEX)))
            .withColumn(Decision.SENT_IN_TIME, within(col(Decision.SENT_WD)))
            .withColumn(Decision.RESPONSE_WD, col(RESPONSE_INDEX).minus(col(SENT_INDEX)))
            .withColumn(Decision.RESPONSE_IN_TIME, within(col(Decision.RESPONSE_WD)))
            .withColumn(GoldTables.AS_OF_DATE, asOfDate);
    return ContractProjection.apply(judged, GoldTables.REVIEW_DECISIONS);
  }

  private static Column until(Column date, Column asOfDate) {
    return when(date.leq(asOfDate), date);
  }

  private static Column within(Column workingDays) {
    return when(workingDays.isNotNull(), workingDays.leq(Decision.LIMIT_WD));
  }
}
