package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.Ssda903Columns.CHILD;
import static org.drpwarehouse.schemas.Ssda903Columns.DEC;
import static org.drpwarehouse.schemas.Ssda903Columns.DECOM;
import static org.drpwarehouse.schemas.Ssda903Columns.DOB;
import static org.drpwarehouse.schemas.Ssda903Columns.ETHNIC;
import static org.drpwarehouse.schemas.Ssda903Columns.LS;
import static org.drpwarehouse.schemas.Ssda903Columns.PLACE;
import static org.drpwarehouse.schemas.Ssda903Columns.REC;
import static org.drpwarehouse.schemas.Ssda903Columns.RNE;
import static org.drpwarehouse.schemas.Ssda903Columns.SEX;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.SilverTables;
import org.drpwarehouse.schemas.warehouse.SilverTables.Child;
import org.junit.jupiter.api.Test;

class ChildrenTest {
  private final Frame header =
      Silver.header()
          .row(CHILD, "a", SEX, "2", DOB, "2008-03-01", ETHNIC, "WBRI")
          .row(CHILD, "never-in-care", SEX, "1", DOB, "2012-11-01", ETHNIC, "MWBC");
  private final Frame episodes =
      Silver.episodes()
          .row(CHILD, "a", DECOM, "2023-01-10", RNE, "S", LS, "C2", PLACE, "U1", DEC, "2023-06-01", REC, "X1")
          .row(CHILD, "a", DECOM, "2023-06-01", RNE, "P", LS, "C2", PLACE, "K2", DEC, "2024-09-30", REC, "E11")
          .row(CHILD, "no-header", DECOM, "2024-02-01", RNE, "S", LS, "V2", PLACE, "U3");

  private Dataset<Row> asOf(String date) {
    return Children.apply(header.dataset(), episodes.dataset(), LocalDate.parse(date));
  }

  private static Row child(Dataset<Row> children, String id) {
    return Frame.only(children, GoldTables.CHILD_ID, id);
  }

  @Test
  void a_child_whose_latest_episode_ends_after_the_as_of_date_is_still_looked_after() {
    Row a = child(asOf("2024-06-30"), "a");
    assertThat(Frame.value(a, Child.LOOKED_AFTER_AT_AS_OF)).isEqualTo(true);
    assertThat(Frame.value(a, Child.EPISODES)).isEqualTo(2);
    assertThat(Frame.value(a, Child.FIRST_CARE_START)).isEqualTo(LocalDate.parse("2023-01-10"));
    assertThat(Frame.value(a, Child.LATEST_CARE_START)).as("the placement change is not a new period").isEqualTo(LocalDate.parse("2023-01-10"));
    assertThat(Frame.value(a, Child.LATEST_EPISODE_START)).isEqualTo(LocalDate.parse("2023-06-01"));
    assertThat(Frame.value(a, Child.LATEST_PLACEMENT)).isEqualTo("K2");
    assertThat(Frame.value(a, Child.LATEST_EPISODE_END)).as("the ending on 2024-09-30 has not happened yet").isNull();
    assertThat(Frame.value(a, Child.LATEST_REASON_CEASED)).isNull();
  }

  @Test
  void a_child_whose_latest_episode_ceased_by_the_as_of_date_has_left_care() {
    Row a = child(asOf("2024-12-31"), "a");
    assertThat(Frame.value(a, Child.LOOKED_AFTER_AT_AS_OF)).isEqualTo(false);
    assertThat(Frame.value(a, Child.LATEST_EPISODE_END)).isEqualTo(LocalDate.parse("2024-09-30"));
    assertThat(Frame.value(a, Child.LATEST_REASON_CEASED)).isEqualTo("E11");
  }

  @Test
  void demographics_come_from_the_header_with_the_month_of_birth_only() {
    Row a = child(asOf("2024-02-15"), "a");
    assertThat(Frame.value(a, Child.SEX)).isEqualTo("2");
    assertThat(Frame.value(a, Child.ETHNICITY)).isEqualTo("WBRI");
    assertThat(Frame.value(a, Child.DOB_MONTH)).isEqualTo(LocalDate.parse("2008-03-01"));
    assertThat(Frame.value(a, Child.AGE_AT_AS_OF)).as("born March 2008: 15 in February 2024").isEqualTo(15);
    assertThat(Frame.value(child(asOf("2024-03-15"), "a"), Child.AGE_AT_AS_OF)).as("16 from March 2024").isEqualTo(16);
  }

  @Test
  void children_only_in_the_header_or_only_in_the_episodes_are_kept() {
    Dataset<Row> children = asOf("2024-06-30");
    assertThat(children.count()).isEqualTo(3);
    Row neverInCare = child(children, "never-in-care");
    assertThat(Frame.value(neverInCare, Child.EPISODES)).isEqualTo(0);
    assertThat(Frame.value(neverInCare, Child.LOOKED_AFTER_AT_AS_OF)).isEqualTo(false);
    Row noHeader = child(children, "no-header");
    assertThat(Frame.value(noHeader, Child.SEX)).isNull();
    assertThat(Frame.value(noHeader, GoldTables.AUTHORITY)).isEqualTo(Silver.CALDERDALE);
    assertThat(Frame.value(noHeader, Child.LATEST_LEGAL_STATUS)).isEqualTo("V2");
    assertThat(Frame.value(noHeader, Child.LOOKED_AFTER_AT_AS_OF)).isEqualTo(true);
  }

  @Test
  void episodes_after_the_as_of_date_do_not_exist_yet() {
    Row a = child(asOf("2023-03-31"), "a");
    assertThat(Frame.value(a, Child.EPISODES)).isEqualTo(1);
    assertThat(Frame.value(a, Child.LATEST_PLACEMENT)).isEqualTo("U1");
    assertThat(Frame.all(asOf("2023-03-31"), GoldTables.CHILD_ID, "no-header"))
        .as("a child known only from an episode starting after the as-of date is not there yet")
        .isEmpty();
  }

  @Test
  void the_output_is_the_children_contract() {
    assertThat(asOf("2024-06-30").schema()).isEqualTo(SilverTables.CHILDREN.schema());
  }
}
