package org.drpwarehouse.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drpwarehouse.dashboards.SmallNumberSuppression.SUPPRESSED;
import static org.drpwarehouse.dashboards.SmallNumberSuppression.shown;
import static org.drpwarehouse.schemas.warehouse.MartTables.*;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.junit.jupiter.api.Test;

class SmallNumberSuppressionTest {

  /** A stage-timeliness row's counts, its totals derived as the mart derives them. */
  static Object[] visits(long onTime, long late, long overdue, long endedBeforeDue, long pending) {
    return new Object[] {ON_TIME, onTime, LATE, late, OVERDUE, overdue, ENDED_BEFORE_DUE, endedBeforeDue, PENDING, pending,
        ASSESSED, onTime + late + overdue, VISITS_DUE, onTime + late + overdue + endedBeforeDue + pending,
        RESPONSES, onTime + late, MEDIAN_WD_TO_RESPOND, 3.5};
  }

  static Object[] with(Object[] counts, Object... more) {
    Object[] all = new Object[counts.length + more.length];
    System.arraycopy(more, 0, all, 0, more.length);
    System.arraycopy(counts, 0, all, more.length, counts.length);
    return all;
  }

  static Map<String, Row> byTeam(Dataset<Row> suppressed) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Row row : suppressed.orderBy(BREAKDOWN, BREAKDOWN_VALUE).collectAsList()) {
      rows.put(row.getAs(BREAKDOWN_VALUE), row);
    }
    return rows;
  }

  @Test
  void a_count_of_3_is_shown_as_c() {
    Dataset<Row> mart = MartRows.of(STAGE_TIMELINESS).defaults(STAGE, "stage1", STAGE_RANK, 1)
        .row(visits(3, 10, 7, 0, 0)).dataset();

    Row row = SmallNumberSuppression.apply(mart, STAGE_TIMELINESS).collectAsList().get(0);

    assertThat(shown(row, ON_TIME)).as("3 responses on time is shown as c").isEqualTo("c");
    assertThat((Object) row.getAs(ON_TIME)).as("and its value is gone from the row").isNull();
    assertThat(row.<String>getList(row.fieldIndex(SUPPRESSED))).as("the row names what it withholds").contains(ON_TIME);
    assertThat(shown(row, ASSESSED)).as("the 20 assessed stay published").isEqualTo("20");
    assertThat(shown(row, ENDED_BEFORE_DUE)).as("a zero is published").isEqualTo("0");
  }

  @Test
  void a_suppressed_on_time_count_cannot_be_recovered_from_assessed_minus_late_and_overdue() {
    Dataset<Row> mart = MartRows.of(STAGE_TIMELINESS).defaults(STAGE, "stage1", STAGE_RANK, 1)
        .row(visits(3, 10, 7, 0, 0)).dataset();

    Row row = SmallNumberSuppression.apply(mart, STAGE_TIMELINESS).collectAsList().get(0);

    List<String> withheld = row.getList(row.fieldIndex(SUPPRESSED));
    assertThat(withheld).as("on time 3 of assessed 20: late 10 or overdue 7 must go too").containsAnyOf(LATE, OVERDUE);
    assertThat(withheld).as("overdue 7 is the smaller, so it goes first").contains(OVERDUE);
    assertThat(withheld).as("assessed 20 = responses + overdue would then give overdue back: responses goes, not the"
        + " share's denominator").contains(RESPONSES);
    assertThat(withheld).as("and nothing else (the median goes with its responses)")
        .containsExactly(ON_TIME, OVERDUE, RESPONSES, MEDIAN_WD_TO_RESPOND);
  }

  @Test
  void a_single_suppressed_team_is_protected_by_suppressing_a_second_team() {
    Dataset<Row> mart = MartRows.of(DISPUTES_STARTED)
        .row(DISPUTES, 30, INFORMAL_ENTRY, 30)
        .row(BREAKDOWN, Breakdown.TEAM, BREAKDOWN_VALUE, "north", DISPUTES, 3, INFORMAL_ENTRY, 3)
        .row(BREAKDOWN, Breakdown.TEAM, BREAKDOWN_VALUE, "south", DISPUTES, 12, INFORMAL_ENTRY, 12)
        .row(BREAKDOWN, Breakdown.TEAM, BREAKDOWN_VALUE, "west", DISPUTES, 15, INFORMAL_ENTRY, 15)
        .dataset();

    Map<String, Row> teams = byTeam(SmallNumberSuppression.apply(mart, DISPUTES_STARTED));

    assertThat(shown(teams.get("north"), DISPUTES)).as("north's 3 disputes are suppressed").isEqualTo("c");
    assertThat(shown(teams.get("south"), DISPUTES))
        .as("30 minus south and west would give north's 3: south, the smaller of the two, is suppressed too")
        .isEqualTo("c");
    assertThat(shown(teams.get("west"), DISPUTES)).as("west's 15 stays").isEqualTo("15");
    assertThat(shown(teams.get(ALL_VALUE), DISPUTES)).as("the authority's 30 stays").isEqualTo("30");
    assertThat(shown(teams.get("south"), INFORMAL_ENTRY))
        .as("south's informal entries equal its disputes (none formal), so they go with them")
        .isEqualTo("c");
  }

  @Test
  void the_on_time_share_is_withheld_when_its_numerator_is_suppressed() {
    Dataset<Row> mart = MartRows.of(STAGE_TIMELINESS).defaults(STAGE, "stage2", STAGE_RANK, 2)
        .row(visits(4, 20, 6, 1, 0))
        .row(with(visits(24, 6, 0, 0, 0), STAGE, "stage1", STAGE_RANK, 1))
        .dataset();

    Map<String, Row> stages = new LinkedHashMap<>();
    for (Row row : SmallNumberSuppression.apply(mart, STAGE_TIMELINESS).collectAsList()) {
      stages.put(row.getAs(STAGE), row);
    }

    assertThat(SmallNumberSuppression.share(stages.get("stage2"), ON_TIME, ASSESSED))
        .as("stage 2: 4 on time of 30 is not shown as a share").isEmpty();
    assertThat(SmallNumberSuppression.share(stages.get("stage1"), ON_TIME, ASSESSED))
        .as("stage 1: 24 on time of 30 is 80%").hasValue(0.8);
  }

  @Test
  void a_median_is_withheld_with_its_count() {
    Dataset<Row> mart = MartRows.of(STAGE_TIMELINESS).defaults(STAGE, "stage1", STAGE_RANK, 1)
        .row(visits(2, 2, 9, 0, 0)).dataset();

    Row row = SmallNumberSuppression.apply(mart, STAGE_TIMELINESS).collectAsList().get(0);

    assertThat(shown(row, RESPONSES)).as("4 responses").isEqualTo("c");
    assertThat(shown(row, MEDIAN_WD_TO_RESPOND)).as("the median of 4 responses is withheld with them").isEqualTo("c");
    assertThat((Object) row.getAs(MEDIAN_WD_TO_RESPOND)).isNull();
  }

  @Test
  void a_small_complement_is_protected_so_that_all_but_two_cannot_be_read() {
    Dataset<Row> mart = MartRows.of(DISPUTES_STARTED).row(DISPUTES, 40, INFORMAL_ENTRY, 40, CHILD_INFORMED, 38).dataset();

    Row row = SmallNumberSuppression.apply(mart, DISPUTES_STARTED).collectAsList().get(0);

    assertThat(shown(row, CHILD_INFORMED)).as("38 of 40 children informed would say 2 were not").isEqualTo("c");
    assertThat(shown(row, DISPUTES)).as("the 40 disputes stay").isEqualTo("40");
  }

  @Test
  void months_adding_up_to_their_quarter_protect_a_small_month() {
    Dataset<Row> mart = MartRows.of(RECORDING).defaults(REQUIREMENT, "record.form_attached")
        .row(MartRows.period(PeriodType.QUARTER, "2024-04-01"), APPLICABLE, 40, MET, 40)
        .row(MartRows.period(PeriodType.MONTH, "2024-04-01"), APPLICABLE, 2, MET, 2)
        .row(MartRows.period(PeriodType.MONTH, "2024-05-01"), APPLICABLE, 18, MET, 18)
        .row(MartRows.period(PeriodType.MONTH, "2024-06-01"), APPLICABLE, 20, MET, 20)
        .dataset();

    Map<String, Row> periods = new LinkedHashMap<>();
    for (Row row : SmallNumberSuppression.apply(mart, RECORDING).collectAsList()) {
      periods.put(row.getAs(PERIOD), row);
    }

    assertThat(shown(periods.get("2024-04"), APPLICABLE)).as("April's 2").isEqualTo("c");
    assertThat(shown(periods.get("2024-05"), APPLICABLE)).as("May's 18, the smaller of May and June").isEqualTo("c");
    assertThat(shown(periods.get("2024-06"), APPLICABLE)).isEqualTo("20");
    assertThat(shown(periods.get("2024-25 Q1"), APPLICABLE)).as("the quarter's 40").isEqualTo("40");
  }

  @Test
  void a_theme_published_by_both_marts_is_protected_in_both_when_suppressed_together() {
    // Theme "placement" has 3 CLA disputes and 20 CP disputes; mart_themes publishes 23 for it.
    Dataset<Row> disputes = MartRows.of(DISPUTES_STARTED).defaults(BREAKDOWN, Breakdown.THEME, BREAKDOWN_VALUE, "placement")
        .row(PROCESS, "CLA", DISPUTES, 3, INFORMAL_ENTRY, 3)
        .row(PROCESS, "CP", DISPUTES, 20, INFORMAL_ENTRY, 20)
        .dataset();
    Dataset<Row> themes = MartRows.of(THEMES).row(THEME, "placement", DISPUTES, 23).dataset();

    Map<TableContract, Dataset<Row>> suppressed =
        SmallNumberSuppression.applyAll(Map.of(DISPUTES_STARTED, disputes, THEMES, themes));

    Map<String, Row> byProcess = new LinkedHashMap<>();
    for (Row row : suppressed.get(DISPUTES_STARTED).collectAsList()) {
      byProcess.put(row.getAs(PROCESS), row);
    }
    Row theme = suppressed.get(THEMES).collectAsList().get(0);
    assertThat(shown(byProcess.get("CLA"), DISPUTES)).isEqualTo("c");
    assertThat(shown(byProcess.get("CP"), DISPUTES).equals("c") || shown(theme, DISPUTES).equals("c"))
        .as("23 in mart_themes minus CP's 20 would give CLA's 3: one of them is suppressed")
        .isTrue();
  }

  @Test
  void the_output_has_the_contract_columns_and_the_suppressed_list() {
    Dataset<Row> mart = MartRows.of(CAFCASS).defaults(STAGE_AT_REFERRAL, "stage2").row(REFERRALS, 8, CONCURRENT, 8).dataset();

    Dataset<Row> suppressed = SmallNumberSuppression.apply(mart, CAFCASS);

    assertThat(suppressed.columns()).as("contract columns in order, then suppressed")
        .containsExactlyElementsOf(concat(CAFCASS.columnNames(), SUPPRESSED));
    assertThat(suppressed.schema()).isEqualTo(SmallNumberSuppression.schema(CAFCASS));
  }

  @Test
  void a_mart_missing_a_contract_column_is_refused_naming_it() {
    Dataset<Row> mart = MartRows.of(CAFCASS).row(REFERRALS, 8).dataset().drop(INFORMED);

    assertThatThrownBy(() -> SmallNumberSuppression.apply(mart, CAFCASS))
        .hasMessageContaining("gold.mart_cafcass")
        .hasMessageContaining("column informed is missing");
  }

  @Test
  void suppression_is_the_same_on_every_run_whatever_the_row_order() {
    MartRows rows = MartRows.of(STAGE_TIMELINESS).defaults(STAGE, "stage1", STAGE_RANK, 1);
    long[][] teams = {{3, 9, 8}, {12, 2, 7}, {20, 6, 1}, {7, 7, 7}};
    long[] total = new long[3];
    for (int t = 0; t < teams.length; t++) {
      rows.row(with(visits(teams[t][0], teams[t][1], teams[t][2], 0, 0), BREAKDOWN, Breakdown.TEAM, BREAKDOWN_VALUE, "team" + t));
      for (int i = 0; i < 3; i++) {
        total[i] += teams[t][i];
      }
    }
    rows.row(visits(total[0], total[1], total[2], 0, 0));
    Dataset<Row> mart = rows.dataset();

    List<String> first = sortedText(SmallNumberSuppression.apply(mart, STAGE_TIMELINESS));
    List<String> again = sortedText(SmallNumberSuppression.apply(mart, STAGE_TIMELINESS));
    List<String> shuffled =
        sortedText(SmallNumberSuppression.apply(mart.orderBy(functions.rand(7)).repartition(3), STAGE_TIMELINESS));

    assertThat(again).as("a rerun").isEqualTo(first);
    assertThat(shuffled).as("the rows in another order and partitioning").isEqualTo(first);
    assertThat(first).as("something was suppressed").anyMatch(text -> text.contains("c"));
  }

  static List<String> sortedText(Dataset<Row> suppressed) {
    return suppressed.collectAsList().stream()
        .map(row -> String.join(",", STAGE_TIMELINESS.columnNames().stream().map(c -> shown(row, c)).toList()))
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  static List<String> concat(List<String> names, String last) {
    return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(last)).toList();
  }
}
