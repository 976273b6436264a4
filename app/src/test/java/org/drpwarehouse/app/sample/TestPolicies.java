package org.drpwarehouse.app.sample;

import static org.drpwarehouse.schemas.Role.DEPUTY_CHIEF_EXECUTIVE;
import static org.drpwarehouse.schemas.Role.DIRECTOR;
import static org.drpwarehouse.schemas.Role.HEAD_OF_SERVICE;
import static org.drpwarehouse.schemas.Role.IRO_MANAGER;
import static org.drpwarehouse.schemas.Role.SERVICE_MANAGER;
import static org.drpwarehouse.schemas.Role.SOCIAL_WORKER;
import static org.drpwarehouse.schemas.Role.TEAM_MANAGER;

import java.time.LocalDate;
import java.util.EnumMap;
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
 * Policies built by hand from the model records, shaped like three of the presets (the real
 * catalogue lives elsewhere): a Calderdale-like ladder with consultation before a bypass and a
 * 2 WD Cafcass notice, a Lambeth-like one with holds and its own CP ladder, and an
 * iro-alerts-like one with extensions, a CP ladder of six levels and no categories of its own.
 */
final class TestPolicies {
  private TestPolicies() {}

  /** In force before any period the default calendar allows (periods start 2015-04-01 at the earliest). */
  static final LocalDate FROM = LocalDate.of(2015, 1, 1);

  static List<Policy> all() {
    return List.of(calderdaleLike(), lambethLike(), iroAlertsLike());
  }

  static Policy calderdaleLike() {
    Ladder cla = new Ladder(
        DisputeProcess.CLA,
        List.of(
            informal("informal", Timescale.setByIro(10), SOCIAL_WORKER),
            formal("stage1", 1, Timescale.fixed(4), SOCIAL_WORKER),
            formal("stage2", 2, Timescale.fixed(4), TEAM_MANAGER),
            formal("stage3", 3, Timescale.fixed(6), SERVICE_MANAGER),
            formal("stage4", 4, Timescale.fixed(6), HEAD_OF_SERVICE)),
        null, 10, 20,
        new BypassRule(true, IRO_MANAGER, "IRO Team Manager", false, "2.2"));
    Map<String, String> categories = new LinkedHashMap<>();
    categories.put("CP01", "care-plan");
    categories.put("CP02", "permanence-drift");
    categories.put("ST01", "statutory-visits");
    categories.put("SV01", "placement");
    return new Policy(
        "calderdale", 1, FROM, "Calderdale-like", "test", Map.of(DisputeProcess.CLA, cla),
        new CafcassRule(2, List.of(HEAD_OF_SERVICE, Role.DCS), List.of("IRO Service TM"), false, "2.4"),
        false, false, categories, Map.of());
  }

  static Policy lambethLike() {
    Ladder cla = new Ladder(
        DisputeProcess.CLA,
        List.of(
            informal("informal", Timescale.setByIro(null), SOCIAL_WORKER),
            formal("stage1", 1, Timescale.fixed(4), TEAM_MANAGER),
            formal("stage2", 2, Timescale.fixed(4), SERVICE_MANAGER),
            formal("stage3", 3, Timescale.fixed(4), Role.ASSISTANT_DIRECTOR),
            formal("stage4", 4, Timescale.fixed(4), DIRECTOR),
            formal("stage5", 5, Timescale.fixed(4), Role.DCS)),
        null, null, 20, BypassRule.noConsultation("3.1"));
    Ladder cp = new Ladder(
        DisputeProcess.CP,
        List.of(
            formal("stage1", 1, Timescale.fixed(4), TEAM_MANAGER),
            formal("stage2", 2, Timescale.fixed(4), SERVICE_MANAGER),
            formal("stage3", 3, Timescale.fixed(4), Role.ASSISTANT_DIRECTOR)),
        null, null, 20, BypassRule.noConsultation("3.2"));
    Map<String, String> categories = new LinkedHashMap<>();
    categories.put("Practice", "practice");
    categories.put("Judgement", "practice");
    categories.put("Drift in care planning", "permanence-drift");
    categories.put("Safeguarding", "safeguarding");
    categories.put("Provision of services", "placement");
    return new Policy(
        "lambeth", 1, FROM, "Lambeth-like", "test", Map.of(DisputeProcess.CLA, cla, DisputeProcess.CP, cp),
        new CafcassRule(0, List.of(Role.DCS), List.of(), false, "4"),
        false, true, categories, Map.of());
  }

  static Policy iroAlertsLike() {
    Ladder cla = new Ladder(
        DisputeProcess.CLA,
        List.of(
            informal("informal", Timescale.none(), SOCIAL_WORKER),
            formal("stage2", 1, Timescale.fixed(5), TEAM_MANAGER),
            formal("stage3", 2, Timescale.fixed(5), HEAD_OF_SERVICE),
            formal("stage4", 3, Timescale.fixed(3), DIRECTOR),
            formal("stage5", 4, Timescale.none(), DEPUTY_CHIEF_EXECUTIVE)),
        null, null, 20, new BypassRule(true, IRO_MANAGER, "line manager", true, "2.1"));
    Ladder cp = new Ladder(
        DisputeProcess.CP,
        List.of(
            informal("level1", Timescale.none(), TEAM_MANAGER),
            informal("level2", Timescale.none(), TEAM_MANAGER),
            formal("level3", 1, Timescale.fixed(10), TEAM_MANAGER),
            formal("level4", 2, Timescale.fixed(5), SERVICE_MANAGER),
            formal("level5", 3, Timescale.fixed(5), HEAD_OF_SERVICE),
            formal("level6", 4, Timescale.none(), DIRECTOR)),
        null, null, null, new BypassRule(true, IRO_MANAGER, "line manager", false, "4.1"));
    Map<DisputeProcess, Ladder> ladders = new EnumMap<>(DisputeProcess.class);
    ladders.put(DisputeProcess.CLA, cla);
    ladders.put(DisputeProcess.CP, cp);
    return new Policy(
        "iro-alerts-five-stage", 1, FROM, "IRO alerts-like", "test", ladders,
        new CafcassRule(null, List.of(), List.of(), true, "2.3"),
        true, false, Map.of(), Map.of());
  }

  /** A policy with meeting stages and a 1 WD raise limit, like the constructive-challenge preset. */
  static Policy constructiveChallengeLike() {
    Ladder cla = new Ladder(
        DisputeProcess.CLA,
        List.of(
            informal("informal", Timescale.none(), SOCIAL_WORKER),
            formal("drp1", 1, Timescale.fixed(5), TEAM_MANAGER),
            new Stage("drp2", "DRP2", true, 2, SERVICE_MANAGER, Timescale.fixed(5), ResponseKind.MEETING_DATE_CONFIRMED, ""),
            new Stage("dr3", "DR3", true, 3, Role.ASSISTANT_DIRECTOR, Timescale.fixed(3), ResponseKind.MEETING_CONVENED, "")),
        1, 5, 20, BypassRule.noConsultation("7"));
    Map<String, String> categories = new LinkedHashMap<>();
    categories.put("GEN-VOICE", "child-voice");
    categories.put("STAT-PEP", "education");
    categories.put("PLAN-DRIFT", "permanence-drift");
    return new Policy(
        "constructive-challenge", 1, FROM, "Constructive challenge-like", "test", Map.of(DisputeProcess.CLA, cla),
        new CafcassRule(null, List.of(), List.of(), false, "26"), false, false, categories, Map.of());
  }

  private static Stage informal(String id, Timescale timescale, Role responder) {
    return new Stage(id, id, false, 0, responder, timescale, ResponseKind.REPLY, "");
  }

  private static Stage formal(String id, int rank, Timescale timescale, Role responder) {
    return new Stage(id, id, true, rank, responder, timescale, ResponseKind.REPLY, "");
  }
}
