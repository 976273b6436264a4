package org.drpwarehouse.schemas;

import static org.drpwarehouse.schemas.ColumnType.DATE_DMY;
import static org.drpwarehouse.schemas.ColumnType.STRING;
import static org.drpwarehouse.schemas.Ssda903Columns.*;

import java.util.List;
import org.drpwarehouse.schemas.rows.Ssda903Episode;
import org.drpwarehouse.schemas.rows.Ssda903Header;
import org.drpwarehouse.schemas.rows.Ssda903Missing;
import org.drpwarehouse.schemas.rows.Ssda903Review;
import org.drpwarehouse.schemas.rows.Ssda903Uasc;

/**
 * The SSDA903 CSV files as DfE publishes them: upper-case headers, dates {@code dd/mm/yyyy}, no
 * authority column (ingestion learns the authority from {@code --authority} or the extract
 * manifest, see {@link ExtractManifest}).
 */
public final class Ssda903 {
  private Ssda903() {}

  private static Column child() {
    return Column.of(CHILD, STRING)
        .required()
        .personal(PersonalData.CHILD_ID)
        .doc("The child's id in the local case system; the same in every 903 file and in disputes.child_id", "566910");
  }

  private static Column dob() {
    return Column.of(DOB, DATE_DMY)
        .required()
        .personal(PersonalData.DATE_OF_BIRTH)
        .doc("Date of birth", "27/03/2008");
  }

  private static Column sex() {
    return Column.of(SEX, STRING).required().codes(Ssda903Codes.SEX).doc("1 male, 2 female", "2");
  }

  public static final RecordSpec HEADER =
      new RecordSpec(
          "header",
          SourceFamily.SSDA903,
          "One row per child looked after during the year.",
          List.of(
              child(),
              sex(),
              dob(),
              Column.of(ETHNIC, STRING).required().codes(Ssda903Codes.ETHNIC).doc("Ethnic origin code", "WBRI"),
              Column.of(UPN, STRING)
                  .personal(PersonalData.UPN)
                  .doc("Unique Pupil Number (or UN1-UN10 where none)", "D051910639385"),
              Column.of(MOTHER, STRING).codes(Ssda903Codes.MOTHER).doc("1 if the child is a mother, else 0 or empty", "0"),
              Column.of(MC_DOB, DATE_DMY)
                  .personal(PersonalData.DATE_OF_BIRTH)
                  .doc("Date of birth of the child's own child, where a mother", "01/02/2024")),
          List.of(CHILD),
          Ssda903Header.class);

  public static final RecordSpec EPISODES =
      new RecordSpec(
          "episodes",
          SourceFamily.SSDA903,
          "One row per episode of care (a change of legal status or placement starts a new one).",
          List.of(
              child(),
              Column.of(DECOM, DATE_DMY).required().doc("Date the episode commenced", "15/02/2016"),
              Column.of(RNE, STRING).required().codes(Ssda903Codes.RNE).doc("Reason for new episode", "S"),
              Column.of(LS, STRING).required().codes(Ssda903Codes.LS).doc("Legal status", "C2"),
              Column.of(CIN, STRING).required().codes(Ssda903Codes.CIN).doc("Category of need", "N1"),
              Column.of(PLACE, STRING).required().codes(Ssda903Codes.PLACE).doc("Placement type", "U1"),
              Column.of(PLACE_PROVIDER, STRING).codes(Ssda903Codes.PLACE_PROVIDER).doc("Placement provider", "PR1"),
              Column.of(DEC, DATE_DMY).doc("Date the episode ceased; empty while it continues", "14/08/2017"),
              Column.of(REC, STRING).requiredWhen("DEC is given").codes(Ssda903Codes.REC).doc("Reason the episode ceased", "X1"),
              Column.of(REASON_PLACE_CHANGE, STRING)
                  .codes(Ssda903Codes.REASON_PLACE_CHANGE)
                  .doc("Reason for a change of placement", "CARPL"),
              Column.of(HOME_POST, STRING).personal(PersonalData.POSTCODE).doc("Postcode of the child's home", "EG19 7TT"),
              Column.of(PL_POST, STRING).personal(PersonalData.POSTCODE).doc("Postcode of the placement", "WV27 9FW"),
              Column.of(URN, STRING).doc("Ofsted URN of the placement provider (or XXXXXXX)", "4244474")),
          List.of(CHILD, DECOM),
          Ssda903Episode.class);

  public static final RecordSpec REVIEWS =
      new RecordSpec(
          "reviews",
          SourceFamily.SSDA903,
          "One row per looked-after review held.",
          List.of(
              child(),
              dob(),
              Column.of(REVIEW, DATE_DMY).required().doc("Date of the review", "30/08/2017"),
              Column.of(REVIEW_CODE, STRING)
                  .required()
                  .codes(Ssda903Codes.REVIEW_CODE)
                  .doc("Participation code PN0-PN7", "PN1")),
          List.of(CHILD, REVIEW),
          Ssda903Review.class);

  public static final RecordSpec UASC =
      new RecordSpec(
          "uasc",
          SourceFamily.SSDA903,
          "Optional. One row per unaccompanied asylum-seeking child.",
          List.of(
              child(),
              sex(),
              dob(),
              Column.of(DUC, DATE_DMY)
                  .required()
                  .personal(PersonalData.DATE_OF_BIRTH)
                  .doc("Date UASC status ceased (usually the 18th birthday)", "13/10/2028")),
          List.of(CHILD),
          Ssda903Uasc.class);

  public static final RecordSpec MISSING_EPISODES =
      new RecordSpec(
          "missing",
          SourceFamily.SSDA903,
          "Optional. One row per period missing (M) or away without authorisation (A).",
          List.of(
              child(),
              dob(),
              Column.of(MISSING, STRING).required().codes(Ssda903Codes.MISSING).doc("M missing, A away", "M"),
              Column.of(MIS_START, DATE_DMY).required().doc("Start of the period", "13/11/2017"),
              Column.of(MIS_END, DATE_DMY).doc("End of the period; empty while it continues", "25/11/2017")),
          List.of(CHILD, MIS_START),
          Ssda903Missing.class);

  /** Every SSDA903 file, required ones first. */
  public static final List<RecordSpec> ALL = List.of(HEADER, EPISODES, REVIEWS, UASC, MISSING_EPISODES);

  /** The files an extract must have; {@code uasc} and {@code missing} are optional. */
  public static final List<RecordSpec> REQUIRED_FILES = List.of(HEADER, EPISODES, REVIEWS);
}
