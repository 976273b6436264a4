package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.warehouse.GoldTables.DISPUTE_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_CONCURRENT;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_INFORMED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_INFORM_REQUIRED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_NOTICE_COMPLIANT;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_NOTICE_REQUIRED_WD;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_REFERRAL_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_STAGE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.START_DATE;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One instance for all tests: the mart is built and collected once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CafcassMartTest {
  private final Dataset<Row> mart =
      CafcassMart.apply(
          Gold.summaries()
              // Calderdale: 2 WD notice given; the DCS was to be told and was not
              .row(DISPUTE_ID, "D1", START_DATE, "2024-03-20", CAFCASS_REFERRAL_DATE, "2024-04-08", CAFCASS_STAGE, "stage2",
                  CAFCASS_NOTICE_REQUIRED_WD, 2, CAFCASS_NOTICE_COMPLIANT, true, CAFCASS_INFORM_REQUIRED, List.of("DCS"),
                  CAFCASS_INFORMED, false)
              // a policy with no notice rule; referred concurrently with invoking the DRP
              .row(DISPUTE_ID, "D2", START_DATE, "2024-06-01", CAFCASS_REFERRAL_DATE, "2024-06-01", CAFCASS_STAGE, "stage2",
                  CAFCASS_CONCURRENT, true, CAFCASS_INFORM_REQUIRED, List.of())
              .row(DISPUTE_ID, "D3", START_DATE, "2024-06-01")
              .row(DISPUTE_ID, "D4", START_DATE, "2024-06-01", CAFCASS_REFERRAL_DATE, "2024-06-03")
              .dataset());

  private Row q1(String stage) {
    return Frame.only(mart, MartTables.PERIOD_TYPE, PeriodType.QUARTER, MartTables.PERIOD, "2024-25 Q1", MartTables.STAGE_AT_REFERRAL, stage);
  }

  @Test
  void a_referral_counts_in_the_period_of_its_referral_date() {
    assertThat(Frame.all(mart, MartTables.PERIOD, "2023-24 Q4")).as("D1 started in March, referred in April").isEmpty();
    assertThat(Frame.count(q1("stage2"), MartTables.REFERRALS)).isEqualTo(2);
    assertThat(Frame.count(q1(Breakdowns.NONE), MartTables.REFERRALS)).as("no stage recorded at the referral").isEqualTo(1);
  }

  @Test
  void notice_and_informing_are_judged_only_under_policies_that_ask_for_them() {
    Row stage2 = q1("stage2");
    assertThat(Frame.count(stage2, MartTables.CONCURRENT)).isEqualTo(1);
    assertThat(Frame.count(stage2, MartTables.NOTICE_ASSESSED)).isEqualTo(1);
    assertThat(Frame.count(stage2, MartTables.NOTICE_COMPLIANT)).isEqualTo(1);
    assertThat(Frame.count(stage2, MartTables.INFORM_ASSESSED)).as("an empty list names no one").isEqualTo(1);
    assertThat(Frame.count(stage2, MartTables.INFORMED)).isZero();
  }

  @Test
  void the_output_is_the_mart_cafcass_contract() {
    assertThat(mart.schema()).isEqualTo(MartTables.CAFCASS.schema());
  }
}
