package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.warehouse.GoldTables.DISPUTE_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.RAISED_BY;
import static org.drpwarehouse.schemas.warehouse.GoldTables.TEAM;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.DUE_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.OPENED_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.RESPONSE_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.RESPONSE_STATUS;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.STAGE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.STAGE_RANK;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.VISIT_NUMBER;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.WD_TO_RESPOND;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables.ResponseStatus;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.Breakdown;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.junit.jupiter.api.Test;

class StageTimelinessMartTest {
  private static Row quarter(Dataset<Row> mart, String quarter, String stage) {
    return Frame.only(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD_TYPE, PeriodType.QUARTER,
        MartTables.PERIOD, quarter, MartTables.STAGE, stage);
  }

  @Test
  void a_visit_due_on_2024_06_28_counts_in_2024_25_q1() {
    Dataset<Row> mart =
        StageTimelinessMart.apply(
            Gold.visits()
                .row(DISPUTE_ID, "D1", VISIT_NUMBER, 2, STAGE, "stage1", STAGE_RANK, 1, OPENED_DATE, "2024-06-24",
                    DUE_DATE, "2024-06-28", RESPONSE_DATE, "2024-07-01", RESPONSE_STATUS, ResponseStatus.LATE, WD_TO_RESPOND, 5)
                .dataset());
    Row q1 = quarter(mart, "2024-25 Q1", "stage1");
    assertThat(Frame.count(q1, MartTables.VISITS_DUE)).as("due in Q1, answered in Q2").isEqualTo(1);
    assertThat(Frame.count(q1, MartTables.LATE)).isEqualTo(1);
    assertThat(Frame.value(q1, MartTables.STAGE_RANK)).isEqualTo(1);
    assertThat(Frame.all(mart, MartTables.PERIOD, "2024-25 Q2")).as("not by the response date").isEmpty();
    assertThat(Frame.all(mart, MartTables.PERIOD, "2024-07")).isEmpty();
    assertThat(Frame.all(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD, "2024-06")).hasSize(1);
  }

  @Test
  void the_median_of_2_4_9_11_wd_is_6_5() {
    Frame visits = Gold.visits();
    int[] wd = {11, 2, 9, 4};
    for (int i = 0; i < wd.length; i++) {
      visits.row(DISPUTE_ID, "D" + i, VISIT_NUMBER, 1, STAGE, "stage2", STAGE_RANK, 2, OPENED_DATE, "2024-05-01",
          DUE_DATE, "2024-05-08", RESPONSE_DATE, "2024-05-20", RESPONSE_STATUS, ResponseStatus.LATE, WD_TO_RESPOND, wd[i]);
    }
    visits.row(DISPUTE_ID, "D9", VISIT_NUMBER, 1, STAGE, "stage2", STAGE_RANK, 2, OPENED_DATE, "2024-05-01",
        DUE_DATE, "2024-05-08", RESPONSE_STATUS, ResponseStatus.OVERDUE);
    Row q1 = quarter(StageTimelinessMart.apply(visits.dataset()), "2024-25 Q1", "stage2");
    assertThat(Frame.count(q1, MartTables.RESPONSES)).as("the unanswered visit has no WD to respond").isEqualTo(4);
    assertThat(Frame.value(q1, MartTables.MEDIAN_WD_TO_RESPOND)).as("the mean of 4 and 9").isEqualTo(6.5);
    assertThat(Frame.count(q1, MartTables.VISITS_DUE)).isEqualTo(5);
  }

  @Test
  void the_on_time_share_judges_only_on_time_late_and_overdue() {
    Frame visits = Gold.visits();
    String[] statuses = {ResponseStatus.ON_TIME, ResponseStatus.ON_TIME, ResponseStatus.LATE, ResponseStatus.OVERDUE,
        ResponseStatus.ENDED_BEFORE_DUE, ResponseStatus.PENDING};
    for (int i = 0; i < statuses.length; i++) {
      visits.row(DISPUTE_ID, "D" + i, VISIT_NUMBER, 1, STAGE, "stage1", STAGE_RANK, 1, OPENED_DATE, "2024-09-02",
          DUE_DATE, "2024-09-06", RESPONSE_STATUS, statuses[i]);
    }
    Row q2 = quarter(StageTimelinessMart.apply(visits.dataset()), "2024-25 Q2", "stage1");
    assertThat(Frame.count(q2, MartTables.VISITS_DUE)).isEqualTo(6);
    assertThat(Frame.count(q2, MartTables.ON_TIME)).isEqualTo(2);
    assertThat(Frame.count(q2, MartTables.OVERDUE)).isEqualTo(1);
    assertThat(Frame.count(q2, MartTables.ENDED_BEFORE_DUE)).isEqualTo(1);
    assertThat(Frame.count(q2, MartTables.PENDING)).isEqualTo(1);
    assertThat(Frame.count(q2, MartTables.ASSESSED)).as("on time + late + overdue").isEqualTo(4);
    assertThat(Frame.value(q2, MartTables.MEDIAN_WD_TO_RESPOND)).as("no responses, no median").isNull();
  }

  @Test
  void a_visit_with_no_due_date_counts_nowhere() {
    Dataset<Row> mart =
        StageTimelinessMart.apply(
            Gold.visits()
                .row(DISPUTE_ID, "D1", VISIT_NUMBER, 1, STAGE, "informal", STAGE_RANK, 0, OPENED_DATE, "2024-05-01",
                    RESPONSE_STATUS, ResponseStatus.NO_TIMESCALE)
                .dataset());
    assertThat(mart.collectAsList()).isEmpty();
  }

  @Test
  void each_team_and_iro_has_its_own_rows_and_they_add_up_to_the_authority() {
    Dataset<Row> mart =
        StageTimelinessMart.apply(
            Gold.visits()
                .row(DISPUTE_ID, "D1", VISIT_NUMBER, 1, STAGE, "stage1", OPENED_DATE, "2024-05-01", DUE_DATE, "2024-05-08",
                    RESPONSE_STATUS, ResponseStatus.ON_TIME, TEAM, "Children in Care 1", RAISED_BY, "iro-a")
                .row(DISPUTE_ID, "D2", VISIT_NUMBER, 1, STAGE, "stage1", OPENED_DATE, "2024-05-01", DUE_DATE, "2024-05-08",
                    RESPONSE_STATUS, ResponseStatus.LATE, RAISED_BY, "iro-a")
                .dataset());
    Object[] may = {MartTables.PERIOD, "2024-05", MartTables.STAGE, "stage1"};
    assertThat(Frame.count(Frame.only(mart, concat(may, MartTables.BREAKDOWN, Breakdown.ALL)), MartTables.VISITS_DUE)).isEqualTo(2);
    assertThat(Frame.count(Frame.only(mart, concat(may, MartTables.BREAKDOWN_VALUE, "Children in Care 1")), MartTables.ON_TIME)).isEqualTo(1);
    assertThat(Frame.count(Frame.only(mart, concat(may, MartTables.BREAKDOWN, Breakdown.TEAM, MartTables.BREAKDOWN_VALUE, Breakdowns.NONE)), MartTables.LATE))
        .as("a visit with no team counts under (none)").isEqualTo(1);
    assertThat(Frame.count(Frame.only(mart, concat(may, MartTables.BREAKDOWN_VALUE, "iro-a")), MartTables.VISITS_DUE)).isEqualTo(2);
  }

  @Test
  void the_output_is_the_mart_stage_timeliness_contract() {
    assertThat(StageTimelinessMart.apply(Gold.visits().dataset()).schema()).isEqualTo(MartTables.STAGE_TIMELINESS.schema());
  }

  static Object[] concat(Object[] first, Object... more) {
    Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
