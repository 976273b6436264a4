package org.drpwarehouse.dashboards.serving;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableColumn;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * Copies a publication into the serving PostgreSQL database that Superset and inspectors read: the
 * board's small-number-suppressed marts into {@link ServingTarget#boardSchema()} and the inspectors'
 * per-dispute detail (pseudonymised ids only) into {@link ServingTarget#inspectorSchema()}.
 *
 * <p><b>Atomic.</b> Readers never see a half-published state. Each schema is written fresh into a
 * staging schema ({@code drp_board__stage_<random>}) with Spark's JDBC writer, its tables commented
 * from the contracts, granted to the reader roles and counted; then ONE transaction locks every live
 * table ({@code ACCESS EXCLUSIVE}), drops both live schemas and renames both staging schemas into
 * their place. PostgreSQL DDL is transactional, so another connection sees either the whole old
 * publication or the whole new one, both schemas together: a statement that started before the swap
 * finishes on the old tables (the swap waits for it), one that starts during the swap waits and then
 * reads the new tables. A failure before the swap drops the staging schemas and leaves the live ones
 * as they were.
 *
 * <p>The swap locks {@code board.publication}, then {@code inspector.publication}, then each
 * schema's tables by name, in one {@code LOCK TABLE} statement. A statement that reads several
 * tables and names them in that order cannot deadlock with it; in any other order PostgreSQL may end
 * a deadlock by cancelling one side. The swap waits at most {@code lockTimeout} for readers (so new
 * readers queue behind it only that long) and retries a few times before giving up with a user
 * error; the staging copy is kept between attempts.
 *
 * <p><b>The {@value #PUBLICATION_TABLE} table.</b> Each schema holds one, with one row: {@value
 * #PUBLICATION_ID}, {@value #PUBLISHED_AT} (timestamptz) and {@value #ROW_COUNTS}, a jsonb object
 * of the rows of each table published there ({@code {"mart_themes": 40}}). A reader that wants to
 * know what it is reading selects {@code publication_id} from it.
 *
 * <p><b>Types.</b> Spark's PostgreSQL dialect: strings {@code text}, longs {@code bigint}, ints
 * {@code integer}, doubles {@code float8}, dates {@code date}, booleans {@code boolean}. Arrays of
 * strings (the {@value #SUPPRESSED} column, {@code skipped_stages}, {@code flags}) become {@code
 * text[]}, not joined text: {@code 'on_time' = ANY(suppressed)} stays a plain query, and Superset
 * shows the array as text. Columns carry the contract's meaning as a {@code COMMENT}.
 *
 * <p><b>The schemas belong to the publication.</b> Anything else created in them is gone at the next
 * publication. Views in other schemas over the published tables would be dropped with them, so the
 * swap refuses (naming the views) instead; define such queries as Superset virtual datasets, which
 * read the tables by name.
 *
 * <p>One publication at a time per pair of schemas (a PostgreSQL advisory lock); a second one fails
 * at once. The password is never logged.
 */
public final class ServingDatabase {
  private static final Logger LOG = LogManager.getLogger(ServingDatabase.class);

  /**
   * The {@code array<string>} column small-number suppression adds to every board mart: the names of
   * the columns whose counts it nulled in that row (the dashboards module names it {@code
   * SmallNumberSuppression.SUPPRESSED}).
   */
  public static final String SUPPRESSED = "suppressed";

  public static final String PUBLICATION_TABLE = "publication";
  public static final String PUBLICATION_ID = "publication_id";
  public static final String PUBLISHED_AT = "published_at";
  public static final String ROW_COUNTS = "row_counts";

  private static final Pattern PUBLICATION_ID_FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
  private static final Pattern TABLE_NAME_FORMAT = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final String STAGE_INFIX = "__stage_";
  private static final Set<String> RETRIABLE_SQL_STATES = Set.of("55P03", "40P01", "40001");

  private final Duration lockTimeout;
  private final int swapAttempts;
  private final Clock clock;

  /** Waits up to 5 s for readers at the swap, 5 attempts. */
  public ServingDatabase() {
    this(Duration.ofSeconds(5), 5, Clock.systemUTC());
  }

  public ServingDatabase(Duration lockTimeout, int swapAttempts, Clock clock) {
    if (lockTimeout.isNegative() || lockTimeout.isZero()) {
      throw new IllegalArgumentException("Cannot wait " + lockTimeout + " for readers: give a positive duration");
    }
    if (swapAttempts < 1) {
      throw new IllegalArgumentException("Cannot try the swap " + swapAttempts + " times: give at least 1");
    }
    this.lockTimeout = lockTimeout;
    this.swapAttempts = swapAttempts;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Publishes {@code aggregates} (suppressed marts: the contract's columns plus {@value
   * #SUPPRESSED}) into the board schema and {@code detail} (gold tables, the contract's columns) into
   * the inspector schema, replacing both previous publications at once. Each table is named after
   * its contract ({@code mart_stage_timeliness}, {@code dispute_stage_visits}, ...). Columns beyond
   * the contract's are not copied.
   *
   * @throws DrpUserException when the database refuses (naming the target, never the password),
   *     another publication is running, or readers block the swap too long
   * @throws IllegalArgumentException when a dataset lacks a column of its contract, or an aggregate is
   *     not one of {@link MartTables#ALL}
   */
  public ServingPublication publish(Map<TableContract, Dataset<Row>> aggregates, Map<TableContract, Dataset<Row>> detail,
      ServingTarget target, String publicationId) {
    Objects.requireNonNull(target, "target");
    if (publicationId == null || !PUBLICATION_ID_FORMAT.matcher(publicationId).matches()) {
      throw new IllegalArgumentException("Cannot use publication id '" + publicationId
          + "': use up to 100 letters, digits and . _ : -, starting with a letter or digit");
    }
    Map<String, Dataset<Row>> boardTables = shape(aggregates, true);
    Map<String, Dataset<Row>> inspectorTables = shape(detail, false);
    Map<String, TableContract> contracts = new TreeMap<>();
    aggregates.keySet().forEach(c -> contracts.put(target.boardSchema() + "." + c.name(), c));
    detail.keySet().forEach(c -> contracts.put(target.inspectorSchema() + "." + c.name(), c));
    Instant publishedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String boardStage = target.boardSchema() + STAGE_INFIX + suffix;
    String inspectorStage = target.inspectorSchema() + STAGE_INFIX + suffix;

    try (Connection control = connect(target)) {
      holdPublicationLock(control, target);
      dropStaleStaging(control, target);
      boolean swapped = false;
      try {
        execute(control, "CREATE SCHEMA " + boardStage, "CREATE SCHEMA " + inspectorStage);
        LOG.info("Publication {}: copying {} board and {} inspector tables into {} ({}, {})", publicationId,
            boardTables.size(), inspectorTables.size(), target.address(), boardStage, inspectorStage);
        boardTables.forEach((name, data) -> write(data, target, boardStage, name));
        inspectorTables.forEach((name, data) -> write(data, target, inspectorStage, name));
        Map<String, Long> boardRows =
            prepare(control, target, boardStage, target.boardSchema(), contracts, publicationId, publishedAt);
        Map<String, Long> inspectorRows =
            prepare(control, target, inspectorStage, target.inspectorSchema(), contracts, publicationId, publishedAt);
        swap(control, target, boardStage, inspectorStage);
        swapped = true;
        LOG.info("Publication {} is live in {} and {}", publicationId, target.boardSchema(), target.inspectorSchema());
        return new ServingPublication(publicationId, publishedAt, target.boardSchema(), target.inspectorSchema(),
            boardRows, inspectorRows);
      } finally {
        if (!swapped) {
          dropQuietly(control, boardStage, inspectorStage);
        }
      }
    } catch (SQLException e) {
      throw refused(target, "refused the publication " + publicationId, e);
    }
  }

  /** The contract's columns, in contract order, plus {@value #SUPPRESSED} for board tables. */
  private static Map<String, Dataset<Row>> shape(Map<TableContract, Dataset<Row>> tables, boolean board) {
    Map<String, Dataset<Row>> shaped = new TreeMap<>();
    for (Map.Entry<TableContract, Dataset<Row>> entry : tables.entrySet()) {
      TableContract contract = entry.getKey();
      Dataset<Row> data = entry.getValue();
      if (!TABLE_NAME_FORMAT.matcher(contract.name()).matches() || contract.name().equals(PUBLICATION_TABLE)) {
        throw new IllegalArgumentException("Cannot publish a table named '" + contract.name() + "'");
      }
      if (board && !MartTables.ALL.contains(contract)) {
        throw new IllegalArgumentException("Cannot publish " + contract.qualifiedName()
            + " to the board schema: only the marts go there; per-dispute tables go to the inspector schema");
      }
      Set<String> present = Set.of(data.columns());
      List<String> wanted = new ArrayList<>(contract.columnNames());
      if (board) {
        wanted.add(SUPPRESSED);
      }
      List<String> missing = wanted.stream().filter(c -> !present.contains(c)).toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("Cannot publish " + contract.qualifiedName() + ": its data lacks "
            + missing + (board && missing.contains(SUPPRESSED) ? " (board tables are published after small-number suppression)" : ""));
      }
      if (board) {
        StructField suppressed = data.schema().apply(SUPPRESSED);
        if (!(suppressed.dataType() instanceof ArrayType array) || !array.elementType().equals(DataTypes.StringType)) {
          throw new IllegalArgumentException("Cannot publish " + contract.qualifiedName() + ": its " + SUPPRESSED
              + " column is " + suppressed.dataType().simpleString() + ", not array<string>");
        }
      }
      if (shaped.put(contract.name(), data.select(wanted.stream().map(functions::col).toArray(Column[]::new))) != null) {
        throw new IllegalArgumentException("Cannot publish two tables named " + contract.name());
      }
    }
    return shaped;
  }

  private void write(Dataset<Row> data, ServingTarget target, String schema, String table) {
    data.write()
        .mode(SaveMode.ErrorIfExists)
        .format("jdbc")
        .option("url", target.jdbcUrl())
        .option("dbtable", schema + "." + table)
        .option("user", target.user())
        .option("password", target.password())
        .option("driver", "org.postgresql.Driver")
        .option("batchsize", "2000")
        .option("numPartitions", "4")
        .save();
  }

  /**
   * Comments, indexes, grants, the publication table and the row counts of one staging schema, in
   * one transaction.
   */
  private Map<String, Long> prepare(Connection c, ServingTarget target, String stage, String live,
      Map<String, TableContract> contracts, String publicationId, Instant publishedAt) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String table : tablesOf(c, stage)) {
        TableContract contract = contracts.get(live + "." + table);
        s.execute("COMMENT ON TABLE " + stage + "." + table + " IS " + literal(contract.grain()));
        for (TableColumn column : contract.columns()) {
          s.execute("COMMENT ON COLUMN " + stage + "." + table + "." + column.name() + " IS " + literal(column.description()));
        }
        if (contract.column(GoldTables.DISPUTE_ID).isPresent()) {
          // Inspectors look disputes up one at a time.
          s.execute("CREATE INDEX ON " + stage + "." + table + " (" + GoldTables.AUTHORITY + ", " + GoldTables.DISPUTE_ID + ")");
        }
        try (ResultSet count = s.executeQuery("SELECT count(*) FROM " + stage + "." + table)) {
          count.next();
          rows.put(table, count.getLong(1));
        }
      }
      s.execute("CREATE TABLE " + stage + "." + PUBLICATION_TABLE + " (" + PUBLICATION_ID + " text NOT NULL, "
          + PUBLISHED_AT + " timestamptz NOT NULL, " + ROW_COUNTS + " jsonb NOT NULL)");
      s.execute("COMMENT ON TABLE " + stage + "." + PUBLICATION_TABLE
          + " IS 'the publication the tables of this schema belong to, and the rows of each'");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + stage + "." + PUBLICATION_TABLE + " VALUES (?, ?, ?::jsonb)")) {
        insert.setString(1, publicationId);
        insert.setTimestamp(2, Timestamp.from(publishedAt));
        // Table names are plain identifiers and counts numbers: nothing to escape.
        insert.setString(3, rows.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
            .collect(Collectors.joining(", ", "{", "}")));
        insert.executeUpdate();
      }
      for (String role : target.readerRoles()) {
        s.execute("GRANT USAGE ON SCHEMA " + stage + " TO " + role);
        s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + stage + " TO " + role);
      }
      c.commit();
      return rows;
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** The one transaction that makes both staging schemas live, retried while readers block it. */
  private void swap(Connection c, ServingTarget target, String boardStage, String inspectorStage) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
        List<String> live = lockOrder(c, target);
        if (!live.isEmpty()) {
          s.execute("LOCK TABLE " + String.join(", ", live) + " IN ACCESS EXCLUSIVE MODE");
          refuseOutsideViews(c, target);
        }
        s.execute("DROP SCHEMA IF EXISTS " + target.boardSchema() + " CASCADE");
        s.execute("DROP SCHEMA IF EXISTS " + target.inspectorSchema() + " CASCADE");
        s.execute("ALTER SCHEMA " + boardStage + " RENAME TO " + target.boardSchema());
        s.execute("ALTER SCHEMA " + inspectorStage + " RENAME TO " + target.inspectorSchema());
        c.commit();
        return;
      } catch (SQLException e) {
        c.rollback();
        if (!RETRIABLE_SQL_STATES.contains(e.getSQLState())) {
          throw e;
        }
        if (attempt >= swapAttempts) {
          throw new DrpUserException("serving database " + target.address(),
              "readers held " + target.boardSchema() + " or " + target.inspectorSchema() + " through " + swapAttempts
                  + " attempts of " + lockTimeout.toMillis() + " ms, so the publication was not swapped in (the previous one is still live)",
              "publish again once the long-running queries have finished (see pg_stat_activity)", e);
        }
        LOG.warn("Publication swap attempt {} of {} waited too long for readers ({}); trying again", attempt,
            swapAttempts, e.getSQLState());
        sleep(Math.min(lockTimeout.toMillis(), 200L * attempt));
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** Live tables in the order the swap locks them: both publication tables, then by name. */
  private static List<String> lockOrder(Connection c, ServingTarget target) throws SQLException {
    List<String> first = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String schema : List.of(target.boardSchema(), target.inspectorSchema())) {
      for (String table : tablesOf(c, schema)) {
        (table.equals(PUBLICATION_TABLE) ? first : rest).add(schema + "." + table);
      }
    }
    first.addAll(rest);
    return first;
  }

  private static void refuseOutsideViews(Connection c, ServingTarget target) throws SQLException {
    String sql = "SELECT DISTINCT vn.nspname || '.' || v.relname FROM pg_depend d"
        + " JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class"
        + " JOIN pg_namespace vn ON vn.oid = v.relnamespace JOIN pg_class t ON t.oid = d.refobjid"
        + " JOIN pg_namespace tn ON tn.oid = t.relnamespace"
        + " WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass"
        + " AND tn.nspname IN (?, ?) AND vn.nspname NOT IN (?, ?) AND v.oid <> t.oid ORDER BY 1";
    List<String> views = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement(sql)) {
      query.setString(1, target.boardSchema());
      query.setString(2, target.inspectorSchema());
      query.setString(3, target.boardSchema());
      query.setString(4, target.inspectorSchema());
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          views.add(result.getString(1));
        }
      }
    }
    if (!views.isEmpty()) {
      throw new DrpUserException("serving database " + target.address(),
          "views " + views + " read the published tables, and replacing the publication would drop them",
          "drop those views, or define them as Superset virtual datasets over the serving schema, which follow each publication");
    }
  }

  private static void holdPublicationLock(Connection c, ServingTarget target) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
      lock.setString(1, "drp-publication:" + target.boardSchema() + "/" + target.inspectorSchema());
      try (ResultSet result = lock.executeQuery()) {
        result.next();
        if (!result.getBoolean(1)) {
          throw new DrpUserException("serving database " + target.address(),
              "another publication into " + target.boardSchema() + " and " + target.inspectorSchema() + " is running",
              "wait for it to finish, then publish again");
        }
      }
    }
  }

  /** Staging schemas a killed publication left behind (safe: we hold the publication lock). */
  private static void dropStaleStaging(Connection c, ServingTarget target) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement(
        "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, ?) OR starts_with(nspname, ?)")) {
      query.setString(1, target.boardSchema() + STAGE_INFIX);
      query.setString(2, target.inspectorSchema() + STAGE_INFIX);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          stale.add(result.getString(1));
        }
      }
    }
    for (String schema : stale) {
      LOG.warn("Dropping {}, left behind by an earlier publication that did not finish", schema);
      execute(c, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static List<String> tablesOf(Connection c, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement(
        "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename")) {
      query.setString(1, schema);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          tables.add(result.getString(1));
        }
      }
    }
    return tables;
  }

  private static void dropQuietly(Connection c, String... schemas) {
    for (String schema : schemas) {
      try {
        execute(c, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } catch (SQLException e) {
        LOG.warn("Could not drop the staging schema {} ({}); the next publication drops it", schema, e.getMessage());
      }
    }
  }

  private static Connection connect(ServingTarget target) {
    Properties properties = new Properties();
    properties.setProperty("user", target.user());
    properties.setProperty("password", target.password());
    properties.setProperty("ApplicationName", "drp-publish");
    try {
      return DriverManager.getConnection(target.jdbcUrl(), properties);
    } catch (SQLException e) {
      throw refused(target, "could not be reached as " + target.user(), e);
    }
  }

  private static void execute(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static DrpUserException refused(ServingTarget target, String what, SQLException e) {
    String message = e.getMessage() == null ? e.getSQLState() : e.getMessage();
    if (!target.password().isEmpty()) {
      message = message.replace(target.password(), "********");
    }
    return new DrpUserException("serving database " + target.address(), what + ": " + message,
        "check the URL, that the user may create schemas there, and " + ServingTarget.PASSWORD_ENV);
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to retry the publication swap", e);
    }
  }
}
