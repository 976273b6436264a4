package org.drpwarehouse.schemas;

/** How a dispute ended ({@code dispute_events.outcome}, on {@code RESOLVED} and {@code CLOSED}). */
public enum Outcome {
  RESOLVED,
  WITHDRAWN,
  NO_FURTHER_ACTION,
  REFERRED_TO_CAFCASS
}
