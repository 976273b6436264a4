package org.drpwarehouse.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.drpwarehouse.schemas.Contracts;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.SourceFamily;

/**
 * A case-management database to pull from ({@code drp ingest --jdbc PROFILE}): where it is, and one
 * query per record kind. Each query returns the contract's columns (names matched ignoring case)
 * and a last-modified timestamp column; the password comes from an environment variable only.
 *
 * <pre>
 * # casemgmt.yaml
 * name: casemgmt
 * url: jdbc:postgresql://db.example.internal:5432/reporting
 * user: drp_reader
 * password_env: DRP_CASEMGMT_PASSWORD
 * queries:
 *   - record: disputes
 *     sql: SELECT la AS authority, ref AS dispute_id, ..., updated_at FROM drp.disputes
 *     modified_column: updated_at
 *   - record: dispute_events
 *     sql: SELECT ... FROM drp.events
 *     modified_column: updated_at
 * </pre>
 */
public record JdbcProfile(String name, String url, String user, String passwordEnvironment, List<Query> queries) {

  /** One configured query; {@code key} defaults to the contract's natural key. */
  public record Query(RecordSpec spec, String sql, String modifiedColumn, List<String> key) {}

  private static final Set<String> PROFILE_KEYS = Set.of("name", "url", "user", "password_env", "queries");
  private static final Set<String> QUERY_KEYS = Set.of("record", "sql", "modified_column", "key");

  public JdbcProfile {
    queries = List.copyOf(queries);
  }

  public static JdbcProfile read(Path file) {
    String where = file.toString();
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new DrpUserException(where, "cannot be read as YAML (" + e.getMessage() + ")", "see the example in README", e);
    }
    if (root == null || !root.isObject()) {
      throw new DrpUserException(where, "is empty or not a mapping", "see the example in README");
    }
    unknownKeys(root, PROFILE_KEYS, where);
    String name = text(root, "name", where);
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new DrpUserException(where + ": name", "'" + name + "' may only hold letters, digits, - and _", "rename it");
    }
    String url = text(root, "url", where);
    if (!url.startsWith("jdbc:")) {
      throw new DrpUserException(where + ": url", "'" + url + "' is not a JDBC URL", "write jdbc:postgresql://host:port/database");
    }
    JsonNode list = root.path("queries");
    if (!list.isArray() || list.isEmpty()) {
      throw new DrpUserException(where + ": queries", "is missing or empty", "give one query per record kind");
    }
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      String at = where + ": queries[" + i + "]";
      unknownKeys(node, QUERY_KEYS, at);
      String record = text(node, "record", at);
      RecordSpec spec =
          Contracts.byName(record)
              .filter(s -> s.family() == SourceFamily.EXCHANGE)
              .orElseThrow(
                  () ->
                      new DrpUserException(at + ".record", "'" + record + "' is not an exchange-format record",
                          "use one of disputes, dispute_events, allocations, cp_plans, review_decisions"));
      List<String> key = new ArrayList<>();
      if (node.has("key")) {
        node.path("key").forEach(k -> key.add(k.asText()));
      } else {
        key.addAll(spec.naturalKey());
      }
      for (String column : key) {
        if (spec.column(column).isEmpty()) {
          throw new DrpUserException(at + ".key", "names " + column + ", which " + record + " does not have",
              "use columns of " + spec.columnNames());
        }
      }
      queries.add(new Query(spec, text(node, "sql", at), text(node, "modified_column", at), key));
    }
    return new JdbcProfile(
        name, url, root.path("user").asText(""), root.path("password_env").asText(""), queries);
  }

  private static String text(JsonNode node, String field, String where) {
    String value = node.path(field).asText("").trim();
    if (value.isEmpty()) {
      throw new DrpUserException(where + ": " + field, "is missing", "give " + field);
    }
    return value;
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String where) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new DrpUserException(where + ": " + name, "is not a known key", "use " + known);
      }
    }
  }
}
