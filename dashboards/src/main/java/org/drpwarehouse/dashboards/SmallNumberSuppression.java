package org.drpwarehouse.dashboards;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.dashboards.internal.FamilyRow;
import org.drpwarehouse.dashboards.internal.SuppressionEngine;
import org.drpwarehouse.dashboards.internal.SuppressionEngine.Decision;
import org.drpwarehouse.dashboards.internal.TableRules;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableColumn;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * Small-number suppression of the marts, before anything reaches a page, a CSV or a database: no
 * count from 1 to 5 is published, nor can one be worked out from what is published. One
 * deterministic algorithm (also in {@code docs/suppression.md}):
 *
 * <ol>
 *   <li><b>Primary.</b> Every count ({@code LongType} column) from 1 to 5 is suppressed. Zero is
 *       published.
 *   <li><b>Equations.</b> Counts tied by a published sum form an equation: the columns of a row
 *       ({@code assessed = on_time + late + overdue}, {@code visits_due = on_time + late + overdue
 *       + ended_before_due + pending}, {@code responses = on_time + late}, {@code disputes =
 *       informal_entry + formal_entry}, {@code bypasses = bypasses_consulted +
 *       bypasses_without_consultation}); a count "of those" and its whole, with the complement
 *       ({@code disputes - child_informed}) as a hidden cell; the TEAM, IRO or THEME rows and their
 *       ALL row; the months of a quarter and the quarter; the months, and the quarters, of a
 *       financial year and the year; a {@code previous_period_disputes} or {@code
 *       previous_year_disputes} and the earlier row it repeats; and the sums between marts (themes
 *       against the disputes of every process, first transitions from {@code (start)} against
 *       {@code disputes}, {@code informal_entry} and {@code formal_entry}). A row a mart does not
 *       hold is zero.
 *   <li><b>Secondary.</b> An equation whose only unknown cell (suppressed, or a hidden
 *       complement) is sensitive (suppressed, or a complement from 1 to 5) would give it away:
 *       the smallest published non-zero cell of that equation is suppressed too (a zero only when
 *       no other is left), sparing the counts pages lead with (a share's numerator and
 *       denominator: {@code on_time} and {@code assessed}, {@code disputes}, {@code referrals}...)
 *       while another cell would do. Ties go to the earlier cell: marts in {@link MartTables#ALL}
 *       order, rows by key, columns in contract order. Equations are rechecked, the lowest first,
 *       whenever one of their cells is suppressed, until nothing changes.
 *   <li><b>Exact check.</b> Equations taken together can still pin a cell down (two sums
 *       subtracted); each linked set of unknown cells is solved exactly against all its equations,
 *       and for every sensitive cell that comes out, the best published cell sharing an equation
 *       with it is suppressed, then step 3 and this check repeat until nothing is pinned down.
 *   <li><b>Medians</b> ({@code median_wd_to_respond}) are suppressed with their count ({@code
 *       responses}).
 *   <li><b>Shares</b> are never stored: a page shows one only where numerator and denominator are
 *       both published.
 * </ol>
 *
 * <p>Example: in one quarter the ALL row has {@code on_time} 12, team A 3 and team B 9. A's 3 is
 * suppressed (primary); ALL minus B would give it back, so B's 9 goes too (secondary). In A's own
 * row {@code assessed = on_time + late + overdue}: with {@code late} 10 and {@code overdue} 7
 * published that would give the 3 back as well, so the smaller, {@code overdue} 7, goes; and so on
 * until every equation has no unknown or at least two, and no set of them pins one down.
 *
 * <p>Output: the contract's columns, in order, with every suppressed count and median set to null,
 * plus {@value #SUPPRESSED} ({@code array<string>}): the names of the suppressed columns of that
 * row, in contract order (empty when none). A page shows a suppressed value as {@value #SHOWN_AS}.
 *
 * <p>Suppress the marts of one publication together ({@link #applyAll}): the sums between marts are
 * then checked against what the other marts really publish. {@link #apply} on one mart takes every
 * other mart as published in full, which protects it but suppresses more. The Superset database and
 * the board dashboard must be fed the same suppressed rows, or the two together could give a cell
 * away. Pure: no action runs here; each authority's rows are suppressed together in one task.
 */
public final class SmallNumberSuppression {
  /** The output column naming the suppressed columns of a row ({@code array<string>}). */
  public static final String SUPPRESSED = "suppressed";
  /** How a page, a CSV or a chart shows a suppressed value. */
  public static final String SHOWN_AS = "c";
  /** The largest count suppressed on its own. */
  public static final long LARGEST_SMALL = SuppressionEngine.LARGEST_SMALL;

  private static final String SEP = "\u001f";
  private static final String TABLE = "__suppression_table";
  private static final String FAMILY = "__suppression_family";
  private static final String KEY = "__suppression_key";
  private static final String DIMS = "__suppression_dims";
  private static final String COUNTS = "__suppression_counts";
  private static final String DECIDED_KEY = "__suppression_decided_key";
  private static final String DECIDED = "__suppression_decided";
  private static final StructType DECISIONS = new StructType()
      .add(TABLE, DataTypes.StringType, false)
      .add(KEY, DataTypes.StringType, false)
      .add(SUPPRESSED, DataTypes.createArrayType(DataTypes.StringType, true), false);

  private SmallNumberSuppression() {}

  /**
   * Suppresses one mart on its own, taking every other mart as published in full. Prefer {@link
   * #applyAll} for the marts of one publication.
   */
  public static Dataset<Row> apply(Dataset<Row> mart, TableContract contract) {
    return applyAll(Map.of(contract, mart)).get(contract);
  }

  /**
   * Suppresses the marts of one publication together, so that no sum within a mart or between
   * marts gives a suppressed cell away. Returns each mart's suppressed rows under its contract, in
   * {@link MartTables#ALL} order (other contracts after, by name).
   */
  public static Map<TableContract, Dataset<Row>> applyAll(Map<TableContract, Dataset<Row>> marts) {
    if (marts.isEmpty()) {
      throw new IllegalArgumentException("Cannot suppress an empty set of marts: pass at least one");
    }
    List<TableContract> order = new ArrayList<>(marts.keySet());
    order.sort((a, b) -> {
      int ia = MartTables.ALL.indexOf(a);
      int ib = MartTables.ALL.indexOf(b);
      ia = ia < 0 ? Integer.MAX_VALUE : ia;
      ib = ib < 0 ? Integer.MAX_VALUE : ib;
      return ia != ib ? Integer.compare(ia, ib) : a.name().compareTo(b.name());
    });
    List<TableRules> rules = new ArrayList<>();
    Dataset<Row> cells = null;
    for (TableContract contract : order) {
      Dataset<Row> mart = marts.get(contract);
      requireColumns(mart, contract);
      TableRules tableRules = TableRules.of(contract);
      rules.add(tableRules);
      Dataset<Row> tableCells = engineInput(mart, contract, tableRules);
      cells = cells == null ? tableCells : cells.unionAll(tableCells);
    }
    SuppressionEngine engine = new SuppressionEngine(rules);
    Dataset<Row> decisions = cells
        .groupByKey((MapFunction<Row, String>) row -> row.getString(1), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (family, rows) -> decide(engine, rows),
            Encoders.row(DECISIONS))
        // Each mart written or collected would run the whole suppression again: the decisions
        // (one short row per mart row) are kept once computed. Persisting runs nothing now.
        .persist(StorageLevel.MEMORY_AND_DISK());
    Map<TableContract, Dataset<Row>> suppressed = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      suppressed.put(order.get(i), output(marts.get(order.get(i)), order.get(i), rules.get(i), decisions));
    }
    return Collections.unmodifiableMap(suppressed);
  }

  /** The schema of a suppressed mart: the contract's columns (counts and medians nullable), then {@value #SUPPRESSED}. */
  public static StructType schema(TableContract contract) {
    TableRules rules = TableRules.of(contract);
    StructType schema = new StructType();
    for (TableColumn column : contract.columns()) {
      StructField field = column.sparkField();
      boolean nullable = field.nullable() || rules.suppressible().contains(column.name());
      schema = schema.add(new StructField(field.name(), field.dataType(), nullable, field.metadata()));
    }
    return schema.add(new StructField(SUPPRESSED, DataTypes.createArrayType(DataTypes.StringType, true), false,
        suppressedMetadata()));
  }

  /**
   * How a value of a suppressed row is shown: {@value #SHOWN_AS} when the row lists the column as
   * suppressed, else the value as text ({@code ""} for null).
   */
  public static String shown(Row row, String column) {
    List<String> suppressed = row.getList(row.fieldIndex(SUPPRESSED));
    if (suppressed.contains(column)) {
      return SHOWN_AS;
    }
    Object value = row.get(row.fieldIndex(column));
    return value == null ? "" : value.toString();
  }

  /**
   * The share {@code numerator / denominator} of a suppressed row, only where both are published
   * and the denominator is not zero; empty otherwise (a page shows {@value #SHOWN_AS} when either
   * is suppressed).
   */
  public static OptionalDouble share(Row row, String numerator, String denominator) {
    List<String> suppressed = row.getList(row.fieldIndex(SUPPRESSED));
    Object top = row.get(row.fieldIndex(numerator));
    Object bottom = row.get(row.fieldIndex(denominator));
    if (suppressed.contains(numerator) || suppressed.contains(denominator) || top == null || bottom == null
        || ((Number) bottom).longValue() == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(((Number) top).doubleValue() / ((Number) bottom).doubleValue());
  }

  // ---- internals ----------------------------------------------------------------------------

  private static void requireColumns(Dataset<Row> mart, TableContract contract) {
    Set<String> present = Set.of(mart.columns());
    for (TableColumn column : contract.columns()) {
      if (!present.contains(column.name())) {
        throw new IllegalArgumentException("Cannot suppress " + contract.qualifiedName() + ": column " + column.name()
            + " is missing; pass the mart with the columns its contract defines");
      }
    }
    TableRules rules = TableRules.of(contract);
    for (String count : rules.suppressible()) {
      DataType type = mart.schema().apply(count).dataType();
      if (!(type instanceof NumericType)) {
        throw new IllegalArgumentException("Cannot suppress " + contract.qualifiedName() + ": column " + count
            + " is " + type.simpleString() + ", not a number; pass the mart as its contract defines it");
      }
    }
  }

  /** The key columns' values joined: unique within a mart. */
  private static Column rowKey(TableContract contract) {
    Column[] parts = contract.key().stream()
        .map(k -> coalesce(col(k).cast(DataTypes.StringType), lit("\u0000")))
        .toArray(Column[]::new);
    return concat_ws(SEP, parts);
  }

  private static Dataset<Row> engineInput(Dataset<Row> mart, TableContract contract, TableRules rules) {
    List<Column> dims = new ArrayList<>();
    List<Column> counts = new ArrayList<>();
    for (TableColumn column : contract.columns()) {
      if (rules.counts().contains(column.name())) {
        counts.add(lit(column.name()));
        counts.add(col(column.name()).cast(DataTypes.LongType));
      } else if (!rules.medians().containsKey(column.name())) {
        dims.add(lit(column.name()));
        dims.add(col(column.name()).cast(DataTypes.StringType));
      }
    }
    Column family = contract.column(MartTables.AUTHORITY).isPresent()
        ? coalesce(col(MartTables.AUTHORITY).cast(DataTypes.StringType), lit(""))
        : lit("");
    return mart.select(
        lit(contract.name()).as(TABLE),
        family.as(FAMILY),
        rowKey(contract).as(KEY),
        map(dims.toArray(Column[]::new)).cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)).as(DIMS),
        map(counts.toArray(Column[]::new)).cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType)).as(COUNTS));
  }

  private static Iterator<Row> decide(SuppressionEngine engine, Iterator<Row> rows) {
    List<FamilyRow> family = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      family.add(new FamilyRow(row.getString(0), row.getString(2), row.getJavaMap(3), row.getJavaMap(4)));
    }
    List<Row> out = new ArrayList<>(family.size());
    for (Decision decision : engine.run(family)) {
      out.add(RowFactory.create(decision.table(), decision.key(),
          scala.collection.JavaConverters.asScalaBuffer(decision.suppressed()).toList()));
    }
    return out.iterator();
  }

  private static Dataset<Row> output(Dataset<Row> mart, TableContract contract, TableRules rules, Dataset<Row> decisions) {
    Dataset<Row> keyed = mart.withColumn(KEY, rowKey(contract));
    Dataset<Row> decided = decisions
        .where(col(TABLE).equalTo(lit(contract.name())))
        .select(col(KEY).as(DECIDED_KEY), col(SUPPRESSED).as(DECIDED));
    Dataset<Row> joined = keyed.join(decided, keyed.col(KEY).equalTo(decided.col(DECIDED_KEY)), "left");
    // A row the engine did not see cannot be vouched for: all its counts are withheld.
    Column listed = coalesce(col(DECIDED), array(rules.suppressible().stream().map(c -> lit(c)).toArray(Column[]::new))
        .cast(DataTypes.createArrayType(DataTypes.StringType, true)));
    List<Column> columns = new ArrayList<>();
    for (TableColumn column : contract.columns()) {
      Metadata metadata = column.sparkField().metadata();
      if (rules.suppressible().contains(column.name())) {
        columns.add(when(array_contains(listed, column.name()), lit(null).cast(column.type()))
            .otherwise(col(column.name()).cast(column.type()))
            .as(column.name(), metadata));
      } else {
        columns.add(col(column.name()).as(column.name(), metadata));
      }
    }
    columns.add(listed.as(SUPPRESSED, suppressedMetadata()));
    return joined.select(columns.toArray(Column[]::new));
  }

  private static Metadata suppressedMetadata() {
    return new MetadataBuilder()
        .putString(TableColumn.COMMENT, "the columns of this row withheld by small-number suppression (shown as c)")
        .build();
  }
}
