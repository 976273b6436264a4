package org.drpwarehouse.app.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.drpwarehouse.schemas.CsvRows;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.PolicyCatalog;

/**
 * The synthetic sample data behind {@code drp generate}: a set of authorities' SSDA903 extracts,
 * DRP exchange files and policy bindings, realistic enough to feed ingestion, transforms, the
 * quality gate and the dashboards, and to benchmark them at national scale.
 *
 * <p>Layout (see {@link GenerationSummary#fileNames()}):
 *
 * <pre>
 * OUT/policy_bindings.csv                authority,authority_name,policy_id,policy_version,effective_from
 * OUT/101/drp-extract.yaml               authority 101, extract date = the period's last day
 * OUT/101/ssda903/header.csv episodes.csv reviews.csv uasc.csv missing.csv      (dd/mm/yyyy)
 * OUT/101/disputes.csv dispute_events.csv allocations.csv cp_plans.csv review_decisions.csv
 * </pre>
 *
 * <p>Authority {@code i} (codes from 101) is bound to {@code presets.get(i % presets.size())} from
 * the start of the period; every {@link GeneratorSettings#presetSwitchEvery()}-th changes to the
 * next preset half-way. The same settings, presets and calendar always give byte-identical files:
 * each authority draws from its own random streams seeded by (seed, authority index), output order
 * never comes from a hash table, and nothing reads the clock. Authorities are generated and written
 * one at a time through buffered writers, so memory does not grow with their number.
 */
public final class SampleGenerator {
  private final GeneratorSettings settings;
  private final List<Policy> presets;
  private final WorkingDays days;

  /**
   * @param presets the policy presets, in a fixed order (authority {@code i} gets preset {@code i
   *     mod n}); ids must be distinct
   * @param calendar must cover from five years before the period (the care histories of children
   *     already looked after at its start) to a year after it (due dates of late disputes); England's
   *     default calendar, 2010 to 2035, allows periods from 2015-04-01 to 2034-03-31
   */
  public SampleGenerator(GeneratorSettings settings, List<Policy> presets, WorkingDayCalendar calendar) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(presets, "presets");
    Objects.requireNonNull(calendar, "calendar");
    if (presets.isEmpty()) {
      throw new IllegalArgumentException("Cannot generate without a policy preset: give at least one");
    }
    Set<String> ids = new HashSet<>();
    for (Policy preset : presets) {
      if (!ids.add(Objects.requireNonNull(preset, "preset").id())) {
        throw new IllegalArgumentException("Preset " + preset.id() + " is given twice: each authority needs one preset per id");
      }
    }
    this.presets = List.copyOf(presets);
    LocalDate needFrom = settings.periodStart().minusYears(LookedAfterChildren.HISTORY_YEARS).minusMonths(1);
    LocalDate needTo = settings.periodEnd().plusYears(1);
    if (needFrom.isBefore(calendar.firstDate()) || needTo.isAfter(calendar.lastDate())) {
      throw new DrpUserException(
          "--start-year " + settings.startYear() + " --years " + settings.years(),
          "the working-day calendar runs " + calendar.firstDate() + " to " + calendar.lastDate() + " but "
              + settings.years() + " years from " + settings.startYear() + " need " + needFrom + " to " + needTo,
          "choose a start year and number of years inside it");
    }
    LocalDate earliest = presets.stream().map(Policy::effectiveFrom).min(LocalDate::compareTo).orElseThrow();
    if (settings.periodStart().isBefore(earliest)) {
      throw new DrpUserException(
          "--start-year " + settings.startYear(),
          "starts the period on " + settings.periodStart() + ", before any preset is in force (the earliest takes effect on "
              + earliest + ")",
          "choose --start-year " + firstFinancialYearFrom(earliest) + " or later");
    }
    this.days = new WorkingDays(calendar);
  }

  /** The first financial year (starting 1 April) that starts on or after {@code date}. */
  private static int firstFinancialYearFrom(LocalDate date) {
    return date.isAfter(LocalDate.of(date.getYear(), 4, 1)) ? date.getYear() + 1 : date.getYear();
  }

  /** The presets the generator binds authorities to, in a fixed order: the latest version of each. */
  public static List<Policy> presets(PolicyCatalog catalog) {
    return catalog.ids().stream().map(catalog::latest).toList();
  }

  /**
   * Writes every file and returns what was written.
   *
   * @throws DrpUserException when the output folder holds anything but an earlier sample (so that
   *     files of an earlier, larger run are never mixed in, and no file of the user's is deleted)
   */
  public GenerationSummary generate() throws IOException {
    Path out = settings.out();
    prepare(out);
    Files.createDirectories(out);
    Files.writeString(out.resolve(MARKER), "Written by drp generate. Running it again on this folder replaces the sample.\n",
        StandardCharsets.UTF_8);
    List<Authority> authorities = new ArrayList<>();
    List<AuthorityBinding> bindings = new ArrayList<>();
    for (int i = 0; i < settings.authorities(); i++) {
      Authority authority = Authority.plan(i, settings, presets);
      authorities.add(authority);
      bindings.addAll(authority.bindings());
    }
    SummaryTally tally = new SummaryTally(OutputLayout.files());
    Path bindingsFile = out.resolve(OutputLayout.BINDINGS);
    writeBindings(bindingsFile, bindings);
    tally.add(OutputLayout.BINDINGS, bindings.size(), 0, Files.size(bindingsFile));
    AuthorityRun run = new AuthorityRun(settings, days);
    for (Authority authority : authorities) {
      run.run(authority, tally);
    }
    return tally.build(settings.periodStart(), settings.periodEnd(), bindings);
  }

  /** Marks a folder as a sample the generator wrote, so a later run may replace it. */
  static final String MARKER = ".drp-sample";

  /**
   * Makes {@code out} ready: a new or empty folder, or one holding only an earlier sample (its marker,
   * its binding file and its authority folders), which is removed so the new sample never mixes
   * with it. Anything else is refused: the generator deletes no file it did not write.
   */
  private static void prepare(Path out) throws IOException {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new DrpUserException(out.toString(), "is a file, not a folder", "give a new or empty folder with --out");
    }
    List<Path> entries;
    try (Stream<Path> list = Files.list(out)) {
      entries = list.toList();
    }
    if (entries.isEmpty()) {
      return;
    }
    boolean earlierSample = Files.exists(out.resolve(MARKER));
    boolean onlySampleFiles =
        entries.stream()
            .map(p -> p.getFileName().toString())
            .allMatch(name -> name.equals(MARKER) || name.equals(OutputLayout.BINDINGS) || name.matches("\\d{3}"));
    if (!earlierSample || !onlySampleFiles) {
      throw new DrpUserException(
          out.toString(),
          earlierSample
              ? "holds an earlier sample and other files, which drp generate will not delete"
              : "is not empty, and sample files must not mix with an earlier run's",
          "give a new or empty folder with --out, or delete this one first");
    }
    for (Path entry : entries) {
      try (Stream<Path> tree = Files.walk(entry)) {
        for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** {@code policy_bindings.csv}: the layout of PolicyBindings, with the version left to the latest. */
  private static void writeBindings(Path file, List<AuthorityBinding> bindings) throws IOException {
    try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
      out.write("authority,authority_name,policy_id,policy_version,effective_from\n");
      for (AuthorityBinding b : bindings) {
        out.write(CsvRows.quote(b.authority()) + "," + CsvRows.quote(b.authorityName()) + "," + CsvRows.quote(b.policyId())
            + ",," + b.effectiveFrom() + "\n");
      }
    }
  }
}
