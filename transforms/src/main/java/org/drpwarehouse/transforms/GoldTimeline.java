package org.drpwarehouse.transforms;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;

/**
 * Every dispute's stage timeline rebuilt against its policy, as of one date: the composition of
 * {@link DisputeEvents}, {@link BoundDisputes}, {@link StageEvents}, {@link DisputeEndings},
 * {@link StageVisits}, {@link DisputeSummaries} and {@link DisputeFlags}. Pure: it returns plans,
 * the runner ({@link GoldBuild}) writes them.
 */
public final class GoldTimeline {
  private final Dataset<Row> calendar;
  private final PolicyDimensions policies;
  private final Barrier barrier;

  /** The three gold tables of one build, each exactly in its contract's schema. */
  public record Outputs(Dataset<Row> visits, Dataset<Row> summary, Dataset<Row> flags) {}

  /** What the runner does with an intermediate result several later steps read: named, for its timings. */
  @FunctionalInterface
  public interface Barrier {
    Dataset<Row> apply(String step, Dataset<Row> rows);
  }

  /**
   * @param barrier applied to every intermediate result that several later steps read (the
   *     deduplicated events, the bound disputes, the events with their policy, the visits, the
   *     summary's measures and the summary before flags): the runner passes a checkpoint so each is
   *     computed once and the optimiser plans each step on its own instead of a tree that repeats
   *     them; {@code (step, rows) -> rows} keeps one plan
   */
  public GoldTimeline(Dataset<Row> calendar, PolicyDimensions policies, Barrier barrier) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.policies = Objects.requireNonNull(policies, "policies");
    this.barrier = Objects.requireNonNull(barrier, "barrier");
  }

  /**
   * @param silverDisputes silver {@code disputes}
   * @param silverEvents silver {@code dispute_events}
   * @param silverAllocations silver {@code allocations} (for a dispute's team when it names none)
   * @param asOf events after this date are ignored; open disputes are aged to it
   */
  public Outputs apply(Dataset<Row> silverDisputes, Dataset<Row> silverEvents, Dataset<Row> silverAllocations,
      LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Dataset<Row> events = barrier.apply("events", DisputeEvents.apply(silverEvents, asOf));
    Dataset<Row> bound = barrier.apply("bound disputes", BoundDisputes.apply(silverDisputes, events, silverAllocations, policies));
    Dataset<Row> stageEvents = barrier.apply("stage events", StageEvents.apply(events, bound, policies));
    Dataset<Row> endings = DisputeEndings.apply(stageEvents);
    Dataset<Row> visits = barrier.apply("stage visits", new StageVisits(calendar).apply(stageEvents, endings, asOf));
    Dataset<Row> unflagged = barrier.apply("dispute summaries",
        new DisputeSummaries(calendar, barrier).apply(bound, stageEvents, visits, endings, policies, asOf));
    Dataset<Row> flags = DisputeFlags.apply(visits, unflagged);
    return new Outputs(
        ContractProjection.apply(visits, GoldTables.STAGE_VISITS),
        ContractProjection.apply(DisputeFlags.onSummary(unflagged, flags), GoldTables.DISPUTE_SUMMARY),
        ContractProjection.apply(flags, GoldTables.DISPUTE_FLAGS));
  }
}
