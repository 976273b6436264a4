package org.drpwarehouse.schemas;

/**
 * A problem with what a user gave the warehouse (a file, a setting, an argument), as opposed to a
 * bug. The message names where the problem is (file, line or field), the rule it breaks, and how to
 * fix it. Permanent: retrying the same input fails the same way.
 */
public class DrpUserException extends RuntimeException {
  private final String where;
  private final String fix;

  public DrpUserException(String where, String problem, String fix) {
    this(where, problem, fix, null);
  }

  public DrpUserException(String where, String problem, String fix, Throwable cause) {
    super(compose(where, problem, fix), cause);
    this.where = where;
    this.fix = fix;
  }

  private static String compose(String where, String problem, String fix) {
    StringBuilder message = new StringBuilder();
    if (where != null && !where.isBlank()) {
      message.append(where).append(": ");
    }
    message.append(problem);
    if (fix != null && !fix.isBlank()) {
      message.append(". Fix: ").append(fix);
    }
    return message.toString();
  }

  /** The file, line or field the problem is in. */
  public String where() {
    return where;
  }

  /** What the user can do about it. */
  public String fix() {
    return fix;
  }
}
