package org.drpwarehouse.schemas.policy;

/** What counts as the responder's response at a stage. */
public enum ResponseKind {
  /** A reply to the IRO ({@code RESPONSE_RECEIVED}). */
  REPLY,
  /** The responder confirms a meeting date ({@code RESPONSE_RECEIVED} or {@code MEETING_HELD}). */
  MEETING_DATE_CONFIRMED,
  /** The responder convenes the meeting ({@code RESPONSE_RECEIVED} or {@code MEETING_HELD}). */
  MEETING_CONVENED;

  /** Whether a {@code MEETING_HELD} event also answers the stage. */
  public boolean isMeeting() {
    return this != REPLY;
  }
}
