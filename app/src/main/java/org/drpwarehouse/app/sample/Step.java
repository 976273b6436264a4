package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.Outcome;
import org.drpwarehouse.schemas.Role;
import org.drpwarehouse.schemas.policy.Stage;

/**
 * One event of a dispute as the ladder walk decides it, before it gets an id and its recording
 * flags ({@link RecordingFlags}).
 *
 * @param stage {@code null} for events that carry no stage
 */
record Step(LocalDate date, EventType type, Stage stage, Role toRole, LocalDate agreedDate, Outcome outcome) {

  static Step atStage(LocalDate date, EventType type, Stage stage, Role toRole) {
    return new Step(date, type, stage, toRole, null, null);
  }

  static Step unstaged(LocalDate date, EventType type, Role toRole) {
    return new Step(date, type, null, toRole, null, null);
  }
}
