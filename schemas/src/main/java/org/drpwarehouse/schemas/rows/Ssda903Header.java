package org.drpwarehouse.schemas.rows;

import java.time.LocalDate;

/** One row of SSDA903 {@code header.csv}: a child looked after. */
public record Ssda903Header(
    String child, String sex, LocalDate dob, String ethnic, String upn, String mother, LocalDate mcDob) {}
