package org.drpwarehouse.schemas.policy;

import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.YamlNode;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drpwarehouse.schemas.Codes;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.Role;

/**
 * Reads one policy file (one version of one policy) into a validated {@link Policy}. The format is
 * documented in docs/policies.md; every key is checked, so a misspelt key is an error rather than a
 * rule silently left out.
 *
 * <p>Ranks are not written in the file: informal stages get rank 0 and formal stages 1..K in the
 * order the file lists them, which is why informal stages must come first.
 */
final class PolicyFile {
  /** Stage ids as {@link Stage} accepts them; they are typed into {@code dispute_events.stage}. */
  static final String STAGE_ID = "[a-z][a-z0-9_-]*";

  private static final String FORMAT_DOC = "see docs/policies.md";

  private PolicyFile() {}

  static Policy read(InputStream yaml, String fileName, ThemeTaxonomy themes) {
    YamlNode root =
        YamlNode.parse(yaml, fileName, "see docs/policies.md", DrpUserException::new, "'id: ...'")
            .keys(
                List.of("id", "version", "effective_from", "name", "extensions_allowed", "holds_allowed", "bypass",
                    "cafcass", "ladders", "categories"),
                List.of("seed", "clauses"));

    YamlNode idNode = root.get("id");
    String id = idNode.text();
    if (!id.matches("[a-z][a-z0-9-]*")) {
      throw idNode.error("'" + id + "' is not a valid policy id",
          "use lower-case letters, digits and -, starting with a letter, e.g. calderdale");
    }
    int version = root.get("version").integer(1);
    Map<String, String> clauses = clauses(root);
    boolean extensionsAllowed = root.get("extensions_allowed").bool();
    boolean holdsAllowed = root.get("holds_allowed").bool();
    requireClause(root.get("extensions_allowed"), extensionsAllowed, clauses, PolicyRules.EXTENSIONS, "extensions");
    requireClause(root.get("holds_allowed"), holdsAllowed, clauses, PolicyRules.HOLDS, "holds");
    BypassRule defaultBypass = bypass(root.get("bypass"));

    Map<DisputeProcess, Ladder> ladders = new EnumMap<>(DisputeProcess.class);
    YamlNode laddersNode = root.get("ladders");
    for (Map.Entry<String, YamlNode> entry : laddersNode.entries().entrySet()) {
      DisputeProcess process = process(entry.getKey(), entry.getValue());
      ladders.put(process, ladder(process, entry.getValue(), defaultBypass));
    }
    if (!ladders.containsKey(DisputeProcess.CLA)) {
      throw laddersNode.error("has no CLA ladder",
          "add 'CLA:' under ladders: every policy needs one, and processes without a ladder of their own use it");
    }

    try {
      return new Policy(
          id,
          version,
          root.get("effective_from").date(),
          root.get("name").text(),
          root.optional("seed").map(YamlNode::text).orElse(""),
          ladders,
          cafcass(root.get("cafcass")),
          extensionsAllowed,
          holdsAllowed,
          categories(root.get("categories"), themes),
          clauses);
    } catch (IllegalArgumentException e) {
      // The checks above should have caught everything the model rejects; this keeps the file name.
      throw root.error(e.getMessage(), FORMAT_DOC);
    }
  }

  private static DisputeProcess process(String key, YamlNode node) {
    for (DisputeProcess process : DisputeProcess.values()) {
      if (process.name().equals(key)) {
        return process;
      }
    }
    throw node.error("'" + key + "' is not a known process",
        "use one of " + String.join(", ", Codes.of(DisputeProcess.class)));
  }

  private static Ladder ladder(DisputeProcess process, YamlNode node, BypassRule defaultBypass) {
    node.keys(List.of("stages", "total_limit_wd"), List.of("informal_raise_limit_wd", "informal_limit_wd", "bypass"));
    List<YamlNode> stageNodes = node.get("stages").elements();
    if (stageNodes.isEmpty()) {
      throw node.get("stages").error("lists no stages", "list the ladder's stages, informal ones first");
    }
    List<Stage> stages = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int rank = 0;
    for (YamlNode stageNode : stageNodes) {
      stageNode.keys(List.of("id", "label", "formal", "responder", "timescale"), List.of("response", "clause"));
      YamlNode idNode = stageNode.get("id");
      String id = idNode.text();
      if (!id.matches(STAGE_ID)) {
        throw idNode.error("'" + id + "' is not a valid stage id",
            "use lower-case letters and digits starting with a letter, e.g. informal, stage1, drp2");
      }
      if (!ids.add(id)) {
        throw idNode.error("stage id '" + id + "' is used twice in the " + process + " ladder",
            "give every stage of a ladder its own id");
      }
      YamlNode formalNode = stageNode.get("formal");
      boolean formal = formalNode.bool();
      if (!formal && rank > 0) {
        throw formalNode.error("informal stage '" + id + "' comes after a formal stage",
            "list informal stages first: they have rank 0 and formal stages are ranked 1..K in file order");
      }
      int stageRank = formal ? ++rank : 0;
      try {
        stages.add(
            new Stage(
                id,
                stageNode.get("label").text(),
                formal,
                stageRank,
                stageNode.get("responder").enumValue(Role.class, "role"),
                timescale(stageNode.get("timescale")),
                stageNode.optional("response").map(r -> r.enumValue(ResponseKind.class, "response kind"))
                    .orElse(ResponseKind.REPLY),
                stageNode.optional("clause").map(YamlNode::text).orElse("")));
      } catch (IllegalArgumentException e) {
        throw stageNode.error(e.getMessage(), FORMAT_DOC);
      }
    }
    if (rank == 0) {
      throw node.get("stages").error("has no formal stage",
          "mark the formal stages 'formal: true'; a ladder needs at least one");
    }
    boolean hasInformal = stages.stream().anyMatch(s -> !s.formal());
    Integer raiseLimit = optionalWd(node, "informal_raise_limit_wd", hasInformal);
    Integer informalLimit = optionalWd(node, "informal_limit_wd", hasInformal);
    Integer total = totalLimit(node.get("total_limit_wd"));
    BypassRule bypass = node.optional("bypass").map(PolicyFile::bypass).orElse(defaultBypass);
    try {
      return new Ladder(process, stages, raiseLimit, informalLimit, total, bypass);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage(), FORMAT_DOC);
    }
  }

  private static Integer optionalWd(YamlNode ladder, String key, boolean hasInformal) {
    if (!ladder.has(key)) {
      return null;
    }
    YamlNode node = ladder.get(key);
    int value = node.positiveWorkingDays();
    if (!hasInformal) {
      throw node.error("is set but the ladder has no informal stage to apply it to",
          "remove it, or add an informal stage (formal: false) first in the ladder");
    }
    return value;
  }

  /** {@code total_limit_wd} is required so that leaving it out is a decision, written {@code none}. */
  private static Integer totalLimit(YamlNode node) {
    String text = node.text();
    if (text.equals("none")) {
      return null;
    }
    if (!text.matches("-?[0-9]+")) {
      throw node.error("must be a whole number of working days or none, not '" + text + "'",
          "write 20 (the IRO Handbook total), or none where the policy states no total");
    }
    return node.positiveWorkingDays();
  }

  private static Timescale timescale(YamlNode node) {
    node.keys(List.of("kind"), List.of("working_days"));
    Timescale.Kind kind = node.get("kind").enumValue(Timescale.Kind.class, "timescale kind");
    Integer workingDays = node.has("working_days") ? node.get("working_days").positiveWorkingDays() : null;
    if (kind == Timescale.Kind.FIXED && workingDays == null) {
      throw node.error("a FIXED timescale needs working_days",
          "add 'working_days: n', the WD the responder has to respond");
    }
    if (kind == Timescale.Kind.NONE && workingDays != null) {
      throw node.get("working_days").error("a stage with timescale kind NONE cannot have working days",
          "remove working_days, or use kind FIXED (or SET_BY_IRO with a maximum)");
    }
    return new Timescale(kind, workingDays);
  }

  private static BypassRule bypass(YamlNode node) {
    node.keys(List.of("consultation_required"),
        List.of("consult_with", "consult_with_label", "emergency_exception", "clause"));
    boolean required = node.get("consultation_required").bool();
    Role consultWith = node.optional("consult_with").map(r -> r.enumValue(Role.class, "role")).orElse(null);
    boolean emergency = node.optional("emergency_exception").map(YamlNode::bool).orElse(false);
    if (required && consultWith == null) {
      throw node.error("consultation_required is true but consult_with is missing",
          "add 'consult_with: <role>' (usually IRO_MANAGER), the person the IRO consults before a bypass");
    }
    if (!required && (consultWith != null || emergency)) {
      throw node.get(consultWith != null ? "consult_with" : "emergency_exception")
          .error("is only read when consultation_required is true",
              "remove it, or set consultation_required: true if the policy requires a consultation");
    }
    return new BypassRule(required, consultWith, node.optional("consult_with_label").map(YamlNode::text).orElse(""),
        emergency, node.optional("clause").map(YamlNode::text).orElse(""));
  }

  private static CafcassRule cafcass(YamlNode node) {
    node.keys(List.of("internal_route_first"), List.of("notice_lead_wd", "must_inform", "consult_before", "clause"));
    Integer lead = node.has("notice_lead_wd") ? node.get("notice_lead_wd").integer(0) : null;
    List<Role> mustInform = new ArrayList<>();
    if (node.has("must_inform")) {
      for (YamlNode role : node.get("must_inform").elements()) {
        mustInform.add(role.enumValue(Role.class, "role"));
      }
    }
    List<String> consultBefore = new ArrayList<>();
    if (node.has("consult_before")) {
      node.get("consult_before").elements().forEach(n -> consultBefore.add(n.text()));
    }
    return new CafcassRule(lead, mustInform, consultBefore, node.get("internal_route_first").bool(),
        node.optional("clause").map(YamlNode::text).orElse(""));
  }

  private static Map<String, String> categories(YamlNode node, ThemeTaxonomy themes) {
    Map<String, YamlNode> entries = node.entries();
    if (entries.isEmpty()) {
      throw node.error("maps no categories",
          "list the category codes your case system records, each with its canonical theme id");
    }
    Map<String, String> categories = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> entry : entries.entrySet()) {
      String code = entry.getKey().strip();
      if (code.isEmpty()) {
        throw entry.getValue().error("a category code is blank", "write the code as your case system records it");
      }
      String theme = entry.getValue().text();
      if (theme.equals(ThemeTaxonomy.UNMAPPED)) {
        throw entry.getValue().error("'" + ThemeTaxonomy.UNMAPPED + "' is reserved for categories a policy leaves out",
            "map the category to '" + ThemeTaxonomy.OTHER + "' or to a specific theme");
      }
      if (!themes.contains(theme)) {
        List<String> usable = themes.ids().stream().filter(t -> !t.equals(ThemeTaxonomy.UNMAPPED)).toList();
        String nearest = YamlNode.nearest(theme, usable);
        throw entry.getValue().error(
            "'" + theme + "' is not a theme of the canonical taxonomy" + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"),
            "use one of " + String.join(", ", usable));
      }
      categories.put(code, theme);
    }
    return categories;
  }

  private static Map<String, String> clauses(YamlNode root) {
    Map<String, String> clauses = new LinkedHashMap<>();
    if (!root.has("clauses")) {
      return clauses;
    }
    for (Map.Entry<String, YamlNode> entry : root.get("clauses").entries().entrySet()) {
      if (!PolicyRules.ALL.contains(entry.getKey())) {
        throw entry.getValue().error("'" + entry.getKey() + "' is not a rule id clauses can be cited for",
            "use one of " + String.join(", ", PolicyRules.ALL));
      }
      clauses.put(entry.getKey(), entry.getValue().text());
    }
    return clauses;
  }

  /** A policy that provides for extensions or holds must say where, so that the reading can be checked. */
  private static void requireClause(
      YamlNode flag, boolean allowed, Map<String, String> clauses, String rule, String what) {
    if (allowed && !clauses.containsKey(rule)) {
      throw flag.error("is true but clauses has no " + rule,
          "cite the clause of the policy that provides for " + what + " under clauses: " + rule);
    }
  }
}
