package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.policy.DueDate;
import org.drpwarehouse.schemas.policy.Ladder;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code drp due}: when is a stage's response due? */
@Command(
    name = "due",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the ISO due date of a stage's response under a policy.",
      "Example: drp due --policy calderdale --stage stage1 --from 2024-05-03   prints 2024-05-10"
    })
final class DueCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--policy", required = true, paramLabel = "ID", description = "Policy id, e.g. calderdale (see drp policies).")
  String policyId;

  @Option(names = "--policy-version", paramLabel = "N", description = "A version of the policy (default: the one in force on --from).")
  Integer version;

  @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "Stage id, e.g. stage1, informal, drp2, level3.")
  String stageId;

  @Option(names = "--from", required = true, paramLabel = "DATE", description = "The day the stage opened (YYYY-MM-DD).")
  LocalDate from;

  @Option(names = "--process", paramLabel = "PROCESS", defaultValue = "CLA", description = "CLA (default), CP, PARTNER or REVERSE.")
  DisputeProcess process;

  @Option(names = "--agreed-date", paramLabel = "DATE", description = "Date set by the IRO on opening, where the policy lets the IRO set it.")
  LocalDate agreedDate;

  @Option(names = "--explain", description = "Also print how the date was derived.")
  boolean explain;

  @Override
  public Integer call() {
    Environment env = parent.environment();
    Policy policy = version == null ? env.policies().inForce(policyId, from) : env.policies().version(policyId, version);
    Ladder ladder = policy.ladder(process);
    Stage stage =
        ladder
            .stage(stageId)
            .orElseThrow(
                () ->
                    new DrpUserException(
                        "--stage " + stageId,
                        "is not a stage of " + policy.reference() + " for " + process,
                        "use one of " + ladder.stages().stream().map(Stage::id).toList()));
    Optional<DueDate> due = stage.timescale().due(from, agreedDate, env.calendar());
    PrintWriter out = spec.commandLine().getOut();
    if (due.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "drp: stage " + stageId + " of " + policy.reference() + " has no response timescale ("
                  + stage.timescale().describe() + ")"
                  + (agreedDate == null && stage.timescale().kind() == org.drpwarehouse.schemas.policy.Timescale.Kind.SET_BY_IRO
                      ? "; give --agreed-date for the date the IRO set"
                      : ""));
      return ExitCodes.NO_ANSWER;
    }
    out.println(due.get().date());
    if (explain) {
      out.println(
          "  " + policy.reference() + ", " + process + " " + stage.id() + " (" + stage.label() + "): "
              + due.get().derivation() + (due.get().capped() ? " [capped]" : ""));
    }
    return ExitCodes.OK;
  }
}
