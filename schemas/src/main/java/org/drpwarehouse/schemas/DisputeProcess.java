package org.drpwarehouse.schemas;

/**
 * The process a dispute belongs to ({@code disputes.process}). A policy defines a stage ladder per
 * process; a process it does not define falls back to its {@link #CLA} ladder.
 */
public enum DisputeProcess {
  /** Looked-after child DRP (the IRO Handbook's dispute resolution process). */
  CLA("Looked-after child"),
  /** Child protection conference concern raised by a conference chair. */
  CP("Child protection"),
  /** Challenge to another agency. */
  PARTNER("Partner agency"),
  /** The service challenges the IRO or chair. */
  REVERSE("Reverse challenge");

  private final String label;

  DisputeProcess(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Only looked-after children can be referred to Cafcass (s.118 ACA 2002, reg. 45). */
  public boolean hasCafcassRoute() {
    return this == CLA;
  }
}
