package org.drpwarehouse.dashboards;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.ReferenceTables;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.SilverTables;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;

/**
 * A warehouse holding one publication of the board fixture's marts (as of 30 June 2025; 381 and 925
 * published, 208 withheld), with the gold, silver and reference rows the report reads beside them:
 *
 * <ul>
 *   <li>925's CLA challenges of 2024-25 in gold.dispute_summary, as many as its mart says, with
 *       their children in silver.children (so its equality breakdown reconciles); 381 has ten, fewer
 *       than its mart says (so its breakdown must be withheld);
 *   <li>allocations of 381: 7 IROs holding 55 children each and 6 holding 45 since 2023, and 2 more
 *       holding 80 each from June 2024;
 *   <li>mart_cafcass is written but not recorded by the publication (read at its latest version),
 *       and the review and recording marts do not exist.
 * </ul>
 *
 * <p>After publishing, mart_disputes is overwritten with every count doubled: a report of the
 * publication must still show the recorded version.
 */
final class ReportWarehouse {
  static final String PUBLICATION = "pub-20250701-090000-test";
  static final LocalDate AS_OF = BoardFixture.AS_OF;

  private ReportWarehouse() {}

  private static final class Holder {
    static final Map<TableContract, Dataset<Row>> MARTS = BoardFixture.marts();
    static final URI WAREHOUSE = build();
  }

  static URI warehouse() {
    return Holder.WAREHOUSE;
  }

  /** The published (unsuppressed) disputes of mart_disputes, ALL, CLA, for an authority and year. */
  static long claDisputes(String authority, String year) {
    return Holder.MARTS.get(MartTables.DISPUTES_STARTED)
        .where(col(MartTables.AUTHORITY).equalTo(authority).and(col(MartTables.BREAKDOWN).equalTo("ALL"))
            .and(col(MartTables.PROCESS).equalTo("CLA")).and(col(MartTables.PERIOD).equalTo(year)))
        .head().<Long>getAs(MartTables.DISPUTES);
  }

  private static URI build() {
    Path folder = Path.of("target", "report-warehouse").toAbsolutePath();
    delete(folder);
    URI warehouse = folder.toUri();
    Map<String, Long> versions = new LinkedHashMap<>();
    for (Map.Entry<TableContract, Dataset<Row>> mart : Holder.MARTS.entrySet()) {
      String location = mart.getKey().location(warehouse).toString();
      mart.getValue().write().format("delta").mode("overwrite").save(location);
      if (!mart.getKey().equals(MartTables.CAFCASS)) {
        versions.put(mart.getKey().qualifiedName(), PublicationLog.version(mart.getKey().location(warehouse)));
      }
    }
    long claOf925 = claDisputes("925", "2024-25");
    TableRows summary = TableRows.of(GoldTables.DISPUTE_SUMMARY.schema()).defaults(GoldTables.PROCESS, "CLA",
        GoldTables.Summary.STATUS, "CLOSED", GoldTables.AS_OF_DATE, AS_OF.toString());
    TableRows children = TableRows.of(SilverTables.CHILDREN.schema()).defaults(GoldTables.AS_OF_DATE, AS_OF.toString());
    for (int i = 0; i < claOf925; i++) {
      String child = String.format("%064x", 925_000 + i);
      summary.row(GoldTables.AUTHORITY, "925", GoldTables.DISPUTE_ID, "D-925-" + i, GoldTables.CHILD_ID, child,
          GoldTables.Summary.START_DATE, LocalDate.of(2024, 4, 2).plusDays(i % 300).toString());
      children.row(GoldTables.AUTHORITY, "925", GoldTables.CHILD_ID, child, SilverTables.Child.SEX, i % 5 < 3 ? "2" : "1",
          SilverTables.Child.ETHNICITY, i % 4 == 0 ? "MWBC" : "WBRI",
          SilverTables.Child.DOB_MONTH, LocalDate.of(2010 - i % 12, 1 + i % 12, 1).toString());
    }
    for (int i = 0; i < 10; i++) {
      summary.row(GoldTables.AUTHORITY, "381", GoldTables.DISPUTE_ID, "D-381-" + i, GoldTables.CHILD_ID, String.format("%064x", 381_000 + i),
          GoldTables.Summary.START_DATE, "2024-05-0" + (1 + i % 9));
    }
    summary.write(GoldTables.DISPUTE_SUMMARY.location(warehouse));
    children.write(SilverTables.CHILDREN.location(warehouse));
    TableRows allocations = TableRows.of(SilverSchemas.of(ExchangeFormat.ALLOCATIONS)).defaults(ExchangeColumns.AUTHORITY, "381",
        ExchangeColumns.TEAM, "North", ExchangeColumns.FROM_DATE, "2023-01-01");
    int child = 0;
    for (int iro = 0; iro < 15; iro++) {
      int cases = iro < 7 ? 55 : iro < 13 ? 45 : 80;
      String from = iro < 13 ? "2023-01-01" : "2024-06-01";
      for (int c = 0; c < cases; c++) {
        allocations.row(ExchangeColumns.CHILD_ID, String.format("%064x", 1_000_000 + child++), ExchangeColumns.IRO_ID,
            String.format("%064x", 2_000_000 + iro), ExchangeColumns.FROM_DATE, from);
      }
    }
    URI allocationsTable = WarehouseTables.location(warehouse, SilverSchemas.SILVER, ExchangeFormat.ALLOCATIONS.name());
    allocations.write(allocationsTable);
    TableRows bindings = TableRows.of(ReferenceTables.POLICY_BINDINGS.schema()).defaults(ReferenceTables.EFFECTIVE_FROM, "2020-01-01",
        ReferenceTables.SOURCE_NAME, "policy_bindings.csv", ReferenceTables.LOADED_AT, "2025-07-01T08:00:00Z");
    bindings.row(ReferenceTables.AUTHORITY, "381", ReferenceTables.AUTHORITY_NAME, "Calderdale", ReferenceTables.POLICY_ID, "calderdale");
    bindings.row(ReferenceTables.AUTHORITY, "925", ReferenceTables.AUTHORITY_NAME, "Lincolnshire", ReferenceTables.POLICY_ID, "lincolnshire");
    bindings.row(ReferenceTables.AUTHORITY, "208", ReferenceTables.AUTHORITY_NAME, "Lambeth", ReferenceTables.POLICY_ID, "lambeth");
    bindings.write(ReferenceTables.POLICY_BINDINGS.location(warehouse));
    for (TableContract contract : List.of(GoldTables.DISPUTE_SUMMARY, SilverTables.CHILDREN, ReferenceTables.POLICY_BINDINGS)) {
      versions.put(contract.qualifiedName(), PublicationLog.version(warehouse, contract));
    }
    versions.put("silver.allocations", PublicationLog.version(allocationsTable));
    PublicationLog.append(warehouse, PUBLICATION, "2025-07-01T08:00:00Z", AS_OF.toString(), versions, "PASS_WITH_WARNINGS",
        "run-1", List.of("381", "925"), List.of("208"));
    // Written after the publication: a report of it must not see this.
    Dataset<Row> doubled = Holder.MARTS.get(MartTables.DISPUTES_STARTED);
    for (String count : List.of(MartTables.DISPUTES, MartTables.INFORMAL_ENTRY, MartTables.FORMAL_ENTRY)) {
      doubled = doubled.withColumn(count, col(count).multiply(2));
    }
    doubled.write().format("delta").mode("overwrite").save(MartTables.DISPUTES_STARTED.location(warehouse).toString());
    return warehouse;
  }

  static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
