package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.List;
import org.drpwarehouse.schemas.rows.Ssda903Episode;
import org.drpwarehouse.schemas.rows.Ssda903Header;
import org.drpwarehouse.schemas.rows.Ssda903Missing;
import org.drpwarehouse.schemas.rows.Ssda903Review;
import org.drpwarehouse.schemas.rows.Ssda903Uasc;

/**
 * A child looked after during the period, with one period of care and its SSDA903 rows.
 *
 * @param careEnd the day care ceased, which may lie after the period (the extract then shows the
 *     last episode as continuing)
 * @param disabled category of need N2: the case sits with the Disabled Children team
 */
record LookedAfterChild(
    Ssda903Header header,
    boolean disabled,
    LocalDate careStart,
    LocalDate careEnd,
    List<Ssda903Episode> episodes,
    List<Ssda903Review> reviews,
    List<Ssda903Missing> missing,
    Ssda903Uasc uasc) {

  String id() {
    return header.child();
  }

  LocalDate dob() {
    return header.dob();
  }

  /** Looked after on {@code date}: from the first day of care up to, not including, the day it ceased. */
  boolean inCareOn(LocalDate date) {
    return !date.isBefore(careStart) && date.isBefore(careEnd);
  }

  int ageOn(LocalDate date) {
    return java.time.Period.between(header.dob(), date).getYears();
  }
}
