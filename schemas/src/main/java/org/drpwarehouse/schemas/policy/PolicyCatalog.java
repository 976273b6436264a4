package org.drpwarehouse.schemas.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * Every dispute resolution policy the warehouse knows, each in all its versions: the five presets
 * shipped in the jar, plus any policy files a user supplies.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>A policy is identified by id and version. Versions of one id must take effect on strictly
 *       later dates as the version number rises, so that "the version in force" is never ambiguous.
 *   <li>{@link #inForce(String, LocalDate)} is the version with the greatest {@code effective_from}
 *       on or before the date: with calderdale v1 from 2015-01-01 and a user's v2 from 2025-04-01, a
 *       dispute first opened on 2025-03-31 is judged by v1 and one opened on 2025-04-01 by v2.
 *   <li>Unknown ids, versions and dates before the first version are user errors
 *       ({@link DrpUserException}) naming what is known.
 *   <li>Instances are immutable; {@link #presets()} is loaded once.
 * </ul>
 *
 * <p>Presets live on the classpath under {@code drp/policies/}; jars cannot list a directory, so
 * {@code drp/policies/index.txt} names their files, one per line.
 */
public final class PolicyCatalog {
  static final String PRESET_DIR = "drp/policies/";
  static final String PRESET_INDEX = PRESET_DIR + "index.txt";

  /** id -> version -> the policy and the file it came from. */
  private final Map<String, NavigableMap<Integer, Entry>> policies;

  private record Entry(Policy policy, String source) {}

  private PolicyCatalog(Map<String, NavigableMap<Integer, Entry>> policies) {
    Map<String, NavigableMap<Integer, Entry>> copy = new TreeMap<>();
    policies.forEach((id, versions) -> copy.put(id, Collections.unmodifiableNavigableMap(new TreeMap<>(versions))));
    this.policies = Collections.unmodifiableMap(copy);
  }

  /** The five shipped presets: calderdale, constructive-challenge, iro-alerts-five-stage, lambeth, lincolnshire. */
  public static PolicyCatalog presets() {
    return Presets.CATALOG;
  }

  private static final class Presets {
    static final PolicyCatalog CATALOG = load();

    private static PolicyCatalog load() {
      PolicyCatalog catalog = new PolicyCatalog(Map.of());
      for (String file : presetFiles()) {
        try (InputStream in = resource(PRESET_DIR + file)) {
          catalog = catalog.plus(parse(in, file), "preset " + file);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read preset " + file, e);
        }
      }
      return catalog;
    }
  }

  /** The preset file names listed in {@code drp/policies/index.txt} ({@code #} starts a comment). */
  static List<String> presetFiles() {
    try (InputStream in = resource(PRESET_INDEX);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines()
          .map(line -> line.replaceFirst("#.*", "").strip())
          .filter(line -> !line.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + PRESET_INDEX, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = PolicyCatalog.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      // A packaging bug, not a user error: the jar was built without its presets.
      throw new IllegalStateException("The build lost " + name + " from the classpath");
    }
    return in;
  }

  /**
   * This catalog plus the user's policy files (same YAML format as the presets). A file may add a new
   * policy id, or a new version of a known one; it may not redefine a version that exists.
   *
   * @throws DrpUserException naming the file, the field and the fix, for the first invalid file
   */
  public PolicyCatalog withFiles(List<Path> policyFiles) {
    Objects.requireNonNull(policyFiles, "policyFiles");
    PolicyCatalog catalog = this;
    for (Path file : policyFiles) {
      String name = file.toString();
      Policy policy;
      try (InputStream in = Files.newInputStream(file)) {
        policy = parse(in, name);
      } catch (IOException e) {
        throw new DrpUserException(name, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
            "check the path of the policy file and that it is readable", e);
      }
      catalog = catalog.plus(policy, name);
    }
    return catalog;
  }

  /**
   * Reads one policy file and validates it, including its categories against the canonical theme
   * taxonomy.
   *
   * @param fileName named in every error message
   * @throws DrpUserException naming the file, the field path (e.g. {@code
   *     calderdale.yaml: ladders.CLA.stages[2].timescale.working_days}), the reason and the fix
   */
  public static Policy parse(InputStream yaml, String fileName) {
    Objects.requireNonNull(yaml, "yaml");
    return PolicyFile.read(yaml, fileName == null ? "policy file" : fileName, ThemeTaxonomy.canonical());
  }

  private PolicyCatalog plus(Policy policy, String source) {
    Map<String, NavigableMap<Integer, Entry>> next = new TreeMap<>(policies);
    NavigableMap<Integer, Entry> versions = new TreeMap<>(next.getOrDefault(policy.id(), new TreeMap<>()));
    Entry existing = versions.get(policy.version());
    if (existing != null) {
      throw new DrpUserException(source + ": version",
          policy.reference() + " is already defined by " + existing.source(),
          "give the new file version " + (versions.lastKey() + 1) + " and the date it takes effect");
    }
    // Versions must take effect in version order, one per date, or "in force on" would be ambiguous.
    Map.Entry<Integer, Entry> below = versions.lowerEntry(policy.version());
    Map.Entry<Integer, Entry> above = versions.higherEntry(policy.version());
    if (below != null && !policy.effectiveFrom().isAfter(below.getValue().policy().effectiveFrom())) {
      throw new DrpUserException(source + ": effective_from",
          policy.reference() + " takes effect on " + policy.effectiveFrom() + ", not after "
              + below.getValue().policy().reference() + " (" + below.getValue().policy().effectiveFrom() + ", "
              + below.getValue().source() + ")",
          "a later version must take effect on a later date: set effective_from after "
              + below.getValue().policy().effectiveFrom());
    }
    if (above != null && !policy.effectiveFrom().isBefore(above.getValue().policy().effectiveFrom())) {
      throw new DrpUserException(source + ": effective_from",
          policy.reference() + " takes effect on " + policy.effectiveFrom() + ", not before "
              + above.getValue().policy().reference() + " (" + above.getValue().policy().effectiveFrom() + ", "
              + above.getValue().source() + ")",
          "an earlier version must take effect on an earlier date: set effective_from before "
              + above.getValue().policy().effectiveFrom());
    }
    versions.put(policy.version(), new Entry(policy, source));
    next.put(policy.id(), versions);
    return new PolicyCatalog(next);
  }

  /** Every version of every policy, ordered by id then version. */
  public List<Policy> all() {
    List<Policy> all = new ArrayList<>();
    policies.values().forEach(versions -> versions.values().forEach(e -> all.add(e.policy())));
    return Collections.unmodifiableList(all);
  }

  public SortedSet<String> ids() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(policies.keySet()));
  }

  /** The highest version of a policy. */
  public Policy latest(String id) {
    return versions(id).lastEntry().getValue().policy();
  }

  public Policy version(String id, int version) {
    Entry entry = versions(id).get(version);
    if (entry == null) {
      throw new DrpUserException("policy " + id + " version " + version, "does not exist",
          "use one of versions " + versions(id).keySet() + " of " + id + ", or supply a policy file for version "
              + version);
    }
    return entry.policy();
  }

  /**
   * The version in force on a date: the one with the greatest {@code effective_from} on or before
   * it.
   */
  public Policy inForce(String id, LocalDate date) {
    Objects.requireNonNull(date, "date");
    NavigableMap<Integer, Entry> versions = versions(id);
    Policy inForce = null;
    for (Entry entry : versions.values()) {
      if (!entry.policy().effectiveFrom().isAfter(date)) {
        inForce = entry.policy();
      }
    }
    if (inForce == null) {
      LocalDate earliest = versions.firstEntry().getValue().policy().effectiveFrom();
      throw new DrpUserException("policy " + id + " on " + date,
          "no version is in force yet: the earliest, " + versions.firstEntry().getValue().policy().reference()
              + ", takes effect on " + earliest,
          "pin a version in policy_bindings.csv, or supply a policy file for " + id
              + " with effective_from on or before " + date);
    }
    return inForce;
  }

  /** The file a policy version came from (a preset's file name, or the user's path). */
  String source(String id, int version) {
    version(id, version);
    return versions(id).get(version).source();
  }

  private NavigableMap<Integer, Entry> versions(String id) {
    NavigableMap<Integer, Entry> versions = policies.get(id);
    if (versions == null) {
      throw new DrpUserException("policy '" + id + "'", "is not a known policy id",
          "use one of " + String.join(", ", policies.keySet()) + ", or supply a policy file with id: " + id);
    }
    return versions;
  }

  @Override
  public String toString() {
    return policies.entrySet().stream()
        .map(e -> e.getKey() + " v" + e.getValue().keySet().stream().map(String::valueOf).collect(Collectors.joining(",v")))
        .collect(Collectors.joining("; ", "PolicyCatalog[", "]"));
  }
}
