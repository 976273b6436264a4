package org.drpwarehouse.ingestion;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.testing.Postgres;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulling a case-management reporting database over JDBC, against a real PostgreSQL server:
 * incremental by a persisted high-water mark, changed rows arriving as new versions, and a full
 * pull marking records that disappeared at the source as deleted.
 */
class DatabaseIngestTest {
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path temp;
  private String schema;
  private URI warehouse;
  private Path profile;

  @BeforeEach
  void setUp() throws IOException {
    Postgres.require();
    schema = Postgres.newSchema("drp_source");
    Postgres.execute(
        "CREATE TABLE " + schema + ".disputes (la text, ref text, child text, process text, iro text, identified date,"
            + " category text, team text, updated_at timestamp)",
        "INSERT INTO " + schema + ".disputes VALUES"
            + " ('381','D-1','C-1','CLA','IRO-1','2024-05-01','DRIFT','Team 1','2024-06-01 09:00'),"
            + " ('381','D-2','C-2','CP','IRO-1',NULL,'VISITS','Team 2','2024-06-01 10:00'),"
            + " ('381','D-3','C-3','CLA','IRO-2','2024-05-03','DRIFT','Team 1','2024-06-02 09:00')");
    warehouse = Files.createDirectories(temp.resolve("warehouse")).toUri();
    profile =
        Files.writeString(
            temp.resolve("casemgmt.yaml"),
            "name: casemgmt\n"
                + "url: " + Postgres.URL + "\n"
                + "user: " + Postgres.USER + "\n"
                + "password_env: DRP_TEST_UNSET_PASSWORD\n"
                + "queries:\n"
                + "  - record: disputes\n"
                + "    sql: SELECT la AS authority, ref AS dispute_id, child AS child_id, process, iro AS raised_by,"
                + " identified AS identified_date, category, team, updated_at FROM " + schema + ".disputes\n"
                + "    modified_column: updated_at\n");
  }

  @AfterEach
  void tearDown() {
    if (schema != null) {
      Postgres.dropSchemas(schema);
    }
  }

  private IngestReport pull(boolean full) {
    return new Ingestion(spark, warehouse, () -> JobRepositories.embedded(warehouse), 2)
        .ingestDatabase(JdbcProfile.read(profile), full, Duration.ZERO);
  }

  private Dataset<Row> bronze() {
    return spark.read().format("delta").load(WarehouseTables.location(warehouse, "bronze", "disputes").toString());
  }

  @Test
  void incremental_pulls_take_only_changed_rows_and_a_full_pull_marks_the_disappeared_as_deleted() {
    IngestReport first = pull(false);
    assertThat(first.read()).isEqualTo(3);
    assertThat(first.loaded()).isEqualTo(3);
    assertThat(bronze().where(col(Lineage.SOURCE_KIND).equalTo("jdbc")).count()).isEqualTo(3);
    assertThat(bronze().where(col("dispute_id").equalTo("D-2")).first().<String>getAs(Lineage.AUTHORITY)).isEqualTo("381");

    Postgres.execute(
        "UPDATE " + schema + ".disputes SET team = 'Team 9', updated_at = '2024-07-01 09:00' WHERE ref = 'D-1'",
        "INSERT INTO " + schema + ".disputes VALUES ('381','D-4','C-4','XYZ','IRO-2',NULL,'DRIFT','Team 1','2024-07-02 09:00')");
    IngestReport second = pull(false);
    assertThat(second.read()).as("the changed row and the new one, nothing else").isEqualTo(2);
    assertThat(second.quarantined()).as("D-4 has an unknown process code").isEqualTo(1);
    List<Row> versions = bronze().where(col("dispute_id").equalTo("D-1")).orderBy(col(Lineage.INGESTED_AT)).collectAsList();
    assertThat(versions).extracting(r -> r.<String>getAs("team")).containsExactly("Team 1", "Team 9");

    assertThat(pull(false).read()).as("nothing changed since the high-water mark").isZero();

    Postgres.execute("DELETE FROM " + schema + ".disputes WHERE ref = 'D-3'");
    IngestReport incremental = pull(false);
    assertThat(incremental.files()).singleElement().extracting(FileResult::deleted).isEqualTo(0L);

    IngestReport full = pull(true);
    assertThat(full.read()).as("a full pull reads every row").isEqualTo(3);
    assertThat(full.files()).singleElement().extracting(FileResult::deleted).isEqualTo(1L);
    Row tombstone = bronze().where(col(Lineage.DELETED)).first();
    assertThat(tombstone.<String>getAs("dispute_id")).isEqualTo("D-3");
    assertThat(tombstone.<String>getAs("authority")).isEqualTo("381");
    assertThat(tombstone.<String>getAs("child_id")).as("a tombstone carries the key only").isNull();

    assertThat(pull(true).files()).singleElement().extracting(FileResult::deleted)
        .as("a record already marked deleted is not marked again").isEqualTo(0L);

    long marks = spark.read().format("delta")
        .load(WarehouseTables.location(warehouse, "bronze", WarehouseTables.JDBC_WATERMARKS).toString()).count();
    assertThat(marks).as("one high-water mark per pull").isEqualTo(6);
  }

  @Test
  void a_profile_with_a_typo_fails_naming_the_file_and_key() throws IOException {
    Path bad = Files.writeString(temp.resolve("bad.yaml"), "name: x\nurl: jdbc:postgresql://h/d\nqueries:\n  - record: disputes\n    sql: SELECT 1\n    modifed_column: u\n");
    assertThatThrownBy(() -> JdbcProfile.read(bad))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("bad.yaml: queries[0].modifed_column")
        .hasMessageContaining("unknown key").hasMessageContaining("did you mean 'modified_column'");
  }

  @Test
  void the_job_repository_can_live_in_postgresql() throws IOException {
    String repoSchema = Postgres.newSchema("drp_jobrepo");
    try {
      Path extract = Files.createDirectories(temp.resolve("extract"));
      Files.writeString(extract.resolve("disputes.csv"),
          "authority,dispute_id,child_id,process,raised_by,identified_date,category,review_id,team\n"
              + "381,D-1,C-1,CLA,IRO-1,2024-05-01,DRIFT,,Team 1\n");
      IngestReport report =
          new Ingestion(spark, warehouse, () -> JobRepositories.jdbc(Postgres.URL + "?currentSchema=" + repoSchema, Postgres.USER, ""), 100)
              .ingest(extract, null, Duration.ZERO);
      assertThat(report.loaded()).isEqualTo(1);
      JobRepositories repo = JobRepositories.jdbc(Postgres.URL + "?currentSchema=" + repoSchema, Postgres.USER, "");
      assertThat(repo.explorer().getJobInstances("ingest", 0, 10)).hasSize(1);
    } finally {
      Postgres.dropSchemas(repoSchema);
    }
  }

  @Test
  void a_warehouse_on_object_storage_is_locked_in_the_job_repository_database() {
    JobRepositories repo = JobRepositories.jdbc(Postgres.URL, Postgres.USER, "");
    URI remote = URI.create("s3a://authority-bucket/drp-warehouse");
    try (org.drpwarehouse.ingestion.internal.WarehouseLock held =
        org.drpwarehouse.ingestion.internal.WarehouseLock.inDatabase(repo.dataSource(), remote, Duration.ZERO)) {
      assertThatThrownBy(
              () -> org.drpwarehouse.ingestion.internal.WarehouseLock.inDatabase(repo.dataSource(), remote, Duration.ofMillis(300)))
          .isInstanceOf(DrpUserException.class)
          .hasMessageContaining("another ingest run");
      org.drpwarehouse.ingestion.internal.WarehouseLock.inDatabase(repo.dataSource(), URI.create("s3a://other/wh"), Duration.ZERO)
          .close();
    }
    org.drpwarehouse.ingestion.internal.WarehouseLock.inDatabase(repo.dataSource(), remote, Duration.ZERO).close();
  }
}
