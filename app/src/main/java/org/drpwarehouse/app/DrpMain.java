package org.drpwarehouse.app;

import org.drpwarehouse.app.cli.DrpCommand;
import picocli.CommandLine;

/**
 * The {@code drp} command's entry point. Commands that only need the contracts, policies and
 * calendar ({@code due}, {@code workdays}, {@code policies}, {@code generate}) run without starting
 * Spring or Spark, so they answer in about a second; the pipeline commands start what they need.
 */
public final class DrpMain {
  private DrpMain() {}

  public static void main(String[] args) {
    CommandLine cli = DrpCommand.commandLine();
    int status = cli.execute(args);
    // picocli's writers flush on println only: what a command print()ed must not be lost to exit.
    cli.getOut().flush();
    cli.getErr().flush();
    System.exit(status);
  }
}
