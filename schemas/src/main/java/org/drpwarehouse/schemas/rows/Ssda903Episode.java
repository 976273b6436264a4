package org.drpwarehouse.schemas.rows;

import java.time.LocalDate;

/** One row of SSDA903 {@code episodes.csv}: a period of care with one legal status and placement. */
public record Ssda903Episode(
    String child,
    LocalDate decom,
    String rne,
    String ls,
    String cin,
    String place,
    String placeProvider,
    LocalDate dec,
    String rec,
    String reasonPlaceChange,
    String homePost,
    String plPost,
    String urn) {}
