package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code drp} command in this JVM, as a user would type it, capturing what it prints. */
record DrpRun(int status, String out, String err) {
  static DrpRun of(String... args) {
    CommandLine cli = DrpCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return new DrpRun(status, out.toString(), err.toString());
  }
}
