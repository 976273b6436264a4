package org.drpwarehouse.app.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drp workdays FROM TO}: working days elapsed. */
@Command(
    name = "workdays",
    mixinStandardHelpOptions = true,
    description = {
      "Prints wd(FROM, TO): the working days d with FROM < d <= TO (negative when TO is before FROM).",
      "Working days are Monday to Friday except England and Wales bank holidays.",
      "Example: drp workdays 2024-05-03 2024-05-10   prints 4"
    })
final class WorkdaysCommand implements Callable<Integer> {
  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FROM", description = "Start date (YYYY-MM-DD); never counted.")
  LocalDate from;

  @Parameters(index = "1", paramLabel = "TO", description = "End date (YYYY-MM-DD); counted if a working day.")
  LocalDate to;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(parent.environment().calendar().workingDaysBetween(from, to));
    return ExitCodes.OK;
  }
}
