package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.ExchangeColumns.AUTHORITY;
import static org.drpwarehouse.schemas.ExchangeColumns.CHILD_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.DISPUTE_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.PROCESS;
import static org.drpwarehouse.schemas.ExchangeColumns.TEAM;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.junit.jupiter.api.Test;

class LatestVersionsTest {
  private final SparkSession spark = SharedSpark.session();

  private static final Bronze.Load MAY_1 = Bronze.Load.of("381", "disputes.csv", "b-0501", "2024-05-01T09:00:00");
  private static final Bronze.Load MAY_8 = Bronze.Load.of("381", "disputes.csv", "b-0508", "2024-05-08T09:00:00");
  private static final Bronze.Load MAY_9_PULL = Bronze.Load.of("381", "case_system", "b-0509", "2024-05-09T02:00:00");

  private List<Row> latest(Bronze bronze) {
    Dataset<Row> typed = TypedRecords.apply(bronze.dataset(spark), ExchangeFormat.DISPUTES);
    return LatestVersions.apply(typed, ExchangeFormat.DISPUTES).collectAsList();
  }

  private static String team(Row row) {
    return row.getAs(TEAM);
  }

  @Test
  void the_latest_load_of_a_dispute_wins() {
    // The later load comes first in the input: file order must not matter.
    Bronze bronze =
        Bronze.of(ExchangeFormat.DISPUTES)
            .line(MAY_8, 2, AUTHORITY, "381", DISPUTE_ID, "D-1", CHILD_ID, "566910", TEAM, "Children in Care 2")
            .line(MAY_1, 7, AUTHORITY, "381", DISPUTE_ID, "D-1", CHILD_ID, "566910", TEAM, "Children in Care 1");
    List<Row> rows = latest(bronze);
    assertThat(rows).hasSize(1);
    assertThat(team(rows.get(0))).as("the 8 May load wins over line 7 of 1 May").isEqualTo("Children in Care 2");
    assertThat(rows.get(0).<String>getAs(Lineage.BATCH_ID)).isEqualTo("b-0508");
  }

  @Test
  void within_one_file_the_last_line_wins() {
    Bronze bronze =
        Bronze.of(ExchangeFormat.DISPUTES)
            .line(MAY_8, 9, AUTHORITY, "381", DISPUTE_ID, "D-1", TEAM, "Line nine")
            .line(MAY_8, 4, AUTHORITY, "381", DISPUTE_ID, "D-1", TEAM, "Line four");
    List<Row> rows = latest(bronze);
    assertThat(rows).extracting(LatestVersionsTest::team).containsExactly("Line nine");
    assertThat(rows.get(0).<Long>getAs(Lineage.SOURCE_LINE)).isEqualTo(9L);
  }

  @Test
  void an_exact_duplicate_counts_once() {
    Bronze bronze =
        Bronze.of(ExchangeFormat.DISPUTES)
            .line(MAY_1, 2, AUTHORITY, "381", DISPUTE_ID, "D-1", PROCESS, "")
            .line(MAY_8, 2, AUTHORITY, "381", DISPUTE_ID, "D-1", PROCESS, "")
            .line(MAY_8, 3, AUTHORITY, "381", DISPUTE_ID, "D-2");
    assertThat(latest(bronze)).extracting(r -> r.<String>getAs(DISPUTE_ID)).containsExactlyInAnyOrder("D-1", "D-2");
  }

  @Test
  void the_same_dispute_id_in_two_authorities_is_two_disputes() {
    Bronze.Load calderdale = Bronze.Load.of("875", "disputes.csv", "b-0501", "2024-05-01T09:00:00");
    Bronze bronze =
        Bronze.of(ExchangeFormat.DISPUTES)
            .line(MAY_1, 2, AUTHORITY, "381", DISPUTE_ID, "D-1")
            .line(calderdale, 2, AUTHORITY, "875", DISPUTE_ID, "D-1");
    assertThat(latest(bronze)).hasSize(2);
  }

  @Test
  void a_tombstoned_record_is_gone_from_silver() {
    Bronze bronze =
        Bronze.of(ExchangeFormat.DISPUTES)
            .line(MAY_1, 2, AUTHORITY, "381", DISPUTE_ID, "D-1")
            .line(MAY_1, 3, AUTHORITY, "381", DISPUTE_ID, "D-2")
            .tombstone(MAY_9_PULL, AUTHORITY, "381", DISPUTE_ID, "D-1");
    assertThat(latest(bronze)).extracting(r -> r.<String>getAs(DISPUTE_ID)).containsExactly("D-2");
  }

  @Test
  void a_record_loaded_again_after_its_tombstone_is_back() {
    Bronze.Load may10 = Bronze.Load.of("381", "case_system", "b-0510", "2024-05-10T02:00:00");
    Bronze bronze =
        Bronze.of(ExchangeFormat.DISPUTES)
            .line(MAY_1, 2, AUTHORITY, "381", DISPUTE_ID, "D-1", TEAM, "First")
            .tombstone(MAY_9_PULL, AUTHORITY, "381", DISPUTE_ID, "D-1")
            .line(may10, 1, AUTHORITY, "381", DISPUTE_ID, "D-1", TEAM, "Back");
    assertThat(latest(bronze)).extracting(LatestVersionsTest::team).containsExactly("Back");
  }

  @Test
  void an_ssda903_child_is_keyed_by_the_extracts_authority() {
    Bronze.Load lambeth = Bronze.Load.of("208", "ssda903/header.csv", "b-1", "2024-05-01T09:00:00");
    Bronze.Load calderdale = Bronze.Load.of("875", "ssda903/header.csv", "b-1", "2024-05-01T09:00:00");
    Bronze bronze =
        Bronze.of(Ssda903.HEADER)
            .line(lambeth, 2, Ssda903Columns.CHILD, "566910", Ssda903Columns.SEX, "1")
            .line(calderdale, 2, Ssda903Columns.CHILD, "566910", Ssda903Columns.SEX, "2");
    List<Row> rows =
        LatestVersions.apply(TypedRecords.apply(bronze.dataset(spark), Ssda903.HEADER), Ssda903.HEADER).collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs(SilverSchemas.AUTHORITY)).containsExactlyInAnyOrder("208", "875");
  }
}
