package org.drpwarehouse.ingestion;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An extract whose manifest says {@code ssda903_snapshot: true}: a record it no longer holds was deleted at source. */
class SnapshotIngestTest {
  private static final String REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE\n";
  private static final String MAY = "C-1,01/02/2010,01/05/2024,PN1\n";
  private static final String NOVEMBER = "C-1,01/02/2010,01/11/2024,PN1\n";
  private static final String JUNE = "C-2,01/03/2011,01/06/2024,PN2\n";

  private final SparkSession spark = SharedSpark.session();
  @TempDir Path temp;
  private URI warehouse;
  private Ingestion ingestion;

  @BeforeEach
  void setUp() throws IOException {
    warehouse = Files.createDirectories(temp.resolve("warehouse")).toUri();
    ingestion = new Ingestion(spark, warehouse, () -> JobRepositories.embedded(warehouse), 2);
  }

  /** A new extract folder of one authority holding reviews.csv. */
  private Path extract(String name, String manifest, String reviews) throws IOException {
    Path folder = Files.createDirectories(temp.resolve(name).resolve("ssda903"));
    Files.writeString(folder.getParent().resolve("drp-extract.yaml"), manifest, StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("reviews.csv"), REVIEWS + reviews, StandardCharsets.UTF_8);
    return folder.getParent();
  }

  private static String snapshotOf(String authority) {
    return "authority: \"" + authority + "\"\nssda903_snapshot: true\n";
  }

  private FileResult ingest(Path extract) {
    return ingestion.ingest(extract, null, Duration.ZERO).files().stream()
        .filter(f -> f.record().equals("reviews")).findFirst().orElseThrow();
  }

  private Dataset<Row> tombstones() {
    return spark.read().format("delta").load(WarehouseTables.location(warehouse, WarehouseTables.BRONZE, "reviews").toString())
        .where(col(Lineage.DELETED).equalTo(true));
  }

  @Test
  void a_snapshot_marks_deleted_the_reviews_of_its_authority_it_no_longer_holds() throws IOException {
    ingest(extract("other-authority", snapshotOf("382"), NOVEMBER));
    ingest(extract("first", snapshotOf("381"), MAY + NOVEMBER + JUNE));

    FileResult second = ingest(extract("second", snapshotOf("381"), MAY + JUNE.replace("PN2", "PN3")));

    assertThat(second).extracting(FileResult::read, FileResult::loaded, FileResult::quarantined, FileResult::deleted)
        .as("read = loaded + quarantined still; the one review gone is a tombstone, not a record read")
        .containsExactly(2L, 2L, 0L, 1L);
    assertThat(second.deletionsWithheld()).isNull();
    List<Row> gone = tombstones().collectAsList();
    assertThat(gone).singleElement().satisfies(row -> {
      assertThat(row.<String>getAs(Lineage.AUTHORITY)).as("only 381's own records: 382's November review stays").isEqualTo("381");
      assertThat(row.<String>getAs("CHILD")).isEqualTo("C-1");
      assertThat(row.<String>getAs("REVIEW")).isEqualTo("01/11/2024");
      assertThat(row.<Long>getAs(Lineage.SOURCE_LINE)).as("line 0: a real row of the same load wins over it").isZero();
      assertThat(row.<String>getAs(Lineage.SOURCE_NAME)).isEqualTo("ssda903/reviews.csv");
    });

    FileResult again = ingest(extract("third", snapshotOf("381"), MAY + JUNE.replace("PN2", "PN3")));
    assertThat(again.status()).as("the same bytes again").isEqualTo(FileResult.ALREADY_LOADED);
    assertThat(ingest(extract("fourth", snapshotOf("381"), MAY + NOVEMBER + JUNE)).deleted())
        .as("the November review back again, June kept: nothing more is gone").isZero();
    assertThat(tombstones().count()).isEqualTo(1);
  }

  @Test
  void without_the_snapshot_setting_a_file_only_adds_and_updates() throws IOException {
    ingest(extract("first", "authority: \"381\"\n", MAY + NOVEMBER));

    FileResult second = ingest(extract("second", "authority: \"381\"\n", MAY));

    assertThat(second.deleted()).isZero();
    assertThat(tombstones().count()).isZero();
  }

  @Test
  void a_rejected_review_whose_key_was_read_is_still_at_source_and_not_deleted() throws IOException {
    ingest(extract("first", snapshotOf("381"), MAY + NOVEMBER + JUNE));

    FileResult second = ingest(extract("second", snapshotOf("381"), MAY + NOVEMBER.replace("PN1", "PN9")));

    assertThat(second).extracting(FileResult::loaded, FileResult::quarantined, FileResult::deleted)
        .as("November rejected for its code but known by its key; June gone").containsExactly(1L, 1L, 1L);
    assertThat(tombstones().collectAsList()).singleElement()
        .satisfies(row -> assertThat(row.<String>getAs("CHILD")).isEqualTo("C-2"));
  }

  @Test
  void a_rejected_review_whose_key_cannot_be_read_withholds_every_deletion_of_its_file() throws IOException {
    ingest(extract("first", snapshotOf("381"), MAY + NOVEMBER + JUNE));

    FileResult second = ingest(extract("second", snapshotOf("381"), MAY + NOVEMBER.replace("01/11/2024", "31/11/2024")));

    assertThat(second).extracting(FileResult::quarantined, FileResult::deleted)
        .as("the broken REVIEW date may be November's or June's: neither is deleted").containsExactly(1L, 0L);
    assertThat(second.deletionsWithheld()).contains("key could not be read").contains("load the file again");
    assertThat(tombstones().count()).isZero();
  }
}
