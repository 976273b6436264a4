package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.ExchangeColumns.AGREED_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.AUTHORITY;
import static org.drpwarehouse.schemas.ExchangeColumns.CHILD_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.DISPUTE_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_TYPE;
import static org.drpwarehouse.schemas.ExchangeColumns.FORM_ATTACHED;
import static org.drpwarehouse.schemas.ExchangeColumns.PLAN_START;
import static org.drpwarehouse.schemas.ExchangeColumns.RECORDED_ON_FILE;
import static org.drpwarehouse.schemas.ExchangeColumns.REVIEW_DATES;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.junit.jupiter.api.Test;

class TypedRecordsTest {
  private final SparkSession spark = SharedSpark.session();
  private static final Bronze.Load LOAD = Bronze.Load.of("381", "dispute_events.csv", "b-1", "2024-05-08T09:00:00");

  private Row byId(Dataset<Row> rows, String idColumn, String id) {
    return rows.collectAsList().stream().filter(r -> id.equals(r.getAs(idColumn))).findFirst().orElseThrow();
  }

  @Test
  void flags_read_y_and_true_as_true_and_an_empty_flag_as_not_recorded() {
    Dataset<Row> typed =
        TypedRecords.apply(
            Bronze.of(ExchangeFormat.DISPUTE_EVENTS)
                .line(LOAD, 2, EVENT_ID, "E-1", RECORDED_ON_FILE, "Y", FORM_ATTACHED, "true")
                .line(LOAD, 3, EVENT_ID, "E-2", RECORDED_ON_FILE, " n ", FORM_ATTACHED, "FALSE")
                .line(LOAD, 4, EVENT_ID, "E-3", RECORDED_ON_FILE, "", FORM_ATTACHED, "  ")
                .dataset(spark),
            ExchangeFormat.DISPUTE_EVENTS);
    Row e1 = byId(typed, EVENT_ID, "E-1");
    Row e2 = byId(typed, EVENT_ID, "E-2");
    Row e3 = byId(typed, EVENT_ID, "E-3");
    assertThat(List.of(e1.<Boolean>getAs(RECORDED_ON_FILE), e1.<Boolean>getAs(FORM_ATTACHED))).containsOnly(true);
    assertThat(List.of(e2.<Boolean>getAs(RECORDED_ON_FILE), e2.<Boolean>getAs(FORM_ATTACHED))).containsOnly(false);
    assertThat(e3.<Boolean>getAs(RECORDED_ON_FILE)).as("an empty Y/N flag is not recorded").isNull();
    assertThat(e3.<Boolean>getAs(FORM_ATTACHED)).isNull();
  }

  @Test
  void iso_and_ssda903_dates_become_the_same_date() {
    Dataset<Row> events =
        TypedRecords.apply(
            Bronze.of(ExchangeFormat.DISPUTE_EVENTS)
                .line(LOAD, 2, EVENT_ID, "E-1", DISPUTE_ID, " D-1 ", EVENT_TYPE, "STAGE_OPENED ", EVENT_DATE, "2024-05-03", AGREED_DATE, "")
                .dataset(spark),
            ExchangeFormat.DISPUTE_EVENTS);
    Dataset<Row> episodes =
        TypedRecords.apply(
            Bronze.of(Ssda903.EPISODES)
                .line(Bronze.Load.of("381", "ssda903/episodes.csv", "b-1", "2024-05-08T09:00:00"), 2,
                    Ssda903Columns.CHILD, "566910", Ssda903Columns.DECOM, "03/05/2024")
                .dataset(spark),
            Ssda903.EPISODES);
    Row event = events.first();
    assertThat(event.<Date>getAs(EVENT_DATE)).isEqualTo(Date.valueOf("2024-05-03"));
    assertThat(event.<Date>getAs(AGREED_DATE)).isNull();
    assertThat(event.<String>getAs(DISPUTE_ID)).as("codes and ids are trimmed").isEqualTo("D-1");
    assertThat(event.<String>getAs(EVENT_TYPE)).isEqualTo("STAGE_OPENED");
    assertThat(episodes.first().<Date>getAs(Ssda903Columns.DECOM)).as("03/05/2024 is 3 May").isEqualTo(Date.valueOf("2024-05-03"));
  }

  @Test
  void review_dates_become_a_list_of_dates() {
    Dataset<Row> plans =
        TypedRecords.apply(
            Bronze.of(ExchangeFormat.CP_PLANS)
                .line(LOAD, 2, AUTHORITY, "381", CHILD_ID, "566910", PLAN_START, "2024-01-15", REVIEW_DATES, "2024-04-01; 2024-09-30;")
                .line(LOAD, 3, AUTHORITY, "381", CHILD_ID, "566911", PLAN_START, "2024-01-15", REVIEW_DATES, "")
                .dataset(spark),
            ExchangeFormat.CP_PLANS);
    assertThat(byId(plans, CHILD_ID, "566910").<Object>getList(byId(plans, CHILD_ID, "566910").fieldIndex(REVIEW_DATES)))
        .containsExactly(Date.valueOf("2024-04-01"), Date.valueOf("2024-09-30"));
    assertThat(byId(plans, CHILD_ID, "566911").<Object>getAs(REVIEW_DATES)).isNull();
  }

  @Test
  void unknown_columns_never_leave_bronze() {
    Dataset<Row> typed =
        TypedRecords.apply(
            Bronze.of(ExchangeFormat.DISPUTE_EVENTS)
                .line(LOAD, 2, Map.of("iro_private_notes", "Carer says the child is unhappy"), EVENT_ID, "E-1")
                .dataset(spark),
            ExchangeFormat.DISPUTE_EVENTS);
    assertThat(typed.columns()).doesNotContain(Lineage.EXTRA, "iro_private_notes");
    assertThat(typed.first().toString()).doesNotContain("Carer says");
  }
}
