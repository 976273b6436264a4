package org.drpwarehouse.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A benchmark, not a unit test (run by hand with {@code -Ddrp.bench.gate=true}): the gate on a
 * warehouse of national shape (150 authorities, 1,700 disputes each over ten years, six events and
 * two stage visits a dispute, 400 children each), synthesised with Spark, prints the time it takes.
 */
@EnabledIfSystemProperty(named = "drp.bench.gate", matches = "true")
class GateBenchmarkTest {
  private static final int AUTHORITIES = Integer.getInteger("drp.bench.authorities", 150);
  private static final int DISPUTES = Integer.getInteger("drp.bench.disputes", 1700);
  private static final int CHILDREN = 400;

  @Test
  void the_gate_on_a_national_scale_warehouse() throws Exception {
    SparkSession spark = SharedSpark.session();
    Path folder = Files.createTempDirectory("gate-bench");
    URI warehouse = folder.toUri();
    long disputes = (long) AUTHORITIES * DISPUTES;
    Column authority = expr("CAST(101 + id % " + AUTHORITIES + " AS STRING)");
    Column dispute = concat(lit("D"), col("id").cast("string"));
    Column child = concat(authority, lit("-"), expr("CAST((id DIV " + AUTHORITIES + ") % " + CHILDREN + " AS STRING)"));
    Column start = date_add(lit(java.sql.Date.valueOf("2015-04-01")), expr("CAST(id % 3600 AS INT)"));
    Map<String, Column> lineage = Map.of(Lineage.BATCH_ID, lit("b"), Lineage.INGESTED_AT, expr("timestamp'2025-04-01 09:00:00'"),
        Lineage.SOURCE_KIND, lit("csv"), Lineage.SOURCE_NAME, lit("f.csv"), Lineage.SOURCE_LINE, col("id"),
        Lineage.RECORD_HASH, lit("h"));

    save(spark.range((long) AUTHORITIES * CHILDREN), SilverSchemas.of(Ssda903.HEADER), with(lineage, Map.of(
        SilverSchemas.AUTHORITY, authority,
        Ssda903Columns.CHILD, concat(authority, lit("-"), expr("CAST(id DIV " + AUTHORITIES + " AS STRING)")),
        Ssda903Columns.SEX, lit("1"), Ssda903Columns.DOB, lit(java.sql.Date.valueOf("2010-01-01")),
        Ssda903Columns.ETHNIC, lit("WBRI"))), WarehouseTables.location(warehouse, "silver", "header"));
    save(spark.range(disputes), SilverSchemas.of(ExchangeFormat.DISPUTES), with(lineage, Map.of(
        ExchangeColumns.AUTHORITY, authority, ExchangeColumns.DISPUTE_ID, dispute, ExchangeColumns.CHILD_ID, child,
        ExchangeColumns.PROCESS, lit("CLA"), ExchangeColumns.RAISED_BY, lit("iro"), ExchangeColumns.CATEGORY,
        lit("CARE_PLANNING"), ExchangeColumns.IDENTIFIED_DATE, start)), WarehouseTables.location(warehouse, "silver", "disputes"));
    // six events a dispute: open informal, response, open stage1, response, child informed, resolved
    Column d = expr("id DIV 6");
    Column k = expr("CAST(id % 6 AS INT)");
    Column dStart = date_add(lit(java.sql.Date.valueOf("2015-04-01")), expr("CAST((id DIV 6) % 3600 AS INT)"));
    save(spark.range(disputes * 6), SilverSchemas.of(ExchangeFormat.DISPUTE_EVENTS), with(lineage, Map.of(
        ExchangeColumns.AUTHORITY, expr("CAST(101 + (id DIV 6) % " + AUTHORITIES + " AS STRING)"),
        ExchangeColumns.EVENT_ID, concat(lit("E"), col("id").cast("string")),
        ExchangeColumns.DISPUTE_ID, concat(lit("D"), d.cast("string")),
        ExchangeColumns.EVENT_DATE, date_add(dStart, k.multiply(3)),
        ExchangeColumns.EVENT_TYPE, expr("element_at(array('STAGE_OPENED','RESPONSE_RECEIVED','STAGE_OPENED',"
            + "'RESPONSE_RECEIVED','CHILD_INFORMED','RESOLVED'), CAST(id % 6 AS INT) + 1)"),
        ExchangeColumns.STAGE, expr("CASE WHEN id % 6 < 2 THEN 'informal' WHEN id % 6 = 4 THEN NULL ELSE 'stage1' END"),
        ExchangeColumns.RECORDED_ON_FILE, expr("id % 37 <> 0"),
        ExchangeColumns.FORM_ATTACHED, lit(true),
        ExchangeColumns.OUTCOME, expr("CASE WHEN id % 6 = 5 THEN 'RESOLVED' END"))),
        WarehouseTables.location(warehouse, "silver", "dispute_events"));
    Map<String, Column> visit = new java.util.HashMap<>(Map.of(
        GoldTables.AUTHORITY, expr("CAST(101 + (id DIV 2) % " + AUTHORITIES + " AS STRING)"),
        GoldTables.DISPUTE_ID, concat(lit("D"), expr("CAST(id DIV 2 AS STRING)")),
        GoldTables.POLICY_ID, lit("calderdale"), GoldTables.POLICY_VERSION, lit(1),
        Visit.VISIT_NUMBER, expr("CAST(id % 2 + 1 AS INT)"), Visit.STAGE, expr("CASE WHEN id % 2 = 0 THEN 'informal' ELSE 'stage1' END"),
        Visit.STAGE_RANK, expr("CAST(id % 2 AS INT)"), Visit.STAGE_KNOWN, lit(true), Visit.FORMAL, expr("id % 2 = 1"),
        Visit.OPENED_DATE, date_add(lit(java.sql.Date.valueOf("2015-04-01")), expr("CAST((id DIV 2) % 3600 AS INT)"))));
    visit.putAll(Map.of(Visit.END_REASON, lit("ESCALATED"), Visit.RESPONSE_STATUS, lit("ON_TIME"),
        Visit.RECORDED_ON_FILE, expr("id % 37 <> 0"), Visit.FORM_ATTACHED, lit(true), Visit.BYPASS, lit(false),
        GoldTables.AS_OF_DATE, lit(java.sql.Date.valueOf("2025-03-31"))));
    save(spark.range(disputes * 2), GoldTables.STAGE_VISITS.schema(), visit, GoldTables.STAGE_VISITS.location(warehouse));
    Map<String, Column> summary = new java.util.HashMap<>(Map.of(
        GoldTables.AUTHORITY, authority, GoldTables.DISPUTE_ID, dispute, GoldTables.CHILD_ID, child,
        GoldTables.PROCESS, lit("CLA"), GoldTables.POLICY_ID, lit("calderdale"), GoldTables.POLICY_VERSION, lit(1),
        Summary.THEME, lit("care_planning"), Summary.THEME_MAPPED, lit(true), Summary.START_DATE, start,
        Summary.STATUS, lit("CLOSED")));
    summary.putAll(Map.of(Summary.ENDING_ON_FILE, lit(true), Summary.CHILD_INFORMED, lit(true),
        Summary.OPENINGS_ON_FILE, lit(true), Summary.FORMS_ATTACHED, lit(true), Summary.RECORDING_COMPLETE, lit(true),
        GoldTables.AS_OF_DATE, lit(java.sql.Date.valueOf("2025-03-31"))));
    save(spark.range(disputes), GoldTables.DISPUTE_SUMMARY.schema(), summary, GoldTables.DISPUTE_SUMMARY.location(warehouse));

    long started = System.nanoTime();
    GateResult result = QualityGate.run(spark, warehouse, GateSettings.defaults(), PolicyCatalog.presets(),
        java.time.LocalDate.of(2025, 3, 31));
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("GATE BENCHMARK: %d authorities, %d disputes, %d events, %d visits: %.1f s, %s%n",
        AUTHORITIES, disputes, disputes * 6, disputes * 2, seconds, result.status());
    assertThat(result.authorities()).hasSize(AUTHORITIES);
  }

  private static Map<String, Column> with(Map<String, Column> a, Map<String, Column> b) {
    Map<String, Column> all = new java.util.HashMap<>(a);
    all.putAll(b);
    return all;
  }

  /** Selects the schema's columns in order from the expressions (null, or a placeholder if required, otherwise). */
  private static void save(Dataset<?> ids, StructType schema, Map<String, Column> columns, URI location) {
    List<Column> select = new ArrayList<>();
    for (StructField f : schema.fields()) {
      Column c = columns.get(f.name());
      if (c == null) {
        c = f.nullable() ? lit(null) : placeholder(f);
      }
      select.add(c.cast(f.dataType()).as(f.name(), f.metadata()));
    }
    ids.select(select.toArray(Column[]::new)).write().format("delta").mode("overwrite").save(location.toString());
  }

  private static Column placeholder(StructField f) {
    return switch (f.dataType().typeName()) {
      case "boolean" -> lit(false);
      case "integer" -> lit(0);
      case "date" -> lit(java.sql.Date.valueOf("2025-03-31"));
      default -> lit("-");
    };
  }
}
