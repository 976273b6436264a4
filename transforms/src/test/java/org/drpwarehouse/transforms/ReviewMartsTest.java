package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.warehouse.GoldTables.CHILD_ID;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables.Decision;
import org.drpwarehouse.schemas.warehouse.GoldTables.Review;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** mart_reviews and mart_review_decisions; one instance for all tests: each mart is collected once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewMartsTest {
  private final Dataset<Row> reviews =
      ReviewsMart.apply(
          Gold.reviews()
              .row(CHILD_ID, "a", Review.REVIEW_DATE, "2024-05-10", Review.REVIEW_CODE, "PN1", Review.ASSESSABLE, true, Review.IN_TIMESCALE, true)
              .row(CHILD_ID, "b", Review.REVIEW_DATE, "2024-05-20", Review.REVIEW_CODE, "PN1", Review.ASSESSABLE, true, Review.IN_TIMESCALE, false)
              .row(CHILD_ID, "c", Review.REVIEW_DATE, "2024-06-01", Review.REVIEW_CODE, "PN1")
              .row(CHILD_ID, "d", Review.REVIEW_DATE, "2024-06-02")
              .dataset());
  private final Dataset<Row> decisions =
      ReviewDecisionsMart.apply(
          Gold.decisions()
              .row(CHILD_ID, "a", Review.REVIEW_DATE, "2024-05-10", Decision.SENT_IN_TIME, true, Decision.RESPONSE_IN_TIME, true)
              .row(CHILD_ID, "b", Review.REVIEW_DATE, "2024-05-20", Decision.SENT_IN_TIME, false)
              .row(CHILD_ID, "c", Review.REVIEW_DATE, "2024-06-01")
              .dataset());

  @Test
  void reviews_in_timescale_are_counted_among_the_reviews_whose_interval_can_be_checked() {
    Row pn1 = Frame.only(reviews, MartTables.PERIOD_TYPE, PeriodType.QUARTER, MartTables.PARTICIPATION_CODE, "PN1");
    assertThat(Frame.value(pn1, MartTables.PERIOD)).isEqualTo("2024-25 Q1");
    assertThat(Frame.count(pn1, MartTables.REVIEWS)).isEqualTo(3);
    assertThat(Frame.count(pn1, MartTables.ASSESSED)).isEqualTo(2);
    assertThat(Frame.count(pn1, MartTables.IN_TIMESCALE)).isEqualTo(1);
    Row none = Frame.only(reviews, MartTables.PERIOD_TYPE, PeriodType.MONTH, MartTables.PARTICIPATION_CODE, Breakdowns.NONE);
    assertThat(Frame.value(none, MartTables.PERIOD)).isEqualTo("2024-06");
  }

  @Test
  void review_decisions_are_judged_only_where_their_dates_were_supplied() {
    Row q1 = Frame.only(decisions, MartTables.PERIOD_TYPE, PeriodType.QUARTER, MartTables.PERIOD, "2024-25 Q1");
    assertThat(Frame.count(q1, MartTables.DECISIONS_ASSESSED)).isEqualTo(2);
    assertThat(Frame.count(q1, MartTables.DECISIONS_IN_TIME)).isEqualTo(1);
    assertThat(Frame.count(q1, MartTables.RESPONSES_ASSESSED)).isEqualTo(1);
    assertThat(Frame.count(q1, MartTables.RESPONSES_IN_TIME)).isEqualTo(1);
  }

  @Test
  void the_outputs_are_the_review_mart_contracts() {
    assertThat(reviews.schema()).isEqualTo(MartTables.REVIEWS_HELD.schema());
    assertThat(decisions.schema()).isEqualTo(MartTables.REVIEW_DECISIONS.schema());
  }
}
