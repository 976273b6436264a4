package org.drpwarehouse.ingestion.internal;

import static org.drpwarehouse.schemas.ExchangeColumns.AGREED_DATE;
import static org.drpwarehouse.schemas.ExchangeColumns.EVENT_TYPE;
import static org.drpwarehouse.schemas.ExchangeColumns.OUTCOME;
import static org.drpwarehouse.schemas.ExchangeColumns.STAGE;

import java.util.List;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.Ssda903Columns;

/**
 * The contract's conditional requirements: stage events name a stage ({@code required.stage});
 * extensions and holds carry the agreed date ({@code required.agreed_date}); endings carry an
 * outcome ({@code required.outcome}); an SSDA903 episode that ceased gives its reason ({@code
 * required.rec}).
 */
final class ConditionalValuesRule implements RecordRule {
  @Override
  public void check(RecordSpec spec, RawRecord record, List<Violation> violations) {
    if (spec == ExchangeFormat.DISPUTE_EVENTS) {
      EventType type = eventType(record.value(EVENT_TYPE));
      if (type == null) {
        return; // the code rule reports an unknown event type
      }
      if (type.stageRequired() && !record.has(STAGE)) {
        violations.add(new Violation(STAGE, "required.stage", "stage is empty; a " + type + " event must name its stage"));
      }
      if (type.agreedDateRequired() && !record.has(AGREED_DATE)) {
        violations.add(
            new Violation(AGREED_DATE, "required.agreed_date", "agreed_date is empty; a " + type + " event must give the agreed date"));
      }
      if (type.endsDispute() && !record.has(OUTCOME)) {
        violations.add(new Violation(OUTCOME, "required.outcome", "outcome is empty; a " + type + " event must give the outcome"));
      }
    } else if (spec == Ssda903.EPISODES && record.has(Ssda903Columns.DEC) && !record.has(Ssda903Columns.REC)) {
      violations.add(
          new Violation(Ssda903Columns.REC, "required.rec", "REC is empty; an episode with DEC must give the reason it ceased"));
    }
  }

  private static EventType eventType(String code) {
    try {
      return EventType.valueOf(code.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
