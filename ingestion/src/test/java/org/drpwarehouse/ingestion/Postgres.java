package org.drpwarehouse.ingestion;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the database tests use: 127.0.0.1:5432, database {@code test}, trust auth.
 * Found, or started with the Debian cluster tools; where neither works the tests skip loudly, and
 * fail when {@code CI=true}. Each test works in a schema of its own, dropped afterwards.
 */
final class Postgres {
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String USER = "postgres";

  private Postgres() {}

  static void require() {
    if (reachable()) {
      return;
    }
    try {
      new ProcessBuilder("sh", "-c", "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -1) main start")
          .inheritIO().start().waitFor(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      // fall through to the check below
    }
    if (!reachable()) {
      String message = "SKIPPED LOUDLY: no PostgreSQL on 127.0.0.1:5432 (database test, user postgres) and it could not be started";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message + " (CI=true: failing)");
      }
      System.err.println("*** " + message + " ***");
      Assumptions.abort(message);
    }
  }

  private static boolean reachable() {
    try (Connection c = DriverManager.getConnection(URL, USER, "")) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Creates a fresh schema and returns its name. */
  static String newSchema(String prefix) {
    String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  static void dropSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  static void execute(String... statements) {
    try (Connection c = DriverManager.getConnection(URL, USER, "");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + e.getMessage(), e);
    }
  }
}
