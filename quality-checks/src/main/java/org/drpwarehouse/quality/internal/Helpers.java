package org.drpwarehouse.quality.internal;

/**
 * The helper columns the preparation transforms add to a frame before the suites run, so that every
 * rule is a predicate over one row. They start with an underscore and never reach any output.
 */
public final class Helpers {
  private Helpers() {}

  /** How many rows of the frame share this row's key (1 when the key is unique). */
  public static final String KEY_COUNT = "_key_count";
  /** The as-of date the gate checks, on every gold row. */
  public static final String GATE_AS_OF = "_gate_as_of";
  /** disputes: the child is among the authority's SSDA903 children (header). */
  public static final String IN_SSDA903 = "_in_ssda903";
  /** disputes: the child is in the authority's SSDA903 header, CP plans or allocations. */
  public static final String CHILD_KNOWN = "_child_known";
  /** disputes: the dispute has a STAGE_OPENED on or before the as-of date. */
  public static final String OPENED_BY_AS_OF = "_opened_by_as_of";
  /** disputes: gold has a summary row for the dispute. */
  public static final String IN_GOLD = "_in_gold";
  /** dispute_events: the event's dispute is in silver disputes. */
  public static final String DISPUTE_EXISTS = "_dispute_exists";
  /** dispute_events: the date of the dispute's first STAGE_OPENED. */
  public static final String FIRST_OPENING = "_first_opening";
  /** dispute_events: the day the event's record was loaded into bronze. */
  public static final String LOADED_ON = "_loaded_on";
}
