package org.drpwarehouse.schemas.policy;

import java.util.Objects;
import org.drpwarehouse.schemas.Role;

/**
 * One rung of a stage ladder.
 *
 * @param id the stage id used in {@code dispute_events.stage} ({@code informal}, {@code stage1}, ...)
 * @param label the authority's own name for it
 * @param formal informal stages have rank 0; formal ones 1..K in ladder order
 * @param rank assigned by the {@link Ladder}
 * @param responder who must respond
 * @param timescale how long they have
 * @param response what counts as the response
 * @param clause the seed clause the stage comes from
 */
public record Stage(
    String id,
    String label,
    boolean formal,
    int rank,
    Role responder,
    Timescale timescale,
    ResponseKind response,
    String clause) {

  public Stage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timescale, "timescale");
    Objects.requireNonNull(response, "response");
    if (!id.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException("Cannot use stage id '" + id + "': use lower-case letters and digits");
    }
    if (!formal && rank != 0) {
      throw new IllegalArgumentException("Informal stage " + id + " must have rank 0, not " + rank);
    }
    if (formal && rank < 1) {
      throw new IllegalArgumentException("Formal stage " + id + " must have rank 1 or more, not " + rank);
    }
    label = label == null ? id : label;
    clause = clause == null ? "" : clause;
  }
}
