package org.drpwarehouse.schemas.rows;

import java.time.LocalDate;

/** One row of SSDA903 {@code uasc.csv}: an unaccompanied asylum-seeking child. */
public record Ssda903Uasc(String child, String sex, LocalDate dob, LocalDate duc) {}
