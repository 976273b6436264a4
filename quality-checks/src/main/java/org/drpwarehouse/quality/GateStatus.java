package org.drpwarehouse.quality;

/** The gate's verdict, for the whole run or for one authority. */
public enum GateStatus {
  /** Every rule passes. */
  PASS,
  /** Publication goes ahead; some rules warn, or some authorities are withheld. */
  PASS_WITH_WARNINGS,
  /** Nothing may be published (overall), or this authority is withheld (per authority). */
  BLOCKED
}
