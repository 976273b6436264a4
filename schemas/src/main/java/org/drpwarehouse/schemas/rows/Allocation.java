package org.drpwarehouse.schemas.rows;

import java.time.LocalDate;

/** One row of {@code allocations}: who held a child's case, over which dates. */
public record Allocation(
    String authority,
    String childId,
    String team,
    String serviceArea,
    String socialWorkerId,
    String iroId,
    LocalDate fromDate,
    LocalDate toDate) {}
