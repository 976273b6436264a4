package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.Role;
import org.drpwarehouse.schemas.policy.BypassRule;
import org.drpwarehouse.schemas.policy.CafcassRule;
import org.drpwarehouse.schemas.policy.Ladder;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.ResponseKind;
import org.drpwarehouse.schemas.policy.Stage;
import org.drpwarehouse.schemas.policy.Timescale;

/**
 * The five presets' ladders as the table in policies.md ("Preset and stage ids") gives them, for
 * {@link SampleGeneratorBenchmark} only, until {@code PolicyCatalog.presets()} is on this branch:
 * then the benchmark should take those and this class should go. Categories are a few codes each;
 * clauses are left out.
 */
final class StandInPresets {
  private StandInPresets() {}

  private static final LocalDate FROM = LocalDate.of(2010, 1, 1);

  static List<Policy> all() {
    return List.of(calderdale(), constructiveChallenge(), iroAlerts(), lambeth(), lincolnshire());
  }

  private static Policy calderdale() {
    Ladder cla = new Ladder(DisputeProcess.CLA,
        List.of(
            informal("informal", Timescale.setByIro(10), Role.SOCIAL_WORKER),
            formal("stage1", 1, 4, Role.SOCIAL_WORKER), formal("stage2", 2, 4, Role.TEAM_MANAGER),
            formal("stage3", 3, 6, Role.SERVICE_MANAGER), formal("stage4", 4, 6, Role.HEAD_OF_SERVICE)),
        null, 10, 20, new BypassRule(true, Role.IRO_MANAGER, "IRO Team Manager", false, ""));
    return policy("calderdale", Map.of(DisputeProcess.CLA, cla),
        new CafcassRule(2, List.of(Role.HEAD_OF_SERVICE, Role.DIRECTOR), List.of(), false, ""), false, false,
        "PLAN", "DRIFT", "VISITS", "PLACEMENT", "CONTACT");
  }

  private static Policy constructiveChallenge() {
    Ladder cla = new Ladder(DisputeProcess.CLA,
        List.of(
            informal("informal", Timescale.none(), Role.SOCIAL_WORKER),
            formal("drp1", 1, 5, Role.TEAM_MANAGER),
            new Stage("drp2", "DRP2", true, 2, Role.SERVICE_MANAGER, Timescale.fixed(5),
                ResponseKind.MEETING_DATE_CONFIRMED, ""),
            new Stage("dr3", "DR3", true, 3, Role.ASSISTANT_DIRECTOR, Timescale.fixed(3),
                ResponseKind.MEETING_CONVENED, "")),
        1, 5, 20, BypassRule.noConsultation(""));
    return policy("constructive-challenge", Map.of(DisputeProcess.CLA, cla),
        new CafcassRule(null, List.of(), List.of(), false, ""), false, false,
        "GEN01", "GEN03", "STAT01", "STAT05", "IMPL01", "SERV01");
  }

  private static Policy iroAlerts() {
    Ladder cla = new Ladder(DisputeProcess.CLA,
        List.of(
            informal("informal", Timescale.none(), Role.SOCIAL_WORKER),
            formal("stage2", 1, 5, Role.TEAM_MANAGER), formal("stage3", 2, 5, Role.HEAD_OF_SERVICE),
            formal("stage4", 3, 3, Role.DIRECTOR),
            new Stage("stage5", "Stage 5", true, 4, Role.DEPUTY_CHIEF_EXECUTIVE, Timescale.none(), ResponseKind.REPLY, "")),
        null, null, 20, new BypassRule(true, Role.IRO_MANAGER, "line manager", true, ""));
    Ladder cp = new Ladder(DisputeProcess.CP,
        List.of(
            informal("level1", Timescale.none(), Role.TEAM_MANAGER),
            informal("level2", Timescale.none(), Role.TEAM_MANAGER),
            formal("level3", 1, 10, Role.TEAM_MANAGER), formal("level4", 2, 5, Role.SERVICE_MANAGER),
            formal("level5", 3, 5, Role.HEAD_OF_SERVICE),
            new Stage("level6", "Level 6", true, 4, Role.DIRECTOR, Timescale.none(), ResponseKind.REPLY, "")),
        null, null, null, new BypassRule(true, Role.IRO_MANAGER, "line manager", false, ""));
    return policy("iro-alerts-five-stage", Map.of(DisputeProcess.CLA, cla, DisputeProcess.CP, cp),
        new CafcassRule(null, List.of(), List.of(), true, ""), true, false,
        "DRIFT", "VISITS", "PLANNING", "DOCUMENTS", "REVIEW_DECISIONS", "CARE_PLAN_CHANGE", "SIGNIFICANT_EVENT");
  }

  private static Policy lambeth() {
    List<Stage> stages = List.of(
        informal("informal", Timescale.setByIro(null), Role.SOCIAL_WORKER),
        formal("stage1", 1, 4, Role.TEAM_MANAGER), formal("stage2", 2, 4, Role.SERVICE_MANAGER),
        formal("stage3", 3, 4, Role.ASSISTANT_DIRECTOR), formal("stage4", 4, 4, Role.DIRECTOR),
        formal("stage5", 5, 4, Role.DCS));
    return policy("lambeth",
        Map.of(
            DisputeProcess.CLA, new Ladder(DisputeProcess.CLA, stages, null, null, 20, BypassRule.noConsultation("")),
            DisputeProcess.CP, new Ladder(DisputeProcess.CP, stages, null, null, 20, BypassRule.noConsultation(""))),
        new CafcassRule(0, List.of(Role.DCS), List.of(), false, ""), false, true,
        "PRACTICE", "JUDGEMENT", "ACCOUNTABILITY", "STRATEGIC");
  }

  private static Policy lincolnshire() {
    List<Stage> stages = List.of(
        informal("informal", Timescale.fixed(5), Role.SOCIAL_WORKER),
        formal("stage1", 1, 5, Role.TEAM_MANAGER), formal("stage2", 2, 5, Role.SERVICE_MANAGER),
        formal("stage3", 3, 5, Role.ASSISTANT_DIRECTOR));
    return policy("lincolnshire",
        Map.of(
            DisputeProcess.CLA, new Ladder(DisputeProcess.CLA, stages, null, null, 20, BypassRule.noConsultation("")),
            DisputeProcess.CP, new Ladder(DisputeProcess.CP, stages, null, null, 20, BypassRule.noConsultation(""))),
        new CafcassRule(0, List.of(Role.NOMINATED_OFFICER), List.of(), false, ""), false, false,
        "QAP-PLAN", "QAP-VISITS", "QAP-HEALTH", "QAP-EDUCATION");
  }

  private static Policy policy(
      String id, Map<DisputeProcess, Ladder> ladders, CafcassRule cafcass, boolean extensions, boolean holds,
      String... categories) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (String code : categories) {
      codes.put(code, code.toLowerCase(java.util.Locale.ROOT));
    }
    return new Policy(id, 1, FROM, id, "stand-in", ladders, cafcass, extensions, holds, codes, Map.of());
  }

  private static Stage informal(String id, Timescale timescale, Role responder) {
    return new Stage(id, id, false, 0, responder, timescale, ResponseKind.REPLY, "");
  }

  private static Stage formal(String id, int rank, int wd, Role responder) {
    return new Stage(id, id, true, rank, responder, Timescale.fixed(wd), ResponseKind.REPLY, "");
  }
}
