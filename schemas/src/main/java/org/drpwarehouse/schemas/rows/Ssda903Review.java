package org.drpwarehouse.schemas.rows;

import java.time.LocalDate;

/** One row of SSDA903 {@code reviews.csv}: a looked-after review and the child's participation. */
public record Ssda903Review(String child, LocalDate dob, LocalDate review, String reviewCode) {}
