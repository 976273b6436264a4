package org.drpwarehouse.schemas.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * Which policy judges each authority's disputes, over time: the content of {@value #FILE_NAME}.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Columns {@code authority,authority_name,policy_id,policy_version,effective_from}; a header row
 *       is required, column order is free, {@code authority_name} and {@code policy_version} may be
 *       left out or empty. UTF-8, RFC 4180 quoting, ISO dates.
 *   <li>Every row is validated against the catalog when the file is read: the policy id and any
 *       pinned version must exist, and an authority has at most one row per {@code effective_from}.
 *   <li>The binding on a date is the authority's row with the greatest {@code effective_from} on or
 *       before it. The policy judging a dispute is chosen by the day it was first opened: the
 *       binding's pinned version, else the version of its policy in force that day.
 * </ul>
 *
 * <p>Example: {@code 381,Calderdale,calderdale,,2015-01-01} and {@code 381,Calderdale,lambeth,,2024-04-01}
 * judge a dispute first opened on 2024-03-28 by Calderdale's policy and one opened on 2024-04-02 by
 * Lambeth's version in force that day.
 */
public final class PolicyBindings {
  public static final String FILE_NAME = "policy_bindings.csv";

  static final String AUTHORITY = "authority";
  static final String AUTHORITY_NAME = "authority_name";
  static final String POLICY_ID = "policy_id";
  static final String POLICY_VERSION = "policy_version";
  static final String EFFECTIVE_FROM = "effective_from";

  /** The column order {@link #write} uses. */
  static final List<String> COLUMNS = List.of(AUTHORITY, AUTHORITY_NAME, POLICY_ID, POLICY_VERSION, EFFECTIVE_FROM);

  private static final List<String> REQUIRED = List.of(AUTHORITY, POLICY_ID, EFFECTIVE_FROM);

  private final PolicyCatalog catalog;
  /** authority -> effective_from -> binding. */
  private final Map<String, NavigableMap<LocalDate, PolicyBinding>> byAuthority;
  private final List<PolicyBinding> bindings;

  private PolicyBindings(List<PolicyBinding> bindings, PolicyCatalog catalog) {
    this.catalog = catalog;
    Map<String, NavigableMap<LocalDate, PolicyBinding>> index = new TreeMap<>();
    for (PolicyBinding binding : bindings) {
      index.computeIfAbsent(binding.authority(), a -> new TreeMap<>()).put(binding.effectiveFrom(), binding);
    }
    this.byAuthority = Collections.unmodifiableMap(index);
    List<PolicyBinding> sorted = new ArrayList<>(bindings);
    sorted.sort(Comparator.comparing(PolicyBinding::authority).thenComparing(PolicyBinding::effectiveFrom));
    this.bindings = List.copyOf(sorted);
  }

  /** Reads a bindings file; one that cannot be read fails naming it. */
  public static PolicyBindings read(Path file, PolicyCatalog catalog) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), catalog);
    } catch (IOException e) {
      throw new DrpUserException(file.toString(), "cannot be read (" + e.getMessage() + ")", "check the file", e);
    }
  }

  /**
   * Reads and validates {@value #FILE_NAME}.
   *
   * @throws DrpUserException naming the file, line and column, the reason and the fix
   */
  public static PolicyBindings read(InputStream csv, String fileName, PolicyCatalog catalog) {
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(catalog, "catalog");
    String file = fileName == null ? FILE_NAME : fileName;
    List<CsvTable.Line> lines = CsvTable.read(new InputStreamReader(csv, StandardCharsets.UTF_8), file);
    if (lines.isEmpty()) {
      throw new DrpUserException(file, "is empty",
          "start it with the header row " + String.join(",", COLUMNS) + " and add one row per authority");
    }
    Map<String, Integer> columns = header(lines.get(0), file);
    List<PolicyBinding> bindings = new ArrayList<>();
    Map<String, Integer> firstLineOf = new HashMap<>();
    for (CsvTable.Line line : lines.subList(1, lines.size())) {
      if (line.fields().size() != columns.size()) {
        throw new DrpUserException(file + " line " + line.number(),
            "has " + line.fields().size() + " fields but the header has " + columns.size(),
            "give every row one value per header column (empty for an optional one); quote values holding commas");
      }
      String authority = field(line, columns, AUTHORITY);
      if (authority.isEmpty()) {
        throw cell(file, line, AUTHORITY, "is empty", "write the authority's code, e.g. its DfE LA number");
      }
      String policyId = field(line, columns, POLICY_ID);
      if (policyId.isEmpty()) {
        throw cell(file, line, POLICY_ID, "is empty", "write a policy id: one of " + String.join(", ", catalog.ids()));
      }
      if (!catalog.ids().contains(policyId)) {
        throw cell(file, line, POLICY_ID, "'" + policyId + "' is not a known policy id",
            "use one of " + String.join(", ", catalog.ids()) + ", or supply a policy file with that id");
      }
      Integer version = null;
      String versionText = field(line, columns, POLICY_VERSION);
      if (!versionText.isEmpty()) {
        if (!versionText.matches("[0-9]+") || Long.parseLong(versionText) < 1 || versionText.length() > 9) {
          throw cell(file, line, POLICY_VERSION, "'" + versionText + "' is not a version number",
              "write a whole number from 1, or leave it empty for the version in force");
        }
        version = Integer.valueOf(versionText);
        if (!hasVersion(catalog, policyId, version)) {
          throw cell(file, line, POLICY_VERSION, "policy " + policyId + " has no version " + version,
              "use one of versions " + versionsOf(catalog, policyId) + ", or leave it empty for the version in force");
        }
      }
      String dateText = field(line, columns, EFFECTIVE_FROM);
      LocalDate effectiveFrom;
      try {
        effectiveFrom = LocalDate.parse(dateText);
      } catch (DateTimeParseException e) {
        throw cell(file, line, EFFECTIVE_FROM,
            dateText.isEmpty() ? "is empty" : "'" + dateText + "' is not a date",
            "write an ISO date, YYYY-MM-DD, e.g. 2015-01-01");
      }
      String key = authority + "|" + effectiveFrom;
      Integer earlier = firstLineOf.putIfAbsent(key, line.number());
      if (earlier != null) {
        throw cell(file, line, EFFECTIVE_FROM,
            "authority " + authority + " already has a binding from " + effectiveFrom + " (line " + earlier + ")",
            "keep one row per authority and date; change the policy from a later date with a new row");
      }
      bindings.add(new PolicyBinding(authority, field(line, columns, AUTHORITY_NAME), policyId, version, effectiveFrom));
    }
    return new PolicyBindings(bindings, catalog);
  }

  private static Map<String, Integer> header(CsvTable.Line header, String file) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i).strip();
      if (!COLUMNS.contains(name)) {
        throw new DrpUserException(file + " line " + header.number() + " column " + (i + 1),
            "'" + name + "' is not a column of " + FILE_NAME,
            "use only " + String.join(", ", COLUMNS) + " (the first line must be the header row)");
      }
      if (columns.putIfAbsent(name, i) != null) {
        throw new DrpUserException(file + " line " + header.number() + " column " + (i + 1),
            "column '" + name + "' appears twice", "keep one " + name + " column");
      }
    }
    List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new DrpUserException(file + " line " + header.number(),
          "the header has no " + String.join(", ", missing) + " column" + (missing.size() > 1 ? "s" : ""),
          "the header row must name " + String.join(", ", REQUIRED) + " (and may name " + AUTHORITY_NAME + ", "
              + POLICY_VERSION + ")");
    }
    return columns;
  }

  private static String field(CsvTable.Line line, Map<String, Integer> columns, String column) {
    Integer index = columns.get(column);
    return index == null ? "" : line.fields().get(index).strip();
  }

  private static DrpUserException cell(String file, CsvTable.Line line, String column, String problem, String fix) {
    return new DrpUserException(file + " line " + line.number() + " column " + column, problem, fix);
  }

  private static boolean hasVersion(PolicyCatalog catalog, String id, int version) {
    return catalog.all().stream().anyMatch(p -> p.id().equals(id) && p.version() == version);
  }

  private static List<Integer> versionsOf(PolicyCatalog catalog, String id) {
    return catalog.all().stream().filter(p -> p.id().equals(id)).map(Policy::version).toList();
  }

  /**
   * Validates bindings built in code against the catalog, as {@link #read} does for a file.
   *
   * @throws DrpUserException for an unknown policy id or version, or two bindings of an authority
   *     from the same date
   */
  public static PolicyBindings of(List<PolicyBinding> bindings, PolicyCatalog catalog) {
    Objects.requireNonNull(bindings, "bindings");
    Objects.requireNonNull(catalog, "catalog");
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < bindings.size(); i++) {
      PolicyBinding binding = Objects.requireNonNull(bindings.get(i), "binding " + i);
      String where = "policy binding " + i + " (authority " + binding.authority() + ", from " + binding.effectiveFrom() + ")";
      if (!catalog.ids().contains(binding.policyId())) {
        throw new DrpUserException(where, "'" + binding.policyId() + "' is not a known policy id",
            "use one of " + String.join(", ", catalog.ids()));
      }
      if (binding.policyVersion() != null && !hasVersion(catalog, binding.policyId(), binding.policyVersion())) {
        throw new DrpUserException(where, "policy " + binding.policyId() + " has no version " + binding.policyVersion(),
            "use one of versions " + versionsOf(catalog, binding.policyId()) + ", or null for the version in force");
      }
      if (!seen.add(binding.authority() + "|" + binding.effectiveFrom())) {
        throw new DrpUserException(where, "authority " + binding.authority() + " already has a binding from "
            + binding.effectiveFrom(), "keep one binding per authority and date");
      }
    }
    return new PolicyBindings(bindings, catalog);
  }

  /** Every binding, ordered by authority then effective date. */
  public List<PolicyBinding> bindings() {
    return bindings;
  }

  public Set<String> authorities() {
    return Collections.unmodifiableSet(byAuthority.keySet());
  }

  /** The authority's binding with the greatest {@code effective_from} on or before the date. */
  public Optional<PolicyBinding> bindingOn(String authority, LocalDate date) {
    Objects.requireNonNull(date, "date");
    NavigableMap<LocalDate, PolicyBinding> history = byAuthority.get(authority);
    if (history == null) {
      return Optional.empty();
    }
    Map.Entry<LocalDate, PolicyBinding> entry = history.floorEntry(date);
    return entry == null ? Optional.empty() : Optional.of(entry.getValue());
  }

  /**
   * The policy judging a dispute the authority first opened on {@code date}: the binding's pinned
   * version, else the version of its policy in force on that date.
   *
   * @throws DrpUserException when the authority has no binding on that date (saying how to add one),
   *     or its policy has no version in force yet
   */
  public Policy policyFor(String authority, LocalDate date) {
    PolicyBinding binding = bindingOn(authority, date).orElseThrow(() -> noBinding(authority, date));
    if (binding.policyVersion() != null) {
      return catalog.version(binding.policyId(), binding.policyVersion());
    }
    try {
      return catalog.inForce(binding.policyId(), date);
    } catch (DrpUserException e) {
      throw new DrpUserException(FILE_NAME + ", authority " + authority,
          "is bound to " + binding.policyId() + " from " + binding.effectiveFrom() + ", but " + e.getMessage(), null, e);
    }
  }

  private DrpUserException noBinding(String authority, LocalDate date) {
    NavigableMap<LocalDate, PolicyBinding> history = byAuthority.get(authority);
    String example = authority + ",," + (catalog.ids().isEmpty() ? "<policy id>" : catalog.ids().first()) + ",," + date;
    if (history == null) {
      return new DrpUserException(FILE_NAME, "authority '" + authority + "' has no policy binding",
          "add a row to " + FILE_NAME + " (" + String.join(",", COLUMNS) + "), e.g. " + example
              + ", naming one of " + String.join(", ", catalog.ids()));
    }
    return new DrpUserException(FILE_NAME, "authority '" + authority + "' has no policy binding on " + date
        + ": its first takes effect on " + history.firstKey(),
        "add a row for " + authority + " with effective_from on or before " + date + ", e.g. " + example);
  }

  /** Writes the bindings in {@value #FILE_NAME} layout (header, RFC 4180 quoting); {@link #read} reads it back equal. */
  public void write(Writer out) {
    try {
      out.write(String.join(",", COLUMNS));
      out.write("\r\n");
      for (PolicyBinding binding : bindings) {
        out.write(String.join(",",
            CsvTable.quote(binding.authority()),
            CsvTable.quote(binding.authorityName() == null ? "" : binding.authorityName()),
            CsvTable.quote(binding.policyId()),
            binding.policyVersion() == null ? "" : binding.policyVersion().toString(),
            binding.effectiveFrom().toString()));
        out.write("\r\n");
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + FILE_NAME, e);
    }
  }

  /** Equal when they hold the same bindings (the catalog they were checked against is not compared). */
  @Override
  public boolean equals(Object other) {
    return other instanceof PolicyBindings that && bindings.equals(that.bindings);
  }

  @Override
  public int hashCode() {
    return bindings.hashCode();
  }

  @Override
  public String toString() {
    return "PolicyBindings" + bindings;
  }
}
