package org.drpwarehouse.dashboards.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.testing.Postgres;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServingDatabaseTest {
  /** Trust auth ignores it; the tests check it never surfaces. */
  private static final String PASSWORD = "serving-secret-7Qx";
  private static final Instant NOW = Instant.parse("2024-06-28T17:30:00Z");

  private String board;
  private String inspector;
  private ServingTarget target;
  private final ServingDatabase serving = new ServingDatabase(Duration.ofSeconds(5), 5, Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void schemas() {
    Postgres.require();
    board = Postgres.uniqueName("drp_board_t");
    inspector = Postgres.uniqueName("drp_insp_t");
    target = new ServingTarget(Postgres.URL, Postgres.USER, PASSWORD, board, inspector, List.of());
  }

  @AfterEach
  void drop() {
    if (board != null) {
      List<String> left = Postgres.column("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, '" + board
          + "') OR starts_with(nspname, '" + inspector + "')");
      Postgres.dropSchemas(left.toArray(String[]::new));
    }
  }

  @Test
  void suppressedMartsGoToTheBoardSchemaAndDetailToTheInspectorSchema() throws SQLException {
    Dataset<Row> timeliness = ServingRows.board(MartTables.STAGE_TIMELINESS, 1, Map.of(
        MartTables.STAGE, "stage1", MartTables.VISITS_DUE, 12L, MartTables.ASSESSED, 9L,
        ServingDatabase.SUPPRESSED, List.of(MartTables.ON_TIME, MartTables.LATE)));
    Dataset<Row> visits = ServingRows.gold(GoldTables.STAGE_VISITS, 2, Map.of(
        GoldTables.Visit.SKIPPED_STAGES, List.of("stage2", "stage3")));

    ServingPublication publication = serving.publish(Map.of(MartTables.STAGE_TIMELINESS, timeliness),
        Map.of(GoldTables.STAGE_VISITS, visits), target, "2024-06-28.1");

    assertThat(publication.boardRows()).as("one mart row published").containsExactly(Map.entry("mart_stage_timeliness", 1L));
    assertThat(publication.inspectorRows()).as("two visits published").containsExactly(Map.entry("dispute_stage_visits", 2L));
    assertThat(Postgres.column("SELECT tablename FROM pg_tables WHERE schemaname = '" + board + "' ORDER BY 1"))
        .as("the board schema holds the marts and the publication, never per-dispute detail")
        .containsExactly("mart_stage_timeliness", "publication");
    assertThat(Postgres.column("SELECT tablename FROM pg_tables WHERE schemaname = '" + inspector + "' ORDER BY 1"))
        .containsExactly("dispute_stage_visits", "publication");

    String mart = board + ".mart_stage_timeliness";
    assertThat(Postgres.single("SELECT on_time IS NULL AND late IS NULL AND visits_due = 12 FROM " + mart))
        .as("suppressed counts arrive as nulls, published counts as they were").isEqualTo("t");
    assertThat(Postgres.single("SELECT 'on_time' = ANY(suppressed) AND NOT 'visits_due' = ANY(suppressed) FROM " + mart))
        .as("the suppressed column is a text[] a reader can query").isEqualTo("t");
    assertThat(Postgres.single("SELECT data_type FROM information_schema.columns WHERE table_schema = '" + board
        + "' AND table_name = 'mart_stage_timeliness' AND column_name = 'suppressed'")).isEqualTo("ARRAY");
    assertThat(Postgres.single("SELECT array_to_string(skipped_stages, '>') FROM " + inspector
        + ".dispute_stage_visits WHERE authority = 'LA1'")).isEqualTo("stage2>stage3");
    assertThat(Postgres.single("SELECT col_description('" + mart + "'::regclass, attnum) FROM pg_attribute WHERE attrelid = '"
        + mart + "'::regclass AND attname = 'assessed'"))
        .as("columns carry the contract's meaning")
        .isEqualTo(MartTables.STAGE_TIMELINESS.column(MartTables.ASSESSED).orElseThrow().description());

    for (String schema : List.of(board, inspector)) {
      assertThat(Postgres.single("SELECT string_agg(DISTINCT publication_id || ' at ' || to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), ',') FROM "
          + schema + ".publication")).as("%s names its publication", schema).isEqualTo("2024-06-28.1 at 2024-06-28 17:30");
    }
    assertThat(Postgres.single("SELECT row_counts::text FROM " + inspector + ".publication"))
        .as("the publication table counts what it published").isEqualTo("{\"dispute_stage_visits\": 2}");
    assertThat(stagingLeft()).as("no staging schema is left behind").isEmpty();
  }

  @Test
  void republishingReplacesTheWholePreviousPublication() {
    serving.publish(Map.of(MartTables.THEMES, ServingRows.board(MartTables.THEMES, 3, Map.of()),
            MartTables.CAFCASS, ServingRows.board(MartTables.CAFCASS, 1, Map.of())),
        Map.of(GoldTables.DISPUTE_FLAGS, ServingRows.gold(GoldTables.DISPUTE_FLAGS, 1, Map.of())), target, "first");

    serving.publish(Map.of(MartTables.THEMES, ServingRows.board(MartTables.THEMES, 2, Map.of())), Map.of(), target, "second");

    assertThat(Postgres.column("SELECT tablename FROM pg_tables WHERE schemaname IN ('" + board + "', '" + inspector
        + "') ORDER BY schemaname, tablename"))
        .as("the Cafcass mart and the flags of the first publication are gone with it")
        .containsExactly("mart_themes", "publication", "publication");
    assertThat(Postgres.single("SELECT count(*) FROM " + board + ".mart_themes")).isEqualTo("2");
    assertThat(Postgres.single("SELECT string_agg(DISTINCT publication_id, ',') FROM " + inspector + ".publication"))
        .as("an empty inspector publication still names itself").isEqualTo("second");
    assertThat(stagingLeft()).isEmpty();
  }

  @Test
  void aCopyThatFailsLeavesThePreviousPublicationLive() {
    serving.publish(Map.of(MartTables.THEMES, ServingRows.board(MartTables.THEMES, 1, Map.of())), Map.of(), target, "good");
    Dataset<Row> breaks = ServingRows.board(MartTables.THEMES, 2, Map.of())
        .withColumn(MartTables.DISPUTES, functions.raise_error(functions.lit("injected failure while copying")).cast(DataTypes.LongType));

    assertThatThrownBy(() -> serving.publish(Map.of(MartTables.THEMES, breaks), Map.of(), target, "broken"))
        .satisfies(e -> assertThat(messages(e)).as("the password never surfaces").doesNotContain(PASSWORD));

    assertThat(Postgres.single("SELECT string_agg(DISTINCT publication_id, ',') FROM " + board + ".publication"))
        .as("readers still see the good publication").isEqualTo("good");
    assertThat(Postgres.single("SELECT count(*) FROM " + board + ".mart_themes")).isEqualTo("1");
    assertThat(stagingLeft()).as("the failed staging copy is dropped").isEmpty();
  }

  @Test
  void readersDuringRepublishingSeeOneWholePublicationNeverAMixOrAMissingTable() throws Exception {
    Map<TableContract, Integer> marts = Map.of(MartTables.STAGE_TIMELINESS, 0, MartTables.THEMES, 0, MartTables.CAFCASS, 0);
    Map<TableContract, Integer> detail = Map.of(GoldTables.STAGE_VISITS, 0, GoldTables.DISPUTE_FLAGS, 0);
    // Publication "p<k>-r<n>" has n rows in every table: a reader that mixed two would see two counts.
    int[] rowsOf = {1, 3, 2, 4};
    serving.publish(tables(marts, rowsOf[0], true), tables(detail, rowsOf[0], false), target, "p0-r" + rowsOf[0]);

    // The reader names the tables in the swap's lock order: both publication tables, then by name.
    List<String> boardTables = new ArrayList<>(new TreeSet<>(marts.keySet().stream().map(TableContract::name).toList()));
    List<String> inspectorTables = new ArrayList<>(new TreeSet<>(detail.keySet().stream().map(TableContract::name).toList()));
    StringBuilder sql = new StringBuilder("SELECT b.ids, i.ids");
    boardTables.forEach(t -> sql.append(", (SELECT count(*) FROM ").append(board).append('.').append(t).append(')'));
    inspectorTables.forEach(t -> sql.append(", (SELECT count(*) FROM ").append(inspector).append('.').append(t).append(')'));
    sql.append(" FROM (SELECT string_agg(DISTINCT publication_id, ',') AS ids FROM ").append(board).append(".publication) b,")
        .append(" (SELECT string_agg(DISTINCT publication_id, ',') AS ids FROM ").append(inspector).append(".publication) i");
    String tableCount = "SELECT count(*) FROM pg_tables WHERE schemaname IN ('" + board + "', '" + inspector + "')";
    int expectedTables = boardTables.size() + inspectorTables.size() + 2;

    AtomicBoolean publishing = new AtomicBoolean(true);
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    Set<String> seen = Collections.synchronizedSet(new TreeSet<>());
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> reader = threads.submit(() -> {
        int reads = 0;
        try (Connection c = Postgres.connect(); Statement s = c.createStatement()) {
          while (publishing.get() && reads < 200_000) {
            reads++;
            try (ResultSet r = s.executeQuery(sql.toString())) {
              r.next();
              String boardId = r.getString(1);
              String inspectorId = r.getString(2);
              seen.add(boardId);
              if (!boardId.equals(inspectorId)) {
                problems.add("board shows " + boardId + " while inspector shows " + inspectorId);
              }
              long expected = Long.parseLong(boardId.substring(boardId.indexOf("-r") + 2));
              for (int col = 3; col <= 2 + boardTables.size() + inspectorTables.size(); col++) {
                if (r.getLong(col) != expected) {
                  problems.add("publication " + boardId + " with " + r.getLong(col) + " rows in table " + (col - 2));
                }
              }
            } catch (SQLException e) {
              problems.add("read failed: " + e.getMessage());
            }
            try (ResultSet r = s.executeQuery(tableCount)) {
              r.next();
              if (r.getInt(1) != expectedTables) {
                problems.add(r.getInt(1) + " tables instead of " + expectedTables);
              }
            }
          }
        }
        return reads;
      });
      Future<?> publisher = threads.submit(() -> {
        try {
          for (int k = 1; k < rowsOf.length; k++) {
            serving.publish(tables(marts, rowsOf[k], true), tables(detail, rowsOf[k], false), target, "p" + k + "-r" + rowsOf[k]);
          }
        } finally {
          publishing.set(false);
        }
      });
      publisher.get(5, TimeUnit.MINUTES);
      int reads = reader.get(1, TimeUnit.MINUTES);

      assertThat(problems).as("every read saw one whole publication (%d reads)", reads).isEmpty();
      assertThat(seen).as("the reader ran through the republishing and saw several publications").hasSizeGreaterThan(1);
      assertThat(Postgres.single("SELECT string_agg(DISTINCT publication_id, ',') FROM " + board + ".publication"))
          .isEqualTo("p3-r4");
    } finally {
      publishing.set(false);
      threads.shutdownNow();
    }
  }

  @Test
  void readerRolesCanReadEveryPublication() {
    String role = Postgres.uniqueName("drp_reader_t");
    Postgres.execute("CREATE ROLE " + role + " NOLOGIN");
    try {
      ServingTarget withReader = target.withReaderRoles(List.of(role));
      serving.publish(Map.of(MartTables.THEMES, ServingRows.board(MartTables.THEMES, 1, Map.of())), Map.of(), withReader, "one");
      serving.publish(Map.of(MartTables.THEMES, ServingRows.board(MartTables.THEMES, 1, Map.of())), Map.of(), withReader, "two");

      assertThat(Postgres.single("SELECT has_schema_privilege('" + role + "', '" + board + "', 'USAGE') AND has_table_privilege('"
          + role + "', '" + board + ".mart_themes', 'SELECT') AND has_table_privilege('" + role + "', '" + inspector
          + ".publication', 'SELECT')")).as("the grants come with each fresh schema").isEqualTo("t");
    } finally {
      drop();
      board = null;
      Postgres.execute("DROP ROLE " + role);
    }
  }

  @Test
  void aSecondPublicationAtTheSameTimeIsRefused() throws SQLException {
    try (Connection other = Postgres.connect(); Statement s = other.createStatement()) {
      s.execute("SELECT pg_advisory_lock(hashtext('drp-publication:" + board + "/" + inspector + "'))");

      assertThatThrownBy(() -> serving.publish(Map.of(), Map.of(), target, "late"))
          .isInstanceOf(DrpUserException.class)
          .hasMessageContaining("another publication into " + board);
    }
  }

  @Test
  void viewsElsewhereOverThePublishedTablesStopTheSwapInsteadOfBeingDropped() {
    serving.publish(Map.of(MartTables.THEMES, ServingRows.board(MartTables.THEMES, 1, Map.of())), Map.of(), target, "one");
    String elsewhere = Postgres.uniqueName("drp_views_t");
    Postgres.execute("CREATE SCHEMA " + elsewhere,
        "CREATE VIEW " + elsewhere + ".theme_totals AS SELECT theme, sum(disputes) AS disputes FROM " + board + ".mart_themes GROUP BY theme");
    try {
      assertThatThrownBy(() -> serving.publish(Map.of(MartTables.THEMES, ServingRows.board(MartTables.THEMES, 2, Map.of())),
          Map.of(), target, "two"))
          .isInstanceOf(DrpUserException.class)
          .hasMessageContaining(elsewhere + ".theme_totals")
          .hasMessageContaining("virtual datasets");
      assertThat(Postgres.single("SELECT count(*) FROM " + elsewhere + ".theme_totals")).as("the view survives").isEqualTo("1");
      assertThat(stagingLeft()).isEmpty();
    } finally {
      Postgres.dropSchemas(elsewhere);
    }
  }

  @Test
  void aBoardMartWithoutItsSuppressedColumnIsRefusedBeforeAnythingIsWritten() {
    Dataset<Row> unsuppressed = ServingRows.gold(MartTables.THEMES, 1, Map.of());

    assertThatThrownBy(() -> serving.publish(Map.of(MartTables.THEMES, unsuppressed), Map.of(), target, "raw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gold.mart_themes")
        .hasMessageContaining("[suppressed]")
        .hasMessageContaining("after small-number suppression");
    assertThat(Postgres.column("SELECT nspname FROM pg_namespace WHERE nspname = '" + board + "'")).isEmpty();
  }

  @Test
  void perDisputeDetailIsNeverPublishedToTheBoardSchema() {
    Dataset<Row> visits = ServingRows.board(GoldTables.STAGE_VISITS, 1, Map.of());

    assertThatThrownBy(() -> serving.publish(Map.of(GoldTables.STAGE_VISITS, visits), Map.of(), target, "mixed-up"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gold.dispute_stage_visits to the board schema")
        .hasMessageContaining("inspector schema");
  }

  private Map<TableContract, Dataset<Row>> tables(Map<TableContract, Integer> contracts, int rows, boolean suppressed) {
    Map<TableContract, Dataset<Row>> tables = new LinkedHashMap<>();
    contracts.keySet().forEach(c -> tables.put(c, suppressed ? ServingRows.board(c, rows, Map.of()) : ServingRows.gold(c, rows, Map.of())));
    return tables;
  }

  private List<String> stagingLeft() {
    return Postgres.column("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, '" + board
        + "__stage_') OR starts_with(nspname, '" + inspector + "__stage_')");
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }
}
