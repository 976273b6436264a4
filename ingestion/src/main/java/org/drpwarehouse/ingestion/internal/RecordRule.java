package org.drpwarehouse.ingestion.internal;

import java.util.List;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.schemas.RecordSpec;

/** One contract rule a source record must follow; adds a {@link Violation} per breach. */
interface RecordRule {
  void check(RecordSpec spec, RawRecord record, List<Violation> violations);
}
