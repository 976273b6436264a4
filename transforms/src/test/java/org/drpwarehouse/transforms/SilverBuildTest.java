package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.ExchangeColumns.AUTHORITY;
import static org.drpwarehouse.schemas.ExchangeColumns.CHILD_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.DISPUTE_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.TEAM;
import static org.drpwarehouse.schemas.Ssda903Columns.CHILD;
import static org.drpwarehouse.schemas.Ssda903Columns.DOB;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverBuildTest {
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path dir;

  private void writeBronze(URI warehouse, String record, Dataset<Row> rows) {
    rows.write().format("delta").mode("append").save(WarehouseTables.location(warehouse, WarehouseTables.BRONZE, record).toString());
  }

  private Dataset<Row> silver(URI warehouse, String record) {
    return spark.read().format("delta").load(WarehouseTables.location(warehouse, SilverSchemas.SILVER, record).toString());
  }

  @Test
  void a_bronze_warehouse_builds_into_silver_end_to_end() {
    URI warehouse = dir.resolve("warehouse").toUri();
    Bronze.Load may1 = Bronze.Load.of("208", "disputes.csv", "b-0501", "2024-05-01T09:00:00");
    Bronze.Load may8 = Bronze.Load.of("208", "disputes.csv", "b-0508", "2024-05-08T09:00:00");
    Bronze.Load pull = Bronze.Load.of("208", "case_system", "b-0509", "2024-05-09T02:00:00");
    writeBronze(warehouse, "disputes",
        Bronze.of(ExchangeFormat.DISPUTES)
            .line(may1, 2, AUTHORITY, "208", DISPUTE_ID, "D-1", CHILD_ID, "566910", TEAM, "CiC 1")
            .line(may1, 3, AUTHORITY, "208", DISPUTE_ID, "D-2", CHILD_ID, "566911", TEAM, "CiC 1")
            .line(may1, 4, AUTHORITY, "208", DISPUTE_ID, "D-3", CHILD_ID, "566912", TEAM, "CiC 1")
            .dataset(spark));
    writeBronze(warehouse, "disputes",
        Bronze.of(ExchangeFormat.DISPUTES)
            .line(may8, 2, Map.of("free_notes", "Sam's carer"), AUTHORITY, "208", DISPUTE_ID, "D-1", CHILD_ID, "566910", TEAM, "CiC 2")
            .tombstone(pull, AUTHORITY, "208", DISPUTE_ID, "D-3")
            .dataset(spark));
    writeBronze(warehouse, "header",
        Bronze.of(Ssda903.HEADER)
            .line(Bronze.Load.of("208", "ssda903/header.csv", "b-0501", "2024-05-01T09:00:00"), 2, CHILD, "566910", DOB, "17/03/2012")
            .dataset(spark));

    Map<String, Long> rows = SilverBuild.run(spark, warehouse, PseudonymiserTest.KEY);

    assertThat(rows).as("records with no bronze table are left out").containsExactly(Map.entry("header", 1L), Map.entry("disputes", 2L));
    List<Row> disputes = silver(warehouse, "disputes").orderBy(DISPUTE_ID).collectAsList();
    assertThat(disputes).extracting(r -> r.<String>getAs(DISPUTE_ID) + " " + r.<String>getAs(TEAM))
        .as("D-1 from the 8 May load; D-3 tombstoned").containsExactly("D-1 CiC 2", "D-2 CiC 1");
    Row header = silver(warehouse, "header").first();
    assertThat(header.<String>getAs(CHILD)).as("the child links across files").isEqualTo(disputes.get(0).<String>getAs(CHILD_ID));
    assertThat(header.<Date>getAs(DOB)).isEqualTo(Date.valueOf("2012-03-01"));
    assertThat(silver(warehouse, "disputes").schema().fieldNames()).isEqualTo(SilverSchemas.of(ExchangeFormat.DISPUTES).fieldNames());
    String everything = silver(warehouse, "disputes").collectAsList() + " " + silver(warehouse, "header").collectAsList();
    assertThat(everything).doesNotContain("56691").doesNotContain("Sam's carer");

    assertThat(SilverBuild.run(spark, warehouse, PseudonymiserTest.KEY)).as("a rebuild overwrites, never appends").isEqualTo(rows);
  }

  @Test
  void an_incremental_silver_build_conforms_again_only_the_tables_whose_bronze_or_key_changed() {
    URI warehouse = dir.resolve("incremental").toUri();
    Bronze.Load may1 = Bronze.Load.of("208", "disputes.csv", "b-0501", "2024-05-01T09:00:00");
    Bronze.Load other = Bronze.Load.of("209", "disputes.csv", "b-0501", "2024-05-01T09:00:00");
    writeBronze(warehouse, "disputes", Bronze.of(ExchangeFormat.DISPUTES)
        .line(may1, 2, AUTHORITY, "208", DISPUTE_ID, "D-1", CHILD_ID, "566910", TEAM, "CiC 1")
        .line(other, 2, AUTHORITY, "209", DISPUTE_ID, "D-9", CHILD_ID, "777001", TEAM, "North").dataset(spark));
    writeBronze(warehouse, "header", Bronze.of(Ssda903.HEADER)
        .line(Bronze.Load.of("208", "ssda903/header.csv", "b-0501", "2024-05-01T09:00:00"), 2, CHILD, "566910", DOB, "17/03/2012")
        .dataset(spark));
    assertThat(SilverBuild.run(spark, warehouse, PseudonymiserTest.KEY, SilverBuild.Scope.CHANGED).rebuilt())
        .as("no silver yet: every table is built").containsExactly("header", "disputes");

    Bronze.Load may8 = Bronze.Load.of("208", "disputes.csv", "b-0508", "2024-05-08T09:00:00");
    writeBronze(warehouse, "disputes", Bronze.of(ExchangeFormat.DISPUTES)
        .line(may8, 2, AUTHORITY, "208", DISPUTE_ID, "D-2", CHILD_ID, "566911", TEAM, "CiC 2").dataset(spark));
    List<String> filesOf209 = filesOf(silver(warehouse, "disputes"), "209");
    SilverBuild.Result dayTwo = SilverBuild.run(spark, warehouse, PseudonymiserTest.KEY, SilverBuild.Scope.CHANGED);
    assertThat(dayTwo.conformed()).as("only the disputes' bronze moved, and only for 208")
        .containsExactly(Map.entry("disputes", "authorities 208"));
    assertThat(dayTwo.rows()).as("kept tables still report their rows")
        .containsExactly(Map.entry("header", 1L), Map.entry("disputes", 3L));
    assertThat(silver(warehouse, "disputes").orderBy(DISPUTE_ID).collectAsList())
        .extracting(r -> r.<String>getAs(AUTHORITY) + " " + r.<String>getAs(DISPUTE_ID) + " " + r.<String>getAs(TEAM))
        .containsExactly("208 D-1 CiC 1", "208 D-2 CiC 2", "209 D-9 North");
    assertThat(filesOf(silver(warehouse, "disputes"), "209")).as("209's folder was not rewritten")
        .isEqualTo(filesOf209).isNotEmpty();
    assertThat(filesOf(silver(warehouse, "disputes"), "208")).as("208's folder holds one new file").hasSize(1);

    assertThat(SilverBuild.run(spark, warehouse, PseudonymiserTest.KEY, SilverBuild.Scope.CHANGED).rebuilt())
        .as("nothing moved: nothing conformed again").isEmpty();
    PseudonymisationKey rotated = new PseudonymisationKey(new byte[PseudonymisationKey.MIN_BYTES]);
    String before = silver(warehouse, "header").first().getAs(CHILD);
    assertThat(SilverBuild.run(spark, warehouse, rotated, SilverBuild.Scope.CHANGED).rebuilt())
        .as("a new key means every pseudonym changes, whole tables").containsExactly("header", "disputes");
    assertThat(silver(warehouse, "header").first().<String>getAs(CHILD)).isNotEqualTo(before);
    assertThat(SilverBuild.run(spark, warehouse, rotated, SilverBuild.Scope.ALL).rebuilt())
        .as("a full build conforms everything again, for a corrected rule").containsExactly("header", "disputes");
  }

  /** The data files of one authority's folder. */
  private static List<String> filesOf(Dataset<Row> table, String authority) {
    return java.util.Arrays.stream(table.inputFiles()).filter(f -> f.contains("/authority=" + authority + "/")).sorted().toList();
  }
}
