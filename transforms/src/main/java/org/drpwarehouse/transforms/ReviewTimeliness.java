package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.GoldTables.Review;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;

/**
 * Silver SSDA903 {@code episodes} and {@code reviews} to {@link GoldTables#REVIEW_TIMELINESS}: every
 * looked-after review on or before the as-of date, checked against the statutory intervals of the
 * Care Planning, Placement and Case Review (England) Regulations 2010, reg. 33:
 *
 * <ul>
 *   <li>the first review of a period of care within 20 WD of the child becoming looked after:
 *       {@code due(care start, 20)}, the 20th working day after the DECOM of the episode with {@code
 *       RNE = S} that starts the period;
 *   <li>the second within 3 months of the first (calendar months: first + 3 months);
 *   <li>each later one within 6 months of the previous.
 * </ul>
 *
 * <p>Example: care starts Thursday 2024-04-18; the 20th working day after it is Friday 2024-05-17
 * (Monday 6 May is a bank holiday), so a first review on 2024-05-17 is in timescale and one on
 * Monday 2024-05-20 is late. A second review is then due by 2024-08-17: on that day in timescale,
 * on 2024-08-18 late.
 *
 * <p>Periods of care: a new one starts at an episode with {@code RNE = S}, at the child's first
 * episode on record, and after an episode that ceased with a reason other than {@code X1} (the child
 * left care). A review belongs to the latest period started on or before its date. A period whose
 * first episode on record is not an {@code S} episode began before the data: its start is unknown,
 * so its reviews are not assessable (no number, no due date), and neither are reviews before any
 * episode. Numbering counts the reviews on record: a period whose earlier reviews are missing from
 * the data numbers from the first one present.
 *
 * <p>Episodes and reviews after the as-of date do not exist yet; an episode's ending after it is
 * unknown. Working days by joining the calendar dimension. Pure: no actions, no I/O.
 */
public final class ReviewTimeliness {
  /** Reg. 33(a): the first review within 20 working days. */
  public static final int FIRST_REVIEW_WD = 20;
  /** Reg. 33(b): the second within three months of the first. */
  public static final int SECOND_REVIEW_MONTHS = 3;
  /** Reg. 33(c): later ones within six months of the previous. */
  public static final int LATER_REVIEW_MONTHS = 6;
  /** The RNE of an episode that starts a new period of care. */
  static final String NEW_PERIOD = "S";
  /** The REC of an episode that continues under a new one (the child stays in care). */
  static final String CONTINUES = "X1";

  private static final String DATE = "__date";
  private static final String KIND = "__kind";
  private static final String PERIOD = "__period";
  private static final String CURRENT = "__current";
  private static final String PERIOD_START = "__period_start";
  private static final String CARE_START = "__care_start";
  private static final String NUMBER = "__number";
  private static final String FIRST_DUE = "__first_due";
  private static final int PERIOD_STARTS = 0;
  private static final int REVIEWS = 1;

  private ReviewTimeliness() {}

  public static Dataset<Row> apply(
      Dataset<Row> silverEpisodes, Dataset<Row> silverReviews, Dataset<Row> calendar, LocalDate asOf) {
    Column asOfDate = lit(Date.valueOf(asOf));
    Dataset<Row> timeline =
        periodStarts(silverEpisodes, asOfDate)
            .unionByName(reviews(silverReviews, asOfDate), true);
    WindowSpec upToHere =
        Window.partitionBy(SilverSchemas.AUTHORITY, Ssda903Columns.CHILD)
            .orderBy(col(DATE), col(KIND))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> placed =
        timeline
            .withColumn(CURRENT, last(col(PERIOD), true).over(upToHere))
            .where(col(KIND).equalTo(REVIEWS))
            .withColumn(PERIOD_START, col(CURRENT + ".start"))
            .withColumn(CARE_START, col(CURRENT + ".care_start"));
    WindowSpec inPeriod =
        Window.partitionBy(col(SilverSchemas.AUTHORITY), col(Ssda903Columns.CHILD), col(PERIOD_START)).orderBy(col(DATE));
    Dataset<Row> numbered =
        placed
            .withColumn(NUMBER, row_number().over(inPeriod))
            .withColumn(Review.PREVIOUS_REVIEW_DATE, lag(col(DATE), 1).over(inPeriod))
            .withColumn(Review.REVIEW_NUMBER, when(col(CARE_START).isNotNull(), col(NUMBER)));
    Dataset<Row> withFirstDue =
        new WorkingDayArithmetic(calendar).withDue(numbered, CARE_START, lit(FIRST_REVIEW_WD), FIRST_DUE);
    Column number = col(Review.REVIEW_NUMBER);
    Column previous = col(Review.PREVIOUS_REVIEW_DATE);
    Column dueBy =
        when(number.equalTo(1), col(FIRST_DUE))
            .when(number.equalTo(2), add_months(previous, SECOND_REVIEW_MONTHS))
            .when(number.geq(3), add_months(previous, LATER_REVIEW_MONTHS));
    Dataset<Row> judged =
        withFirstDue
            .withColumn(GoldTables.CHILD_ID, col(Ssda903Columns.CHILD))
            .withColumn(Review.REVIEW_DATE, col(DATE))
            .withColumn(Review.REVIEW_CODE, col(Ssda903Columns.REVIEW_CODE))
            .withColumn(Review.CARE_START_DATE, col(CARE_START))
            .withColumn(Review.DUE_BY, dueBy)
            .withColumn(Review.ASSESSABLE, col(Review.DUE_BY).isNotNull())
            .withColumn(Review.IN_TIMESCALE, when(col(Review.ASSESSABLE), col(DATE).leq(col(Review.DUE_BY))))
            .withColumn(GoldTables.AS_OF_DATE, asOfDate);
    return ContractProjection.apply(judged, GoldTables.REVIEW_TIMELINESS);
  }

  /**
   * The episodes that start a period of care, each carrying its period as a struct (start, care
   * start): the care start is known only for an {@code S} episode.
   */
  private static Dataset<Row> periodStarts(Dataset<Row> silverEpisodes, Column asOfDate) {
    Column started = col(Ssda903Columns.DECOM);
    WindowSpec byStart = Window.partitionBy(SilverSchemas.AUTHORITY, Ssda903Columns.CHILD).orderBy(started);
    Column previousReason = lag(col(Ssda903Columns.REC), 1).over(byStart);
    Column newPeriod =
        row_number().over(byStart).equalTo(1)
            .or(col(Ssda903Columns.RNE).equalTo(NEW_PERIOD))
            .or(previousReason.isNotNull().and(previousReason.notEqual(CONTINUES)));
    return silverEpisodes
        .where(started.isNotNull().and(started.leq(asOfDate)))
        .select(
            col(SilverSchemas.AUTHORITY),
            col(Ssda903Columns.CHILD),
            started,
            col(Ssda903Columns.RNE),
            // An ending after the as-of date has not happened yet.
            when(col(Ssda903Columns.DEC).leq(asOfDate), col(Ssda903Columns.REC)).as(Ssda903Columns.REC))
        .withColumn("__new_period", newPeriod)
        .where(col("__new_period"))
        .select(
            col(SilverSchemas.AUTHORITY),
            col(Ssda903Columns.CHILD),
            started.as(DATE),
            lit(PERIOD_STARTS).as(KIND),
            struct(
                    started.as("start"),
                    when(col(Ssda903Columns.RNE).equalTo(NEW_PERIOD), started).as("care_start"))
                .as(PERIOD));
  }

  private static Dataset<Row> reviews(Dataset<Row> silverReviews, Column asOfDate) {
    Column held = col(Ssda903Columns.REVIEW);
    return silverReviews
        .where(held.isNotNull().and(held.leq(asOfDate)))
        .select(
            col(SilverSchemas.AUTHORITY),
            col(Ssda903Columns.CHILD),
            held.as(DATE),
            lit(REVIEWS).as(KIND),
            col(Ssda903Columns.REVIEW_CODE));
  }
}
