package org.drpwarehouse.app.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.policy.Ladder;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.Stage;

/**
 * A generated sample read back the way ingestion would: every file of every authority checked
 * against its contract, events checked against their disputes and the authority's policy ladder.
 * Rows with a problem are counted by file and kind; the rest are kept for the realism tests.
 */
final class LoadedSample {
  static final List<RecordSpec> SPECS =
      List.of(Ssda903.HEADER, Ssda903.EPISODES, Ssda903.REVIEWS, Ssda903.UASC, Ssda903.MISSING_EPISODES,
          ExchangeFormat.DISPUTES, ExchangeFormat.DISPUTE_EVENTS, ExchangeFormat.ALLOCATIONS, ExchangeFormat.CP_PLANS,
          ExchangeFormat.REVIEW_DECISIONS);

  final Path root;
  final GenerationSummary summary;
  private final Map<String, Policy> policies = new HashMap<>();
  /** authority -> file -> table, in authority order. */
  final Map<String, Map<String, Csv.Table>> tables = new LinkedHashMap<>();
  /** file -> problem -> rows. */
  final Map<String, EnumMap<Problem, Integer>> problems = new LinkedHashMap<>();
  /** authority -> file -> rows without a problem. */
  private final Map<String, Map<String, List<Map<String, String>>>> valid = new LinkedHashMap<>();

  private LoadedSample(Path root, GenerationSummary summary, List<Policy> presets) {
    this.root = root;
    this.summary = summary;
    for (Policy p : presets) {
      policies.put(p.id(), p);
    }
  }

  static LoadedSample load(Path root, GenerationSummary summary, List<Policy> presets) throws IOException {
    LoadedSample sample = new LoadedSample(root, summary, presets);
    for (RecordSpec spec : SPECS) {
      sample.problems.put(OutputLayout.within(spec), new EnumMap<>(Problem.class));
    }
    for (String authority : summary.authorities()) {
      Map<String, Csv.Table> files = new LinkedHashMap<>();
      Map<String, List<Map<String, String>>> good = new LinkedHashMap<>();
      for (RecordSpec spec : SPECS) {
        String name = OutputLayout.within(spec);
        files.put(name, Csv.read(root.resolve(authority).resolve(name)));
      }
      sample.tables.put(authority, files);
      sample.valid.put(authority, good);
      for (RecordSpec spec : SPECS) {
        String name = OutputLayout.within(spec);
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> row : files.get(name).rows()) {
          Problem problem = Problem.of(spec, row);
          if (problem == null && spec.equals(ExchangeFormat.DISPUTE_EVENTS)) {
            problem = sample.eventProblem(authority, files, row);
          }
          if (problem == null) {
            rows.add(row);
          } else {
            sample.problems.get(name).merge(problem, 1, Integer::sum);
          }
        }
        good.put(name, rows);
      }
    }
    return sample;
  }

  /** Orphan or unknown stage, read against the disputes file and the policy bound at the dispute's start. */
  private Problem eventProblem(String authority, Map<String, Csv.Table> files, Map<String, String> event) {
    Map<String, String> dispute = disputeRow(authority, files, event.get(ExchangeColumns.DISPUTE_ID));
    if (dispute == null) {
      return Problem.ORPHAN_EVENT;
    }
    String stage = event.get(ExchangeColumns.STAGE);
    if (stage.isEmpty()) {
      return null;
    }
    Optional<Ladder> ladder = ladderOf(authority, dispute, files);
    boolean known = ladder.isPresent()
        ? ladder.get().stage(stage).isPresent()
        // The dispute row or its openings are malformed: any stage of the authority's policies will do.
        : stagesOf(authority).stream().anyMatch(s -> s.id().equals(stage));
    return known ? null : Problem.UNKNOWN_STAGE;
  }

  private final Map<String, Map<String, Map<String, String>>> disputeIndex = new HashMap<>();
  private final Map<String, Map<String, LocalDate>> startIndex = new HashMap<>();

  private Map<String, String> disputeRow(String authority, Map<String, Csv.Table> files, String id) {
    return disputeIndex.computeIfAbsent(authority, a -> {
      Map<String, Map<String, String>> byId = new HashMap<>();
      for (Map<String, String> row : files.get("disputes.csv").rows()) {
        byId.put(row.get(ExchangeColumns.DISPUTE_ID), row);
      }
      return byId;
    }).get(id);
  }

  /** The ladder for a dispute: its process, under the policy bound on its first opening. */
  private Optional<Ladder> ladderOf(String authority, Map<String, String> dispute, Map<String, Csv.Table> files) {
    DisputeProcess process;
    try {
      process = DisputeProcess.valueOf(dispute.get(ExchangeColumns.PROCESS));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // the dispute row itself is malformed
    }
    Map<String, LocalDate> starts = startIndex.computeIfAbsent(authority, a -> {
      Map<String, LocalDate> first = new HashMap<>();
      for (Map<String, String> row : files.get("dispute_events.csv").rows()) {
        if (Problem.of(ExchangeFormat.DISPUTE_EVENTS, row) == null
            && row.get(ExchangeColumns.EVENT_TYPE).equals(EventType.STAGE_OPENED.name())) {
          first.merge(row.get(ExchangeColumns.DISPUTE_ID), LocalDate.parse(row.get(ExchangeColumns.EVENT_DATE)),
              (x, y) -> x.isBefore(y) ? x : y);
        }
      }
      return first;
    });
    LocalDate start = starts.get(dispute.get(ExchangeColumns.DISPUTE_ID));
    if (start == null) {
      return Optional.empty();
    }
    return Optional.of(policyOn(authority, start).ladder(process));
  }

  Policy policyOn(String authority, LocalDate date) {
    Policy bound = null;
    for (AuthorityBinding b : summary.bindings()) {
      if (b.authority().equals(authority) && (bound == null || !b.effectiveFrom().isAfter(date))) {
        bound = policies.get(b.policyId());
      }
    }
    return bound;
  }

  List<Map<String, String>> valid(String authority, String file) {
    return valid.get(authority).get(file);
  }

  List<Map<String, String>> validAll(String file) {
    List<Map<String, String>> all = new ArrayList<>();
    for (String authority : valid.keySet()) {
      all.addAll(valid(authority, file));
    }
    return all;
  }

  int problemCount(String file) {
    return problems.get(file).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Every stage id of every ladder of every policy the authority was bound to. */
  List<Stage> stagesOf(String authority) {
    List<Stage> stages = new ArrayList<>();
    for (AuthorityBinding b : summary.bindings()) {
      if (b.authority().equals(authority)) {
        for (DisputeProcess process : DisputeProcess.values()) {
          stages.addAll(policies.get(b.policyId()).ladder(process).stages());
        }
      }
    }
    return stages;
  }
}
