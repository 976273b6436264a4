package org.drpwarehouse.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drpwarehouse.schemas.Contracts;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.SourceFamily;
import org.drpwarehouse.schemas.YamlNode;

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

  private static final String DOCS = "see the profile example in the README";

  public JdbcProfile {
    queries = List.copyOf(queries);
  }

  /** Reads a profile; a mistake fails naming the file, the field and the fix. */
  public static JdbcProfile read(Path file) {
    YamlNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = YamlNode.parse(in, file.toString(), DOCS, DrpUserException::new, "'name:', 'url:' and 'queries:'");
    } catch (IOException e) {
      throw new DrpUserException(file.toString(), "cannot be read (" + e.getMessage() + ")", "check the --jdbc path", e);
    }
    root.keys(List.of("name", "url", "queries"), List.of("user", "password_env"));
    String name = root.get("name").text();
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw root.get("name").error("'" + name + "' may only hold letters, digits, - and _", "rename it");
    }
    String url = root.get("url").text();
    if (!url.startsWith("jdbc:")) {
      throw root.get("url").error("'" + url + "' is not a JDBC URL", "write jdbc:postgresql://host:port/database");
    }
    List<Query> queries = new ArrayList<>();
    for (YamlNode node : root.get("queries").elements()) {
      node.keys(List.of("record", "sql", "modified_column"), List.of("key"));
      String record = node.get("record").text();
      RecordSpec spec =
          Contracts.byName(record)
              .filter(s -> s.family() == SourceFamily.EXCHANGE)
              .orElseThrow(
                  () ->
                      node.get("record").error("'" + record + "' is not an exchange-format record",
                          "use one of disputes, dispute_events, allocations, cp_plans, review_decisions"));
      List<String> key = new ArrayList<>();
      if (node.has("key")) {
        for (YamlNode column : node.get("key").elementsOrSingle()) {
          if (spec.column(column.text()).isEmpty()) {
            throw column.error("names " + column.text() + ", which " + record + " does not have",
                "use columns of " + spec.columnNames());
          }
          key.add(column.text());
        }
      } else {
        key.addAll(spec.naturalKey());
      }
      queries.add(new Query(spec, node.get("sql").text(), node.get("modified_column").text(), key));
    }
    return new JdbcProfile(
        name,
        url,
        root.optional("user").map(YamlNode::text).orElse(""),
        root.optional("password_env").map(YamlNode::text).orElse(""),
        queries);
  }
}
