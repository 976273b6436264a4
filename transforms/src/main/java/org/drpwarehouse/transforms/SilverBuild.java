package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.Contracts;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;

/**
 * The silver build: for every record contract whose bronze table exists ({@code
 * WAREHOUSE/bronze/<record>}), conforms it ({@link SilverConformance}) into {@code
 * WAREHOUSE/silver/<record>}, a Delta table laid out by authority ({@link DeltaTables}).
 *
 * <p>Each silver commit records what it was built from: the bronze table's Delta version (read at
 * exactly that version), the latest load time in it, and the key's {@link
 * PseudonymisationKey#fingerprint() fingerprint}. With {@link Scope#CHANGED}:
 *
 * <ul>
 *   <li>a table whose bronze has not moved, under the same key, is kept as it is;
 *   <li>a table whose bronze has new loads has only the authorities of those loads conformed again
 *       (every version of their records, so the latest still wins and a tombstone still removes),
 *       replacing those authorities' folders in one commit;
 *   <li>a new key, a table not yet built or not laid out by authority is conformed whole.
 * </ul>
 *
 * <p>{@link Scope#ALL} conforms every table whole, so a corrected rule reaches every row; {@code drp
 * transform} without {@code --incremental} uses it. The thin runner around the pure transforms:
 * the only class here that reads or writes.
 */
public final class SilverBuild {
  /** Which silver rows a build conforms again. */
  public enum Scope {
    /** Every table, whole. */
    ALL,
    /** Only what changed since each table was built: new loads' authorities, or everything under a new key. */
    CHANGED
  }

  /**
   * The rows of each silver table, and what this build conformed again: by table, {@code "all"} or
   * the authorities replaced ({@code "authorities 101, 102"}).
   */
  public record Result(Map<String, Long> rows, Map<String, String> conformed) {
    public Result {
      rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
      conformed = Collections.unmodifiableMap(new LinkedHashMap<>(conformed));
    }

    /** The tables conformed again, whole or in part, in contract order. */
    public List<String> rebuilt() {
      return List.copyOf(conformed.keySet());
    }
  }

  private SilverBuild() {}

  /**
   * Builds every silver table and returns the rows of each, by record name in contract order.
   * Records with no bronze table yet are left out.
   */
  public static Map<String, Long> run(SparkSession spark, URI warehouse, PseudonymisationKey key) {
    return run(spark, warehouse, key, Scope.ALL).rows();
  }

  /**
   * Builds the silver rows of the scope; the rows cover every silver table, rebuilt or kept. The
   * tables are conformed side by side ({@link ConcurrentJobs}).
   */
  public static Result run(SparkSession spark, URI warehouse, PseudonymisationKey key, Scope scope) {
    SilverConformance conformance = new SilverConformance(new Pseudonymiser(key));
    String fingerprint = key.fingerprint();
    Map<String, Callable<Table>> builds = new LinkedHashMap<>();
    for (RecordSpec spec : Contracts.all()) {
      String bronze = WarehouseTables.location(warehouse, WarehouseTables.BRONZE, spec.name()).toString();
      if (DeltaTables.exists(spark, bronze)) {
        builds.put(spec.name(), () -> build(spark, warehouse, spec, bronze, conformance, fingerprint, scope));
      }
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, String> conformed = new LinkedHashMap<>();
    ConcurrentJobs.of(spark).run(builds).forEach((name, done) -> {
      rows.put(name, done.value().rows());
      if (done.value().conformed() != null) {
        conformed.put(name, done.value().conformed());
      }
    });
    return new Result(rows, conformed);
  }

  /** One silver table after its build: its rows, and what was conformed again ({@code null}: nothing). */
  private record Table(long rows, String conformed) {}

  private static Table build(SparkSession spark, URI warehouse, RecordSpec spec, String bronzeLocation,
      SilverConformance conformance, String fingerprint, Scope scope) {
    String silver = WarehouseTables.location(warehouse, SilverSchemas.SILVER, spec.name()).toString();
    long version = DeltaTables.version(spark, bronzeLocation);
    Stamp previous = scope == Scope.CHANGED && DeltaTables.byAuthority(spark, silver) ? Stamp.of(spark, silver) : null;
    boolean whole = previous == null || !previous.key().equals(fingerprint);
    if (!whole && previous.bronzeVersion() == version) {
      return new Table(spark.read().format("delta").load(silver).count(), null);
    }
    // Read at exactly the version stamped, and only now: a time-travel read builds its own snapshot.
    Dataset<Row> bronze = spark.read().format("delta").option("versionAsOf", version).load(bronzeLocation);
    Stamp stamp = new Stamp(version, latestLoad(bronze), fingerprint);
    List<String> authorities = whole ? List.of() : authoritiesLoadedAfter(bronze, spec, previous.loadedThrough());
    String conformed = null;
    if (whole || authorities.contains(null)) {
      DeltaTables.overwrite(conformance.apply(bronze, spec), silver, stamp.text());
      conformed = "all";
    } else if (!authorities.isEmpty()) {
      DeltaTables.replaceAuthorities(
          conformance.apply(bronze, spec).where(col(SilverSchemas.AUTHORITY).isin(authorities.toArray())),
          authorities, silver, stamp.text());
      conformed = "authorities " + String.join(", ", authorities);
    }
    return new Table(spark.read().format("delta").load(silver).count(), conformed);
  }

  /** The latest load time in a bronze table, in microseconds since the epoch (0 when empty). */
  private static long latestLoad(Dataset<Row> bronze) {
    Row row = bronze.agg(expr("unix_micros(max(" + Lineage.INGESTED_AT + "))")).head();
    return row.isNullAt(0) ? 0L : row.getLong(0);
  }

  /** The silver authorities of the bronze rows loaded after a time (a null among them: a row with none). */
  private static List<String> authoritiesLoadedAfter(Dataset<Row> bronze, RecordSpec spec, long micros) {
    Dataset<Row> loaded = bronze.where(expr("unix_micros(" + Lineage.INGESTED_AT + ")").gt(lit(micros)));
    List<String> authorities = new ArrayList<>();
    for (Row row : TypedRecords.apply(loaded, spec).select(SilverSchemas.AUTHORITY).distinct().collectAsList()) {
      authorities.add(row.isNullAt(0) ? null : row.getString(0));
    }
    authorities.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
    return authorities;
  }

  /**
   * What a silver commit was built from, kept as the commit's user metadata:
   * {@code drp-silver bronze_version=12 loaded_through=1733090000000000 key=<fingerprint>}.
   */
  record Stamp(long bronzeVersion, long loadedThrough, String key) {
    private static final String PREFIX = "drp-silver";

    String text() {
      return PREFIX + " bronze_version=" + bronzeVersion + " loaded_through=" + loadedThrough + " key=" + key;
    }

    /** The stamp of a table's latest commit, or null when it has none (built before stamps, or by hand). */
    static Stamp of(SparkSession spark, String location) {
      Row last = DeltaTable.forPath(spark, location).history(1).select("userMetadata").head();
      if (last.isNullAt(0) || !last.getString(0).startsWith(PREFIX + " ")) {
        return null;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (String part : last.getString(0).substring(PREFIX.length()).trim().split(" ")) {
        int equals = part.indexOf('=');
        if (equals > 0) {
          fields.put(part.substring(0, equals), part.substring(equals + 1));
        }
      }
      try {
        return new Stamp(Long.parseLong(fields.get("bronze_version")), Long.parseLong(fields.get("loaded_through")),
            fields.getOrDefault("key", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
