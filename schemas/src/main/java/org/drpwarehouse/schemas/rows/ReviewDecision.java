package org.drpwarehouse.schemas.rows;

import java.time.LocalDate;

/** One row of {@code review_decisions}: when a review's decisions were sent and answered. */
public record ReviewDecision(
    String authority,
    String childId,
    LocalDate reviewDate,
    LocalDate decisionsSentDate,
    LocalDate managerResponseDate) {}
