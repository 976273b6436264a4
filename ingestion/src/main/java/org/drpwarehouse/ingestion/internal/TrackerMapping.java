package org.drpwarehouse.ingestion.internal;

import org.drpwarehouse.schemas.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.drpwarehouse.ingestion.SourceFileException;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.Outcome;
import org.drpwarehouse.schemas.Role;
import org.drpwarehouse.schemas.policy.Ladder;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.policy.Stage;

/**
 * The column mapping of one alert tracker workbook: {@code alerts.xlsx} is read through {@code
 * alerts.mapping.yaml} beside it. The format, with an example of each shape, is in {@code
 * docs/trackers.md}; this class reads it and refuses, naming the file and field, anything it cannot
 * act on (unknown keys, missing required keys, a role, outcome, process or stage id that does not
 * exist, a date pattern that is not one). Whether each mapped header is in the sheet is checked
 * when the sheet is opened ({@link #resolve}).
 *
 * <p>Instances are immutable.
 */
final class TrackerMapping {
  /** Where the mapping format is described, appended to every fix. */
  static final String DOCS = "see docs/trackers.md";

  /** Reads a mapping file; every problem is a {@link SourceFileException}, so only its workbook fails. */
  private static YamlNode parseMapping(java.nio.file.Path mappingFile, String name) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(mappingFile)) {
      return YamlNode.parse(in, name, DOCS, SourceFileException::new, "'sheet:', 'header_row:' and 'shape:'");
    } catch (java.io.IOException e) {
      throw new SourceFileException(name, "cannot be read (" + e.getMessage() + ")", "check the file", e);
    }
  }

  /** The outcome word target meaning "the dispute did not end here" (escalated, still open). */
  static final String CONTINUED = "CONTINUED";

  enum Shape {
    /** One row per alert, a block of columns per stage. */
    WIDE,
    /** One row per escalation step; several rows per alert. */
    LONG
  }

  /** The alert's own columns ({@code columns:}). */
  enum AlertField {
    ALERT_ID("alert_id", true),
    CHILD_ID("child_id", true),
    IRO("iro", true),
    CATEGORY("category", true),
    TEAM("team", false),
    PROCESS("process", false),
    IDENTIFIED_DATE("identified_date", false),
    DATE_RAISED("date_raised", false),
    REVIEW_ID("review_id", false),
    CAFCASS_REFERRAL("cafcass_referral", false),
    CLOSED_DATE("closed_date", false),
    OUTCOME("outcome", false);

    final String key;
    final boolean required;

    AlertField(String key, boolean required) {
      this.key = key;
      this.required = required;
    }
  }

  /** The columns of one stage ({@code stages[i]} of a wide tracker) or step ({@code steps} of a long one). */
  enum StepField {
    /** Long shape only: the column with the authority's stage words. */
    STAGE("stage"),
    OPENED("opened"),
    RESPONDER("responder"),
    RESPONSE("response"),
    OUTCOME("outcome"),
    AGREED("agreed"),
    /** Accepted so the mapping can describe the sheet, never read: due dates are recomputed from the policy. */
    DUE("due"),
    RECORDED_ON_FILE("recorded_on_file"),
    FORM_ATTACHED("form_attached");

    final String key;

    StepField(String key) {
      this.key = key;
    }
  }

  /**
   * One stage block of a wide tracker.
   *
   * @param stage the policy stage id
   * @param toRole the role the stage always goes to, or null (a responder column may say)
   */
  record StageBlock(String path, String stage, Role toRole, Map<StepField, MappedColumn> columns) {
    StageBlock {
      EnumMap<StepField, MappedColumn> copy = new EnumMap<>(StepField.class);
      copy.putAll(columns);
      columns = Collections.unmodifiableMap(copy);
    }

    MappedColumn column(StepField field) {
      return columns.get(field);
    }
  }

  /** A rule that skips a row when a column's cell says one of some words (a totals row). */
  record SkipWhen(MappedColumn column, List<String> equals, List<String> startsWith) {
    boolean matches(String text) {
      String value = MappedColumn.normalize(text);
      return equals.stream().map(MappedColumn::normalize).anyMatch(value::equals)
          || startsWith.stream().map(MappedColumn::normalize).anyMatch(value::startsWith);
    }
  }

  private static final List<String> TOP_KEYS = List.of("sheet", "header_row", "authority", "policy", "process",
      "date_formats", "stages", "steps", "stage_labels", "roles", "outcomes", "processes", "skip");

  final String file;
  final XlsxSheetReader.SheetChoice sheet;
  final int headerRow;
  final Shape shape;
  final String authority;
  final DisputeProcess process;
  final Map<AlertField, MappedColumn> columns;
  final List<StageBlock> stages;
  final Map<StepField, MappedColumn> steps;
  final WordMap stageLabels;
  final WordMap roles;
  final WordMap outcomes;
  final WordMap processes;
  final TrackerDates dates;
  final Set<Long> skipRows;
  final List<SkipWhen> skipWhen;

  private TrackerMapping(YamlNode root) {
    root.keys(List.of("shape", "columns"), TOP_KEYS);
    this.file = root.file();
    this.shape = shape(root.get("shape"));
    this.sheet = sheet(root.optional("sheet"));
    this.headerRow = root.optional("header_row").map(n -> n.integer(1)).orElse(1);
    this.authority = root.optional("authority").map(YamlNode::text).orElse(null);
    this.process = root.optional("process").map(n -> enumValue(n, DisputeProcess.class, "process")).orElse(DisputeProcess.CLA);
    this.columns = alertColumns(root.get("columns"));
    this.roles = roles(root.optional("roles"));
    this.outcomes = outcomes(root.optional("outcomes"));
    this.processes = processes(root.optional("processes"));
    this.dates = dates(root.optional("date_formats"));
    Optional<YamlNode> policy = root.optional("policy");
    if (shape == Shape.WIDE) {
      refuse(root, "steps", "is for the long shape", "describe each stage's columns under 'stages:' (the wide shape)");
      refuse(root, "stage_labels", "is for the long shape", "give each stage block its 'stage:' id (the wide shape)");
      if (!root.has("stages")) {
        throw root.field("stages").error("is required for the wide shape", "list one block per stage; " + TrackerMapping.DOCS);
      }
      this.stages = stageBlocks(root.get("stages"), policy);
      this.steps = Map.of();
      this.stageLabels = WordMap.builder().build();
    } else {
      refuse(root, "stages", "is for the wide shape", "name the step columns under 'steps:' (the long shape)");
      this.stages = List.of();
      this.steps = stepColumns(root.get("steps"));
      this.stageLabels = stageLabels(root.get("stage_labels"), policy);
    }
    if (!columns.containsKey(AlertField.DATE_RAISED) && shape == Shape.WIDE && !stages.get(0).columns().containsKey(StepField.OPENED)) {
      throw root.get("stages").elementsOrSingle().get(0).error("has no 'opened' column, and columns.date_raised is not mapped either",
          "name the column with the day the stage opened, or map columns.date_raised");
    }
    Set<Long> rows = new TreeSet<>();
    List<SkipWhen> when = new ArrayList<>();
    root.optional("skip").ifPresent(skip -> skip(skip, rows, when));
    this.skipRows = Collections.unmodifiableSet(rows);
    this.skipWhen = List.copyOf(when);
  }

  /** Reads and checks a mapping file. */
  static TrackerMapping load(Path mappingFile, String name) {
    return new TrackerMapping(parseMapping(mappingFile, name));
  }

  /**
   * Places every mapped column in the sheet.
   *
   * @throws SourceFileException naming the mapping file and field of a header the sheet lacks, and
   *     listing the sheet's headers
   */
  Map<MappedColumn, Integer> resolve(SheetTable.Header header) {
    Map<MappedColumn, Integer> placed = new HashMap<>();
    for (MappedColumn column : allColumns()) {
      placed.put(column, column.resolve(header));
    }
    return placed;
  }

  /** Every column the mapping names, in mapping order. */
  List<MappedColumn> allColumns() {
    List<MappedColumn> all = new ArrayList<>(columns.values());
    stages.forEach(block -> all.addAll(block.columns().values()));
    all.addAll(steps.values());
    skipWhen.forEach(rule -> all.add(rule.column()));
    return all;
  }

  /** The columns whose cells make records (the alert's, the stages' or steps', but no due column). */
  List<MappedColumn> recordColumns() {
    List<MappedColumn> record = new ArrayList<>(columns.values());
    for (StageBlock block : stages) {
      block.columns().forEach((field, column) -> {
        if (field != StepField.DUE) {
          record.add(column);
        }
      });
    }
    steps.forEach((field, column) -> {
      if (field != StepField.DUE) {
        record.add(column);
      }
    });
    return record;
  }

  // ---- reading the file -------------------------------------------------------------------------

  private static Shape shape(YamlNode node) {
    String value = node.text().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "wide" -> Shape.WIDE;
      case "long" -> Shape.LONG;
      default -> throw node.error("'" + node.text() + "' is not a tracker shape",
          "write wide (one row per alert, a block of columns per stage) or long (one row per escalation step)");
    };
  }

  private static XlsxSheetReader.SheetChoice sheet(Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return new XlsxSheetReader.SheetChoice(null, 1);
    }
    if (node.get().isInteger()) {
      return new XlsxSheetReader.SheetChoice(null, node.get().integer(1));
    }
    return new XlsxSheetReader.SheetChoice(node.get().text(), 0);
  }

  private static void refuse(YamlNode root, String key, String problem, String fix) {
    if (root.has(key)) {
      throw root.get(key).error(problem, fix);
    }
  }

  private static Map<AlertField, MappedColumn> alertColumns(YamlNode node) {
    List<String> required = Arrays.stream(AlertField.values()).filter(f -> f.required).map(f -> f.key).toList();
    List<String> optional = Arrays.stream(AlertField.values()).filter(f -> !f.required).map(f -> f.key).toList();
    node.keys(required, optional);
    Map<AlertField, MappedColumn> columns = new EnumMap<>(AlertField.class);
    for (AlertField field : AlertField.values()) {
      node.optional(field.key).ifPresent(n -> columns.put(field, MappedColumn.parse(n)));
    }
    return Collections.unmodifiableMap(columns);
  }

  private static List<StageBlock> stageBlocks(YamlNode node, Optional<YamlNode> policy) {
    if (!node.isList()) {
      throw node.error("must be a list of stage blocks", "write one '- stage: <id>' block per stage; " + TrackerMapping.DOCS);
    }
    List<String> optional = new ArrayList<>(List.of("to_role"));
    for (StepField field : StepField.values()) {
      if (field != StepField.STAGE) {
        optional.add(field.key);
      }
    }
    Set<String> stageIds = policy.map(TrackerMapping::policyStages).orElse(null);
    List<StageBlock> blocks = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlNode element : node.elementsOrSingle()) {
      element.keys(List.of("stage"), optional);
      String stage = stageId(element.get("stage"), stageIds, policy);
      if (!seen.add(stage)) {
        throw element.get("stage").error("stage '" + stage + "' has two blocks", "give each stage one block of columns");
      }
      Role toRole = element.optional("to_role").map(n -> enumValue(n, Role.class, "role")).orElse(null);
      Map<StepField, MappedColumn> columns = new EnumMap<>(StepField.class);
      for (StepField field : StepField.values()) {
        if (field != StepField.STAGE) {
          element.optional(field.key).ifPresent(n -> columns.put(field, MappedColumn.parse(n)));
        }
      }
      if (columns.isEmpty()) {
        throw element.error("names no column of stage '" + stage + "'", "give at least the column of the day it opened ('opened:')");
      }
      if (!blocks.isEmpty() && !columns.containsKey(StepField.OPENED)) {
        throw element.field("opened").error("is required for every stage but the first",
            "name the column with the day stage '" + stage + "' opened (sent, escalated)");
      }
      blocks.add(new StageBlock(element.path(), stage, toRole, columns));
    }
    if (blocks.isEmpty()) {
      throw node.error("lists no stage", "write one '- stage: <id>' block per stage");
    }
    return List.copyOf(blocks);
  }

  private static Map<StepField, MappedColumn> stepColumns(YamlNode node) {
    List<String> optional = new ArrayList<>();
    for (StepField field : StepField.values()) {
      if (field != StepField.STAGE && field != StepField.OPENED) {
        optional.add(field.key);
      }
    }
    node.keys(List.of("stage", "opened"), optional);
    Map<StepField, MappedColumn> columns = new EnumMap<>(StepField.class);
    for (StepField field : StepField.values()) {
      node.optional(field.key).ifPresent(n -> columns.put(field, MappedColumn.parse(n)));
    }
    return Collections.unmodifiableMap(columns);
  }

  private static WordMap stageLabels(YamlNode node, Optional<YamlNode> policy) {
    Set<String> stageIds = policy.map(TrackerMapping::policyStages).orElse(null);
    WordMap.Builder labels = WordMap.builder();
    Map<String, YamlNode> entries = node.entries();
    if (entries.isEmpty()) {
      throw node.error("maps no stage word", "map each word of the stage column to a stage id, e.g. \"Stage 1 - TM\": stage1");
    }
    entries.forEach((word, target) -> labels.put(word, stageId(target, stageIds, policy)));
    return labels.build();
  }

  /** Stage ids are policy ids: lower-case letters and digits; when a policy is named, one of its stages. */
  private static String stageId(YamlNode node, Set<String> policyStages, Optional<YamlNode> policy) {
    String id = node.text();
    if (!id.matches("[a-z][a-z0-9_-]*")) {
      throw node.error("'" + id + "' is not a stage id", "use the policy's stage id: lower-case letters and digits, e.g. stage2");
    }
    if (policyStages != null && !policyStages.contains(id)) {
      throw node.error("'" + id + "' is not a stage of policy " + policy.get().text(), "use one of " + String.join(", ", policyStages));
    }
    return id;
  }

  /** Every stage id of a shipped policy's ladders, in ladder order. */
  private static Set<String> policyStages(YamlNode node) {
    String id = node.text();
    PolicyCatalog catalog = PolicyCatalog.presets();
    if (!catalog.ids().contains(id)) {
      throw node.error("'" + id + "' is not a shipped policy",
          "use one of " + String.join(", ", catalog.ids()) + ", or leave 'policy:' out (stage ids are then checked downstream)");
    }
    Policy policy;
    try {
      policy = catalog.latest(id);
    } catch (DrpUserException e) {
      throw node.error(e.getMessage(), "leave 'policy:' out");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (DisputeProcess process : DisputeProcess.values()) {
      if (policy.definesLadder(process)) {
        Ladder ladder = policy.ladder(process);
        ladder.stages().stream().map(Stage::id).forEach(ids::add);
      }
    }
    return ids;
  }

  private static WordMap roles(Optional<YamlNode> node) {
    WordMap.Builder roles = WordMap.builder();
    for (Role role : Role.values()) {
      roles.builtIn(role.name(), role.name()).builtIn(role.label(), role.name());
    }
    roles.builtInDescription("each role's name (TEAM_MANAGER) and label (Team manager)");
    node.ifPresent(n -> n.entries().forEach((word, target) -> roles.put(word, enumValue(target, Role.class, "role").name())));
    return roles.build();
  }

  private static WordMap outcomes(Optional<YamlNode> node) {
    WordMap.Builder outcomes = WordMap.builder();
    for (Outcome outcome : Outcome.values()) {
      outcomes.builtIn(outcome.name(), outcome.name());
    }
    outcomes.builtIn(CONTINUED, CONTINUED);
    // The long shape's "Satisfied? (Y/N)": satisfied means resolved; not satisfied, it went on.
    for (String yes : List.of("Y", "Yes")) {
      outcomes.builtIn(yes, Outcome.RESOLVED.name());
    }
    for (String no : List.of("N", "No")) {
      outcomes.builtIn(no, CONTINUED);
    }
    outcomes.builtInDescription("Resolved, Withdrawn, No further action, Referred to Cafcass, Continued, Y/Yes (resolved), N/No (continued)");
    List<String> allowed = new ArrayList<>();
    Arrays.stream(Outcome.values()).map(Enum::name).forEach(allowed::add);
    allowed.add(CONTINUED);
    node.ifPresent(n -> n.entries().forEach((word, target) -> {
      String value = target.text().toUpperCase(Locale.ROOT);
      if (!allowed.contains(value)) {
        throw target.error("'" + target.text() + "' is not an outcome",
            "use one of " + String.join(", ", allowed) + " (CONTINUED: the dispute did not end, e.g. escalated)");
      }
      outcomes.put(word, value);
    }));
    return outcomes.build();
  }

  private static WordMap processes(Optional<YamlNode> node) {
    WordMap.Builder processes = WordMap.builder();
    for (DisputeProcess process : DisputeProcess.values()) {
      processes.builtIn(process.name(), process.name()).builtIn(process.label(), process.name());
    }
    processes.builtInDescription("CLA, CP, PARTNER, REVERSE and their labels (Looked-after child, ...)");
    node.ifPresent(n -> n.entries().forEach((word, target) ->
        processes.put(word, enumValue(target, DisputeProcess.class, "process").name())));
    return processes.build();
  }

  private static TrackerDates dates(Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return TrackerDates.of(TrackerDates.DEFAULT_PATTERNS);
    }
    List<String> patterns = new ArrayList<>();
    for (YamlNode element : node.get().elementsOrSingle()) {
      String pattern = element.text();
      try {
        TrackerDates.of(List.of(pattern));
      } catch (IllegalArgumentException e) {
        throw element.error(e.getMessage(), "write a pattern such as dd/MM/yyyy or d.M.yy (d day, M month, y year)");
      }
      patterns.add(pattern);
    }
    return TrackerDates.of(patterns);
  }

  private static void skip(YamlNode node, Set<Long> rows, List<SkipWhen> when) {
    node.keys(List.of(), List.of("rows", "when"));
    node.optional("rows").ifPresent(list -> list.elementsOrSingle().forEach(element -> rows.add((long) element.integer(1))));
    node.optional("when").ifPresent(list -> {
      for (YamlNode rule : list.elementsOrSingle()) {
        rule.keys(List.of("column"), List.of("equals", "starts_with"));
        if (!rule.has("equals") && !rule.has("starts_with")) {
          throw rule.error("gives no words to skip on", "add equals: [Total] or starts_with: [Total]");
        }
        List<String> equals = rule.optional("equals").map(n -> n.elementsOrSingle().stream().map(YamlNode::text).toList()).orElse(List.of());
        List<String> startsWith =
            rule.optional("starts_with").map(n -> n.elementsOrSingle().stream().map(YamlNode::text).toList()).orElse(List.of());
        when.add(new SkipWhen(MappedColumn.parse(rule.get("column")), equals, startsWith));
      }
    });
  }

  /** An enum constant by its name, ignoring case; the message lists the allowed names. */
  private static <E extends Enum<E>> E enumValue(YamlNode node, Class<E> type, String what) {
    String value = node.text();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    throw node.error("'" + value + "' is not a " + what,
        "use one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
