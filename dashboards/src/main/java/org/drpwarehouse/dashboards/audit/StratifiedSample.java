package org.drpwarehouse.dashboards.audit;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;

/**
 * A stratified random sample of disputes for case audit, reproducible by seed.
 *
 * <p>Strata: the outcome ({@code OPEN} while open, else the ending's outcome), the stage reached
 * (informal only, formal stage 1 or 2, stage 3 or above) and lateness (any stage response late or
 * overdue, or none). Within a stratum disputes are ordered by {@code xxhash64(seed, authority,
 * dispute_id)} (then by id): the order depends only on the seed and the dispute, never on the data's
 * partitioning or the time of the run, so the same seed and publication always draw the same
 * disputes.
 *
 * <p>Allocation ({@link #allocate}): with at least as many places as strata, every stratum gets one
 * and the rest are shared in proportion to the strata's remaining sizes (largest remainder, ties to
 * the larger stratum, then by name); with fewer places, the largest strata get one each. No stratum
 * gets more than it holds; a sample as large as the population takes every dispute.
 */
public final class StratifiedSample {
  private StratifiedSample() {}

  public static final String STRATUM = "stratum";
  public static final String OUTCOME = "stratum_outcome";
  public static final String STAGE_REACHED = "stratum_stage_reached";
  public static final String LATENESS = "stratum_lateness";
  public static final String ORDER = "sample_order";
  public static final String RANK = "sample_rank";

  /** The disputes with their stratum, their hash order and their rank within the stratum. Pure. */
  public static Dataset<Row> ranked(Dataset<Row> summary, long seed) {
    Column outcome = when(col(Summary.STATUS).equalTo(GoldTables.OPEN), lit("OPEN"))
        .otherwise(coalesce(col(Summary.OUTCOME), lit("(no outcome recorded)")));
    Column rank = col(Summary.HIGHEST_RANK);
    Column reached = when(rank.isNull(), lit("stage unknown")).when(rank.leq(0), lit("informal only"))
        .when(rank.leq(2), lit("formal stage 1 or 2")).otherwise(lit("stage 3 or above"));
    Column late = when(col(Summary.STAGES_LATE).gt(0), lit("a stage late or overdue")).otherwise(lit("no stage late"));
    Dataset<Row> tagged = summary
        .withColumn(OUTCOME, outcome)
        .withColumn(STAGE_REACHED, reached)
        .withColumn(LATENESS, late)
        .withColumn(STRATUM, concat_ws(" / ", col(OUTCOME), col(STAGE_REACHED), col(LATENESS)))
        .withColumn(ORDER, xxhash64(lit(seed), col(GoldTables.AUTHORITY), col(GoldTables.DISPUTE_ID)));
    return tagged.withColumn(RANK, row_number().over(Window.partitionBy(col(GoldTables.AUTHORITY), col(STRATUM))
        .orderBy(col(ORDER), col(GoldTables.DISPUTE_ID))));
  }

  /**
   * How many of each stratum to draw.
   *
   * @param sizes disputes per stratum
   * @param places the sample size asked for
   */
  public static Map<String, Integer> allocate(Map<String, Long> sizes, int places) {
    if (places < 1) {
      throw new IllegalArgumentException("Cannot draw a sample of " + places + " disputes: ask for 1 or more");
    }
    List<String> strata = new ArrayList<>(sizes.keySet());
    strata.removeIf(s -> sizes.get(s) <= 0);
    strata.sort(Comparator.<String>comparingLong(s -> -sizes.get(s)).thenComparing(Comparator.naturalOrder()));
    Map<String, Integer> taken = new LinkedHashMap<>();
    strata.forEach(s -> taken.put(s, 0));
    long population = strata.stream().mapToLong(sizes::get).sum();
    if (places >= population) {
      strata.forEach(s -> taken.put(s, sizes.get(s).intValue()));
      return taken;
    }
    if (places < strata.size()) {
      for (int i = 0; i < places; i++) {
        taken.put(strata.get(i), 1);
      }
      return taken;
    }
    strata.forEach(s -> taken.put(s, 1));
    int left = places - strata.size();
    long rest = population - strata.size();
    Map<String, Double> remainders = new LinkedHashMap<>();
    int given = 0;
    for (String s : strata) {
      double share = rest == 0 ? 0 : (double) left * (sizes.get(s) - 1) / rest;
      int whole = (int) Math.floor(share);
      taken.put(s, taken.get(s) + whole);
      given += whole;
      remainders.put(s, share - whole);
    }
    List<String> byRemainder = new ArrayList<>(strata);
    byRemainder.sort(Comparator.<String>comparingDouble(s -> -remainders.get(s))
        .thenComparingLong(s -> -sizes.get(s)).thenComparing(Comparator.naturalOrder()));
    for (int i = 0; given < left && i < byRemainder.size(); i++) {
      String s = byRemainder.get(i);
      if (taken.get(s) < sizes.get(s)) {
        taken.put(s, taken.get(s) + 1);
        given++;
      }
    }
    return taken;
  }
}
