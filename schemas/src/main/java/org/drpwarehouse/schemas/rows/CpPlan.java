package org.drpwarehouse.schemas.rows;

import java.time.LocalDate;
import java.util.List;

/** One row of {@code cp_plans}: a child protection plan and its review conferences (CIN census). */
public record CpPlan(
    String authority,
    String childId,
    LocalDate planStart,
    LocalDate planEnd,
    String initialCategory,
    List<LocalDate> reviewDates) {}
