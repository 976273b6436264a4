package org.drpwarehouse.quality;

import org.drpwarehouse.schemas.warehouse.QualityTables.Status;

/**
 * The two levels of a rule: below {@code warn} it warns, below {@code block} it blocks. Both are
 * shares in [0, 1] and {@code block <= warn}; a rule that only warns has no {@code block}.
 *
 * <p>Example: the recording defaults are warn 0.95 and block 0.80, so an authority whose stage
 * openings are 96% on file passes, 90% passes with a warning, and 79% is withheld. An integrity
 * rule warns on one failing record and blocks above 1% ({@link #INTEGRITY}); a duplicate key or a
 * warehouse check blocks on one ({@link #EVERY_RECORD}).
 *
 * @param block {@code null} for a rule that only warns
 */
public record Thresholds(double warn, Double block) {
  /** The recording rules' defaults: warn below 95%, block below 80%. */
  public static final Thresholds RECORDING = new Thresholds(0.95, 0.80);
  /**
   * Integrity: a failing record warns (and is listed); more than 1% of the records in scope failing
   * withholds the authority. The sample generator's deliberately malformed rows that ingestion cannot
   * judge (an event of an unknown dispute, a stage id the policy does not know) stay below it.
   */
  public static final Thresholds INTEGRITY = new Thresholds(1.0, 0.99);
  /** Every record must pass, or the authority is blocked. */
  public static final Thresholds EVERY_RECORD = new Thresholds(1.0, 1.0);
  /** Every record should pass; a failure warns. */
  public static final Thresholds WARN_EVERY_RECORD = new Thresholds(1.0, null);

  public Thresholds {
    if (!(warn >= 0 && warn <= 1)) {
      throw new IllegalArgumentException("Cannot use warning threshold " + warn + ": use a share from 0 to 1");
    }
    if (block != null && !(block >= 0 && block <= 1)) {
      throw new IllegalArgumentException("Cannot use blocking threshold " + block + ": use a share from 0 to 1");
    }
    if (block != null && block > warn) {
      throw new IllegalArgumentException(
          "Cannot block below " + block + " but warn only below " + warn + ": the blocking threshold must not exceed the warning one");
    }
  }

  /** A rule that only warns. */
  public static Thresholds warnOnly(double warn) {
    return new Thresholds(warn, null);
  }

  public boolean blocks() {
    return block != null;
  }

  /** PASS, WARN, BLOCK, or NOT_APPLICABLE for a metric of {@code null} (nothing in scope). */
  public String status(Double metric) {
    if (metric == null) {
      return Status.NOT_APPLICABLE;
    }
    if (block != null && metric < block) {
      return Status.BLOCK;
    }
    return metric < warn ? Status.WARN : Status.PASS;
  }
}
