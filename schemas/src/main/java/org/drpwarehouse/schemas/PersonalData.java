package org.drpwarehouse.schemas;

/**
 * Marks a column that holds personal data, and says what later stages must do with it.
 *
 * <p>The mark travels with the column into its Spark schema (field metadata key {@link
 * #METADATA_KEY}), so that the silver conformance applies the treatment by rule: no stage keeps a
 * list of sensitive columns of its own.
 */
public enum PersonalData {
  NONE(Treatment.KEEP),
  /** A child's id in the case system (SSDA903 {@code CHILD}, {@code child_id}). */
  CHILD_ID(Treatment.PSEUDONYMISE),
  /** A social worker's, IRO's or chair's id. */
  WORKER_ID(Treatment.PSEUDONYMISE),
  /** The child's Unique Pupil Number. */
  UPN(Treatment.PSEUDONYMISE),
  /** A date of birth, or a date derived from one (a UASC's 18th birthday). */
  DATE_OF_BIRTH(Treatment.COARSEN_TO_MONTH),
  /** A full postcode. */
  POSTCODE(Treatment.OUTWARD_CODE),
  /** Narrative text that may name people. */
  FREE_TEXT(Treatment.DROP);

  /** The Spark field-metadata key that carries the mark. */
  public static final String METADATA_KEY = "drp.personal_data";

  /** What leaving bronze does to a column. */
  public enum Treatment {
    KEEP,
    /** Keyed hash (HMAC-SHA256); the key never enters the warehouse. */
    PSEUDONYMISE,
    /** First day of the month. */
    COARSEN_TO_MONTH,
    /** The outward code (the part before the space). */
    OUTWARD_CODE,
    /** Never leaves bronze. */
    DROP
  }

  private final Treatment treatment;

  PersonalData(Treatment treatment) {
    this.treatment = treatment;
  }

  public Treatment treatment() {
    return treatment;
  }

  public boolean isPersonal() {
    return this != NONE;
  }
}
