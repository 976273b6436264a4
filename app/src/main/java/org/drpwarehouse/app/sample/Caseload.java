package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.schemas.rows.Allocation;

/**
 * One authority's children (looked after and on protection plans) and who holds each case: what
 * the dispute generator draws children, IROs and teams from. Held for one authority at a time.
 */
final class Caseload {
  private final List<LookedAfterChild> lookedAfter;
  private final List<ProtectedChild> protectedChildren;
  private final Workforce workforce;
  /** Lookup only, never iterated: output order comes from the child lists. */
  private final Map<String, List<CaseHolder>> holders = new HashMap<>();

  Caseload(List<LookedAfterChild> lookedAfter, List<ProtectedChild> protectedChildren, Workforce workforce, Dice dice) {
    this.lookedAfter = List.copyOf(lookedAfter);
    this.protectedChildren = List.copyOf(protectedChildren);
    this.workforce = workforce;
    for (LookedAfterChild child : lookedAfter) {
      holders.put(child.id(), CaseAllocations.lookedAfter(child, workforce, dice));
    }
    for (ProtectedChild child : protectedChildren) {
      holders.put(child.id(), CaseAllocations.protectedChild(child, workforce, dice));
    }
  }

  List<LookedAfterChild> lookedAfter() {
    return lookedAfter;
  }

  List<ProtectedChild> protectedChildren() {
    return protectedChildren;
  }

  Workforce workforce() {
    return workforce;
  }

  /** Who held the case on {@code date}, or {@code null}. */
  CaseHolder holderOn(String child, LocalDate date) {
    for (CaseHolder holder : holders.getOrDefault(child, List.of())) {
      if (holder.covers(date)) {
        return holder;
      }
    }
    return null;
  }

  /** A child in care on {@code date}, or {@code null} where there is none. */
  LookedAfterChild anyInCare(LocalDate date, Dice dice) {
    if (lookedAfter.isEmpty()) {
      return null;
    }
    // Rejection sampling: about one child in three of the period's is in care on a given day.
    for (int attempt = 0; attempt < 60; attempt++) {
      LookedAfterChild child = dice.pick(lookedAfter);
      if (child.inCareOn(date)) {
        return child;
      }
    }
    List<LookedAfterChild> inCare = lookedAfter.stream().filter(c -> c.inCareOn(date)).toList();
    return inCare.isEmpty() ? null : dice.pick(inCare);
  }

  /** A child on a protection plan on {@code date}, or {@code null}. */
  ProtectedChild anyOnPlan(LocalDate date, Dice dice) {
    if (protectedChildren.isEmpty()) {
      return null;
    }
    for (int attempt = 0; attempt < 60; attempt++) {
      ProtectedChild child = dice.pick(protectedChildren);
      if (child.onPlanOn(date)) {
        return child;
      }
    }
    List<ProtectedChild> onPlan = protectedChildren.stream().filter(c -> c.onPlanOn(date)).toList();
    return onPlan.isEmpty() ? null : dice.pick(onPlan);
  }

  /** Allocation rows overlapping the period, by child (looked-after ids sort before protection ids), then date. */
  List<Allocation> allocationRows(Authority authority) {
    List<Allocation> rows = new ArrayList<>();
    for (LookedAfterChild child : lookedAfter) {
      addRows(rows, authority, child.id());
    }
    for (ProtectedChild child : protectedChildren) {
      addRows(rows, authority, child.id());
    }
    return rows;
  }

  private void addRows(List<Allocation> rows, Authority authority, String child) {
    for (CaseHolder holder : holders.get(child)) {
      if (!holder.to().isBefore(authority.periodStart()) && !holder.from().isAfter(authority.periodEnd())) {
        rows.add(holder.row(authority.code(), child, authority.periodEnd()));
      }
    }
  }
}
