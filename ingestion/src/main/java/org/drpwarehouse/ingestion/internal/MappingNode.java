package org.drpwarehouse.ingestion.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.drpwarehouse.ingestion.SourceFileException;

/**
 * One node of a tracker mapping file, with the file's name and the field path that every error
 * names ({@code trackers/alerts.mapping.yaml: stages[2].responder}).
 *
 * <p>The mapping is walked by hand rather than bound to classes: a person writes it, and each
 * mistake must be reported at the field they wrote, with what is allowed. Unknown keys are refused so
 * that a typo ({@code respone:}) cannot silently leave a column unread.
 */
final class MappingNode {
  static final String DOCS = "see docs/trackers.md";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String file;
  private final String path;
  private final JsonNode node;

  private MappingNode(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /** Parses a mapping file; its top level must be a mapping of keys to values. */
  static MappingNode parse(Path mappingFile, String name) {
    JsonNode root;
    try (InputStream in = Files.newInputStream(mappingFile)) {
      root = YAML.readTree(in);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? name : name + ": line " + e.getLocation().getLineNr();
      throw new SourceFileException(where, "is not valid YAML (" + e.getOriginalMessage() + ")",
          "check the indentation and quoting near that line; " + DOCS, e);
    } catch (IOException e) {
      throw new SourceFileException(name, "cannot be read (" + e.getMessage() + ")", "check the file", e);
    }
    MappingNode top = new MappingNode(name, "", root == null ? MissingNode.getInstance() : root);
    if (root == null || !root.isObject()) {
      throw top.error("must be a mapping of keys to values (it is empty or a single value)",
          "start with 'sheet:', 'header_row:' and 'shape:'; " + DOCS);
    }
    return top;
  }

  String file() {
    return file;
  }

  String path() {
    return path;
  }

  /** An error located at this node. */
  SourceFileException error(String problem, String fix) {
    return new SourceFileException(file + ": " + (path.isEmpty() ? "(top level)" : path), problem, fix);
  }

  /** Refuses keys outside {@code required} and {@code optional}, and requires the required ones. */
  MappingNode keys(Collection<String> required, Collection<String> optional) {
    requireObject();
    Set<String> allowed = new TreeSet<>(required);
    allowed.addAll(optional);
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String nearest = nearest(name, allowed);
        throw child(name).error("unknown key '" + name + "'" + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"),
            "use only " + String.join(", ", allowed) + "; " + DOCS);
      }
    }
    for (String name : required) {
      if (!has(name)) {
        throw child(name).error("is required but missing", "add '" + name + ":'; " + DOCS);
      }
    }
    return this;
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** A key that must be there (the caller has checked with {@link #keys}). */
  MappingNode get(String key) {
    if (!has(key)) {
      throw child(key).error("is required but missing", "add '" + key + ":'; " + DOCS);
    }
    return child(key);
  }

  Optional<MappingNode> optional(String key) {
    return has(key) ? Optional.of(child(key)) : Optional.empty();
  }

  /** The node at a key, present or not: for an error about a key that should be there. */
  MappingNode field(String key) {
    return child(key);
  }

  private MappingNode child(String key) {
    JsonNode value = node.get(key);
    return new MappingNode(file, path.isEmpty() ? key : path + "." + key, value == null ? MissingNode.getInstance() : value);
  }

  boolean isObject() {
    return node.isObject();
  }

  boolean isList() {
    return node.isArray();
  }

  boolean isInteger() {
    return node.isIntegralNumber();
  }

  /** The entries of a mapping, in file order. */
  Map<String, MappingNode> entries() {
    requireObject();
    Map<String, MappingNode> entries = new LinkedHashMap<>();
    node.fieldNames().forEachRemaining(name -> entries.put(name, child(name)));
    return entries;
  }

  /** The elements of a list; a single value is taken as a list of one. */
  List<MappingNode> elements() {
    List<MappingNode> elements = new ArrayList<>();
    if (!node.isArray()) {
      elements.add(this);
      return elements;
    }
    for (int i = 0; i < node.size(); i++) {
      elements.add(new MappingNode(file, path + "[" + i + "]", node.get(i)));
    }
    return elements;
  }

  /** A single non-blank text value. Numbers are taken as written; a bare yes/no/on/off is refused. */
  String text() {
    if (node.isBoolean()) {
      // YAML reads a bare yes, no, on, off, true or false as a truth value and loses its spelling.
      throw error("was read as a yes/no value (" + node.asText() + "), not as text",
          "put the word in quotes, e.g. \"No\"");
    }
    if (!node.isValueNode() || node.isNull()) {
      throw error("must be a single text value", "write it on one line after the key; " + DOCS);
    }
    String value = node.asText().strip();
    if (value.isEmpty()) {
      throw error("must not be blank", "write a value after the key, or leave the key out");
    }
    return value;
  }

  /** A whole number, at least {@code min}. */
  int integer(int min) {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw error("must be a whole number, not '" + node.asText() + "'", "write a number without quotes");
    }
    int value = node.intValue();
    if (value < min) {
      throw error("must be " + min + " or more, not " + value, "write a number from " + min);
    }
    return value;
  }

  private void requireObject() {
    if (!node.isObject()) {
      throw error("must be a mapping of keys to values", DOCS);
    }
  }

  /** The allowed word nearest to a misspelt one, when close enough to be a likely typo; else null. */
  static String nearest(String typo, Collection<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : allowed) {
      int distance = distance(typo, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.max(2, typo.length() / 4) ? best : null;
  }

  /** Levenshtein distance, two rows at a time. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
