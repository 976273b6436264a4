package org.drpwarehouse.schemas.rows;

import java.time.LocalDate;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.Outcome;
import org.drpwarehouse.schemas.Role;

/** One row of {@code dispute_events}: one step in a dispute's life. */
public record DisputeEvent(
    String authority,
    String eventId,
    String disputeId,
    LocalDate eventDate,
    EventType eventType,
    String stage,
    Role toRole,
    Boolean recordedOnFile,
    Boolean formAttached,
    LocalDate agreedDate,
    Outcome outcome) {}
