package org.drpwarehouse.dashboards.serving;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the serving tests use: 127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, trust auth. Found, or started with the Debian cluster tools; where neither works
 * the tests skip loudly, and fail when {@code CI=true}. Each test publishes into schemas of its own,
 * dropped afterwards.
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
    try (Connection c = connect()) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, "");
  }

  /** A schema name no other test uses (not created). */
  static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  static void dropSchemas(String... schemas) {
    for (String schema : schemas) {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  static void execute(String... statements) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + e.getMessage(), e);
    }
  }

  /** The first column of every row. */
  static List<String> column(String sql) {
    List<String> values = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + e.getMessage(), e);
    }
    return values;
  }

  static String single(String sql) {
    List<String> values = column(sql);
    if (values.size() != 1) {
      throw new IllegalStateException("Expected one row from " + sql + " but got " + values);
    }
    return values.get(0);
  }
}
