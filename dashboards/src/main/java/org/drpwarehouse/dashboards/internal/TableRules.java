package org.drpwarehouse.dashboards.internal;

import static org.drpwarehouse.schemas.warehouse.MartTables.*;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.schemas.warehouse.TableColumn;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * What small-number suppression must know of one mart: which columns are counts, which medians
 * stand on which count, and the sums that hold within one row ({@code assessed = on_time + late +
 * overdue}) or between a count and a count "of those" ({@code child_informed} of {@code disputes}).
 * Sums across rows (breakdowns, periods, previous periods) follow from the dimension columns the
 * contract has; sums across marts are in {@link SuppressionEngine}.
 *
 * <p>Counts are the contract's {@code LongType} columns; every {@code DoubleType} column must be a
 * median declared here, so that a new contract cannot publish an unprotected statistic by accident.
 *
 * @param table the contract's name, e.g. {@code mart_stage_timeliness}
 * @param columns every column name, in contract order
 * @param key the key columns, in contract order
 * @param counts the count columns, in contract order
 * @param medians median column to the count it is the median of
 * @param sums within one row: the first name is the total, the rest its parts (they add up exactly)
 * @param ofThose within one row: {@code [whole, part]}, the part counted "of those" in the whole
 * @param acrossRows the counts that add up across breakdown values and periods
 * @param lastToGo the counts pages lead with (a share's numerator and denominator): when a cell must
 *     be suppressed to protect another, these are chosen only when no other published cell would do
 * @param previousPeriods the mart carries {@code previous_period_disputes} and {@code
 *     previous_year_disputes}, each equal to {@code disputes} of an earlier period's row
 */
public record TableRules(String table, List<String> columns, List<String> key, List<String> counts,
    Map<String, String> medians, List<List<String>> sums, List<List<String>> ofThose, List<String> acrossRows,
    List<String> lastToGo, boolean breakdowns, boolean periods, boolean previousPeriods) implements Serializable {

  public TableRules {
    columns = List.copyOf(columns);
    key = List.copyOf(key);
    counts = List.copyOf(counts);
    medians = Map.copyOf(medians);
    sums = sums.stream().map(List::copyOf).toList();
    ofThose = ofThose.stream().map(List::copyOf).toList();
    acrossRows = List.copyOf(acrossRows);
    lastToGo = List.copyOf(lastToGo);
  }

  /** The rules of a contract: the marts' own, or for any other table its counts and dimensions only. */
  public static TableRules of(TableContract contract) {
    List<String> counts = new ArrayList<>();
    List<String> doubles = new ArrayList<>();
    for (TableColumn column : contract.columns()) {
      if (column.type().equals(DataTypes.LongType)) {
        counts.add(column.name());
      } else if (column.type().equals(DataTypes.DoubleType)) {
        doubles.add(column.name());
      }
    }
    Map<String, String> medians = new LinkedHashMap<>();
    List<List<String>> sums = new ArrayList<>();
    List<List<String>> ofThose = new ArrayList<>();
    List<String> acrossRows = new ArrayList<>(counts);
    List<String> lastToGo = new ArrayList<>();
    String name = contract.name();
    if (name.equals(STAGE_TIMELINESS.name())) {
      // visits_due = assessed + ended_before_due + pending; assessed = responses + overdue; and a
      // visit with a due date has a response exactly when it is ON_TIME or LATE (metrics.md), so
      // responses = on_time + late. Every way of cutting that tree is listed, so that no
      // difference of two sums (visits_due - assessed = ended_before_due + pending) goes unchecked.
      sums.add(List.of(VISITS_DUE, ASSESSED, ENDED_BEFORE_DUE, PENDING));
      sums.add(List.of(VISITS_DUE, RESPONSES, OVERDUE, ENDED_BEFORE_DUE, PENDING));
      sums.add(List.of(VISITS_DUE, ON_TIME, LATE, OVERDUE, ENDED_BEFORE_DUE, PENDING));
      sums.add(List.of(ASSESSED, RESPONSES, OVERDUE));
      sums.add(List.of(ASSESSED, ON_TIME, LATE, OVERDUE));
      sums.add(List.of(RESPONSES, ON_TIME, LATE));
      medians.put(MEDIAN_WD_TO_RESPOND, RESPONSES);
      lastToGo.addAll(List.of(ON_TIME, ASSESSED));
    } else if (name.equals(DISPUTES_STARTED.name())) {
      sums.add(List.of(DISPUTES, INFORMAL_ENTRY, FORMAL_ENTRY));
      lastToGo.add(DISPUTES);
      ofThose.add(List.of(DISPUTES, FORMAL_DISPUTES));
      ofThose.add(List.of(FORMAL_DISPUTES, FORMAL_ENTRY));
      ofThose.add(List.of(FORMAL_DISPUTES, REACHED_STAGE3_PLUS));
      ofThose.add(List.of(FORMAL_DISPUTES, BYPASS_DISPUTES));
      ofThose.add(List.of(INFORMAL_ENTRY, INFORMAL_ASSESSED));
      ofThose.add(List.of(INFORMAL_ASSESSED, INFORMAL_WITHIN_LIMIT));
      ofThose.add(List.of(DISPUTES, CHILD_INFORMED));
      ofThose.add(List.of(DISPUTES, RECORDING_COMPLETE));
      ofThose.add(List.of(DISPUTES, REPEAT_DISPUTES));
      ofThose.add(List.of(DISPUTES, CAFCASS_CONSULTED_NO_REFERRAL));
    } else if (name.equals(ENDINGS.name())) {
      ofThose.add(List.of(ENDED, FORMAL_ENDED));
      lastToGo.addAll(List.of(FORMAL_WITHIN_LIMIT, FORMAL_LIMIT_ASSESSED));
      ofThose.add(List.of(FORMAL_ENDED, FORMAL_LIMIT_ASSESSED));
      ofThose.add(List.of(FORMAL_LIMIT_ASSESSED, FORMAL_WITHIN_LIMIT));
    } else if (name.equals(BYPASS_TRANSITIONS.name())) {
      sums.add(List.of(BYPASSES, BYPASSES_CONSULTED, BYPASSES_WITHOUT_CONSULTATION));
      ofThose.add(List.of(TRANSITIONS, BYPASSES));
      lastToGo.addAll(List.of(TRANSITIONS, BYPASSES));
      ofThose.add(List.of(BYPASSES, BYPASSES_CONSULTATION_REQUIRED));
    } else if (name.equals(THEMES.name())) {
      ofThose.add(List.of(DISPUTES, REPEAT_DISPUTES));
      lastToGo.add(DISPUTES);
      // The previous-period columns are other periods' disputes: linked to those rows, not summed.
      acrossRows.removeAll(List.of(PREVIOUS_PERIOD_DISPUTES, PREVIOUS_YEAR_DISPUTES));
    } else if (name.equals(CAFCASS.name())) {
      ofThose.add(List.of(REFERRALS, CONCURRENT));
      lastToGo.add(REFERRALS);
      ofThose.add(List.of(REFERRALS, NOTICE_ASSESSED));
      ofThose.add(List.of(NOTICE_ASSESSED, NOTICE_COMPLIANT));
      ofThose.add(List.of(REFERRALS, INFORM_ASSESSED));
      ofThose.add(List.of(INFORM_ASSESSED, INFORMED));
    } else if (name.equals(OPEN_DISPUTES_BY_AGE.name())) {
      ofThose.add(List.of(OPEN_DISPUTES, FORMAL_OPEN));
      lastToGo.add(OPEN_DISPUTES);
      ofThose.add(List.of(FORMAL_OPEN, FORMAL_PAST_LIMIT));
    } else if (name.equals(REVIEWS_HELD.name())) {
      ofThose.add(List.of(REVIEWS, ASSESSED));
      lastToGo.addAll(List.of(REVIEWS, ASSESSED, IN_TIMESCALE));
      ofThose.add(List.of(ASSESSED, IN_TIMESCALE));
    } else if (name.equals(REVIEW_DECISIONS.name())) {
      ofThose.add(List.of(DECISIONS_ASSESSED, DECISIONS_IN_TIME));
      lastToGo.addAll(List.of(DECISIONS_ASSESSED, DECISIONS_IN_TIME));
      ofThose.add(List.of(DECISIONS_ASSESSED, RESPONSES_ASSESSED));
      ofThose.add(List.of(RESPONSES_ASSESSED, RESPONSES_IN_TIME));
    } else if (name.equals(RECORDING.name())) {
      ofThose.add(List.of(APPLICABLE, MET));
      lastToGo.addAll(List.of(APPLICABLE, MET));
    }
    for (String column : doubles) {
      if (!medians.containsKey(column)) {
        throw new IllegalArgumentException("Cannot suppress " + contract.qualifiedName() + ": column " + column
            + " is a statistic with no count declared behind it; declare its count in TableRules so that it is"
            + " withheld with it");
      }
    }
    return new TableRules(name, contract.columnNames(), contract.key(), counts, medians, sums, ofThose, acrossRows, lastToGo,
        contract.column(BREAKDOWN).isPresent() && contract.column(BREAKDOWN_VALUE).isPresent(),
        contract.column(PERIOD_TYPE).isPresent() && contract.column(PERIOD).isPresent()
            && contract.column(PERIOD_START).isPresent(),
        contract.column(PREVIOUS_PERIOD_DISPUTES).isPresent() && contract.column(PREVIOUS_YEAR_DISPUTES).isPresent());
  }

  /** The columns whose values suppression may withhold: the counts and the medians. */
  public List<String> suppressible() {
    return columns.stream().filter(c -> counts.contains(c) || medians.containsKey(c)).toList();
  }
}
