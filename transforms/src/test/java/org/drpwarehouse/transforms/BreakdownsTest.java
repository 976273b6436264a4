package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.Breakdown;
import org.junit.jupiter.api.Test;

class BreakdownsTest {
  private final Dataset<Row> disputes =
      Gold.summaries()
          .row(GoldTables.DISPUTE_ID, "D1", GoldTables.Summary.START_DATE, "2024-05-01", GoldTables.TEAM, "Children in Care 2", GoldTables.RAISED_BY, "iro-a", GoldTables.Summary.THEME, "drift")
          .row(GoldTables.DISPUTE_ID, "D2", GoldTables.Summary.START_DATE, "2024-05-02", GoldTables.TEAM, null, GoldTables.RAISED_BY, "  ")
          .dataset();

  private static List<String> members(Dataset<Row> rows, String dispute, String breakdown) {
    return Frame.all(rows, GoldTables.DISPUTE_ID, dispute, MartTables.BREAKDOWN, breakdown).stream()
        .map(r -> r.getString(r.fieldIndex(MartTables.BREAKDOWN_VALUE)))
        .toList();
  }

  @Test
  void each_dispute_counts_once_in_the_whole_authority_and_once_in_its_team_and_its_iro() {
    Dataset<Row> rows = Breakdowns.apply(disputes, Breakdowns.STANDARD);
    assertThat(rows.count()).as("2 disputes x 3 breakdowns").isEqualTo(6);
    assertThat(members(rows, "D1", Breakdown.ALL)).containsExactly(MartTables.ALL_VALUE);
    assertThat(members(rows, "D1", Breakdown.TEAM)).containsExactly("Children in Care 2");
    assertThat(members(rows, "D1", Breakdown.IRO)).containsExactly("iro-a");
  }

  @Test
  void a_dispute_with_no_team_or_a_blank_iro_counts_under_none() {
    Dataset<Row> rows = Breakdowns.apply(disputes, Breakdowns.STANDARD);
    assertThat(members(rows, "D2", Breakdown.TEAM)).as("no team").containsExactly(Breakdowns.NONE);
    assertThat(members(rows, "D2", Breakdown.IRO)).as("a blank IRO is none").containsExactly(Breakdowns.NONE);
  }

  @Test
  void bypass_patterns_break_down_by_iro_and_theme_not_team() {
    Dataset<Row> rows = Breakdowns.apply(disputes, Breakdowns.BYPASS);
    assertThat(members(rows, "D1", Breakdown.THEME)).containsExactly("drift");
    assertThat(members(rows, "D2", Breakdown.THEME)).containsExactly(Breakdowns.NONE);
    assertThat(members(rows, "D1", Breakdown.TEAM)).isEmpty();
  }

  @Test
  void an_unknown_breakdown_is_refused_with_the_valid_ones() {
    assertThatThrownBy(() -> Breakdowns.apply(disputes, List.of("SERVICE_AREA")))
        .hasMessageContaining("SERVICE_AREA")
        .hasMessageContaining("TEAM");
  }
}
