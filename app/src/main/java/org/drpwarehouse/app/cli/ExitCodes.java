package org.drpwarehouse.app.cli;

/** The {@code drp} command's exit statuses. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** The input, settings or data were wrong; the message says where and how to fix it. */
  public static final int USER_ERROR = 1;
  /** The command line itself was wrong (picocli's usage error). */
  public static final int USAGE = 2;
  /** The question has no answer (e.g. a stage with no response timescale has no due date). */
  public static final int NO_ANSWER = 3;
  /** {@code drp check}: nothing may be published (a warehouse-wide check failed, or every authority is withheld). */
  public static final int GATE_BLOCKED = 4;
  /** {@code drp check}: some authorities are withheld by the quality gate; the others may publish. */
  public static final int GATE_WITHHELD = 5;
  /** A bug: the stack trace is printed; please report it. */
  public static final int INTERNAL_ERROR = 70;
}
