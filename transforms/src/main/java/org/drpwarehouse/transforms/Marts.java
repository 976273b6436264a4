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
 */
public final class Marts {
  private Marts() {}

  public static Map<TableContract, Dataset<Row>> apply(
      Dataset<Row> visits, Dataset<Row> summary, Dataset<Row> reviewTimeliness, Dataset<Row> reviewDecisions) {
    Map<TableContract, Dataset<Row>> marts = new LinkedHashMap<>();
    marts.put(MartTables.STAGE_TIMELINESS, StageTimelinessMart.apply(visits));
    marts.put(MartTables.DISPUTES_STARTED, DisputesStartedMart.apply(summary));
    marts.put(MartTables.ENDINGS, EndingsMart.apply(summary));
    marts.put(MartTables.BYPASS_TRANSITIONS, BypassTransitionsMart.apply(visits, summary));
    marts.put(MartTables.THEMES, ThemesMart.apply(summary));
    marts.put(MartTables.CAFCASS, CafcassMart.apply(summary));
    marts.put(MartTables.OPEN_DISPUTES_BY_AGE, OpenDisputesMart.apply(summary));
    marts.put(MartTables.REVIEWS_HELD, ReviewsMart.apply(reviewTimeliness));
    marts.put(MartTables.REVIEW_DECISIONS, ReviewDecisionsMart.apply(reviewDecisions));
    marts.put(MartTables.RECORDING, RecordingMart.apply(visits, summary));
    if (!marts.keySet().stream().toList().equals(MartTables.ALL)) {
      throw new IllegalStateException("Marts builds " + marts.keySet().stream().map(TableContract::name).toList()
          + " but MartTables.ALL lists " + MartTables.ALL.stream().map(TableContract::name).toList()
          + ": add the missing mart transform here");
    }
    return Collections.unmodifiableMap(marts);
  }
}
