package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.ExchangeColumns.AUTHORITY;
import static org.drpwarehouse.schemas.ExchangeColumns.CHILD_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.DISPUTE_ID;
import static org.drpwarehouse.schemas.ExchangeColumns.RAISED_BY;
import static org.drpwarehouse.schemas.Ssda903Columns.CHILD;
import static org.drpwarehouse.schemas.Ssda903Columns.DECOM;
import static org.drpwarehouse.schemas.Ssda903Columns.DOB;
import static org.drpwarehouse.schemas.Ssda903Columns.HOME_POST;
import static org.drpwarehouse.schemas.Ssda903Columns.MC_DOB;
import static org.drpwarehouse.schemas.Ssda903Columns.PL_POST;
import static org.drpwarehouse.schemas.Ssda903Columns.UPN;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.ColumnType;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.PersonalData;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.SourceFamily;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {
  /** Printable on purpose: were it ever a literal in a plan, it would show as this text. */
  static final String KEY_TEXT = "drp-test-key-never-in-a-plan-0123456789";
  static final PseudonymisationKey KEY = new PseudonymisationKey(KEY_TEXT.getBytes(StandardCharsets.US_ASCII));

  private final SparkSession spark = SharedSpark.session();
  private final SilverConformance silver = new SilverConformance(new Pseudonymiser(KEY));

  private static final Bronze.Load LAMBETH_903 = Bronze.Load.of("208", "ssda903/header.csv", "b-1", "2024-05-01T09:00:00");
  private static final Bronze.Load LAMBETH_EPISODES = Bronze.Load.of("208", "ssda903/episodes.csv", "b-1", "2024-05-01T09:00:00");
  private static final Bronze.Load LAMBETH_DISPUTES = Bronze.Load.of("208", "disputes.csv", "b-2", "2024-05-08T09:00:00");
  private static final Bronze.Load CALDERDALE_903 = Bronze.Load.of("875", "ssda903/header.csv", "b-3", "2024-05-01T09:00:00");

  static String expectedPseudonym(String authority, String id) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY_TEXT.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal((authority + "|" + id).getBytes(StandardCharsets.UTF_8)));
  }

  private Dataset<Row> header(Bronze bronze) {
    return silver.apply(bronze.dataset(spark), Ssda903.HEADER);
  }

  private static String child(Row row) {
    return row.getAs(CHILD);
  }

  @Test
  void a_pseudonym_is_the_hex_hmac_of_the_authority_and_the_id() throws Exception {
    Row row = header(Bronze.of(Ssda903.HEADER).line(LAMBETH_903, 2, CHILD, "566910", UPN, "D051910639385")).first();
    assertThat(child(row)).isEqualTo(expectedPseudonym("208", "566910")).hasSize(64);
    assertThat(row.<String>getAs(UPN)).as("a UPN is pseudonymised like a child id").isEqualTo(expectedPseudonym("208", "D051910639385"));
  }

  @Test
  void a_child_id_is_the_same_pseudonym_in_every_file_of_an_authority() {
    String inHeader = child(header(Bronze.of(Ssda903.HEADER).line(LAMBETH_903, 2, CHILD, "566910")).first());
    String inEpisodes =
        child(silver.apply(Bronze.of(Ssda903.EPISODES).line(LAMBETH_EPISODES, 2, CHILD, "566910", DECOM, "15/02/2016").dataset(spark),
            Ssda903.EPISODES).first());
    Row dispute =
        silver.apply(
            Bronze.of(ExchangeFormat.DISPUTES)
                .line(LAMBETH_DISPUTES, 2, AUTHORITY, "208", DISPUTE_ID, "D-1", CHILD_ID, "566910", RAISED_BY, "IRO-07")
                .dataset(spark),
            ExchangeFormat.DISPUTES).first();
    assertThat(inEpisodes).as("SSDA903 episodes link to the header").isEqualTo(inHeader);
    assertThat(dispute.<String>getAs(CHILD_ID)).as("an exchange dispute links to SSDA903").isEqualTo(inHeader);
    assertThat(dispute.<String>getAs(RAISED_BY)).as("the IRO's id is pseudonymised too").isNotEqualTo("IRO-07").hasSize(64);
  }

  @Test
  void the_same_child_id_in_two_authorities_gets_two_pseudonyms() {
    List<Row> rows =
        header(Bronze.of(Ssda903.HEADER).line(LAMBETH_903, 2, CHILD, "566910").line(CALDERDALE_903, 2, CHILD, "566910"))
            .collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(child(rows.get(0))).isNotEqualTo(child(rows.get(1)));
  }

  @Test
  void another_key_gives_other_pseudonyms() {
    PseudonymisationKey other = new PseudonymisationKey(new byte[32]);
    Bronze bronze = Bronze.of(Ssda903.HEADER).line(LAMBETH_903, 2, CHILD, "566910");
    String withOther = child(new SilverConformance(new Pseudonymiser(other)).apply(bronze.dataset(spark), Ssda903.HEADER).first());
    assertThat(withOther).isNotEqualTo(child(header(bronze).first()));
  }

  @Test
  void dates_of_birth_are_coarsened_to_the_month() {
    Row row = header(Bronze.of(Ssda903.HEADER).line(LAMBETH_903, 2, CHILD, "566910", DOB, "17/03/2012", MC_DOB, "01/02/2024")).first();
    assertThat(row.<Date>getAs(DOB)).as("born 17 March 2012").isEqualTo(Date.valueOf("2012-03-01"));
    assertThat(row.<Date>getAs(MC_DOB)).isEqualTo(Date.valueOf("2024-02-01"));
  }

  @Test
  void postcodes_keep_their_outward_code() {
    Bronze bronze =
        Bronze.of(Ssda903.EPISODES)
            .line(LAMBETH_EPISODES, 2, CHILD, "1", DECOM, "15/02/2016", HOME_POST, "eg19  7tt", PL_POST, "WV279FW")
            .line(LAMBETH_EPISODES, 3, CHILD, "2", DECOM, "15/02/2016", HOME_POST, "SW1A 1AA", PL_POST, "");
    List<Row> rows = silver.apply(bronze.dataset(spark), Ssda903.EPISODES).collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs(HOME_POST) + " / " + r.<String>getAs(PL_POST))
        .containsExactlyInAnyOrder("EG19 / WV27", "SW1A / null");
  }

  @Test
  void free_text_never_leaves_bronze() {
    RecordSpec notes =
        new RecordSpec(
            "iro_notes",
            SourceFamily.EXCHANGE,
            "A contract with narrative text, to show the rule applies to any marked column.",
            List.of(
                Column.of(AUTHORITY, ColumnType.STRING).required(),
                Column.of("note_id", ColumnType.STRING).required(),
                Column.of("note", ColumnType.STRING).personal(PersonalData.FREE_TEXT)),
            List.of(AUTHORITY, "note_id"),
            null);
    Bronze.Load load = Bronze.Load.of("208", "iro_notes.csv", "b-1", "2024-05-01T09:00:00");
    Dataset<Row> rows =
        silver.apply(Bronze.of(notes).line(load, 2, AUTHORITY, "208", "note_id", "N-1", "note", "Carer says Sam is unhappy").dataset(spark), notes);
    assertThat(rows.columns()).doesNotContain("note").contains("note_id");
    assertThat(rows.first().toString()).doesNotContain("Sam");
    assertThat(rows.schema()).isEqualTo(SilverSchemas.of(notes));
  }

  @Test
  void the_key_is_not_in_the_query_plan() {
    Dataset<Row> rows =
        silver.apply(
            Bronze.of(ExchangeFormat.DISPUTES)
                .line(LAMBETH_DISPUTES, 2, AUTHORITY, "208", DISPUTE_ID, "D-1", CHILD_ID, "566910", RAISED_BY, "IRO-07")
                .dataset(spark),
            ExchangeFormat.DISPUTES);
    byte[] key = KEY_TEXT.getBytes(StandardCharsets.US_ASCII);
    String plans =
        rows.queryExecution().toString() + rows.queryExecution().executedPlan().toString() + rows.logicalPlan().toString();
    assertThat(plans)
        .as("the plan names the keyed hash by its name only")
        .contains(Pseudonymiser.FUNCTION_NAME)
        .doesNotContain(KEY_TEXT)
        .doesNotContain(Base64.getEncoder().encodeToString(key))
        .doesNotContainIgnoringCase(HexFormat.of().formatHex(key));
    assertThat(KEY.toString()).doesNotContain(KEY_TEXT).doesNotContain(Base64.getEncoder().encodeToString(key));
    String output = rows.collectAsList().toString();
    assertThat(output).as("no raw child or worker id reaches silver").doesNotContain("566910").doesNotContain("IRO-07");
  }
}
