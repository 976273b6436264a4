package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.Ssda903Columns.CHILD;
import static org.drpwarehouse.schemas.Ssda903Columns.DEC;
import static org.drpwarehouse.schemas.Ssda903Columns.DECOM;
import static org.drpwarehouse.schemas.Ssda903Columns.REC;
import static org.drpwarehouse.schemas.Ssda903Columns.REVIEW;
import static org.drpwarehouse.schemas.Ssda903Columns.REVIEW_CODE;
import static org.drpwarehouse.schemas.Ssda903Columns.RNE;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Review;
import org.junit.jupiter.api.Test;

class ReviewTimelinessTest {
  private static final LocalDate AS_OF = LocalDate.parse("2025-03-31");
  private final Dataset<Row> calendar = CalendarDimension.of(SharedSpark.session(), WorkingDayCalendar.england());

  private Dataset<Row> judged(Frame episodes, Frame reviews) {
    return ReviewTimeliness.apply(episodes.dataset(), reviews.dataset(), calendar, AS_OF);
  }

  private static Row review(Dataset<Row> judged, String child, String date) {
    return Frame.only(judged, GoldTables.CHILD_ID, child, Review.REVIEW_DATE, date);
  }

  @Test
  void a_first_review_on_the_20th_working_day_after_care_starts_is_in_timescale() {
    // Care starts Thursday 2024-04-18; with the 6 May bank holiday the 20th WD after it is Friday 2024-05-17.
    Dataset<Row> judged =
        judged(
            Silver.episodes().row(Silver.startsCare("on-time", "2024-04-18")).row(Silver.startsCare("late", "2024-04-18")),
            Silver.reviews()
                .row(CHILD, "on-time", REVIEW, "2024-05-17", REVIEW_CODE, "PN1")
                .row(CHILD, "late", REVIEW, "2024-05-20", REVIEW_CODE, "PN1"));
    Row onTime = review(judged, "on-time", "2024-05-17");
    assertThat(Frame.value(onTime, Review.REVIEW_NUMBER)).isEqualTo(1);
    assertThat(Frame.value(onTime, Review.CARE_START_DATE)).isEqualTo(LocalDate.parse("2024-04-18"));
    assertThat(Frame.value(onTime, Review.DUE_BY)).as("20 WD after 2024-04-18").isEqualTo(LocalDate.parse("2024-05-17"));
    assertThat(Frame.value(onTime, Review.IN_TIMESCALE)).as("on the 20th working day").isEqualTo(true);
    assertThat(Frame.value(review(judged, "late", "2024-05-20"), Review.IN_TIMESCALE)).as("on the 21st working day").isEqualTo(false);
  }

  @Test
  void the_second_review_3_months_and_a_day_after_the_first_is_late() {
    Dataset<Row> judged =
        judged(
            Silver.episodes().row(Silver.startsCare("a", "2024-04-18")).row(Silver.startsCare("b", "2024-04-18")),
            Silver.reviews()
                .row(CHILD, "a", REVIEW, "2024-05-10")
                .row(CHILD, "a", REVIEW, "2024-08-10")
                .row(CHILD, "b", REVIEW, "2024-05-10")
                .row(CHILD, "b", REVIEW, "2024-08-11"));
    Row onTheDay = review(judged, "a", "2024-08-10");
    assertThat(Frame.value(onTheDay, Review.REVIEW_NUMBER)).isEqualTo(2);
    assertThat(Frame.value(onTheDay, Review.PREVIOUS_REVIEW_DATE)).isEqualTo(LocalDate.parse("2024-05-10"));
    assertThat(Frame.value(onTheDay, Review.DUE_BY)).as("3 months after 2024-05-10").isEqualTo(LocalDate.parse("2024-08-10"));
    assertThat(Frame.value(onTheDay, Review.IN_TIMESCALE)).as("exactly 3 months after the first").isEqualTo(true);
    assertThat(Frame.value(review(judged, "b", "2024-08-11"), Review.IN_TIMESCALE)).as("3 months and a day").isEqualTo(false);
  }

  @Test
  void later_reviews_are_due_within_6_months_of_the_previous() {
    Dataset<Row> judged =
        judged(
            Silver.episodes().row(Silver.startsCare("a", "2024-01-08")),
            Silver.reviews()
                .row(CHILD, "a", REVIEW, "2024-02-01")
                .row(CHILD, "a", REVIEW, "2024-04-30")
                .row(CHILD, "a", REVIEW, "2024-10-30")
                .row(CHILD, "a", REVIEW, "2025-05-01"));
    Row third = review(judged, "a", "2024-10-30");
    assertThat(Frame.value(third, Review.REVIEW_NUMBER)).isEqualTo(3);
    assertThat(Frame.value(third, Review.DUE_BY)).as("6 months after 2024-04-30").isEqualTo(LocalDate.parse("2024-10-30"));
    assertThat(Frame.value(third, Review.IN_TIMESCALE)).isEqualTo(true);
    assertThat(Frame.all(judged, Review.REVIEW_DATE, "2025-05-01")).as("a review after the as-of date does not exist yet").isEmpty();
    assertThat(judged.count()).isEqualTo(3);
  }

  @Test
  void a_change_of_placement_continues_the_period_and_leaving_care_ends_it() {
    Dataset<Row> judged =
        judged(
            Silver.episodes()
                .row(CHILD, "a", DECOM, "2023-01-10", RNE, "S", DEC, "2023-03-01", REC, "X1")
                .row(CHILD, "a", DECOM, "2023-03-01", RNE, "P", DEC, "2023-06-01", REC, "E11")
                .row(CHILD, "a", DECOM, "2024-04-18", RNE, "S"),
            Silver.reviews()
                .row(CHILD, "a", REVIEW, "2023-02-03")
                .row(CHILD, "a", REVIEW, "2023-04-20")
                .row(CHILD, "a", REVIEW, "2024-04-18"));
    Row secondOfFirstPeriod = review(judged, "a", "2023-04-20");
    assertThat(Frame.value(secondOfFirstPeriod, Review.CARE_START_DATE))
        .as("the placement change (RNE P) does not start a new period").isEqualTo(LocalDate.parse("2023-01-10"));
    assertThat(Frame.value(secondOfFirstPeriod, Review.REVIEW_NUMBER)).isEqualTo(2);
    Row firstOfNewPeriod = review(judged, "a", "2024-04-18");
    assertThat(Frame.value(firstOfNewPeriod, Review.CARE_START_DATE))
        .as("a review on the day care starts again belongs to the new period").isEqualTo(LocalDate.parse("2024-04-18"));
    assertThat(Frame.value(firstOfNewPeriod, Review.REVIEW_NUMBER)).isEqualTo(1);
    assertThat(Frame.value(firstOfNewPeriod, Review.PREVIOUS_REVIEW_DATE)).isNull();
    assertThat(Frame.value(firstOfNewPeriod, Review.IN_TIMESCALE)).isEqualTo(true);
  }

  @Test
  void a_period_that_began_before_the_data_is_not_assessable() {
    Dataset<Row> judged =
        judged(
            Silver.episodes()
                .row(CHILD, "a", DECOM, "2016-02-15", RNE, "L")
                .row(CHILD, "b", DECOM, "2024-06-03", RNE, "S"),
            Silver.reviews()
                .row(CHILD, "a", REVIEW, "2017-08-30")
                .row(CHILD, "a", REVIEW, "2018-01-20")
                .row(CHILD, "b", REVIEW, "2024-05-01"));
    for (String date : new String[] {"2017-08-30", "2018-01-20"}) {
      Row unknownStart = review(judged, "a", date);
      assertThat(Frame.value(unknownStart, Review.ASSESSABLE)).as("the period's first episode on record is not an S episode").isEqualTo(false);
      assertThat(Frame.value(unknownStart, Review.IN_TIMESCALE)).isNull();
      assertThat(Frame.value(unknownStart, Review.REVIEW_NUMBER)).isNull();
    }
    assertThat(Frame.value(review(judged, "a", "2018-01-20"), Review.PREVIOUS_REVIEW_DATE)).isEqualTo(LocalDate.parse("2017-08-30"));
    Row beforeCare = review(judged, "b", "2024-05-01");
    assertThat(Frame.value(beforeCare, Review.CARE_START_DATE)).as("a review before any episode has no period").isNull();
    assertThat(Frame.value(beforeCare, Review.ASSESSABLE)).isEqualTo(false);
  }

  @Test
  void an_episode_ending_after_the_as_of_date_has_not_ended_yet() {
    // Left care on 2025-04-30 (after the as-of date), back on 2025-05-01: as of 2025-03-31 still the first period.
    Dataset<Row> judged =
        judged(
            Silver.episodes().row(CHILD, "a", DECOM, "2024-04-18", RNE, "S", DEC, "2025-04-30", REC, "E11"),
            Silver.reviews().row(CHILD, "a", REVIEW, "2024-05-17").row(CHILD, "a", REVIEW, "2024-08-15"));
    assertThat(Frame.value(review(judged, "a", "2024-08-15"), Review.REVIEW_NUMBER)).isEqualTo(2);
  }

  @Test
  void the_first_due_dates_agree_with_the_working_day_calendar() {
    WorkingDayCalendar england = WorkingDayCalendar.england();
    String[] starts = {"2021-12-20", "2022-05-25", "2023-04-06", "2024-12-23"};
    Frame episodes = Silver.episodes();
    Frame reviews = Silver.reviews();
    for (String start : starts) {
      episodes.row(Silver.startsCare("c" + start, start));
      reviews.row(CHILD, "c" + start, REVIEW, LocalDate.parse(start).plusDays(10).toString());
    }
    Dataset<Row> judged = judged(episodes, reviews);
    for (String start : starts) {
      Row first = Frame.only(judged, GoldTables.CHILD_ID, "c" + start);
      assertThat(Frame.value(first, Review.DUE_BY))
          .as("due(%s, 20)", start)
          .isEqualTo(england.due(LocalDate.parse(start), ReviewTimeliness.FIRST_REVIEW_WD));
    }
  }

  @Test
  void the_output_is_the_review_timeliness_contract_with_no_udf() {
    Dataset<Row> judged = judged(Silver.episodes(), Silver.reviews());
    assertThat(judged.schema()).isEqualTo(GoldTables.REVIEW_TIMELINESS.schema());
    assertThat(judged.queryExecution().executedPlan().toString()).doesNotContainIgnoringCase("udf");
  }
}
