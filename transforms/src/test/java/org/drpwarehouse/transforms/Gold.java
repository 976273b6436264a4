package org.drpwarehouse.transforms;

import static org.drpwarehouse.schemas.warehouse.GoldTables.AS_OF_DATE;
import static org.drpwarehouse.schemas.warehouse.GoldTables.AUTHORITY;

import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.EndReason;
import org.drpwarehouse.schemas.warehouse.GoldTables.ResponseStatus;
import org.drpwarehouse.schemas.warehouse.GoldTables.Summary;
import org.drpwarehouse.schemas.warehouse.GoldTables.Visit;

/** Gold inputs of the marts, built inline from the gold contracts, as of {@value #AS_OF}. */
final class Gold {
  private Gold() {}

  static final String AS_OF = "2025-03-31";
  static final String CALDERDALE = "381";
  static final String LAMBETH = "208";

  static Frame visits() {
    return Frame.of(GoldTables.STAGE_VISITS)
        .defaults(
            AUTHORITY, CALDERDALE,
            GoldTables.PROCESS, "CLA",
            Visit.STAGE_KNOWN, true,
            Visit.END_REASON, EndReason.OPEN,
            Visit.RESPONSE_STATUS, ResponseStatus.PENDING,
            AS_OF_DATE, AS_OF);
  }

  static Frame summaries() {
    return Frame.of(GoldTables.DISPUTE_SUMMARY)
        .defaults(
            AUTHORITY, CALDERDALE,
            GoldTables.PROCESS, "CLA",
            Summary.THEME_MAPPED, true,
            Summary.VISITS, 1,
            Summary.STATUS, GoldTables.CLOSED,
            AS_OF_DATE, AS_OF);
  }

  static Frame reviews() {
    return Frame.of(GoldTables.REVIEW_TIMELINESS).defaults(AUTHORITY, CALDERDALE, AS_OF_DATE, AS_OF);
  }

  static Frame decisions() {
    return Frame.of(GoldTables.REVIEW_DECISIONS).defaults(AUTHORITY, CALDERDALE, AS_OF_DATE, AS_OF);
  }
}
