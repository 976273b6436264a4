package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.Role;
import org.drpwarehouse.schemas.policy.BypassRule;
import org.drpwarehouse.schemas.policy.CafcassRule;
import org.drpwarehouse.schemas.policy.Ladder;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.policy.PolicyRules;
import org.drpwarehouse.schemas.policy.Stage;
import org.drpwarehouse.schemas.policy.ThemeTaxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drp policies [ID]}: the policies the warehouse knows, or one as a readable ladder. */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the policies, or shows one as a readable ladder.",
      "Lists the five presets and any configured policy files; with an ID, shows each process's stage",
      "ladder, limits, bypass and Cafcass rules, recording clauses and category mapping."
    })
final class PoliciesCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "A policy id to show, e.g. calderdale.")
  String policyId;

  @Option(names = "--policy-version", paramLabel = "N", description = "The version to show (default: the latest).")
  Integer version;

  @Override
  public Integer call() {
    PolicyCatalog catalog = parent.environment().policies();
    PrintWriter out = spec.commandLine().getOut();
    if (policyId == null) {
      TextTable table = new TextTable("id", "version", "effective from", "name", "seed");
      for (Policy policy : catalog.all()) {
        table.row(policy.id(), policy.version(), policy.effectiveFrom(), policy.name(), policy.seed());
      }
      out.print(table.render(""));
      out.println();
      out.println("Show one with: drp policies ID");
      return ExitCodes.OK;
    }
    Policy policy = version == null ? catalog.latest(policyId) : catalog.version(policyId, version);
    out.print(describe(policy, ThemeTaxonomy.canonical()));
    return ExitCodes.OK;
  }

  /** The policy as an IRO would read it. */
  static String describe(Policy policy, ThemeTaxonomy themes) {
    StringBuilder out = new StringBuilder();
    out.append(policy.name()).append('\n');
    out.append("policy ").append(policy.reference()).append(", in force from ").append(policy.effectiveFrom());
    if (!policy.seed().isEmpty()) {
      out.append(", read from ").append(policy.seed());
    }
    out.append("\n\n");
    for (DisputeProcess process : DisputeProcess.values()) {
      if (!policy.definesLadder(process)) {
        continue;
      }
      Ladder ladder = policy.ladder(process);
      out.append(process.label()).append(" disputes (").append(process).append(")\n");
      TextTable table = new TextTable("rank", "stage", "name", "responder", "response due", "response is");
      for (Stage stage : ladder.stages()) {
        table.row(
            stage.formal() ? String.valueOf(stage.rank()) : "0 (informal)",
            stage.id(),
            stage.label(),
            stage.responder() == null ? "" : stage.responder().label(),
            stage.timescale().describe(),
            responseWords(stage));
      }
      out.append(table.render("  "));
      out.append("  Informal stage raised within: ").append(wd(ladder.informalRaiseLimitWd())).append('\n');
      out.append("  Informal stage concluded within: ").append(wd(ladder.informalLimitWd())).append('\n');
      out.append("  Formal process in total: ")
          .append(ladder.totalLimitWd() == null ? "no total stated" : ladder.totalLimitWd() + " WD")
          .append('\n');
      out.append("  Bypass: ").append(bypassWords(ladder.bypass())).append("\n\n");
    }
    String fallback =
        java.util.Arrays.stream(DisputeProcess.values())
            .filter(p -> !policy.definesLadder(p))
            .map(Enum::name)
            .reduce((a, b) -> a + ", " + b)
            .orElse("");
    if (!fallback.isEmpty()) {
      out.append(fallback).append(" disputes use the CLA ladder.\n\n");
    }
    out.append("Cafcass referral (looked-after children only): ").append(cafcassWords(policy.cafcass())).append('\n');
    out.append("Extensions of a stage's timescale: ")
        .append(policy.extensionsAllowed() ? "provided for" : "not provided for (recorded ones are flagged)")
        .append(clauseSuffix(policy, PolicyRules.EXTENSIONS))
        .append('\n');
    out.append("Putting a dispute on hold: ")
        .append(policy.holdsAllowed() ? "provided for" : "not provided for (recorded ones are flagged)")
        .append(clauseSuffix(policy, PolicyRules.HOLDS))
        .append("\n\n");
    out.append("Recording requirements\n");
    for (String rule : PolicyRules.ALL) {
      String clause = policy.clause(rule);
      if (!clause.isEmpty()) {
        out.append("  ").append(rule).append(": ").append(clause).append('\n');
      }
    }
    if (!policy.categories().isEmpty()) {
      out.append("\nCategories and their themes\n");
      TextTable table = new TextTable("category", "theme", "theme group");
      for (Map.Entry<String, String> entry : policy.categories().entrySet()) {
        boolean known = themes.contains(entry.getValue());
        table.row(
            entry.getKey(),
            known ? themes.theme(entry.getValue()).label() : entry.getValue(),
            known ? themes.theme(entry.getValue()).group() : "");
      }
      out.append(table.render("  "));
    }
    return out.toString();
  }

  private static String responseWords(Stage stage) {
    return switch (stage.response()) {
      case REPLY -> "a reply";
      case MEETING_DATE_CONFIRMED -> "meeting date confirmed";
      case MEETING_CONVENED -> "meeting convened";
    };
  }

  private static String wd(Integer value) {
    return value == null ? "no limit set" : value + " WD";
  }

  private static String bypassWords(BypassRule rule) {
    String words =
        rule.consultationRequired()
            ? "any stage, after consulting "
                + (rule.consultWithLabel().isEmpty() ? rule.consultWith().label() : rule.consultWithLabel())
                + (rule.emergencyException() ? " (except in emergencies)" : "")
            : "any stage, no prior consultation required";
    return words + (rule.clause().isEmpty() ? "" : " [" + rule.clause() + "]");
  }

  private static String cafcassWords(CafcassRule rule) {
    StringBuilder words = new StringBuilder();
    if (rule.hasNoticeRule()) {
      words.append(
          rule.noticeLeadWd() == 0
              ? "notice before the referral"
              : "notice at least " + rule.noticeLeadWd() + " WD before the referral");
    } else {
      words.append("no notice rule");
    }
    if (!rule.mustInform().isEmpty()) {
      words.append("; inform ").append(rule.mustInform().stream().map(Role::label).toList());
    }
    if (!rule.consultBefore().isEmpty()) {
      words.append("; consult ").append(String.join(", ", rule.consultBefore()));
    }
    if (rule.internalRouteFirst()) {
      words.append("; internal stages expected first");
    }
    if (!rule.clause().isEmpty()) {
      words.append(" [").append(rule.clause()).append(']');
    }
    return words.toString();
  }

  private static String clauseSuffix(Policy policy, String rule) {
    String clause = policy.clause(rule);
    return clause.isEmpty() ? "" : " [" + clause + "]";
  }
}
