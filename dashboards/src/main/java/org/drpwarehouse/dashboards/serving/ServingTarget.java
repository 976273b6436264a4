package org.drpwarehouse.dashboards.serving;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * Where a publication goes: a PostgreSQL database (JDBC URL and user), the schema that holds the
 * board's suppressed aggregates ({@value #DEFAULT_BOARD_SCHEMA} by default) and the separate schema
 * that holds the inspectors' per-dispute detail ({@value #DEFAULT_INSPECTOR_SCHEMA}), and the roles
 * that read them (Superset's connection user, an inspector role), which are granted {@code USAGE}
 * and {@code SELECT} on every fresh schema before it goes live.
 *
 * <p>The password comes from the environment only ({@value #PASSWORD_ENV}, see {@link
 * #fromEnvironment}); {@link #toString()} never shows it, so a target can be logged.
 *
 * <p>Example: {@code ServingTarget.fromEnvironment("jdbc:postgresql://db.example.internal:5432/drp",
 * "drp_publisher", System.getenv())}.
 */
public record ServingTarget(String jdbcUrl, String user, String password, String boardSchema,
    String inspectorSchema, List<String> readerRoles) {

  /** The environment variable the serving database password is read from. */
  public static final String PASSWORD_ENV = "DRP_SERVING_PASSWORD";
  public static final String DEFAULT_BOARD_SCHEMA = "drp_board";
  public static final String DEFAULT_INSPECTOR_SCHEMA = "drp_inspector";

  /**
   * Schema and role names are written into DDL unquoted, so they are plain lower-case
   * identifiers; 40 characters leaves room for the staging suffix within PostgreSQL's 63.
   */
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,39}");

  public ServingTarget {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (jdbcUrl.toLowerCase(Locale.ROOT).contains("password=")) {
      throw new DrpUserException("serving database URL", "carries a password",
          "remove it from the URL and export " + PASSWORD_ENV + " instead: the password comes from the environment only");
    }
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new DrpUserException("serving database URL " + jdbcUrl, "is not a PostgreSQL JDBC URL",
          "give one like jdbc:postgresql://host:5432/database");
    }
    if (user == null || user.isBlank()) {
      throw new DrpUserException("serving database " + jdbcUrl, "has no user", "give the user that publishes");
    }
    password = password == null ? "" : password;
    requireIdentifier("board schema", boardSchema);
    requireIdentifier("inspector schema", inspectorSchema);
    if (boardSchema.equals(inspectorSchema)) {
      throw new DrpUserException("serving schemas", "the board and inspector schemas are both " + boardSchema,
          "give the inspector detail a schema of its own, so that board readers cannot see it");
    }
    readerRoles = List.copyOf(readerRoles == null ? List.of() : readerRoles);
    readerRoles.forEach(role -> requireIdentifier("reader role", role));
  }

  /**
   * The default schemas and no reader roles, with the password from {@value #PASSWORD_ENV} in
   * {@code environment} (empty when unset: trust or certificate authentication).
   */
  public static ServingTarget fromEnvironment(String jdbcUrl, String user, Map<String, String> environment) {
    return new ServingTarget(jdbcUrl, user, environment.getOrDefault(PASSWORD_ENV, ""), DEFAULT_BOARD_SCHEMA,
        DEFAULT_INSPECTOR_SCHEMA, List.of());
  }

  public ServingTarget withSchemas(String board, String inspector) {
    return new ServingTarget(jdbcUrl, user, password, board, inspector, readerRoles);
  }

  public ServingTarget withReaderRoles(List<String> roles) {
    return new ServingTarget(jdbcUrl, user, password, boardSchema, inspectorSchema, roles);
  }

  /** The host, port and database of {@link #jdbcUrl()} (query parameters dropped). */
  public URI address() {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return URI.create("postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath());
  }

  private static void requireIdentifier(String what, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new DrpUserException(what + " '" + name + "'", "is not a plain lower-case SQL identifier",
          "use letters, digits and underscores, starting with a letter, at most 40 characters (e.g. drp_board)");
    }
  }

  @Override
  public String toString() {
    return "ServingTarget[" + jdbcUrl + " as " + user + ", password " + (password.isEmpty() ? "none" : "set")
        + ", board " + boardSchema + ", inspector " + inspectorSchema + ", readers " + readerRoles + "]";
  }
}
