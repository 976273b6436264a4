package org.drpwarehouse.app.sample;

import java.util.List;

/**
 * Code mixes for SSDA903 rows, shaped after the national children-looked-after statistics
 * (mostly white British, mostly fostered, abuse or neglect the main need, C2 and V2 the main legal
 * statuses) rather than spread evenly, so that dashboards built on the sample look plausible.
 */
final class Ssda903Mix {
  private Ssda903Mix() {}

  static final Weighted<String> ETHNIC =
      Weighted.<String>builder()
          .add("WBRI", 63).add("WIRI", 0.5).add("WIRT", 1).add("WOTH", 5).add("WROM", 1)
          .add("MWBC", 3).add("MWBA", 1).add("MWAS", 1).add("MOTH", 3).add("AIND", 1)
          .add("APKN", 1.5).add("ABAN", 0.5).add("AOTH", 2).add("BCRB", 1.5).add("BAFR", 3.5)
          .add("BOTH", 2).add("CHNE", 0.2).add("OOTH", 5).add("REFU", 0.5).add("NOBT", 0.3)
          .build();

  /** Unaccompanied asylum-seeking children arrive mostly from a few regions. */
  static final Weighted<String> ETHNIC_UASC =
      Weighted.<String>builder()
          .add("OOTH", 30).add("AOTH", 25).add("BAFR", 20).add("BOTH", 10).add("MOTH", 5).add("APKN", 5)
          .add("REFU", 5)
          .build();

  /** Category of need; N2 (disability) routes the case to the Disabled Children team. */
  static final Weighted<String> CIN =
      Weighted.<String>builder()
          .add("N1", 63).add("N2", 4).add("N3", 3).add("N4", 8).add("N5", 14).add("N6", 2).add("N7", 0.2)
          .add("N8", 6)
          .build();

  static final Weighted<String> LEGAL_STATUS_AT_ENTRY =
      Weighted.<String>builder()
          .add("C1", 35).add("V2", 32).add("C2", 10).add("L1", 5).add("L2", 6).add("J1", 1).add("J2", 2)
          .add("J3", 1)
          .build();

  /** Reason for a new episode after the first, which is always S. */
  static final Weighted<String> CHANGE =
      Weighted.<String>builder().add("P", 55).add("L", 25).add("T", 12).add("U", 5).add("B", 3).build();

  static final Weighted<String> PLACE_UNDER_1 =
      Weighted.<String>builder()
          .add("U6", 40).add("U4", 15).add("U3", 10).add("U5", 5).add("U1", 5).add("R3", 8).add("P1", 10)
          .build();
  static final Weighted<String> PLACE_1_TO_9 =
      Weighted.<String>builder()
          .add("U6", 35).add("U4", 25).add("U3", 14).add("U1", 8).add("P1", 8).add("K2", 2).add("U2", 1)
          .build();
  static final Weighted<String> PLACE_10_TO_15 =
      Weighted.<String>builder()
          .add("U6", 28).add("U4", 25).add("U3", 8).add("U1", 5).add("K2", 18).add("K1", 2).add("S1", 3)
          .add("P1", 5).add("T2", 1)
          .build();
  static final Weighted<String> PLACE_16_17 =
      Weighted.<String>builder()
          .add("U6", 15).add("U4", 15).add("H5", 30).add("K2", 14).add("P2", 10).add("U3", 4).add("P1", 4)
          .add("Z1", 2)
          .build();
  static final Weighted<String> PLACE_ADOPTION =
      Weighted.<String>builder().add("A5", 50).add("A6", 30).add("A3", 10).add("A4", 10).build();
  static final Weighted<String> PLACE_REMAND =
      Weighted.<String>builder().add("K1", 40).add("R5", 30).add("U6", 30).build();

  static final Weighted<String> PROVIDER_FOSTER =
      Weighted.<String>builder().add("PR1", 55).add("PR4", 40).add("PR5", 5).build();
  static final Weighted<String> PROVIDER_RESIDENTIAL =
      Weighted.<String>builder().add("PR4", 65).add("PR1", 20).add("PR5", 10).add("PR2", 5).build();
  static final Weighted<String> PROVIDER_ADOPTION =
      Weighted.<String>builder().add("PR1", 60).add("PR2", 25).add("PR5", 15).build();

  static final Weighted<String> REASON_PLACE_CHANGE =
      Weighted.<String>builder()
          .add("CARPL", 30).add("CREQB", 12).add("CREQO", 10).add("CHILD", 8).add("LAREQ", 8).add("PLACE", 5)
          .add("STAND", 3).add("ALLEG", 3).add("APPRR", 2).add("CLOSE", 4).add("OTHER", 10)
          .build();

  /** Why care ended on the 18th birthday. */
  static final Weighted<String> REC_AT_18 =
      Weighted.<String>builder().add("E17", 30).add("E7", 30).add("E3", 25).add("E5", 5).add("E8", 10).build();
  static final Weighted<String> REC_ADOPTED = Weighted.<String>builder().add("E11", 70).add("E12", 30).build();
  static final Weighted<String> REC_OTHER =
      Weighted.<String>builder()
          .add("E4A", 45).add("E13", 12).add("E45", 8).add("E46", 4).add("E41", 4).add("E8", 10).add("E4B", 5)
          .add("E48", 2)
          .build();

  /** Participation in the review, for children of 4 and over (PN0 is for under-4s). */
  static final Weighted<String> PARTICIPATION =
      Weighted.<String>builder()
          .add("PN1", 40).add("PN2", 5).add("PN3", 5).add("PN4", 3).add("PN5", 12).add("PN6", 25).add("PN7", 10)
          .build();

  /** Placement codes that have no Ofsted-registered provider, so URN is XXXXXXX. */
  static final List<String> NO_URN = List.of("P1", "P2", "U1", "U2", "U3", "Z1", "T2");

  static Weighted<String> placeFor(int age) {
    if (age < 1) {
      return PLACE_UNDER_1;
    }
    if (age < 10) {
      return PLACE_1_TO_9;
    }
    return age < 16 ? PLACE_10_TO_15 : PLACE_16_17;
  }

  static Weighted<String> providerFor(String place) {
    if (place.startsWith("A")) {
      return PROVIDER_ADOPTION;
    }
    if (place.startsWith("U")) {
      return PROVIDER_FOSTER;
    }
    return PROVIDER_RESIDENTIAL;
  }
}
