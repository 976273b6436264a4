package org.drpwarehouse.app.publish;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.dashboards.BoardPublication;
import org.drpwarehouse.dashboards.BoardSite;
import org.drpwarehouse.dashboards.SmallNumberSuppression;
import org.drpwarehouse.dashboards.serving.ServingDatabase;
import org.drpwarehouse.dashboards.serving.ServingPublication;
import org.drpwarehouse.dashboards.serving.ServingTarget;
import org.drpwarehouse.dashboards.superset.BundleKind;
import org.drpwarehouse.dashboards.superset.SupersetBundle;
import org.drpwarehouse.dashboards.superset.SupersetConnection;
import org.drpwarehouse.quality.AuthorityDecision;
import org.drpwarehouse.quality.GateResult;
import org.drpwarehouse.quality.GateStatus;
import org.drpwarehouse.quality.RuleOutcome;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.PublicationTables;
import org.drpwarehouse.schemas.warehouse.QualityTables;
import org.drpwarehouse.schemas.warehouse.ReferenceTables;
import org.drpwarehouse.schemas.warehouse.SilverTables;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * Publication: after a gate that lets at least one authority through, the board dashboard, the
 * CSV of every board table and the Superset bundle of the latest gold build, written into the
 * publication's own folder, and a row in {@code publications.log} naming the Delta version of
 * every table used and the gate result.
 *
 * <p>Every output is rendered from the recorded versions only (Delta time travel), so {@link
 * #rebuild} of a publication writes byte-identical files: an inspector can reproduce any past
 * dashboard. The folder is {@link PublicationTables#folder}: {@code site/} (open {@code
 * site/index.html}; the suppressed CSVs are in {@code site/csv/}) and {@code superset/}.
 */
public final class Publisher {
  /** What a publication wrote. */
  public record Published(String id, Instant publishedAt, LocalDate asOf, URI folder, URI dashboard, URI bundle,
      List<String> published, List<String> withheld, Map<String, Long> versions, Optional<ServingPublication> serving) {}

  /** Where the serving database is, and the name Superset knows it by; empty for none. */
  public record Serving(Optional<ServingTarget> target, String supersetDatabaseName, String supersetUser) {}

  static final String BUNDLE_FILE = "drp-board-superset.zip";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** The tables a publication reads, whose versions it records. */
  static List<TableContract> tablesUsed() {
    List<TableContract> tables = new ArrayList<>(MartTables.ALL);
    tables.addAll(List.of(GoldTables.STAGE_VISITS, GoldTables.DISPUTE_SUMMARY, GoldTables.DISPUTE_FLAGS,
        GoldTables.REVIEW_TIMELINESS, GoldTables.REVIEW_DECISIONS, GoldTables.BUILDS, SilverTables.CHILDREN,
        ReferenceTables.POLICY_BINDINGS, QualityTables.RESULTS, QualityTables.EXCEPTIONS));
    return tables;
  }

  private final SparkSession spark;
  private final URI warehouse;

  public Publisher(SparkSession spark, URI warehouse) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /**
   * Publishes the latest gold build, gated by {@code gate} (run on that build's as-of date).
   *
   * @throws DrpUserException when the gate lets nothing through, naming the failing rules and the report
   */
  public Published publish(GateResult gate, Serving serving) {
    Row build = latestBuild();
    LocalDate asOf = build.getDate(build.fieldIndex(GoldTables.AS_OF_DATE)).toLocalDate();
    if (!asOf.equals(gate.asOf())) {
      throw new DrpUserException("drp publish", "the quality gate ran as of " + gate.asOf() + " but the latest gold build is as of "
          + asOf, "run drp check again (it checks the latest build)");
    }
    List<BoardPublication.Authority> authorities = authorities(gate);
    if (gate.status() == GateStatus.BLOCKED || authorities.stream().noneMatch(BoardPublication.Authority::published)) {
      throw new DrpUserException("drp publish", "the quality gate lets nothing be published: " + failing(gate),
          "read the quality report " + gate.reportHtml() + ", mend the records it names, ingest and transform again");
    }
    Instant publishedAt = Instant.now();
    String id = "pub-" + ID_TIME.format(publishedAt) + "-" + UUID.randomUUID().toString().substring(0, 4);
    Map<String, Long> versions = new LinkedHashMap<>();
    for (TableContract table : tablesUsed()) {
      String location = table.location(warehouse).toString();
      if (DeltaTable.isDeltaTable(spark, location)) {
        versions.put(table.qualifiedName(), DeltaTable.forPath(spark, location).history(1).head().getLong(0));
      }
    }
    BoardPublication board = new BoardPublication(id, publishedAt, asOf, authorities, boardStatus(gate.status(), authorities),
        gate.reportHtml());
    Published published = render(board, versions, serving);
    appendLog(board, build.getString(build.fieldIndex(GoldTables.Build.BUILD_ID)), versions, gate, published);
    return published;
  }

  /** Regenerates a past publication's outputs, identical, from the table versions it recorded. */
  public Published rebuild(String id) {
    Row row = logRow(id);
    Map<String, Long> versions = new LinkedHashMap<>(row.getJavaMap(row.fieldIndex(PublicationTables.TABLE_VERSIONS)));
    BoardPublication board = fromJson(row.getString(row.fieldIndex(PublicationTables.GATE_RESULT)));
    return render(board, versions, new Serving(Optional.empty(), SupersetConnections.DEFAULT_NAME, SupersetConnections.DEFAULT_USER));
  }

  private Published render(BoardPublication board, Map<String, Long> versions, Serving serving) {
    URI folder = PublicationTables.folder(warehouse, board.id());
    Map<TableContract, Dataset<Row>> marts = new LinkedHashMap<>();
    for (TableContract mart : MartTables.ALL) {
      marts.put(mart, read(mart, versions));
    }
    Map<TableContract, Dataset<Row>> suppressed = SmallNumberSuppression.applyAll(marts);
    BoardSite.Written site = BoardSite.write(suppressed, board, folder.resolve("site/"));

    ServingTarget target = serving.target().orElse(SupersetConnections.placeholderTarget());
    SupersetBundle bundle = SupersetBundle.board(
        SupersetConnection.fromServing(serving.supersetDatabaseName(), target, serving.supersetUser()), board.id(),
        board.publishedAt());
    URI bundleUri = folder.resolve("superset/" + BUNDLE_FILE);
    writeBytes(bundleUri, bundle.zip(BundleKind.DASHBOARD));

    List<String> published = board.published().stream().map(BoardPublication.Authority::code).toList();
    Optional<ServingPublication> servingPublication = serving.target().map(t -> {
      Map<TableContract, Dataset<Row>> detail = new LinkedHashMap<>();
      for (TableContract table : List.of(GoldTables.STAGE_VISITS, GoldTables.DISPUTE_SUMMARY, GoldTables.DISPUTE_FLAGS)) {
        detail.put(table, read(table, versions).where(col(GoldTables.AUTHORITY).isin(published.toArray())));
      }
      Map<TableContract, Dataset<Row>> board2 = new LinkedHashMap<>();
      suppressed.forEach((c, d) -> board2.put(c, d.where(col(MartTables.AUTHORITY).isin(published.toArray()))));
      return new ServingDatabase().publish(board2, detail, t, board.id());
    });
    return new Published(board.id(), board.publishedAt(), board.asOfDate(), folder, site.index(), bundleUri, published,
        board.withheld().stream().map(BoardPublication.Authority::code).toList(), versions, servingPublication);
  }

  /** The Superset bundle of a publication, for importing (the assets form). */
  public byte[] assetsBundle(Published published, Serving serving) {
    ServingTarget target = serving.target().orElse(SupersetConnections.placeholderTarget());
    return SupersetBundle.board(SupersetConnection.fromServing(serving.supersetDatabaseName(), target, serving.supersetUser()),
        published.id(), published.publishedAt()).zip(BundleKind.ASSETS);
  }

  private Dataset<Row> read(TableContract table, Map<String, Long> versions) {
    Long version = versions.get(table.qualifiedName());
    if (version == null) {
      throw new DrpUserException(table.location(warehouse).toString(), "was not there when the publication was made",
          "run drp transform before drp publish");
    }
    return spark.read().format("delta").option("versionAsOf", version).load(table.location(warehouse).toString());
  }

  private Row latestBuild() {
    String location = GoldTables.BUILDS.location(warehouse).toString();
    if (!DeltaTable.isDeltaTable(spark, location)) {
      throw new DrpUserException(location, "holds no gold build, so there is nothing to publish", "run drp transform first");
    }
    return spark.read().format("delta").load(location).orderBy(col(GoldTables.Build.BUILT_AT).desc()).head();
  }

  private Row logRow(String id) {
    String location = PublicationTables.PUBLICATIONS.location(warehouse).toString();
    List<Row> rows = DeltaTable.isDeltaTable(spark, location)
        ? spark.read().format("delta").load(location).where(col(PublicationTables.PUBLICATION_ID).equalTo(id)).collectAsList()
        : List.of();
    if (rows.isEmpty()) {
      throw new DrpUserException("publication " + id, "is not in " + location, "list publications with drp export publications.log --out log.csv");
    }
    return rows.get(0);
  }

  /** The authorities of the gate, with their names from the bindings, as the board shows them. */
  private List<BoardPublication.Authority> authorities(GateResult gate) {
    Map<String, String> names = new LinkedHashMap<>();
    String bindings = ReferenceTables.POLICY_BINDINGS.location(warehouse).toString();
    if (DeltaTable.isDeltaTable(spark, bindings)) {
      for (Row r : spark.read().format("delta").load(bindings)
          .select(ReferenceTables.AUTHORITY, ReferenceTables.AUTHORITY_NAME).distinct().collectAsList()) {
        if (!r.isNullAt(1)) {
          names.put(r.getString(0), r.getString(1));
        }
      }
    }
    List<BoardPublication.Authority> authorities = new ArrayList<>();
    for (AuthorityDecision decision : gate.authorities()) {
      String code = decision.authority();
      boolean withheld = !gate.publishable(code);
      List<BoardPublication.Finding> findings = new ArrayList<>();
      List<RuleOutcome> reasons = withheld && decision.blocking().isEmpty() ? gate.warehouseFailures()
          : withheld ? decision.blocking() : decision.warnings();
      for (RuleOutcome outcome : reasons) {
        findings.add(new BoardPublication.Finding(outcome.ruleId(), message(outcome)));
      }
      BoardPublication.GateStatus status = withheld ? BoardPublication.GateStatus.WITHHELD
          : decision.warnings().isEmpty() ? BoardPublication.GateStatus.PASS : BoardPublication.GateStatus.WARN;
      authorities.add(new BoardPublication.Authority(code, names.getOrDefault(code, code), status, findings));
    }
    authorities.sort(java.util.Comparator.comparing(BoardPublication.Authority::code));
    return authorities;
  }

  private static String message(RuleOutcome outcome) {
    String metric = outcome.metric() == null ? "" : String.format(" (%.1f%%)", outcome.metric() * 100);
    return outcome.hint() + metric + (outcome.clause().isBlank() ? "" : ". Policy: " + outcome.clause());
  }

  private static String failing(GateResult gate) {
    List<String> rules = new ArrayList<>();
    gate.warehouseFailures().forEach(o -> rules.add(o.ruleId() + " (whole warehouse)"));
    gate.authorities().forEach(a -> a.blocking().forEach(o -> rules.add(o.ruleId() + " (authority " + a.authority() + ")")));
    return rules.isEmpty() ? "no authority passed" : String.join(", ", rules);
  }

  private static BoardPublication.GateStatus boardStatus(GateStatus status, List<BoardPublication.Authority> authorities) {
    return status == GateStatus.PASS && authorities.stream().allMatch(a -> a.status() == BoardPublication.GateStatus.PASS)
        ? BoardPublication.GateStatus.PASS : BoardPublication.GateStatus.WARN;
  }

  private void appendLog(BoardPublication board, String buildId, Map<String, Long> versions, GateResult gate, Published published) {
    Row row = RowFactory.create(board.id(), Timestamp.from(board.publishedAt()), Date.valueOf(board.asOfDate()), buildId,
        scala.collection.JavaConverters.mapAsScalaMap(versions), gate.status().name(), gate.runId(), toJson(board),
        published.published().toArray(String[]::new), published.withheld().toArray(String[]::new),
        published.folder().toString());
    spark.createDataFrame(List.of(row), PublicationTables.PUBLICATIONS.schema())
        .write().format("delta").mode("append").save(PublicationTables.PUBLICATIONS.location(warehouse).toString());
  }

  /** The board's view of the gate, kept with the publication so a rebuild shows the same verdicts. */
  static String toJson(BoardPublication board) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", board.id());
    json.put("published_at", board.publishedAt().toString());
    json.put("as_of", board.asOfDate().toString());
    json.put("status", board.status().name());
    json.put("report", board.reportLink() == null ? null : board.reportLink().toString());
    List<Map<String, Object>> authorities = new ArrayList<>();
    for (BoardPublication.Authority a : board.authorities()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("code", a.code());
      entry.put("name", a.name());
      entry.put("status", a.status().name());
      entry.put("findings", a.findings().stream().map(f -> Map.of("rule", f.ruleId(), "message", f.message())).toList());
      authorities.add(entry);
    }
    json.put("authorities", authorities);
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the publication's gate result", e);
    }
  }

  static BoardPublication fromJson(String text) {
    try {
      Map<String, Object> json = JSON.readValue(text, new TypeReference<Map<String, Object>>() {});
      List<BoardPublication.Authority> authorities = new ArrayList<>();
      for (Object o : (List<?>) json.get("authorities")) {
        Map<?, ?> a = (Map<?, ?>) o;
        List<BoardPublication.Finding> findings = new ArrayList<>();
        for (Object f : (List<?>) a.get("findings")) {
          Map<?, ?> finding = (Map<?, ?>) f;
          findings.add(new BoardPublication.Finding((String) finding.get("rule"), (String) finding.get("message")));
        }
        authorities.add(new BoardPublication.Authority((String) a.get("code"), (String) a.get("name"),
            BoardPublication.GateStatus.valueOf((String) a.get("status")), findings));
      }
      Object report = json.get("report");
      return new BoardPublication((String) json.get("id"), Instant.parse((String) json.get("published_at")),
          LocalDate.parse((String) json.get("as_of")), authorities, BoardPublication.GateStatus.valueOf((String) json.get("status")),
          report == null ? null : URI.create((String) report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The publication log holds a gate result that cannot be read back", e);
    }
  }

  private void writeBytes(URI uri, byte[] bytes) {
    try {
      Path path = new Path(uri);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (var out = fs.create(path, true)) {
        out.write(bytes);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot write " + uri, e);
    }
  }
}
