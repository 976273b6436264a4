package org.drpwarehouse.app.cli;

import org.drpwarehouse.schemas.DrpUserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code drp}: the DRP Warehouse command line. */
@Command(
    name = "drp",
    mixinStandardHelpOptions = true,
    versionProvider = DrpVersion.class,
    description = "DRP Warehouse: analytics and compliance for IRO dispute resolution processes.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      DueCommand.class,
      WorkdaysCommand.class,
      PoliciesCommand.class,
      ValidateCommand.class,
      IngestCommand.class,
      ExportCommand.class,
      TransformCommand.class,
      CheckCommand.class,
      PublishCommand.class,
      RunCommand.class,
      ReportCommand.class,
      AuditCommand.class,
      OutstandingCommand.class
    })
public final class DrpCommand implements Runnable {
  @Mixin GlobalOptions globals;

  private Environment environment;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The shared environment, built from the global options on first use. */
  Environment environment() {
    if (environment == null) {
      environment = new Environment(globals.settings());
    }
    return environment;
  }

  /** The configured command line: user errors print their message only; bugs print a stack trace. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new DrpCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          if (exception instanceof DrpUserException user) {
            commandLine.getErr().println("drp: " + user.getMessage());
            return ExitCodes.USER_ERROR;
          }
          commandLine.getErr().println("drp: internal error, please report it with this trace:");
          exception.printStackTrace(commandLine.getErr());
          return ExitCodes.INTERNAL_ERROR;
        });
    return cli;
  }
}
