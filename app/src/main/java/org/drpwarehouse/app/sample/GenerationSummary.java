package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link SampleGenerator#generate()} run wrote.
 *
 * <p>Example: for 3 authorities over 2 years, {@code file("dispute_events.csv").rows()} is the
 * number of event rows in the three {@code dispute_events.csv} files together (malformed ones
 * included), and {@code malformedByKind().get(ORPHAN_EVENT)} how many of those name a dispute that
 * does not exist.
 *
 * @param files one entry per file of the output layout, relative to an authority's folder (or to
 *     the output folder for {@code policy_bindings.csv}), summed over authorities, in layout order
 * @param malformedByKind malformed rows injected, by kind, over all files (every kind present, 0
 *     where none)
 * @param bindings the policy bindings written to {@code policy_bindings.csv}, in file order: every
 *     authority and the presets it was bound to
 */
public record GenerationSummary(
    LocalDate periodStart,
    LocalDate periodEnd,
    List<FileStats> files,
    Map<MalformedKind, Long> malformedByKind,
    List<AuthorityBinding> bindings) {

  /**
   * Rows (data rows, not the header; for the extract manifest, one per authority), malformed rows
   * among them, and bytes of one file of the layout over all authorities.
   */
  public record FileStats(String file, long rows, long malformed, long bytes) {}

  public GenerationSummary {
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEnd, "periodEnd");
    files = List.copyOf(files);
    EnumMap<MalformedKind, Long> all = new EnumMap<>(MalformedKind.class);
    for (MalformedKind kind : MalformedKind.values()) {
      all.put(kind, malformedByKind.getOrDefault(kind, 0L));
    }
    malformedByKind = Collections.unmodifiableMap(all);
    bindings = List.copyOf(bindings);
  }

  /** The stats of one file of the layout, e.g. {@code ssda903/reviews.csv}. */
  public FileStats file(String name) {
    return files.stream()
        .filter(f -> f.file().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No file " + name + " in the layout; files are " + fileNames()));
  }

  public List<String> fileNames() {
    return files.stream().map(FileStats::file).toList();
  }

  public long totalRows() {
    return files.stream().mapToLong(FileStats::rows).sum();
  }

  public long totalMalformed() {
    return files.stream().mapToLong(FileStats::malformed).sum();
  }

  public long totalBytes() {
    return files.stream().mapToLong(FileStats::bytes).sum();
  }

  /** Authority codes in order. */
  public List<String> authorities() {
    List<String> codes = new ArrayList<>();
    for (AuthorityBinding binding : bindings) {
      if (!codes.contains(binding.authority())) {
        codes.add(binding.authority());
      }
    }
    return codes;
  }

  /** The presets an authority was bound to, in date order. */
  public List<String> presetsOf(String authority) {
    return bindings.stream().filter(b -> b.authority().equals(authority)).map(AuthorityBinding::policyId).toList();
  }
}
