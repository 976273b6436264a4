package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.List;
import org.drpwarehouse.schemas.rows.CpPlan;

/**
 * A child on a child protection plan during the period (not looked after: a separate id range).
 *
 * @param planEnds the true end of each plan, same order as {@code plans}; it may lie after the
 *     period, where the row shows the plan as continuing
 */
record ProtectedChild(String id, LocalDate dob, List<CpPlan> plans, List<LocalDate> planEnds) {

  /** On a plan on {@code date}: from the plan start up to, not including, the day it ended. */
  boolean onPlanOn(LocalDate date) {
    for (int i = 0; i < plans.size(); i++) {
      if (!date.isBefore(plans.get(i).planStart()) && date.isBefore(planEnds.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** The latest review conference on or before {@code date}, or {@code null}. */
  LocalDate lastConferenceOnOrBefore(LocalDate date) {
    LocalDate last = null;
    for (CpPlan plan : plans) {
      for (LocalDate review : plan.reviewDates()) {
        if (!review.isAfter(date) && (last == null || review.isAfter(last))) {
          last = review;
        }
      }
    }
    return last;
  }
}
