package org.drpwarehouse.dashboards.superset;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.drpwarehouse.dashboards.serving.ServingTarget;

/**
 * How Superset reaches the serving database: the name the connection has in Superset, the host,
 * port and database as Superset sees them (they may differ from the warehouse's view, e.g. inside
 * a container network), Superset's read-only user and the board schema. Never a password: the
 * bundle masks it ({@value #PASSWORD_MASK}) and Superset asks for it at import.
 *
 * <p>Example: {@code new SupersetConnection("DRP serving", "db.internal", 5432, "drp", "superset_reader",
 * "drp_board").sqlalchemyUri()} is {@code postgresql+psycopg2://superset_reader:XXXXXXXXXX@db.internal:5432/drp}.
 */
public record SupersetConnection(String databaseName, String host, int port, String database, String user,
    String boardSchema) {

  /** Superset's {@code PASSWORD_MASK}: a masked password that import replaces with the real one. */
  public static final String PASSWORD_MASK = "XXXXXXXXXX";

  public SupersetConnection {
    requireText("database name", databaseName);
    requireText("host", host);
    requireText("database", database);
    requireText("user", user);
    requireText("board schema", boardSchema);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Cannot use port " + port + " for the serving database: give 1 to 65535");
    }
    if (databaseName.length() > 250) {
      throw new IllegalArgumentException("Cannot use a Superset database name of " + databaseName.length()
          + " characters: Superset keeps at most 250");
    }
  }

  /**
   * The serving target's host, port, database and board schema, as Superset's {@code user} sees
   * them.
   */
  public static SupersetConnection fromServing(String databaseName, ServingTarget target, String user) {
    URI address = target.address();
    return new SupersetConnection(databaseName, address.getHost(), address.getPort(), address.getPath().substring(1),
        user, target.boardSchema());
  }

  /** The SQLAlchemy URI Superset stores, with the password masked. */
  public String sqlalchemyUri() {
    return "postgresql+psycopg2://" + escape(user) + ":" + PASSWORD_MASK + "@" + host + ":" + port + "/" + escape(database);
  }

  /** Percent-encoding as SQLAlchemy's URL parser undoes it (a space is %20, never +). */
  private static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void requireText(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Cannot build a Superset connection without a " + what);
    }
  }
}
