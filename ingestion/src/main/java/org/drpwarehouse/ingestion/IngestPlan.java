package org.drpwarehouse.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drpwarehouse.schemas.Contracts;

/**
 * What one ingest run loads: every file of the folder with its checksum, and whether it is loaded or
 * skipped because the same bytes were loaded before. The plan is written beside the run's staged
 * chunks, so a restarted run loads exactly what the interrupted one set out to load.
 *
 * @param runKey the run's id: the batch id in lineage, and the staging folder's name
 */
public record IngestPlan(String runKey, Path folder, URI warehouse, String authority, List<PlannedFile> files) {

  /** One file of the run. {@code alreadyLoadedBy} is the batch that loaded the same bytes, or null. */
  public record PlannedFile(int index, SourceFile source, String checksum, String alreadyLoadedBy) {
    public boolean load() {
      return alreadyLoadedBy == null;
    }

    /** The Spring Batch step that stages this file. */
    public String stepName() {
      return String.format("stage-%05d-%s", index, source.spec().name());
    }
  }

  public IngestPlan {
    files = List.copyOf(files);
  }

  public List<PlannedFile> toLoad() {
    return files.stream().filter(PlannedFile::load).toList();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("run_key", runKey);
    root.put("folder", folder.toString());
    root.put("warehouse", warehouse.toString());
    if (authority != null) {
      root.put("authority", authority);
    }
    ArrayNode list = root.putArray("files");
    for (PlannedFile file : files) {
      ObjectNode node = list.addObject();
      node.put("index", file.index());
      if (file.source().path() != null) {
        node.put("path", file.source().path().toString());
      }
      JdbcWindow jdbc = file.source().jdbc();
      if (jdbc != null) {
        ObjectNode window = node.putObject("jdbc");
        window.put("profile", jdbc.profile());
        window.put("url", jdbc.url());
        window.put("user", jdbc.user());
        window.put("password_env", jdbc.passwordEnvironment());
        window.put("sql", jdbc.sql());
        window.put("modified_column", jdbc.modifiedColumn());
        ArrayNode key = window.putArray("key");
        jdbc.keyColumns().forEach(key::add);
        if (jdbc.lower() != null) {
          window.put("lower", jdbc.lower().toString());
        }
        if (jdbc.upper() != null) {
          window.put("upper", jdbc.upper().toString());
        }
        window.put("full_pull", jdbc.fullPull());
      }
      node.put("name", file.source().name());
      node.put("record", file.source().spec().name());
      node.put("format", file.source().format().name());
      node.put("kind", file.source().kind().name());
      if (file.source().authority() != null) {
        node.put("authority", file.source().authority());
      }
      node.put("checksum", file.checksum());
      if (file.source().fullSnapshot()) {
        node.put("full_snapshot", true);
      }
      if (file.alreadyLoadedBy() != null) {
        node.put("already_loaded_by", file.alreadyLoadedBy());
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static IngestPlan fromJson(String text) {
    try {
      JsonNode root = JSON.readTree(text);
      List<PlannedFile> files = new ArrayList<>();
      for (JsonNode node : root.path("files")) {
        JdbcWindow jdbc = null;
        if (node.has("jdbc")) {
          JsonNode w = node.path("jdbc");
          List<String> key = new ArrayList<>();
          w.path("key").forEach(k -> key.add(k.asText()));
          jdbc =
              new JdbcWindow(
                  w.path("profile").asText(), w.path("url").asText(), w.path("user").asText(),
                  w.path("password_env").asText(), w.path("sql").asText(), w.path("modified_column").asText(), key,
                  w.hasNonNull("lower") ? java.time.LocalDateTime.parse(w.path("lower").asText()) : null,
                  w.hasNonNull("upper") ? java.time.LocalDateTime.parse(w.path("upper").asText()) : null,
                  w.path("full_pull").asBoolean());
        }
        SourceFile source =
            new SourceFile(
                node.hasNonNull("path") ? Path.of(node.path("path").asText()) : null,
                node.path("name").asText(),
                Contracts.byName(node.path("record").asText()).orElseThrow(),
                SourceFile.Format.valueOf(node.path("format").asText()),
                SourceKind.valueOf(node.path("kind").asText()),
                node.hasNonNull("authority") ? node.path("authority").asText() : null,
                jdbc,
                node.path("full_snapshot").asBoolean(false));
        files.add(
            new PlannedFile(
                node.path("index").asInt(),
                source,
                node.path("checksum").asText(),
                node.hasNonNull("already_loaded_by") ? node.path("already_loaded_by").asText() : null));
      }
      return new IngestPlan(
          root.path("run_key").asText(),
          Path.of(root.path("folder").asText()),
          URI.create(root.path("warehouse").asText()),
          root.hasNonNull("authority") ? root.path("authority").asText() : null,
          files);
    } catch (IOException e) {
      throw new UncheckedIOException("The saved ingest plan cannot be read", e);
    }
  }
}
