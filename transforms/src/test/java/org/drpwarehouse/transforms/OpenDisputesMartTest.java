package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.warehouse.GoldTables.DISPUTE_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.AGE_BAND;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CURRENT_RANK;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CURRENT_STAGE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.FORMAL_START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.STATUS;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.WITHIN_TOTAL_LIMIT;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.Breakdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One instance for all tests: the mart is built and collected once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDisputesMartTest {
  private final Dataset<Row> mart =
      OpenDisputesMart.apply(
          Gold.summaries()
              .row(DISPUTE_ID, "D1", STATUS, GoldTables.OPEN, START_DATE, "2025-02-03", FORMAL_START_DATE, "2025-02-10",
                  CURRENT_STAGE, "stage3", CURRENT_RANK, 3, AGE_BAND, "over 20 WD", WITHIN_TOTAL_LIMIT, false)
              .row(DISPUTE_ID, "D2", STATUS, GoldTables.OPEN, START_DATE, "2025-02-03", FORMAL_START_DATE, "2025-02-04",
                  CURRENT_STAGE, "stage3", CURRENT_RANK, 3, AGE_BAND, "over 20 WD", WITHIN_TOTAL_LIMIT, true)
              .row(DISPUTE_ID, "D3", STATUS, GoldTables.OPEN, START_DATE, "2025-03-27", CURRENT_STAGE, "informal",
                  CURRENT_RANK, 0, AGE_BAND, "0-5 WD")
              .row(DISPUTE_ID, "D4", START_DATE, "2025-01-06", FORMAL_START_DATE, "2025-01-06", CURRENT_STAGE, "stage1",
                  AGE_BAND, "over 20 WD")
              .dataset());

  private Row all(String stage, String band) {
    return Frame.only(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.CURRENT_STAGE, stage, MartTables.AGE_BAND, band);
  }

  @Test
  void open_formal_disputes_already_past_20_wd_are_counted_at_the_as_of_date() {
    Row stage3 = all("stage3", "over 20 WD");
    assertThat(Frame.count(stage3, MartTables.OPEN_DISPUTES)).isEqualTo(2);
    assertThat(Frame.count(stage3, MartTables.FORMAL_OPEN)).isEqualTo(2);
    assertThat(Frame.count(stage3, MartTables.FORMAL_PAST_LIMIT)).as("D1 only").isEqualTo(1);
    assertThat(Frame.value(stage3, MartTables.AS_OF_DATE)).isEqualTo(LocalDate.parse(Gold.AS_OF));
    Row informal = all("informal", "0-5 WD");
    assertThat(Frame.count(informal, MartTables.FORMAL_OPEN)).isZero();
    assertThat(Frame.count(informal, MartTables.FORMAL_PAST_LIMIT)).isZero();
  }

  @Test
  void a_closed_dispute_is_not_in_the_snapshot() {
    assertThat(Frame.all(mart, MartTables.CURRENT_STAGE, "stage1")).isEmpty();
    assertThat(Frame.all(mart, MartTables.BREAKDOWN, Breakdown.ALL)).hasSize(2);
  }

  @Test
  void the_output_is_the_mart_open_disputes_contract() {
    assertThat(mart.schema()).isEqualTo(MartTables.OPEN_DISPUTES_BY_AGE.schema());
  }
}
