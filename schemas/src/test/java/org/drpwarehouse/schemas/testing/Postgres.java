package org.drpwarehouse.schemas.testing;

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
 * The PostgreSQL server the database tests of every module use (the JDBC source, the serving
 * database): 127.0.0.1:5432, database {@code test}, user {@code postgres}, trust auth. Found, or
 * started with the Debian cluster tools; where neither works the tests skip loudly, and fail when
 * {@code CI=true}. Each test works in schemas of its own, dropped afterwards. Shipped in the
 * schemas module's test jar; the PostgreSQL driver comes from the module that uses it.
 */
public final class Postgres {
  public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String USER = "postgres";

  private Postgres() {}

  /** Finds the server or starts it; skips the test loudly (fails it when {@code CI=true}) when neither works. */
  public static void require() {
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

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, "");
  }

  /** A schema name no other test uses (not created). */
  public static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Creates a schema no other test uses and returns its name. */
  public static String newSchema(String prefix) {
    String schema = uniqueName(prefix);
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  public static void dropSchemas(String... schemas) {
    for (String schema : schemas) {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  public static void execute(String... statements) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + e.getMessage(), e);
    }
  }

  /** The first column of every row. */
  public static List<String> column(String sql) {
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

  /** The one value a query gives; anything else is an error naming the query. */
  public static String single(String sql) {
    List<String> values = column(sql);
    if (values.size() != 1) {
      throw new IllegalStateException("Expected one row from " + sql + " but got " + values);
    }
    return values.get(0);
  }
}
