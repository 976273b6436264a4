package org.drpwarehouse.schemas.policy;

import java.util.stream.Collectors;
import org.drpwarehouse.schemas.DisputeProcess;

/**
 * The Markdown tables docs/policies.md shows for each preset and for the theme taxonomy, rendered
 * from the loaded data, so that a test can hold the documentation to what the code reads.
 */
final class PolicyDocs {
  private PolicyDocs() {}

  static String stageTable(Ladder ladder) {
    StringBuilder out = new StringBuilder("| rank | stage id | label | responder | timescale | response |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Stage stage : ladder.stages()) {
      out.append("| ").append(stage.rank())
          .append(" | `").append(stage.id()).append('`')
          .append(" | ").append(stage.label())
          .append(" | ").append(stage.responder())
          .append(" | ").append(stage.timescale().describe())
          .append(" | ").append(stage.response())
          .append(" |\n");
    }
    return out.toString();
  }

  static String limitsLine(Ladder ladder) {
    return "Informal raise limit: " + wd(ladder.informalRaiseLimitWd())
        + " · informal limit: " + wd(ladder.informalLimitWd())
        + " · total: " + wd(ladder.totalLimitWd());
  }

  static String rulesLine(Policy policy) {
    BypassRule bypass = policy.ladder(DisputeProcess.CLA).bypass();
    CafcassRule cafcass = policy.cafcass();
    String consult = bypass.consultationRequired()
        ? "required (" + bypass.consultWith() + ", \"" + bypass.consultWithLabel() + "\""
            + (bypass.emergencyException() ? ", except in emergencies" : "") + ")"
        : "not required";
    String notice = cafcass.hasNoticeRule() ? cafcass.noticeLeadWd() + " WD" : "no notice rule";
    String inform = cafcass.mustInform().isEmpty() ? "nobody named"
        : cafcass.mustInform().stream().map(Enum::name).collect(Collectors.joining(", "));
    return "Consultation before bypass: " + consult
        + " · Cafcass notice lead: " + notice
        + " · told before a referral: " + inform
        + " · internal route first: " + (cafcass.internalRouteFirst() ? "yes" : "no")
        + " · extensions: " + (policy.extensionsAllowed() ? "yes" : "no")
        + " · holds: " + (policy.holdsAllowed() ? "yes" : "no");
  }

  static String categoryTable(Policy policy) {
    StringBuilder out = new StringBuilder("| category code | canonical theme |\n|---|---|\n");
    policy.categories().forEach((code, theme) -> out.append("| `").append(code).append("` | `").append(theme).append("` |\n"));
    return out.toString();
  }

  static String themeTable(ThemeTaxonomy themes) {
    StringBuilder out = new StringBuilder("| group | theme id | label |\n|---|---|---|\n");
    for (Theme theme : themes.themes()) {
      out.append("| ").append(theme.group()).append(" | `").append(theme.id()).append("` | ").append(theme.label()).append(" |\n");
    }
    return out.toString();
  }

  private static String wd(Integer value) {
    return value == null ? "none" : value + " WD";
  }
}
