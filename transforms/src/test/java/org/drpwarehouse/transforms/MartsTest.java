package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.warehouse.GoldTables.AUTHORITY;
import static org.drpwarehouse.schemas.warehouse.GoldTables.CHILD_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.DISPUTE_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.RAISED_BY;
import static org.drpwarehouse.schemas.warehouse.GoldTables.TEAM;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.THEME;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.DUE_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.OPENED_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.RESPONSE_STATUS;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.STAGE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.VISIT_NUMBER;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.ResponseStatus;
import org.drpwarehouse.schemas.warehouse.GoldTables.Review;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.Breakdown;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.junit.jupiter.api.Test;

class MartsTest {
  @Test
  void every_mart_is_built_in_the_order_of_the_contracts_with_its_contract_schema() {
    Map<TableContract, Dataset<Row>> marts =
        Marts.apply(Gold.visits().dataset(), Gold.summaries().dataset(), Gold.reviews().dataset(), Gold.decisions().dataset());
    assertThat(List.copyOf(marts.keySet())).isEqualTo(MartTables.ALL);
    marts.forEach((contract, mart) -> assertThat(mart.schema()).as(contract.qualifiedName()).isEqualTo(contract.schema()));
  }

  @Test
  void counts_of_one_authority_never_mix_with_anothers() {
    Frame visits = Gold.visits();
    Frame summaries = Gold.summaries();
    Frame reviews = Gold.reviews();
    // The same dispute ids, teams, IROs, themes and children in both authorities.
    for (String authority : new String[] {Gold.CALDERDALE, Gold.LAMBETH}) {
      int disputes = authority.equals(Gold.CALDERDALE) ? 2 : 1;
      for (int i = 1; i <= disputes; i++) {
        Object[] who = {AUTHORITY, authority, DISPUTE_ID, "D" + i, TEAM, "Children in Care", RAISED_BY, "iro-a"};
        visits.row(StageTimelinessMartTest.concat(who, VISIT_NUMBER, 1, STAGE, "stage1", OPENED_DATE, "2024-05-01",
            DUE_DATE, "2024-05-08", RESPONSE_STATUS, ResponseStatus.ON_TIME));
        summaries.row(StageTimelinessMartTest.concat(who, START_DATE, "2024-05-01", THEME, "drift", CHILD_ID, "c" + i,
            GoldTables.Summary.STATUS, GoldTables.OPEN, GoldTables.Summary.CURRENT_STAGE, "stage1", GoldTables.Summary.AGE_BAND, "over 20 WD"));
        reviews.row(AUTHORITY, authority, CHILD_ID, "c" + i, Review.REVIEW_DATE, "2024-05-0" + i);
      }
    }
    Map<TableContract, Dataset<Row>> marts =
        Marts.apply(visits.dataset(), summaries.dataset(), reviews.dataset(), Gold.decisions().dataset());
    for (String authority : new String[] {Gold.CALDERDALE, Gold.LAMBETH}) {
      long expected = authority.equals(Gold.CALDERDALE) ? 2 : 1;
      Object[] team = {AUTHORITY, authority, MartTables.BREAKDOWN, Breakdown.TEAM, MartTables.BREAKDOWN_VALUE, "Children in Care"};
      Object[] quarter = {MartTables.PERIOD_TYPE, PeriodType.QUARTER, MartTables.PERIOD, "2024-25 Q1"};
      assertThat(Frame.count(Frame.only(marts.get(MartTables.STAGE_TIMELINESS), StageTimelinessMartTest.concat(team, quarter)), MartTables.ON_TIME))
          .as("stage timeliness of %s's team", authority).isEqualTo(expected);
      assertThat(Frame.count(Frame.only(marts.get(MartTables.DISPUTES_STARTED), StageTimelinessMartTest.concat(team, quarter)), MartTables.DISPUTES))
          .as("disputes of %s's team", authority).isEqualTo(expected);
      assertThat(Frame.count(Frame.only(marts.get(MartTables.THEMES), StageTimelinessMartTest.concat(new Object[] {AUTHORITY, authority, MartTables.THEME, "drift"}, quarter)), MartTables.DISPUTES))
          .as("drift disputes of %s", authority).isEqualTo(expected);
      assertThat(Frame.count(Frame.only(marts.get(MartTables.OPEN_DISPUTES_BY_AGE), team), MartTables.OPEN_DISPUTES))
          .as("open disputes of %s's team", authority).isEqualTo(expected);
      assertThat(Frame.count(Frame.only(marts.get(MartTables.BYPASS_TRANSITIONS),
              StageTimelinessMartTest.concat(new Object[] {AUTHORITY, authority, MartTables.BREAKDOWN, Breakdown.IRO, MartTables.BREAKDOWN_VALUE, "iro-a"}, quarter)),
          MartTables.TRANSITIONS)).as("transitions of %s's IRO", authority).isEqualTo(expected);
      assertThat(Frame.count(Frame.only(marts.get(MartTables.REVIEWS_HELD), StageTimelinessMartTest.concat(new Object[] {AUTHORITY, authority}, quarter)), MartTables.REVIEWS))
          .as("reviews of %s", authority).isEqualTo(expected);
      assertThat(Frame.count(Frame.only(marts.get(MartTables.RECORDING),
              StageTimelinessMartTest.concat(team, StageTimelinessMartTest.concat(quarter, MartTables.REQUIREMENT, "record.stage_on_file"))),
          MartTables.APPLICABLE)).as("recording of %s's team", authority).isEqualTo(expected);
    }
  }
}
