package org.drpwarehouse.quality;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.drpwarehouse.quality.internal.RuleCatalog;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * The gate's thresholds: every rule's defaults ({@link RuleCatalog}: recording rules warn below 0.95
 * and block below 0.80, the child-informed rule only warns, integrity rules warn on one failing
 * record and block above 1%, duplicate keys and warehouse checks block on one), overridden per rule
 * and per authority.
 *
 * <p>Keys (other keys are not the gate's and are ignored):
 *
 * <pre>
 * gate.&lt;rule-id&gt;.warn=0.9                     warn below 90% for every authority
 * gate.&lt;rule-id&gt;.block=0.7                    block below 70% (or "none": this rule only warns)
 * gate.&lt;authority&gt;.&lt;rule-id&gt;.warn=0.85        for one authority (its code, e.g. 381)
 * gate.&lt;authority&gt;.&lt;rule-id&gt;.block=0.6
 * </pre>
 *
 * <p>Example: {@code gate.record.form_attached.block=0.7} and {@code
 * gate.381.record.form_attached.block=0.5} block authority 381 below 50% of forms attached and every
 * other authority below 70%; all of them warn below the default 95%.
 *
 * <p>Values are shares from 0 to 1 and, for every authority, the blocking threshold must not exceed
 * the warning one; a rule of Warning severity (child informed, the child lookup, drift) cannot be
 * given a blocking threshold. Errors name the key and the fix. A recording rule blocks only over at
 * least {@value RuleCatalog#MIN_RECORDS_TO_BLOCK} records in scope; over fewer it warns at most.
 *
 * @param byRule rule id to its thresholds for every authority (only rules that differ from their defaults)
 * @param byAuthority authority code to rule id to its thresholds for that authority
 */
public record GateSettings(Map<String, Thresholds> byRule, Map<String, Map<String, Thresholds>> byAuthority) {
  public static final String PREFIX = "gate.";
  private static final String WARN = ".warn";
  private static final String BLOCK = ".block";
  private static final String NONE = "none";

  public GateSettings {
    Map<String, Thresholds> rules = new TreeMap<>();
    byRule.forEach((rule, t) -> rules.put(known(rule), Objects.requireNonNull(t, rule)));
    Map<String, Map<String, Thresholds>> authorities = new TreeMap<>();
    byAuthority.forEach((authority, map) -> {
      Map<String, Thresholds> copy = new TreeMap<>();
      map.forEach((rule, t) -> copy.put(known(rule), Objects.requireNonNull(t, rule)));
      authorities.put(authority, java.util.Collections.unmodifiableMap(copy));
    });
    byRule = java.util.Collections.unmodifiableMap(rules);
    byAuthority = java.util.Collections.unmodifiableMap(authorities);
  }

  /** Every rule at its default thresholds. */
  public static GateSettings defaults() {
    return new GateSettings(Map.of(), Map.of());
  }

  /** The thresholds of a rule for an authority: the authority's, else the rule's, else the defaults. */
  public Thresholds thresholds(String authority, String ruleId) {
    Map<String, Thresholds> own = byAuthority.get(authority);
    if (own != null && own.containsKey(ruleId)) {
      return own.get(ruleId);
    }
    return thresholds(ruleId);
  }

  /** The thresholds of a rule for every authority without an override of its own. */
  public Thresholds thresholds(String ruleId) {
    Thresholds rule = byRule.get(ruleId);
    return rule != null ? rule : RuleCatalog.defaults().get(known(ruleId));
  }

  /** Reads the {@code gate.*} keys of a properties file; {@code source} names the file in errors. */
  public static GateSettings fromProperties(Properties properties, String source) {
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
    return parse(values, source);
  }

  /**
   * Reads the {@code gate.*} keys of a map of settings.
   *
   * @throws DrpUserException naming the key, what is wrong and how to fix it
   */
  public static GateSettings parse(Map<String, String> values, String source) {
    Map<String, Thresholds> defaults = RuleCatalog.defaults();
    // scope ("" for every authority) -> rule -> {warn, block} as given
    Map<String, Map<String, Double[]>> given = new TreeMap<>();
    Map<String, Map<String, Boolean>> noBlock = new TreeMap<>();
    Map<String, Map<String, String>> keys = new TreeMap<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
      String key = entry.getKey().strip();
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      String where = source + ": " + key;
      boolean warn = key.endsWith(WARN);
      if (!warn && !key.endsWith(BLOCK)) {
        throw new DrpUserException(where, "does not end in .warn or .block",
            "write gate.<rule-id>.warn, gate.<rule-id>.block, gate.<authority>.<rule-id>.warn or ...block");
      }
      String middle = key.substring(PREFIX.length(), key.length() - (warn ? WARN.length() : BLOCK.length()));
      String authority = "";
      String rule = middle;
      if (!defaults.containsKey(rule)) {
        int dot = middle.indexOf('.');
        authority = dot < 0 ? "" : middle.substring(0, dot);
        rule = dot < 0 ? middle : middle.substring(dot + 1);
        if (authority.isEmpty() || !defaults.containsKey(rule)) {
          throw new DrpUserException(where, "names no rule the gate knows ('" + middle + "')",
              "use one of the rule ids of the quality report (e.g. record.stage_on_file), optionally after an"
                  + " authority code: gate.381.record.stage_on_file.block");
        }
      }
      String text = entry.getValue() == null ? "" : entry.getValue().strip();
      Double value;
      if (!warn && text.equalsIgnoreCase(NONE)) {
        value = null;
        noBlock.computeIfAbsent(authority, a -> new TreeMap<>()).put(rule, true);
      } else {
        try {
          value = Double.valueOf(text);
        } catch (NumberFormatException e) {
          throw new DrpUserException(where, "is '" + text + "', not a number",
              "give a share from 0 to 1, e.g. 0.95" + (warn ? "" : ", or none for a rule that only warns"), e);
        }
        if (!(value >= 0 && value <= 1)) {
          throw new DrpUserException(where, "is " + text + ", outside 0 to 1",
              "give a share from 0 to 1: 0.95 means 95% of the records in scope");
        }
      }
      if (!warn && value != null && !defaults.get(rule).blocks() && RuleCatalog.rule(rule).map(r -> !r.error()).orElse(true)) {
        throw new DrpUserException(where, "gives a blocking threshold to " + rule + ", which only warns",
            "remove the key: a Warning rule is reported and never withholds publication");
      }
      given.computeIfAbsent(authority, a -> new TreeMap<>()).computeIfAbsent(rule, r -> new Double[2])[warn ? 0 : 1] = value;
      keys.computeIfAbsent(authority, a -> new TreeMap<>()).put(rule, key);
    }
    Map<String, Thresholds> byRule = new TreeMap<>();
    Map<String, Map<String, Thresholds>> byAuthority = new TreeMap<>();
    // Rule-wide settings first: an authority's override falls back on them, not on the defaults.
    for (Map.Entry<String, Double[]> e : given.getOrDefault("", Map.of()).entrySet()) {
      byRule.put(e.getKey(), resolve(defaults.get(e.getKey()), e.getValue(),
          noBlock.getOrDefault("", Map.of()).getOrDefault(e.getKey(), false), source + ": " + keys.get("").get(e.getKey())));
    }
    for (Map.Entry<String, Map<String, Double[]>> scope : given.entrySet()) {
      if (scope.getKey().isEmpty()) {
        continue;
      }
      Map<String, Thresholds> own = new TreeMap<>();
      for (Map.Entry<String, Double[]> e : scope.getValue().entrySet()) {
        Thresholds base = byRule.getOrDefault(e.getKey(), defaults.get(e.getKey()));
        own.put(e.getKey(), resolve(base, e.getValue(),
            noBlock.getOrDefault(scope.getKey(), Map.of()).getOrDefault(e.getKey(), false),
            source + ": " + keys.get(scope.getKey()).get(e.getKey())));
      }
      byAuthority.put(scope.getKey(), own);
    }
    return new GateSettings(byRule, byAuthority);
  }

  private static Thresholds resolve(Thresholds base, Double[] given, boolean noBlock, String where) {
    double warn = given[0] != null ? given[0] : base.warn();
    Double block = noBlock ? null : given[1] != null ? given[1] : base.block();
    if (block != null && block > warn) {
      throw new DrpUserException(where,
          "makes the blocking threshold " + block + " higher than the warning threshold " + warn,
          "a rule must warn before it blocks: set block at or below warn (defaults: warn 0.95, block 0.80)");
    }
    return new Thresholds(warn, block);
  }

  private static String known(String ruleId) {
    if (!RuleCatalog.defaults().containsKey(ruleId)) {
      throw new IllegalArgumentException("Cannot set thresholds for unknown rule " + ruleId);
    }
    return ruleId;
  }
}
