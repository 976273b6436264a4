package org.drpwarehouse.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.drpwarehouse.ingestion.ExtractFolder;
import org.drpwarehouse.ingestion.ExtractValidator;
import org.drpwarehouse.ingestion.FileCheck;
import org.drpwarehouse.ingestion.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drp validate DIR}: what would load and what would be quarantined, writing nothing. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Dry run of ingest: reads every file of DIR and reports what would load and what would be",
      "quarantined and why (file, line, column, rule). Writes nothing. Record values are shown only",
      "with --show-values. Exit status 1 when a file would be refused as a whole."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The extract folder (one authority, or one sub-folder each).")
  Path folder;

  @Option(names = "--authority", paramLabel = "CODE", description = "Authority of SSDA903 files with no manifest.")
  String authority;

  @Option(names = "--show-values", description = "Show the rejected records' values (they may identify a child).")
  boolean showValues;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "5", description = "Rejected records listed per file (default 5).")
  int examples;

  @Override
  public Integer call() {
    ExtractFolder extract = ExtractFolder.scan(folder, authority);
    List<FileCheck> checks = new ExtractValidator(examples).check(extract);
    PrintWriter out = spec.commandLine().getOut();
    TextTable table = new TextTable("file", "record", "authority", "read", "would load", "would quarantine", "reasons");
    boolean refused = false;
    for (FileCheck check : checks) {
      refused |= check.failed();
      table.row(
          check.source().name(),
          check.source().spec().name(),
          check.source().authority() == null ? "(per row)" : check.source().authority(),
          check.failed() ? "-" : check.read(),
          check.failed() ? "REFUSED" : check.valid(),
          check.failed() ? "-" : check.rejected(),
          reasons(check.reasons()));
    }
    out.print(table.render(""));
    for (String ignored : extract.ignored()) {
      out.println("ignored (not a contract file): " + ignored);
    }
    for (FileCheck check : checks) {
      if (check.failed()) {
        out.println();
        out.println("REFUSED " + check.failure());
      } else if (!check.examples().isEmpty()) {
        out.println();
        out.println(check.source().name() + ": first " + check.examples().size() + " of " + check.rejected() + " rejected records");
        for (FileCheck.Rejection rejection : check.examples()) {
          for (Violation violation : rejection.violations()) {
            out.println(
                "  line " + rejection.line() + (violation.column() == null ? "" : ", column " + violation.column())
                    + ", rule " + violation.ruleId() + ": " + (showValues ? violation.fullReason() : violation.reason()));
          }
          if (showValues) {
            out.println("    record: " + rejection.text());
          }
        }
      }
    }
    long read = checks.stream().mapToLong(FileCheck::read).sum();
    long valid = checks.stream().mapToLong(FileCheck::valid).sum();
    out.println();
    out.println("read " + read + ", would load " + valid + ", would quarantine " + (read - valid)
        + (refused ? "; some files would be refused (see above)" : ""));
    return refused ? ExitCodes.USER_ERROR : ExitCodes.OK;
  }

  static String reasons(Map<String, Long> reasons) {
    StringBuilder text = new StringBuilder();
    reasons.forEach((rule, count) -> text.append(text.length() == 0 ? "" : ", ").append(rule).append(' ').append(count));
    return text.toString();
  }
}
