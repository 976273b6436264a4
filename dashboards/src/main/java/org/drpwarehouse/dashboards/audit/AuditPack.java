package org.drpwarehouse.dashboards.audit;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;

import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.dashboards.PublishedTables;
import org.drpwarehouse.dashboards.internal.Documents;
import org.drpwarehouse.dashboards.internal.SiteFiles;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.QualityTables;
import org.drpwarehouse.schemas.warehouse.ReferenceTables;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;

/**
 * The inspector's audit pack for one authority of a publication: per-dispute evidence of
 * compliance, traced to the source record. Written into the publication's folder as
 * {@code audit/<authority>/<selection>/} ({@code dispute-<id>}, {@code disputes-<n>} or {@code
 * sample-<n>-seed-<s>}):
 *
 * <pre>
 * audit.html                 printable, self-contained: everything below, readable
 * disputes.csv               one row per dispute shown (the gold summary)
 * stages.csv                 one row per stage visit: due date and how it was derived, response, on-time status
 * events.csv                 one row per event, with its lineage: source kind, file or query, line or row, batch, load time
 * exceptions.csv             every compliance exception of the authority in the gating run, with its policy clause
 * exceptions_by_rule.csv     the exceptions counted by rule and clause
 * sample.csv                 the strata of the case-audit sample (when one was drawn)
 * tables.csv                 every table read and the Delta version it was read at
 * </pre>
 *
 * <p>Contract: tables are read at the versions the publication recorded ({@link PublishedTables}),
 * so the pack of a past publication is rebuilt byte for byte; a table it did not record is read at
 * its latest version and the pack says so. Lineage comes from silver (whose lineage columns are
 * bronze's), never from bronze's raw values: every id shown is the warehouse's (dispute and event
 * ids, pseudonyms of children and workers). Only the rows of the disputes shown, the exceptions
 * of the authority and small aggregates are collected.
 */
public final class AuditPack {
  private AuditPack() {}

  /** What was written: the pack's folder, its page, every file, and the disputes shown, in order. */
  public record Written(String authority, URI folder, URI html, List<URI> files, List<String> disputes) {
    public Written {
      files = List.copyOf(files);
      disputes = List.copyOf(disputes);
    }
  }

  /** Which disputes the pack shows: named ones, or a stratified sample of a size with a seed. */
  public record Selection(List<String> disputeIds, int sampleSize, long seed) {
    public Selection {
      disputeIds = disputeIds == null ? List.of() : List.copyOf(disputeIds);
      if (disputeIds.isEmpty() && sampleSize < 1) {
        throw new DrpUserException("--sample " + sampleSize, "is not a sample size", "ask for 1 or more disputes");
      }
    }

    public static Selection disputes(List<String> ids) {
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("Name at least one dispute, or draw a sample");
      }
      return new Selection(ids, 0, 0);
    }

    public static Selection sample(int size, long seed) {
      return new Selection(List.of(), size, seed);
    }

    boolean sampled() {
      return disputeIds.isEmpty();
    }

    String folderName() {
      if (sampled()) {
        return "sample-" + sampleSize + "-seed-" + seed;
      }
      return disputeIds.size() == 1 ? "dispute-" + safe(disputeIds.get(0)) : "disputes-" + disputeIds.size() + "-" + safe(disputeIds.get(0));
    }
  }

  /**
   * Builds and writes the pack.
   *
   * @throws DrpUserException when the authority is not in the publication or a named dispute is not
   *     one of its disputes
   */
  public static Written write(PublishedTables publication, String authority, Selection selection) {
    if (!publication.published(authority) && !publication.withheldAuthorities().contains(authority)) {
      List<String> known = new ArrayList<>(publication.publishedAuthorities());
      known.addAll(publication.withheldAuthorities());
      throw new DrpUserException("--authority " + authority, "is not in publication " + publication.id(),
          "give one of " + String.join(", ", known.stream().sorted().toList()));
    }
    Column ofAuthority = col(GoldTables.AUTHORITY).equalTo(authority);
    Dataset<Row> summary = publication.table(GoldTables.DISPUTE_SUMMARY).where(ofAuthority);

    List<String> ids;
    List<Row> strata = List.of();
    if (selection.sampled()) {
      Dataset<Row> ranked = StratifiedSample.ranked(summary, selection.seed()).cache();
      Map<String, Long> sizes = new TreeMap<>();
      for (Row row : ranked.groupBy(StratifiedSample.STRATUM).agg(count(lit(1))).collectAsList()) {
        sizes.put(row.getString(0), row.getLong(1));
      }
      Map<String, Integer> allocation = StratifiedSample.allocate(sizes, selection.sampleSize());
      List<Row> places = new ArrayList<>();
      allocation.forEach((stratum, n) -> places.add(RowFactory.create(stratum, n)));
      Dataset<Row> allocated = publication.spark().createDataFrame(places, new StructType()
          .add("__stratum", DataTypes.StringType).add("__places", DataTypes.IntegerType));
      List<Row> drawn = ranked.join(allocated, ranked.col(StratifiedSample.STRATUM).equalTo(allocated.col("__stratum")))
          .where(col(StratifiedSample.RANK).leq(col("__places")))
          .select(col(StratifiedSample.STRATUM), col(GoldTables.DISPUTE_ID), col(StratifiedSample.RANK))
          .orderBy(col(StratifiedSample.STRATUM), col(StratifiedSample.RANK)).collectAsList();
      ranked.unpersist();
      ids = drawn.stream().map(r -> r.getString(1)).toList();
      List<Row> strataRows = new ArrayList<>();
      for (Map.Entry<String, Long> stratum : sizes.entrySet()) {
        List<String> chosen = drawn.stream().filter(r -> r.getString(0).equals(stratum.getKey())).map(r -> r.getString(1)).toList();
        strataRows.add(RowFactory.create(stratum.getKey(), stratum.getValue(), (long) chosen.size(), String.join(" ", chosen)));
      }
      strata = strataRows;
    } else {
      ids = selection.disputeIds();
      List<String> found = summary.where(col(GoldTables.DISPUTE_ID).isin(ids.toArray())).select(GoldTables.DISPUTE_ID)
          .collectAsList().stream().map(r -> r.getString(0)).toList();
      List<String> missing = ids.stream().filter(id -> !found.contains(id)).toList();
      if (!missing.isEmpty()) {
        throw new DrpUserException("--dispute " + String.join(", ", missing), "is not a started dispute of authority "
            + authority + " in publication " + publication.id() + " (as of " + publication.asOf() + ")",
            "give a dispute id of gold.dispute_summary for " + authority + ", e.g. from the sample of drp audit --sample 20");
      }
    }
    Object[] shown = ids.toArray();
    Column ofShown = ofAuthority.and(col(GoldTables.DISPUTE_ID).isin(shown));
    List<Row> summaries = summary.where(ofShown).orderBy(GoldTables.DISPUTE_ID).collectAsList();
    List<Row> visits = publication.table(GoldTables.STAGE_VISITS).where(ofShown)
        .orderBy(GoldTables.DISPUTE_ID, GoldTables.Visit.VISIT_NUMBER).collectAsList();
    List<Row> flags = publication.table(GoldTables.DISPUTE_FLAGS).where(ofShown)
        .orderBy(col(GoldTables.DISPUTE_ID), col(GoldTables.Flag.FLAG), col(GoldTables.Visit.VISIT_NUMBER).asc_nulls_first())
        .collectAsList();
    List<Row> events = silver(publication, ExchangeFormat.DISPUTE_EVENTS).where(ofShown)
        .orderBy(col(ExchangeColumns.DISPUTE_ID), col(ExchangeColumns.EVENT_DATE), col(ExchangeColumns.EVENT_ID)).collectAsList();
    List<Row> records = silver(publication, ExchangeFormat.DISPUTES).where(ofShown).orderBy(ExchangeColumns.DISPUTE_ID).collectAsList();

    Dataset<Row> exceptions = publication.table(QualityTables.EXCEPTIONS).where(col(QualityTables.AUTHORITY).equalTo(authority));
    Dataset<Row> results = publication.table(QualityTables.RESULTS)
        .where(col(QualityTables.AUTHORITY).isin(authority, QualityTables.WAREHOUSE_SCOPE));
    String run = publication.gateRunId();
    if (run != null) {
      exceptions = exceptions.where(col(QualityTables.RUN_ID).equalTo(run));
      results = results.where(col(QualityTables.RUN_ID).equalTo(run));
    }
    List<Row> allExceptions = exceptions
        .orderBy(col(QualityTables.RULE_ID), col(QualityTables.DISPUTE_ID), col(QualityTables.VISIT_NUMBER).asc_nulls_first())
        .collectAsList();
    List<Row> byRule = exceptions
        .withColumn("__id", concat(col(QualityTables.DISPUTE_ID),
            coalesce(concat(lit("#"), col(QualityTables.VISIT_NUMBER).cast("string")), lit(""))))
        .groupBy(QualityTables.RULE_ID, QualityTables.CLAUSE)
        .agg(count(lit(1)).as("exceptions"), sort_array(collect_list(col("__id"))).as("ids"))
        .orderBy(QualityTables.RULE_ID, QualityTables.CLAUSE).collectAsList();
    List<Row> rules = results.orderBy(col(QualityTables.SUITE), col(QualityTables.RULE_ID), col(QualityTables.AUTHORITY)).collectAsList();
    String name = authorityName(publication, authority);

    AuditContent content = new AuditContent(publication, authority, name, selection, ids, summaries, visits, flags, events,
        records, allExceptions, byRule, rules, strata);
    URI folder = publication.folder("audit/" + safe(authority) + "/" + selection.folderName());
    SiteFiles files = new SiteFiles(folder, publication.spark().sparkContext().hadoopConfiguration());
    List<URI> written = new ArrayList<>();
    AuditPage.files(content).forEach((file, text) -> written.add(files.write(file, Documents.utf8(text))));
    return new Written(authority, folder, written.get(0), written, ids);
  }

  private static Dataset<Row> silver(PublishedTables publication, RecordSpec spec) {
    return publication.table(SilverSchemas.SILVER + "." + spec.name(),
        WarehouseTables.location(publication.warehouse(), SilverSchemas.SILVER, spec.name()), SilverSchemas.of(spec));
  }

  private static String authorityName(PublishedTables publication, String authority) {
    List<Row> names = publication.table(ReferenceTables.POLICY_BINDINGS)
        .where(col(ReferenceTables.AUTHORITY).equalTo(authority).and(col(ReferenceTables.AUTHORITY_NAME).isNotNull()))
        .orderBy(col(ReferenceTables.EFFECTIVE_FROM).desc()).select(ReferenceTables.AUTHORITY_NAME).limit(1).collectAsList();
    return names.isEmpty() ? "Authority " + authority : names.get(0).getString(0);
  }

  static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** Everything the page and CSV files show, collected. */
  record AuditContent(PublishedTables publication, String authority, String name, Selection selection, List<String> ids,
      List<Row> summaries, List<Row> visits, List<Row> flags, List<Row> events, List<Row> records, List<Row> exceptions,
      List<Row> exceptionsByRule, List<Row> rules, List<Row> strata) {

    Map<String, List<Row>> byDispute(List<Row> rows, String column) {
      Map<String, List<Row>> map = new LinkedHashMap<>();
      for (Row row : rows) {
        map.computeIfAbsent(row.getAs(column), k -> new ArrayList<>()).add(row);
      }
      return map;
    }
  }

  /** A cell's text: dates ISO, times as UTC instants, booleans Y/N, null empty. */
  static String text(Row row, String column) {
    if (row == null || !List.of(row.schema().fieldNames()).contains(column)) {
      return "";
    }
    Object value = row.get(row.fieldIndex(column));
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean b) {
      return b ? "Y" : "N";
    }
    if (value instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return String.join(" ", scala.collection.JavaConverters.seqAsJavaList(seq).stream().map(String::valueOf).toList());
    }
    return value.toString();
  }
}
