package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.ExchangeColumns.CHILD_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.DECISIONS_SENT_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.MANAGER_RESPONSE_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.REVIEW_DATE;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Decision;
import org.junit.jupiter.api.Test;

class ReviewDecisionTimelinessTest {
  private static final LocalDate AS_OF = LocalDate.parse("2024-06-30");
  private final Dataset<Row> calendar = CalendarDimension.of(SharedSpark.session(), WorkingDayCalendar.england());

  private Dataset<Row> judged(Frame decisions) {
    return ReviewDecisionTimeliness.apply(decisions.dataset(), calendar, AS_OF);
  }

  @Test
  void decisions_sent_on_the_5th_working_day_after_the_review_are_in_time_and_on_the_6th_late() {
    // Review Friday 2024-05-03; Monday 6 May is a bank holiday, so the 5th WD after it is Monday 13 May.
    Dataset<Row> judged =
        judged(
            Silver.reviewDecisions()
                .row(CHILD_ID, "fifth", REVIEW_DATE, "2024-05-03", DECISIONS_SENT_DATE, "2024-05-13")
                .row(CHILD_ID, "sixth", REVIEW_DATE, "2024-05-03", DECISIONS_SENT_DATE, "2024-05-14"));
    Row fifth = Frame.only(judged, GoldTables.CHILD_ID, "fifth");
    assertThat(Frame.value(fifth, Decision.SENT_WD)).isEqualTo(5);
    assertThat(Frame.value(fifth, Decision.SENT_IN_TIME)).isEqualTo(true);
    Row sixth = Frame.only(judged, GoldTables.CHILD_ID, "sixth");
    assertThat(Frame.value(sixth, Decision.SENT_WD)).isEqualTo(6);
    assertThat(Frame.value(sixth, Decision.SENT_IN_TIME)).isEqualTo(false);
    assertThat(Frame.value(sixth, Decision.RESPONSE_IN_TIME)).as("no response date: not judged").isNull();
  }

  @Test
  void the_managers_response_is_timed_from_receipt_of_the_decisions() {
    Dataset<Row> judged =
        judged(
            Silver.reviewDecisions()
                .row(CHILD_ID, "prompt", REVIEW_DATE, "2024-06-03", DECISIONS_SENT_DATE, "2024-06-05", MANAGER_RESPONSE_DATE, "2024-06-12")
                .row(CHILD_ID, "slow", REVIEW_DATE, "2024-06-03", DECISIONS_SENT_DATE, "2024-06-05", MANAGER_RESPONSE_DATE, "2024-06-13")
                .row(CHILD_ID, "unsent", REVIEW_DATE, "2024-06-03", MANAGER_RESPONSE_DATE, "2024-06-13"));
    Row prompt = Frame.only(judged, GoldTables.CHILD_ID, "prompt");
    assertThat(Frame.value(prompt, Decision.RESPONSE_WD)).isEqualTo(5);
    assertThat(Frame.value(prompt, Decision.RESPONSE_IN_TIME)).isEqualTo(true);
    assertThat(Frame.value(Frame.only(judged, GoldTables.CHILD_ID, "slow"), Decision.RESPONSE_IN_TIME)).isEqualTo(false);
    Row unsent = Frame.only(judged, GoldTables.CHILD_ID, "unsent");
    assertThat(Frame.value(unsent, Decision.SENT_IN_TIME)).as("not sent: not judged").isNull();
    assertThat(Frame.value(unsent, Decision.RESPONSE_IN_TIME)).as("no receipt to time from").isNull();
  }

  @Test
  void dates_after_the_as_of_date_have_not_happened_yet() {
    Dataset<Row> judged =
        judged(
            Silver.reviewDecisions()
                .row(CHILD_ID, "a", REVIEW_DATE, "2024-06-25", DECISIONS_SENT_DATE, "2024-07-01")
                .row(CHILD_ID, "b", REVIEW_DATE, "2024-07-02", DECISIONS_SENT_DATE, "2024-07-03"));
    Row a = Frame.only(judged, GoldTables.CHILD_ID, "a");
    assertThat(Frame.value(a, Decision.DECISIONS_SENT_DATE)).as("sent after the as-of date").isNull();
    assertThat(Frame.value(a, Decision.SENT_IN_TIME)).isNull();
    assertThat(Frame.all(judged, GoldTables.CHILD_ID, "b")).as("a review after the as-of date").isEmpty();
  }

  @Test
  void the_output_is_the_review_decisions_contract() {
    assertThat(judged(Silver.reviewDecisions()).schema()).isEqualTo(GoldTables.REVIEW_DECISIONS.schema());
  }
}
