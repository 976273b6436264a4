package org.drpwarehouse.schemas.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;

/**
 * The silver tables derived from other silver tables rather than conformed from one bronze record
 * (those are {@link SilverSchemas}).
 *
 * <pre>
 * WAREHOUSE/silver/children    one row per child in the SSDA903 header or episodes    {@link #CHILDREN}
 * </pre>
 *
 * <p>{@link #CHILDREN} links a dispute to the child it is about ({@code (authority, child_id)} is the
 * same pseudonym in SSDA903 and in {@code disputes.child_id}) and carries what equality analysis
 * needs: sex, month of birth, ethnicity and the child's care history as of the build's date. No raw
 * id and no full date of birth reach it.
 */
public final class SilverTables {
  private SilverTables() {}

  public static final String SILVER = SilverSchemas.SILVER;

  /** {@link #CHILDREN} columns ({@link GoldTables#AUTHORITY}, {@link GoldTables#CHILD_ID} beside them). */
  public static final class Child {
    private Child() {}

    public static final String SEX = "sex";
    public static final String DOB_MONTH = "dob_month";
    public static final String AGE_AT_AS_OF = "age_at_as_of";
    public static final String ETHNICITY = "ethnicity";
    public static final String EPISODES = "episodes";
    public static final String FIRST_EPISODE_START = "first_episode_start";
    public static final String FIRST_CARE_START = "first_care_start";
    public static final String LATEST_CARE_START = "latest_care_start";
    public static final String LATEST_EPISODE_START = "latest_episode_start";
    public static final String LATEST_EPISODE_END = "latest_episode_end";
    public static final String LATEST_LEGAL_STATUS = "latest_legal_status";
    public static final String LATEST_PLACEMENT = "latest_placement";
    public static final String LATEST_REASON_CEASED = "latest_reason_ceased";
    public static final String LOOKED_AFTER_AT_AS_OF = "looked_after_at_as_of";
  }

  public static final TableContract CHILDREN =
      TableContract.builder(SILVER, "children")
          .grain("one row per child of an authority in the SSDA903 header or episodes; episodes after the as-of date are ignored")
          .key(GoldTables.AUTHORITY, GoldTables.CHILD_ID)
          .required(GoldTables.AUTHORITY, StringType, "the local authority code")
          .required(GoldTables.CHILD_ID, StringType, "the child's pseudonym: SSDA903 CHILD, the same as disputes.child_id")
          .column(Child.SEX, StringType, "SSDA903 SEX: 1 male, 2 female; null when the child is in episodes but not in the header")
          .column(Child.DOB_MONTH, DateType, "the first day of the month of birth (silver keeps no full date of birth)")
          .column(Child.AGE_AT_AS_OF, IntegerType, "whole years from the month of birth to the as-of date (counted from the first of the birth month, so it may read one year high during the birth month)")
          .column(Child.ETHNICITY, StringType, "SSDA903 ETHNIC code (WBRI, MWBC, ...)")
          .required(Child.EPISODES, IntegerType, "episodes of care starting on or before the as-of date (0 when none)")
          .column(Child.FIRST_EPISODE_START, DateType, "the earliest DECOM on record")
          .column(Child.FIRST_CARE_START, DateType, "the earliest DECOM of an episode with RNE = S (a new period of care); null when no period's start is on record")
          .column(Child.LATEST_CARE_START, DateType, "the DECOM of the latest episode with RNE = S: the start of the child's latest period of care on record")
          .column(Child.LATEST_EPISODE_START, DateType, "the DECOM of the latest episode")
          .column(Child.LATEST_EPISODE_END, DateType, "the DEC of the latest episode; null while it continues at the as-of date")
          .column(Child.LATEST_LEGAL_STATUS, StringType, "the LS of the latest episode (C2, E1, V2, ...)")
          .column(Child.LATEST_PLACEMENT, StringType, "the PLACE of the latest episode (U1, K2, ...)")
          .column(Child.LATEST_REASON_CEASED, StringType, "the REC of the latest episode; null while it continues at the as-of date")
          .required(Child.LOOKED_AFTER_AT_AS_OF, BooleanType, "the latest episode had started and not ceased (or ceased with X1, continuing under a new episode) at the as-of date")
          .required(GoldTables.AS_OF_DATE, DateType, "the build's as-of date")
          .build();

  /** Every derived silver table. */
  public static final List<TableContract> DERIVED = List.of(CHILDREN);
}
