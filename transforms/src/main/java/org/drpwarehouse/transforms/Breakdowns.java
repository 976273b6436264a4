package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.Breakdown;

/**
 * The breakdowns a record counts in: each row becomes one per requested {@link Breakdown}, with
 * {@link MartTables#BREAKDOWN} and {@link MartTables#BREAKDOWN_VALUE}:
 *
 * <ul>
 *   <li>{@code ALL}: {@value MartTables#ALL_VALUE} (the whole authority);
 *   <li>{@code TEAM}: the {@link GoldTables#TEAM} column;
 *   <li>{@code IRO}: the {@link GoldTables#RAISED_BY} column (the dispute's IRO, a pseudonym);
 *   <li>{@code THEME}: the {@link GoldTables.Summary#THEME} column.
 * </ul>
 *
 * <p>A record with no team, IRO or theme (null or blank) counts under {@value #NONE}, so every
 * breakdown's members add up to {@code ALL}. Pure.
 */
public final class Breakdowns {
  /** The member of a breakdown for records that have none. */
  public static final String NONE = "(none)";

  /** The breakdowns of most marts: the authority, each team, each IRO. */
  public static final List<String> STANDARD = List.of(Breakdown.ALL, Breakdown.TEAM, Breakdown.IRO);

  /** The breakdowns of bypass patterns (metrics.md: by authority, IRO and theme). */
  public static final List<String> BYPASS = List.of(Breakdown.ALL, Breakdown.IRO, Breakdown.THEME);

  private static final String MEMBERS = "__breakdowns";

  private Breakdowns() {}

  public static Dataset<Row> apply(Dataset<Row> rows, List<String> breakdowns) {
    if (breakdowns.isEmpty()) {
      throw new IllegalArgumentException("Breakdowns need at least one breakdown, e.g. " + STANDARD);
    }
    Column members =
        array(
            breakdowns.stream()
                .map(b -> struct(lit(b).as(MartTables.BREAKDOWN), member(b).as(MartTables.BREAKDOWN_VALUE)))
                .toArray(Column[]::new));
    return rows.withColumn(MEMBERS, explode(members))
        .withColumn(MartTables.BREAKDOWN, col(MEMBERS + "." + MartTables.BREAKDOWN))
        .withColumn(MartTables.BREAKDOWN_VALUE, col(MEMBERS + "." + MartTables.BREAKDOWN_VALUE))
        .drop(MEMBERS);
  }

  private static Column member(String breakdown) {
    return switch (breakdown) {
      case Breakdown.ALL -> lit(MartTables.ALL_VALUE);
      case Breakdown.TEAM -> orNone(col(GoldTables.TEAM));
      case Breakdown.IRO -> orNone(col(GoldTables.RAISED_BY));
      case Breakdown.THEME -> orNone(col(GoldTables.Summary.THEME));
      default ->
          throw new IllegalArgumentException(
              "Unknown breakdown '" + breakdown + "': use ALL, TEAM, IRO or THEME");
    };
  }

  /** The value, or {@value #NONE} when it is null or blank. */
  static Column orNone(Column value) {
    return coalesce(when(trim(value).notEqual(""), value), lit(NONE));
  }
}
