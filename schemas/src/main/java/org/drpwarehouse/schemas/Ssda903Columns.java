package org.drpwarehouse.schemas;

/** Column names of the SSDA903 files, exactly as DfE spells them in the CSV headers. */
public final class Ssda903Columns {
  private Ssda903Columns() {}

  public static final String CHILD = "CHILD";
  public static final String SEX = "SEX";
  public static final String DOB = "DOB";
  public static final String ETHNIC = "ETHNIC";
  public static final String UPN = "UPN";
  public static final String MOTHER = "MOTHER";
  public static final String MC_DOB = "MC_DOB";
  public static final String DECOM = "DECOM";
  public static final String RNE = "RNE";
  public static final String LS = "LS";
  public static final String CIN = "CIN";
  public static final String PLACE = "PLACE";
  public static final String PLACE_PROVIDER = "PLACE_PROVIDER";
  public static final String DEC = "DEC";
  public static final String REC = "REC";
  public static final String REASON_PLACE_CHANGE = "REASON_PLACE_CHANGE";
  public static final String HOME_POST = "HOME_POST";
  public static final String PL_POST = "PL_POST";
  public static final String URN = "URN";
  public static final String REVIEW = "REVIEW";
  public static final String REVIEW_CODE = "REVIEW_CODE";
  public static final String DUC = "DUC";
  public static final String MISSING = "MISSING";
  public static final String MIS_START = "MIS_START";
  public static final String MIS_END = "MIS_END";
}
