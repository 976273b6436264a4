package org.drpwarehouse.ingestion;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The rows one run pulls from one configured query: those whose modified column is after the last
 * high-water mark ({@code lower}, exclusive; none on a first or full pull) and not after {@code
 * upper} (the column's maximum when the run was planned, so rows changed during the run come next
 * time, and a restarted run re-reads exactly the same rows).
 *
 * @param fullPull a full pull also marks records that disappeared at the source as deleted
 */
public record JdbcWindow(
    String profile,
    String url,
    String user,
    String passwordEnvironment,
    String sql,
    String modifiedColumn,
    List<String> keyColumns,
    LocalDateTime lower,
    LocalDateTime upper,
    boolean fullPull) {

  public JdbcWindow {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(modifiedColumn, "modifiedColumn");
    keyColumns = List.copyOf(keyColumns);
  }

  /** The password, read from the environment variable the profile names (never from a file). */
  public String password() {
    if (passwordEnvironment == null || passwordEnvironment.isBlank()) {
      return "";
    }
    String value = System.getenv(passwordEnvironment);
    return value == null ? "" : value;
  }
}
