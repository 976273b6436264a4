package org.drpwarehouse.schemas.rows;

import java.time.LocalDate;

/** One row of SSDA903 {@code missing.csv}: a period missing or away from placement. */
public record Ssda903Missing(String child, LocalDate dob, String missing, LocalDate misStart, LocalDate misEnd) {}
