package org.drpwarehouse.schemas.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A stage's due date and how it was derived, in words an inspector can check.
 *
 * @param date the last working day on which a response is on time
 * @param capped whether an IRO-set date beyond the policy's maximum was capped to it
 * @param derivation e.g. {@code "4 WD after 2024-05-03 (stage1 timescale)"}
 */
public record DueDate(LocalDate date, boolean capped, String derivation) {
  public DueDate {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(derivation, "derivation");
  }
}
