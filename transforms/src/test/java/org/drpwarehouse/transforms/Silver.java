package org.drpwarehouse.transforms;

import static org.drpwarehouse.schemas.Ssda903Columns.DECOM;
import static org.drpwarehouse.schemas.Ssda903Columns.RNE;

import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;

/** Silver inputs built inline from the silver schemas; ids are already pseudonyms there. */
final class Silver {
  private Silver() {}

  static final String CALDERDALE = Gold.CALDERDALE;

  static Frame header() {
    return Frame.of(SilverSchemas.of(Ssda903.HEADER)).defaults(SilverSchemas.AUTHORITY, CALDERDALE);
  }

  static Frame episodes() {
    return Frame.of(SilverSchemas.of(Ssda903.EPISODES)).defaults(SilverSchemas.AUTHORITY, CALDERDALE);
  }

  static Frame reviews() {
    return Frame.of(SilverSchemas.of(Ssda903.REVIEWS)).defaults(SilverSchemas.AUTHORITY, CALDERDALE);
  }

  static Frame reviewDecisions() {
    return Frame.of(SilverSchemas.of(ExchangeFormat.REVIEW_DECISIONS)).defaults(SilverSchemas.AUTHORITY, CALDERDALE);
  }

  /** The column pairs of an episode that starts a new period of care. */
  static Object[] startsCare(String child, String decom) {
    return new Object[] {org.drpwarehouse.schemas.Ssda903Columns.CHILD, child, DECOM, decom, RNE, "S"};
  }
}
