package org.drpwarehouse.transforms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * Every mart of {@link MartTables#ALL} from the gold tables, in that order, for a runner to write:
 * {@link GoldTables#STAGE_VISITS}, {@link GoldTables#DISPUTE_SUMMARY}, {@link
 * GoldTables#REVIEW_TIMELINESS} and {@link GoldTables#REVIEW_DECISIONS} of one build in, one
 * dataset per mart contract out, each with exactly that contract's schema. Pure composition of the
 * per-mart transforms: nothing is computed until a runner writes.
 *
 * <p>The marts fall in two families by what they read: {@link #ofDisputes} (the stage visits and
 * dispute summaries only) and {@link #ofCaseRecords} (the SSDA903 review tables only). A build that
 * recomputed disputes but no case record rewrites only the first.
 */
public final class Marts {
  private Marts() {}

  public static Map<TableContract, Dataset<Row>> apply(
      Dataset<Row> visits, Dataset<Row> summary, Dataset<Row> reviewTimeliness, Dataset<Row> reviewDecisions) {
    Map<TableContract, Dataset<Row>> built = new LinkedHashMap<>(ofDisputes(visits, summary));
    built.putAll(ofCaseRecords(reviewTimeliness, reviewDecisions));
    Map<TableContract, Dataset<Row>> marts = new LinkedHashMap<>();
    for (TableContract contract : MartTables.ALL) {
      Dataset<Row> mart = built.remove(contract);
      if (mart == null) {
        throw new IllegalStateException("MartTables.ALL lists " + contract.name()
            + " but Marts builds no such mart: add its transform to ofDisputes or ofCaseRecords");
      }
      marts.put(contract, mart);
    }
    if (!built.isEmpty()) {
      throw new IllegalStateException("Marts builds " + built.keySet().stream().map(TableContract::name).toList()
          + " but MartTables.ALL does not list them: add their contracts there");
    }
    return Collections.unmodifiableMap(marts);
  }

  /** The marts that read only the stage visits and the dispute summaries, in {@link MartTables#ALL} order. */
  public static Map<TableContract, Dataset<Row>> ofDisputes(Dataset<Row> visits, Dataset<Row> summary) {
    Map<TableContract, Dataset<Row>> marts = new LinkedHashMap<>();
    marts.put(MartTables.STAGE_TIMELINESS, StageTimelinessMart.apply(visits));
    marts.put(MartTables.DISPUTES_STARTED, DisputesStartedMart.apply(summary));
    marts.put(MartTables.ENDINGS, EndingsMart.apply(summary));
    marts.put(MartTables.BYPASS_TRANSITIONS, BypassTransitionsMart.apply(visits, summary));
    marts.put(MartTables.THEMES, ThemesMart.apply(summary));
    marts.put(MartTables.CAFCASS, CafcassMart.apply(summary));
    marts.put(MartTables.OPEN_DISPUTES_BY_AGE, OpenDisputesMart.apply(summary));
    marts.put(MartTables.RECORDING, RecordingMart.apply(visits, summary));
    return Collections.unmodifiableMap(marts);
  }

  /** The marts that read only the review tables built from SSDA903 and the review decisions. */
  public static Map<TableContract, Dataset<Row>> ofCaseRecords(Dataset<Row> reviewTimeliness, Dataset<Row> reviewDecisions) {
    Map<TableContract, Dataset<Row>> marts = new LinkedHashMap<>();
    marts.put(MartTables.REVIEWS_HELD, ReviewsMart.apply(reviewTimeliness));
    marts.put(MartTables.REVIEW_DECISIONS, ReviewDecisionsMart.apply(reviewDecisions));
    return Collections.unmodifiableMap(marts);
  }
}
