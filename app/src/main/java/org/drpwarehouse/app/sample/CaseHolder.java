package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import org.drpwarehouse.schemas.rows.Allocation;

/**
 * Who held a child's case from {@code from} to {@code to} (both included; {@code to} may lie after
 * the period, where the allocation row shows it as current).
 */
record CaseHolder(LocalDate from, LocalDate to, Workforce.Team team, String socialWorker, String iro) {

  boolean covers(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }

  Allocation row(String authority, String child, LocalDate periodEnd) {
    return new Allocation(
        authority, child, team.name(), team.serviceArea(), socialWorker, iro, from, to.isAfter(periodEnd) ? null : to);
  }
}
