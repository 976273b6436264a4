package org.drpwarehouse.ingestion;

import org.drpwarehouse.schemas.DrpUserException;

/**
 * A source file that is not what it claims (a wrong or missing header, not UTF-8, truncated, an
 * unreadable workbook). The whole source fails and no table changes; the message names the file and
 * the problem.
 */
public class SourceFileException extends DrpUserException {
  public SourceFileException(String file, String problem, String fix) {
    super(file, problem, fix);
  }

  public SourceFileException(String file, String problem, String fix, Throwable cause) {
    super(file, problem, fix, cause);
  }
}
