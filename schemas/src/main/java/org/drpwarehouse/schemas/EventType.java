package org.drpwarehouse.schemas;

/**
 * {@code dispute_events.event_type}. The declaration order is the order of events of one stage on
 * one day (metrics: {@code STAGE_OPENED}, {@code EXTENSION_AGREED}/{@code ON_HOLD}, {@code
 * RESPONSE_RECEIVED}, {@code MEETING_HELD}, {@code RESOLVED}/{@code CLOSED}), see {@link
 * #sameDayOrder()}.
 */
public enum EventType {
  STAGE_OPENED(true, 0),
  EXTENSION_AGREED(true, 1),
  ON_HOLD(true, 1),
  RESPONSE_RECEIVED(true, 2),
  MEETING_HELD(true, 3),
  RESOLVED(true, 4),
  CLOSED(true, 4),
  MANAGER_CONSULTED(false, 0),
  CHILD_INFORMED(false, 0),
  CAFCASS_NOTICE(false, 0),
  CAFCASS_REFERRAL(false, 0),
  CAFCASS_CONSULTED(false, 0),
  LEGAL_ADVICE(false, 0);

  private final boolean stageRequired;
  private final int sameDayOrder;

  EventType(boolean stageRequired, int sameDayOrder) {
    this.stageRequired = stageRequired;
    this.sameDayOrder = sameDayOrder;
  }

  /** Whether the event must name a {@code stage}. */
  public boolean stageRequired() {
    return stageRequired;
  }

  /** Position among the events of one stage on one day; events with no stage use 0. */
  public int sameDayOrder() {
    return sameDayOrder;
  }

  /** {@code RESOLVED} and {@code CLOSED} end a dispute and must carry an outcome. */
  public boolean endsDispute() {
    return this == RESOLVED || this == CLOSED;
  }

  /** Events that must carry an {@code agreed_date}. */
  public boolean agreedDateRequired() {
    return this == EXTENSION_AGREED || this == ON_HOLD;
  }
}
