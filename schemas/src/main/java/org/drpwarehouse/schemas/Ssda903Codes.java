package org.drpwarehouse.schemas;

import java.util.List;

/** The SSDA903 code lists the warehouse checks (DfE children looked after return guidance). */
public final class Ssda903Codes {
  private Ssda903Codes() {}

  public static final List<String> SEX = List.of("1", "2");
  public static final List<String> ETHNIC =
      List.of(
          "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN",
          "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
  public static final List<String> MOTHER = List.of("0", "1");
  /** Reason for new episode. */
  public static final List<String> RNE = List.of("S", "L", "P", "T", "U", "B");
  /** Legal status. */
  public static final List<String> LS =
      List.of("C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4");
  /** Category of need. */
  public static final List<String> CIN = List.of("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");
  /** Placement type. */
  public static final List<String> PLACE =
      List.of(
          "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "P4", "R1", "R2", "R3", "R5", "S1",
          "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1");
  public static final List<String> PLACE_PROVIDER = List.of("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");
  /** Reason episode ceased; {@code X1} means the episode continues under a new one. */
  public static final List<String> REC =
      List.of(
          "X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E4A", "E4B", "E41", "E45",
          "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9");
  public static final List<String> REASON_PLACE_CHANGE =
      List.of(
          "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD",
          "OTHER");
  /** The child's participation in the review, PN0 (under 4) to PN7 (no views conveyed). */
  public static final List<String> REVIEW_CODE =
      List.of("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");
  /** M missing, A away from placement without authorisation. */
  public static final List<String> MISSING = List.of("M", "A");
}
