package org.drpwarehouse.schemas;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One node of a YAML data file being read, with the file name and the field path that error
 * messages need ({@code calderdale.yaml: ladders.CLA.stages[2].timescale.working_days}).
 *
 * <p>Why a tree walk instead of data binding: a person edits these files, and every mistake must be
 * reported at its field, with the allowed values and a fix. Binding errors from Jackson name Java
 * types, not fields a person wrote; and unknown keys must be rejected, not ignored, so that a typo
 * ({@code working_day:}) cannot silently leave a rule out.
 */
public final class YamlNode {
  /** Makes the exception a file's reader throws: policy files and tracker mappings fail differently. */
  @FunctionalInterface
  public interface Errors {
    RuntimeException at(String where, String problem, String fix, Throwable cause);
  }

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String file;
  private final String path;
  private final JsonNode node;
  private final String docs;
  private final Errors errors;

  private YamlNode(String file, String path, JsonNode node, String docs, Errors errors) {
    this.file = file;
    this.path = path;
    this.node = node;
    this.docs = docs;
    this.errors = errors;
  }

  /**
   * Parses a whole file; its top level must be a mapping.
   *
   * @param docs where the format is described, appended to fixes (e.g. {@code see docs/policies.md})
   * @param errors makes the exception every problem is reported with
   * @param firstKeys how the file should start, for the fix of a file that is not a mapping
   */
  public static YamlNode parse(InputStream in, String file, String docs, Errors errors, String firstKeys) {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? file : file + ": line " + e.getLocation().getLineNr();
      throw errors.at(where, "is not valid YAML (" + e.getOriginalMessage() + ")",
          "check the indentation and quoting near that line; " + docs, e);
    } catch (IOException e) {
      throw errors.at(file, "cannot be read (" + e.getMessage() + ")", "check that the file exists and is readable", e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw errors.at(file, "is empty", "write the file as described; " + docs, null);
    }
    YamlNode top = new YamlNode(file, "", root, docs, errors);
    if (!root.isObject()) {
      throw top.error("the top level must be a mapping of keys to values", "start the file with " + firstKeys + "; " + docs);
    }
    return top;
  }

  public String path() {
    return path;
  }

  public String file() {
    return file;
  }

  /** An error located at this node: {@code file: path.to[2].key: problem. Fix: ...}. */
  public RuntimeException error(String problem, String fix) {
    return errors.at(file + ": " + (path.isEmpty() ? "(top level)" : path), problem, fix, null);
  }

  /**
   * Rejects keys this mapping may not have, suggesting the nearest allowed key, and requires the
   * required ones.
   */
  public YamlNode keys(Collection<String> required, Collection<String> optional) {
    requireKind(JsonNode::isObject, "a mapping of keys to values");
    Set<String> allowed = new TreeSet<>(required);
    allowed.addAll(optional);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String nearest = nearest(name, allowed);
        throw child(name).error(
            "unknown key '" + name + "'" + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"),
            "use only " + String.join(", ", allowed) + "; " + docs);
      }
    }
    for (String name : required) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        throw child(name).error("is required but " + (value == null ? "missing" : "empty"),
            "add '" + name + ":' with a value; " + docs);
      }
    }
    return this;
  }

  public boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  public YamlNode get(String key) {
    if (!has(key)) {
      throw child(key).error("is required but missing", "add '" + key + ":' with a value");
    }
    return child(key);
  }

  public Optional<YamlNode> optional(String key) {
    return has(key) ? Optional.of(child(key)) : Optional.empty();
  }

  /** The node at a key, present or not: for an error about a key that should be there. */
  public YamlNode field(String key) {
    return child(key);
  }

  public boolean isObject() {
    return node.isObject();
  }

  public boolean isList() {
    return node.isArray();
  }

  public boolean isInteger() {
    return node.isIntegralNumber();
  }

  private YamlNode child(String key) {
    JsonNode value = node.get(key);
    return new YamlNode(
        file, path.isEmpty() ? key : path + "." + key, value == null ? MissingNode.getInstance() : value, docs, errors);
  }

  /** The entries of a mapping, in file order. */
  public Map<String, YamlNode> entries() {
    requireKind(JsonNode::isObject, "a mapping of keys to values");
    Map<String, YamlNode> out = new LinkedHashMap<>();
    node.fieldNames().forEachRemaining(name -> out.put(name, child(name)));
    return out;
  }

  /** The elements of a list (a single value is not accepted as a list of one). */
  public List<YamlNode> elements() {
    requireKind(JsonNode::isArray, "a list ('- item' lines or [a, b])");
    List<YamlNode> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new YamlNode(file, path + "[" + i + "]", node.get(i), docs, errors));
    }
    return out;
  }

  /** The elements of a list, where a single value is taken as a list of one. */
  public List<YamlNode> elementsOrSingle() {
    return node.isArray() ? elements() : List.of(this);
  }

  /** A single non-blank text value. Numbers are taken as written; a bare yes/no/on/off is refused. */
  public String text() {
    if (node.isBoolean()) {
      // YAML reads a bare yes, no, on, off, true or false as a truth value and loses its spelling.
      throw error("was read as a yes/no value (" + node.asText() + "), not as text", "put the word in quotes, e.g. \"No\"");
    }
    if (!node.isValueNode() || node.isNull()) {
      throw error("must be a single text value", "write it on one line after the key");
    }
    String value = node.asText().strip();
    if (value.isEmpty()) {
      throw error("must not be blank", "write a value after the key");
    }
    return value;
  }

  public boolean bool() {
    if (!node.isBoolean()) {
      throw error("must be true or false, not '" + node.asText() + "'", "write true or false");
    }
    return node.booleanValue();
  }

  /** A whole number of working days, 1 or more. */
  public int positiveWorkingDays() {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw error("must be a whole number of working days, not '" + node.asText() + "'",
          "write a number such as 5, without quotes or units");
    }
    int value = node.intValue();
    if (value <= 0) {
      throw error("must be a positive number of working days, not " + value,
          "write 1 or more; where the policy sets no limit leave the key out (for a stage, use kind NONE)");
    }
    return value;
  }

  /** A whole number, at least {@code min}. */
  public int integer(int min) {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw error("must be a whole number, not '" + node.asText() + "'", "write a number without quotes");
    }
    int value = node.intValue();
    if (value < min) {
      throw error("must be " + min + " or more, not " + value, "write a number from " + min);
    }
    return value;
  }

  public LocalDate date() {
    String value = text();
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw error("'" + value + "' is not a date", "write an ISO date, YYYY-MM-DD, e.g. 2015-01-01");
    }
  }

  /** An enum constant written exactly as its name; the message lists the allowed values. */
  public <E extends Enum<E>> E enumValue(Class<E> type, String what) {
    String value = text();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw error("'" + value + "' is not a known " + what, "use one of " + allowed);
  }

  private void requireKind(Predicate<JsonNode> test, String expected) {
    if (!test.test(node)) {
      throw error("must be " + expected, docs);
    }
  }

  /** The allowed value closest to a misspelt one, if it is close enough to be a likely typo; else null. */
  public static String nearest(String typo, Collection<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : allowed) {
      int distance = editDistance(typo, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.max(2, typo.length() / 4) ? best : null;
  }

  /** Edits (insert, delete, substitute, swap two neighbours) from one key to another: typos are often swaps. */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
