package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.schemas.warehouse.GoldTables.DISPUTE_ID;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_INFORMED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_INFORM_REQUIRED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_NOTICE_COMPLIANT;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_NOTICE_REQUIRED_WD;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CAFCASS_REFERRAL_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.CHILD_INFORMED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.ENDING_ON_FILE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.END_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.FORMAL_START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.FORMS_ATTACHED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.OPENINGS_ON_FILE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.START_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Summary.STATUS;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.BYPASS;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.CONSULTATION_REQUIRED;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.CONSULTED_BEFORE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.OPENED_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.Visit.VISIT_NUMBER;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.policy.PolicyRules;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.MartTables.Breakdown;
import org.drpwarehouse.schemas.warehouse.MartTables.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One instance for all tests: the mart is built and collected once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingMartTest {
  private final Dataset<Row> visits =
      Gold.visits()
          .row(DISPUTE_ID, "D1", VISIT_NUMBER, 1, OPENED_DATE, "2024-04-02", BYPASS, true, CONSULTATION_REQUIRED, true, CONSULTED_BEFORE, false)
          .row(DISPUTE_ID, "D2", VISIT_NUMBER, 1, OPENED_DATE, "2024-05-02")
          .row(DISPUTE_ID, "D2", VISIT_NUMBER, 2, OPENED_DATE, "2024-05-09", BYPASS, true)
          .dataset();
  private final Dataset<Row> summary =
      Gold.summaries()
          .row(DISPUTE_ID, "D1", START_DATE, "2024-04-02", OPENINGS_ON_FILE, true, FORMAL_START_DATE, "2024-04-02",
              FORMS_ATTACHED, false, END_DATE, "2024-04-30", ENDING_ON_FILE, true, CAFCASS_REFERRAL_DATE, "2024-04-25",
              CAFCASS_NOTICE_REQUIRED_WD, 2, CAFCASS_NOTICE_COMPLIANT, true, CAFCASS_INFORM_REQUIRED, List.of("DCS"),
              CAFCASS_INFORMED, true)
          .row(DISPUTE_ID, "D2", START_DATE, "2024-05-02", STATUS, GoldTables.OPEN, FORMS_ATTACHED, true, CHILD_INFORMED, true)
          .dataset();
  private final Dataset<Row> mart = RecordingMart.apply(visits, summary);

  private Map<String, List<Long>> q1() {
    return Frame.all(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD_TYPE, PeriodType.QUARTER, MartTables.PERIOD, "2024-25 Q1")
        .stream()
        .collect(Collectors.toMap(
            r -> r.getString(r.fieldIndex(MartTables.REQUIREMENT)),
            r -> List.of(Frame.count(r, MartTables.APPLICABLE), Frame.count(r, MartTables.MET))));
  }

  @Test
  void each_requirement_counts_the_disputes_it_applies_to_and_those_meeting_it() {
    assertThat(q1())
        .as("requirement -> [applicable, met]")
        .containsOnly(
            Map.entry(PolicyRules.STAGE_ON_FILE, List.of(2L, 1L)),
            Map.entry(PolicyRules.FORM_ATTACHED, List.of(1L, 0L)),
            Map.entry(PolicyRules.ENDING_ON_FILE, List.of(1L, 1L)),
            Map.entry(PolicyRules.CHILD_INFORMED, List.of(2L, 1L)),
            Map.entry(PolicyRules.BYPASS_CONSULTATION, List.of(1L, 0L)),
            Map.entry(PolicyRules.CAFCASS_NOTICE, List.of(1L, 1L)),
            Map.entry(PolicyRules.CAFCASS_INFORM, List.of(1L, 1L)));
  }

  @Test
  void a_bypass_under_a_policy_that_asks_for_no_consultation_is_not_judged() {
    Row may = Frame.only(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD, "2024-05",
        MartTables.REQUIREMENT, PolicyRules.BYPASS_CONSULTATION);
    assertThat(Frame.count(may, MartTables.APPLICABLE)).as("D2's bypass needed no consultation").isZero();
    Row mayForms = Frame.only(mart, MartTables.BREAKDOWN, Breakdown.ALL, MartTables.PERIOD, "2024-05",
        MartTables.REQUIREMENT, PolicyRules.FORM_ATTACHED);
    assertThat(Frame.count(mayForms, MartTables.APPLICABLE)).as("no formal stage, no form").isZero();
  }

  @Test
  void the_output_is_the_mart_recording_contract() {
    assertThat(mart.schema()).isEqualTo(MartTables.RECORDING.schema());
  }
}
