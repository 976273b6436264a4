package org.drpwarehouse.schemas.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.drpwarehouse.schemas.DisputeProcess;

/**
 * A policy's stage ladder for one process: informal stages (rank 0) first, then formal stages ranked
 * 1..K in ladder order, with the limits that apply to the whole ladder.
 *
 * @param informalRaiseLimitWd the informal challenge must be raised within this many WD of the
 *     problem being identified ({@code constructive-challenge}: 1); {@code null} for none
 * @param informalLimitWd the informal stage must be concluded or escalated within this many WD
 *     (Calderdale 10, {@code constructive-challenge} 5); {@code null} for none
 * @param totalLimitWd the formal process must end within this many WD (20); {@code null} where the
 *     policy states no total, and then "within 20 WD" is not reported
 */
public record Ladder(
    DisputeProcess process,
    List<Stage> stages,
    Integer informalRaiseLimitWd,
    Integer informalLimitWd,
    Integer totalLimitWd,
    BypassRule bypass) {

  public Ladder {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(bypass, "bypass");
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("The " + process + " ladder has no stages");
    }
    Set<String> ids = new HashSet<>();
    boolean formalSeen = false;
    int expectedRank = 1;
    for (Stage stage : stages) {
      if (!ids.add(stage.id())) {
        throw new IllegalArgumentException("The " + process + " ladder names stage " + stage.id() + " twice");
      }
      if (stage.formal()) {
        formalSeen = true;
        if (stage.rank() != expectedRank++) {
          throw new IllegalArgumentException(
              "Formal stage " + stage.id() + " of the " + process + " ladder has rank " + stage.rank()
                  + "; ranks must run 1..K in ladder order");
        }
      } else if (formalSeen) {
        throw new IllegalArgumentException(
            "Informal stage " + stage.id() + " of the " + process + " ladder comes after a formal stage");
      }
    }
    requirePositive(informalRaiseLimitWd, "informal raise limit");
    requirePositive(informalLimitWd, "informal limit");
    requirePositive(totalLimitWd, "total limit");
  }

  private static void requirePositive(Integer value, String what) {
    if (value != null && value <= 0) {
      throw new IllegalArgumentException("The " + what + " must be a positive number of WD: " + value);
    }
  }

  public Optional<Stage> stage(String id) {
    return stages.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public List<Stage> formalStages() {
    return stages.stream().filter(Stage::formal).toList();
  }

  public List<Stage> informalStages() {
    return stages.stream().filter(s -> !s.formal()).toList();
  }

  /** The highest formal rank, K. */
  public int topRank() {
    return formalStages().size();
  }

  public Optional<Integer> informalLimit() {
    return Optional.ofNullable(informalLimitWd);
  }

  public Optional<Integer> totalLimit() {
    return Optional.ofNullable(totalLimitWd);
  }
}
