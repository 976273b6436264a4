package org.drpwarehouse.dashboards.report;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * The tables the annual IRO report computes beside the marts: never stored in the warehouse, only
 * suppressed together with the marts of the publication ({@code SmallNumberSuppression.applyAll})
 * and shown. Each is shaped as breakdown rows under an {@code ALL} row, so that suppression ties
 * every breakdown to its total and no withheld count can be worked out by subtraction.
 *
 * <ul>
 *   <li>{@link #EQUALITY}: challenges about looked-after children (CLA) started in a financial
 *       year, by the child's sex, ethnic group and age band at the start (for equality analysis).
 *       Its {@code ALL} row is the {@code disputes} of {@code mart_disputes} (ALL, CLA) for the
 *       same year; the report withholds the whole year's breakdown when that figure is withheld.
 *   <li>{@link #CASELOADS}: IRO caseloads on the last day of a financial year (or the as-of date, if
 *       earlier) from the allocations: IROs holding cases and the cases they held, in all and by
 *       caseload band against the IRO Handbook's suggested 50 to 70 children per IRO.
 * </ul>
 */
public final class ReportTables {
  private ReportTables() {}

  public static final String REPORT = "report";

  /** {@link MartTables#BREAKDOWN} values of these tables (beside {@code ALL}). */
  public static final String SEX = "SEX";
  public static final String ETHNIC_GROUP = "ETHNIC_GROUP";
  public static final String AGE_BAND = "AGE_BAND";
  public static final String CASELOAD_BAND = "CASELOAD_BAND";

  /** Age bands at the start of the challenge, as the DfE's looked-after children statistics band them. */
  public static final List<String> AGE_BANDS = List.of("Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", "Not known");
  public static final List<String> SEXES = List.of("Male", "Female", "Not known");
  public static final List<String> ETHNIC_GROUPS = List.of("White", "Mixed or multiple ethnic groups",
      "Asian or Asian British", "Black, Black British, Caribbean or African", "Other ethnic group",
      "Refused or not obtained");
  /** The IRO Handbook (2010) suggests a caseload of 50 to 70 looked-after children per full-time IRO. */
  public static final int HANDBOOK_LOW = 50;
  public static final int HANDBOOK_HIGH = 70;
  public static final List<String> CASELOAD_BANDS = List.of("Under 50", "50 to 70", "Over 70");

  public static final String DISPUTES = MartTables.DISPUTES;
  public static final String COUNT_DATE = "count_date";
  public static final String IROS = "iros";
  public static final String CASES = "cases";

  public static final TableContract EQUALITY =
      TableContract.builder(REPORT, "equality")
          .grain("authority x breakdown (ALL, SEX, ETHNIC_GROUP, AGE_BAND) x financial year: CLA challenges started")
          .countsIn("a challenge counts in the financial year of its start")
          .key(MartTables.AUTHORITY, MartTables.BREAKDOWN, MartTables.BREAKDOWN_VALUE, MartTables.PERIOD_TYPE, MartTables.PERIOD)
          .required(MartTables.AUTHORITY, StringType, "the local authority code")
          .required(MartTables.BREAKDOWN, StringType, "ALL, SEX, ETHNIC_GROUP or AGE_BAND")
          .required(MartTables.BREAKDOWN_VALUE, StringType, "'all', or the sex, ethnic group or age band")
          .required(MartTables.PERIOD_TYPE, StringType, "FINANCIAL_YEAR")
          .required(MartTables.PERIOD, StringType, "the financial year, e.g. 2024-25")
          .required(MartTables.PERIOD_START, DateType, "1 April of that year")
          .required(DISPUTES, LongType, "CLA challenges started in the year about a child of this group")
          .required(GoldTables.AS_OF_DATE, DateType, "the gold build's as-of date")
          .build();

  public static final TableContract CASELOADS =
      TableContract.builder(REPORT, "iro_caseloads")
          .grain("authority x breakdown (ALL, CASELOAD_BAND) x financial year: IRO caseloads on one day")
          .countsIn("the allocations current on the last day of the year, or on the as-of date if earlier")
          .key(MartTables.AUTHORITY, MartTables.BREAKDOWN, MartTables.BREAKDOWN_VALUE, MartTables.PERIOD_TYPE, MartTables.PERIOD)
          .required(MartTables.AUTHORITY, StringType, "the local authority code")
          .required(MartTables.BREAKDOWN, StringType, "ALL or CASELOAD_BAND")
          .required(MartTables.BREAKDOWN_VALUE, StringType, "'all', or Under 50, 50 to 70, Over 70")
          .required(MartTables.PERIOD_TYPE, StringType, "FINANCIAL_YEAR")
          .required(MartTables.PERIOD, StringType, "the financial year, e.g. 2024-25")
          .required(MartTables.PERIOD_START, DateType, "1 April of that year")
          .required(COUNT_DATE, DateType, "the day counted: 31 March ending the year, or the as-of date if earlier")
          .required(IROS, LongType, "IROs with at least one child allocated on that day")
          .required(CASES, LongType, "children allocated to those IROs on that day (a child counts once per IRO)")
          .required(GoldTables.AS_OF_DATE, DateType, "the gold build's as-of date")
          .build();

  /** Both, in the order the report shows them. */
  public static final List<TableContract> ALL = List.of(EQUALITY, CASELOADS);
}
