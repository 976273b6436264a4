package org.drpwarehouse.dashboards;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.warehouse.PublicationTables;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * The tables of one publication, read exactly as they were published: each table at the Delta
 * version the publication recorded in {@link PublicationTables#TABLE_VERSIONS} (Delta time travel,
 * {@code versionAsOf}), so that a report, an audit pack or an outstanding list built from a past
 * publication is rebuilt byte for byte whatever was written since.
 *
 * <p>A table the publication did not record is read at its latest version and {@link #reads()}
 * says so (with that version), so every output can state what it stands on; a table that does not
 * exist reads as empty, with the contract's schema, and is listed as missing.
 *
 * <p>Which publication: {@link #open} with an id, or without one the latest that passed the gate
 * (status {@code PASS} or {@code PASS_WITH_WARNINGS}, by {@link PublicationTables#PUBLISHED_AT}).
 */
public final class PublishedTables {
  /** How one table was read: at the recorded version, at its latest one, or not at all (missing). */
  public record Read(String table, Long version, How how) {
    public Read {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(how, "how");
    }

    /** In words, for a page: {@code gold.dispute_summary at version 7 (recorded by the publication)}. */
    public String describe() {
      return switch (how) {
        case RECORDED -> table + " at version " + version + " (recorded by the publication)";
        case LATEST -> table + " at its latest version, " + version + ": the publication did not record it";
        case MISSING -> table + ": not in the warehouse, read as empty";
      };
    }
  }

  /** How a table was read. */
  public enum How {
    RECORDED,
    LATEST,
    MISSING
  }

  private final SparkSession spark;
  private final URI warehouse;
  private final String id;
  private final Instant publishedAt;
  private final LocalDate asOf;
  private final String gateStatus;
  private final String gateRunId;
  private final Map<String, Long> versions;
  private final List<String> publishedAuthorities;
  private final List<String> withheldAuthorities;
  private final URI folder;
  private final Map<String, Read> reads = new LinkedHashMap<>();

  private PublishedTables(SparkSession spark, URI warehouse, Row row) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.id = row.getAs(PublicationTables.PUBLICATION_ID);
    Timestamp at = row.getAs(PublicationTables.PUBLISHED_AT);
    this.publishedAt = at.toInstant();
    this.asOf = row.<java.sql.Date>getAs(PublicationTables.AS_OF_DATE).toLocalDate();
    this.gateStatus = row.getAs(PublicationTables.GATE_STATUS);
    this.gateRunId = row.getAs(PublicationTables.GATE_RUN_ID);
    Map<String, Long> recorded = new LinkedHashMap<>();
    Map<Object, Object> map = row.getJavaMap(row.fieldIndex(PublicationTables.TABLE_VERSIONS));
    map.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
        .forEach(e -> recorded.put(e.getKey().toString(), ((Number) e.getValue()).longValue()));
    this.versions = Map.copyOf(recorded);
    this.publishedAuthorities = List.copyOf(row.getList(row.fieldIndex(PublicationTables.PUBLISHED_AUTHORITIES)));
    this.withheldAuthorities = List.copyOf(row.getList(row.fieldIndex(PublicationTables.WITHHELD_AUTHORITIES)));
    String folderText = row.getAs(PublicationTables.FOLDER);
    URI recordedFolder = folderText == null || folderText.isBlank() ? PublicationTables.folder(warehouse, id) : URI.create(folderText);
    this.folder = recordedFolder.toString().endsWith("/") ? recordedFolder : URI.create(recordedFolder + "/");
  }

  /**
   * Opens a publication of the warehouse.
   *
   * @param publicationId the publication's id, or null for the latest that passed the gate
   * @throws DrpUserException when there is no publication log, no such id, or none that passed
   */
  public static PublishedTables open(SparkSession spark, URI warehouse, String publicationId) {
    String log = PublicationTables.PUBLICATIONS.location(warehouse).toString();
    if (!isDeltaTable(spark, log)) {
      throw new DrpUserException(log, "there is no publication log: nothing has been published from this warehouse",
          "run drp publish first (after drp transform and drp check), then build the report or pack from it");
    }
    Dataset<Row> all = spark.read().format("delta").load(log);
    List<Row> rows;
    if (publicationId != null) {
      rows = all.where(col(PublicationTables.PUBLICATION_ID).equalTo(publicationId)).collectAsList();
      if (rows.isEmpty()) {
        List<String> known = all.orderBy(col(PublicationTables.PUBLISHED_AT).desc()).limit(10)
            .select(PublicationTables.PUBLICATION_ID).collectAsList().stream().map(r -> r.getString(0)).toList();
        throw new DrpUserException("--publication " + publicationId, "no publication has this id",
            "give one of the latest: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
      }
    } else {
      rows = all.where(col(PublicationTables.GATE_STATUS).isin("PASS", "PASS_WITH_WARNINGS"))
          .orderBy(col(PublicationTables.PUBLISHED_AT).desc(), col(PublicationTables.PUBLICATION_ID).desc())
          .limit(1).collectAsList();
      if (rows.isEmpty()) {
        throw new DrpUserException(log, "no publication passed the quality gate",
            "fix what drp check reports and publish again, or name a publication with --publication ID");
      }
    }
    return new PublishedTables(spark, warehouse, rows.get(0));
  }

  /**
   * Reads a table as the publication saw it: at its recorded version, else at its latest (noted),
   * else empty with the contract's schema (noted as missing).
   */
  public Dataset<Row> table(TableContract contract) {
    return table(contract.qualifiedName(), contract.location(warehouse), contract.schema());
  }

  /** As {@link #table(TableContract)} for a table named {@code layer.name} at {@code location}. */
  public Dataset<Row> table(String qualifiedName, URI location, StructType schemaWhenMissing) {
    String path = location.toString();
    Long recorded = versions.get(qualifiedName);
    if (recorded != null) {
      reads.putIfAbsent(qualifiedName, new Read(qualifiedName, recorded, How.RECORDED));
      return spark.read().format("delta").option("versionAsOf", recorded).load(path);
    }
    if (!isDeltaTable(spark, path)) {
      reads.putIfAbsent(qualifiedName, new Read(qualifiedName, null, How.MISSING));
      return spark.createDataFrame(new ArrayList<Row>(), schemaWhenMissing);
    }
    long latest = spark.sql("DESCRIBE HISTORY delta.`" + path.replace("`", "``") + "` LIMIT 1").head().getLong(0);
    reads.putIfAbsent(qualifiedName, new Read(qualifiedName, latest, How.LATEST));
    return spark.read().format("delta").option("versionAsOf", latest).load(path);
  }

  /** Every table read so far, in the order first read. */
  public List<Read> reads() {
    return List.copyOf(reads.values());
  }

  /** The reads that were not at a recorded version (latest or missing). */
  public List<Read> unrecordedReads() {
    return reads.values().stream().filter(r -> r.how() != How.RECORDED).toList();
  }

  public String id() {
    return id;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  /** The as-of date of every figure of the publication. */
  public LocalDate asOf() {
    return asOf;
  }

  public String gateStatus() {
    return gateStatus;
  }

  /** The quality gate run that gated it ({@code quality.quality_results}, {@code compliance_exceptions}); may be null. */
  public String gateRunId() {
    return gateRunId;
  }

  /** The recorded Delta version of every table, by {@code layer.name}. */
  public Map<String, Long> versions() {
    return versions;
  }

  public List<String> publishedAuthorities() {
    return publishedAuthorities;
  }

  public List<String> withheldAuthorities() {
    return withheldAuthorities;
  }

  public boolean published(String authority) {
    return publishedAuthorities.contains(authority);
  }

  public URI warehouse() {
    return warehouse;
  }

  public SparkSession spark() {
    return spark;
  }

  /** The publication's folder, ending in {@code /}. */
  public URI folder() {
    return folder;
  }

  /** A folder inside the publication's folder, e.g. {@code report/381/2024-25/}. */
  public URI folder(String relative) {
    String clean = relative.endsWith("/") ? relative : relative + "/";
    return folder.resolve(clean);
  }

  private static boolean isDeltaTable(SparkSession spark, String location) {
    try {
      Path log = new Path(location + "/_delta_log");
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for the Delta table at " + location, e);
    }
  }
}
