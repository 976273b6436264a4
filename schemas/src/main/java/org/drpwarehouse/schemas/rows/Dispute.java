package org.drpwarehouse.schemas.rows;

import java.time.LocalDate;
import org.drpwarehouse.schemas.DisputeProcess;

/** One row of {@code disputes}: a dispute raised by an IRO or chair about one child. */
public record Dispute(
    String authority,
    String disputeId,
    String childId,
    DisputeProcess process,
    String raisedBy,
    LocalDate identifiedDate,
    String category,
    String reviewId,
    String team) {}
