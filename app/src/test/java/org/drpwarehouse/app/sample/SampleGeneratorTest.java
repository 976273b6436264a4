package org.drpwarehouse.app.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.ExtractManifest;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a three-authority, two-year run: layout, contracts, malformed rows, bindings. */
class SampleGeneratorTest {
  @TempDir static Path temp;
  static GenerationSummary summary;
  static LoadedSample sample;

  @BeforeAll
  static void generate() throws IOException {
    GeneratorSettings settings = GeneratorSettings.of(3, 2, 7L, temp.resolve("sample")).withPresetSwitchEvery(2);
    summary = new SampleGenerator(settings, TestPolicies.all(), WorkingDayCalendar.england()).generate();
    sample = LoadedSample.load(settings.out(), summary, TestPolicies.all());
  }

  @Test
  void writes_exactly_the_documented_layout() throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(sample.root)) {
      paths.filter(Files::isRegularFile).forEach(p -> files.add(sample.root.relativize(p).toString().replace('\\', '/')));
    }
    List<String> expected = new ArrayList<>(List.of("policy_bindings.csv", SampleGenerator.MARKER));
    for (String authority : List.of("101", "102", "103")) {
      for (String file : List.of("drp-extract.yaml", "ssda903/header.csv", "ssda903/episodes.csv",
          "ssda903/reviews.csv", "ssda903/uasc.csv", "ssda903/missing.csv", "disputes.csv", "dispute_events.csv",
          "allocations.csv", "cp_plans.csv", "review_decisions.csv")) {
        expected.add(authority + "/" + file);
      }
    }
    assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(summary.fileNames()).containsExactly("policy_bindings.csv", "drp-extract.yaml", "ssda903/header.csv",
        "ssda903/episodes.csv", "ssda903/reviews.csv", "ssda903/uasc.csv", "ssda903/missing.csv", "disputes.csv",
        "dispute_events.csv", "allocations.csv", "cp_plans.csv", "review_decisions.csv");
  }

  @Test
  void each_authority_folder_has_a_manifest_dated_the_last_day_of_the_period() throws IOException {
    for (String authority : summary.authorities()) {
      Path file = sample.root.resolve(authority).resolve(ExtractManifest.FILE_NAME);
      ExtractManifest manifest;
      try (var in = Files.newInputStream(file)) {
        manifest = ExtractManifest.read(in, file.toString());
      }
      assertThat(manifest.authority()).isEqualTo(authority);
      assertThat(manifest.authorityName()).isEqualTo("Synthetic Authority " + authority);
      assertThat(manifest.extractDate()).as("2 years from 2022: the period ends 2024-03-31").isEqualTo(LocalDate.of(2024, 3, 31));
      assertThat(manifest.ssda903Snapshot()).as("the generated SSDA903 files are the authority's whole record").isTrue();
    }
    assertThat(summary.periodStart()).isEqualTo(LocalDate.of(2022, 4, 1));
  }

  @Test
  void every_file_header_is_the_contract_columns_in_order() {
    for (String authority : summary.authorities()) {
      for (RecordSpec spec : LoadedSample.SPECS) {
        assertThat(sample.tables.get(authority).get(OutputLayout.within(spec)).header())
            .as(authority + "/" + OutputLayout.within(spec))
            .containsExactlyElementsOf(spec.columnNames());
      }
    }
  }

  @Test
  void only_injected_rows_break_the_contract_and_the_summary_counts_each_of_them() {
    for (RecordSpec spec : LoadedSample.SPECS) {
      String file = OutputLayout.within(spec);
      assertThat(sample.problems.get(file).keySet())
          .as(file + ": every problem found is one of the injected kinds")
          .allMatch(problem -> problem.kind().isPresent());
      assertThat(sample.problemCount(file))
          .as(file + ": rows that fail their contract are exactly the malformed rows the summary reports")
          .isEqualTo(summary.file(file).malformed());
      long rows = sample.tables.values().stream().mapToLong(files -> files.get(file).rows().size()).sum();
      assertThat(rows).as(file + " rows").isEqualTo(summary.file(file).rows());
    }
    assertThat(summary.totalMalformed()).as("the default rate, 0.003, over some 15,000 rows").isBetween(10L, 200L);
  }

  @Test
  void summary_bytes_are_the_file_sizes() throws IOException {
    for (String file : summary.fileNames()) {
      long bytes = 0;
      if (file.equals("policy_bindings.csv")) {
        bytes = Files.size(sample.root.resolve(file));
      } else {
        for (String authority : summary.authorities()) {
          bytes += Files.size(sample.root.resolve(authority).resolve(file));
        }
      }
      assertThat(summary.file(file).bytes()).as(file).isEqualTo(bytes);
    }
  }

  @Test
  void every_well_formed_event_names_a_stage_of_the_ladder_bound_to_its_authority() {
    for (String authority : summary.authorities()) {
      List<String> stageIds = sample.stagesOf(authority).stream().map(Stage::id).toList();
      for (Map<String, String> event : sample.valid(authority, "dispute_events.csv")) {
        String stage = event.get(ExchangeColumns.STAGE);
        if (!stage.isEmpty()) {
          assertThat(stageIds).as(event.toString()).contains(stage);
        }
      }
    }
  }

  @Test
  void the_bindings_file_names_each_authority_its_preset_in_turn_and_a_switch_half_way() throws IOException {
    Csv.Table table = Csv.read(sample.root.resolve("policy_bindings.csv"));
    assertThat(table.header()).containsExactly("authority", "authority_name", "policy_id", "policy_version", "effective_from");
    List<String> rows = table.rows().stream()
        .map(r -> String.join(",", r.get("authority"), r.get("authority_name"), r.get("policy_id"),
            r.get("policy_version"), r.get("effective_from")))
        .toList();
    assertThat(rows).containsExactly(
        "101,Synthetic Authority 101,calderdale,,2022-04-01",
        "102,Synthetic Authority 102,lambeth,,2022-04-01",
        "102,Synthetic Authority 102,iro-alerts-five-stage,,2023-04-01",
        "103,Synthetic Authority 103,iro-alerts-five-stage,,2022-04-01");
    assertThat(summary.bindings()).extracting(AuthorityBinding::authority).containsExactly("101", "102", "102", "103");
    assertThat(summary.presetsOf("102")).containsExactly("lambeth", "iro-alerts-five-stage");
    assertThat(summary.file("policy_bindings.csv").rows()).isEqualTo(4);
  }

  @Test
  void a_dispute_follows_the_preset_bound_on_its_first_opening() {
    for (DisputeFacts d : DisputeFacts.of(sample, "102", WorkingDayCalendar.england())) {
      String expected = d.start.isBefore(LocalDate.of(2023, 4, 1)) ? "lambeth" : "iro-alerts-five-stage";
      assertThat(d.policy.id()).as(d.id + " opened " + d.start).isEqualTo(expected);
    }
  }

  @Test
  void review_decisions_come_only_from_authorities_on_the_iro_alerts_preset() {
    assertThat(sample.tables.get("101").get("review_decisions.csv").rows()).as("calderdale has no such duty").isEmpty();
    assertThat(sample.tables.get("103").get("review_decisions.csv").rows()).as("iro-alerts all period").isNotEmpty();
    for (Map<String, String> row : sample.valid("102", "review_decisions.csv")) {
      assertThat(LocalDate.parse(row.get(ExchangeColumns.REVIEW_DATE)))
          .as("102 is on iro-alerts only from 2023-04-01")
          .isAfterOrEqualTo(LocalDate.of(2023, 4, 1));
    }
  }

  @Test
  void refuses_a_folder_that_already_holds_files() throws IOException {
    Path used = Files.createDirectories(temp.resolve("used"));
    Files.writeString(used.resolve("notes.txt"), "keep me");
    SampleGenerator generator =
        new SampleGenerator(GeneratorSettings.of(1, 1, 1L, used), TestPolicies.all(), WorkingDayCalendar.england());
    assertThatThrownBy(generator::generate).isInstanceOf(DrpUserException.class).hasMessageContaining("not empty");
    assertThat(used.resolve("notes.txt")).hasContent("keep me");
  }

  @Test
  void refuses_presets_given_twice_and_a_period_outside_the_calendar() {
    GeneratorSettings settings = GeneratorSettings.of(1, 1, 1L, temp.resolve("never"));
    assertThatThrownBy(() -> new SampleGenerator(settings,
            List.of(TestPolicies.calderdaleLike(), TestPolicies.calderdaleLike()), WorkingDayCalendar.england()))
        .hasMessageContaining("calderdale");
    assertThatThrownBy(() -> new SampleGenerator(settings.withStartYear(2035), TestPolicies.all(), WorkingDayCalendar.england()))
        .hasMessageContaining("2035");
  }

  @Test
  void the_widest_period_the_calendar_allows_stays_inside_it() throws IOException {
    // England's calendar runs 2010-2035: care histories reach five years back, due dates a year on.
    GeneratorSettings widest = GeneratorSettings.of(2, 19, 3L, temp.resolve("widest")).withStartYear(2015);
    GenerationSummary wide = new SampleGenerator(widest, TestPolicies.all(), WorkingDayCalendar.england()).generate();
    assertThat(wide.periodEnd()).isEqualTo(LocalDate.of(2034, 3, 31));
    assertThat(wide.file("dispute_events.csv").rows()).isGreaterThan(2 * 19 * 50);
  }

  @Test
  void disputes_and_events_carry_the_authority_code() {
    for (String authority : summary.authorities()) {
      for (String file : List.of("disputes.csv", "dispute_events.csv", "allocations.csv", "cp_plans.csv")) {
        assertThat(sample.valid(authority, file)).as(authority + "/" + file)
            .allSatisfy(row -> assertThat(row.get(ExchangeColumns.AUTHORITY)).isEqualTo(authority));
      }
    }
    assertThat(ExchangeFormat.DISPUTES.columnNames()).startsWith(ExchangeColumns.AUTHORITY);
  }
}
