package org.drpwarehouse.app.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.ingestion.ExtractFolder;
import org.drpwarehouse.ingestion.ExtractValidator;
import org.drpwarehouse.ingestion.FileCheck;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.ingestion.internal.RecordSource;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.policy.PolicyBindings;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated sample fits the real contracts, presets and bindings, not only the generator's own view. */
class GeneratedSampleContractTest {
  @TempDir static Path temp;
  static Path out;
  static GenerationSummary summary;
  static PolicyCatalog catalog = PolicyCatalog.presets();

  @BeforeAll
  static void generate() throws IOException {
    out = temp.resolve("sample");
    summary =
        new SampleGenerator(
                GeneratorSettings.of(6, 3, 11, out), SampleGenerator.presets(catalog), WorkingDayCalendar.england())
            .generate();
  }

  @Test
  void the_binding_file_loads_with_the_real_catalog_and_binds_every_authority_for_the_whole_period() throws IOException {
    PolicyBindings bindings;
    try (InputStream in = Files.newInputStream(out.resolve(PolicyBindings.FILE_NAME))) {
      bindings = PolicyBindings.read(in, PolicyBindings.FILE_NAME, catalog);
    }
    assertThat(bindings.authorities()).containsExactlyInAnyOrderElementsOf(summary.authorities());
    for (String authority : summary.authorities()) {
      for (LocalDate day = summary.periodStart(); !day.isAfter(summary.periodEnd()); day = day.plusMonths(1)) {
        Policy policy = bindings.policyFor(authority, day);
        assertThat(policy.effectiveFrom()).as(authority + " on " + day + " is judged by a policy in force").isBeforeOrEqualTo(day);
      }
    }
    assertThat(summary.bindings().stream().map(AuthorityBinding::policyId).distinct())
        .as("every preset is used somewhere")
        .containsExactlyInAnyOrderElementsOf(catalog.ids());
  }

  @Test
  void the_contract_rejects_exactly_the_rows_broken_on_purpose_at_the_contract_level() {
    List<FileCheck> checks = new ExtractValidator(0).check(ExtractFolder.scan(out, null));
    assertThat(checks).noneMatch(FileCheck::failed);
    long rejected = checks.stream().mapToLong(FileCheck::rejected).sum();
    long beyondTheContract =
        summary.malformedByKind().get(MalformedKind.UNKNOWN_STAGE) + summary.malformedByKind().get(MalformedKind.ORPHAN_EVENT);
    assertThat(rejected)
        .as("unknown stages and orphan events pass the contract and are the quality gate's to catch")
        .isEqualTo(summary.totalMalformed() - beyondTheContract);
  }

  @Test
  void every_stage_event_names_a_stage_of_the_policy_in_force_when_its_dispute_opened() throws IOException {
    PolicyBindings bindings;
    try (InputStream in = Files.newInputStream(out.resolve(PolicyBindings.FILE_NAME))) {
      bindings = PolicyBindings.read(in, PolicyBindings.FILE_NAME, catalog);
    }
    long unknown = 0;
    long checked = 0;
    for (SourceFile file : ExtractFolder.scan(out, null).files()) {
      if (file.spec() != ExchangeFormat.DISPUTE_EVENTS) {
        continue;
      }
      Map<String, String> process = processes(out.resolve(file.name()).getParent(), file.authority());
      Map<String, LocalDate> opened = new HashMap<>();
      List<org.drpwarehouse.ingestion.RawRecord> events = new java.util.ArrayList<>();
      try (RecordSource source = RecordSource.open(file)) {
        for (var record = source.next(); record != null; record = source.next()) {
          events.add(record);
          if (record.value(ExchangeColumns.EVENT_TYPE).equals("STAGE_OPENED") && isDate(record.value(ExchangeColumns.EVENT_DATE))) {
            opened.merge(record.value(ExchangeColumns.DISPUTE_ID), LocalDate.parse(record.value(ExchangeColumns.EVENT_DATE)),
                (a, b) -> a.isBefore(b) ? a : b);
          }
        }
      }
      for (var record : events) {
        String dispute = record.value(ExchangeColumns.DISPUTE_ID);
        if (!record.has(ExchangeColumns.STAGE) || !opened.containsKey(dispute) || !process.containsKey(dispute)) {
          continue;
        }
        Policy policy = bindings.policyFor(record.value(ExchangeColumns.AUTHORITY), opened.get(dispute));
        checked++;
        if (policy.ladder(DisputeProcess.valueOf(process.get(dispute))).stage(record.value(ExchangeColumns.STAGE)).isEmpty()) {
          unknown++;
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
    assertThat(unknown)
        .as("only the stage ids broken on purpose are unknown to the policy")
        .isLessThanOrEqualTo(summary.malformedByKind().get(MalformedKind.UNKNOWN_STAGE));
  }

  @Test
  void a_period_before_any_preset_is_in_force_is_refused_with_the_first_year_that_works() {
    org.drpwarehouse.schemas.policy.Policy lambeth = catalog.latest("lambeth");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new SampleGenerator(GeneratorSettings.of(1, 1, 1, temp.resolve("early")).withStartYear(2022), List.of(lambeth),
                WorkingDayCalendar.england()))
        .isInstanceOf(org.drpwarehouse.schemas.DrpUserException.class)
        .hasMessageContaining("--start-year 2022")
        .hasMessageContaining("2023-09-01")
        .hasMessageContaining("choose --start-year 2024");
  }

  private static boolean isDate(String text) {
    return text.matches("\\d{4}-\\d{2}-\\d{2}") && !text.equals("2024-13-40");
  }

  private static Map<String, String> processes(Path authorityDir, String authority) throws IOException {
    Map<String, String> process = new HashMap<>();
    SourceFile disputes =
        new SourceFile(authorityDir.resolve("disputes.csv"), "disputes.csv", ExchangeFormat.DISPUTES, SourceFile.Format.CSV,
            org.drpwarehouse.ingestion.SourceKind.EXCHANGE, authority);
    try (RecordSource source = RecordSource.open(disputes)) {
      for (var record = source.next(); record != null; record = source.next()) {
        try {
          DisputeProcess.valueOf(record.value(ExchangeColumns.PROCESS));
          process.put(record.value(ExchangeColumns.DISPUTE_ID), record.value(ExchangeColumns.PROCESS));
        } catch (IllegalArgumentException malformed) {
          // a process code broken on purpose
        }
      }
    }
    return process;
  }
}
