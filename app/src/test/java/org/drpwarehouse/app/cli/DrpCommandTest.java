package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code drp} commands as IRO managers and analysts type them. */
class DrpCommandTest {
  @TempDir Path temp;

  @Test
  void calderdale_stage1_opened_before_the_may_bank_holiday_is_due_the_next_friday() {
    DrpRun result = DrpRun.of("due", "--policy", "calderdale", "--stage", "stage1", "--from", "2024-05-03");
    assertThat(result.status()).isZero();
    assertThat(result.out()).isEqualTo("2024-05-10\n");
  }

  @ParameterizedTest(name = "{0} {1} from {2} is due {3}")
  @CsvSource({
    "lambeth, stage2, 2024-05-03, 2024-05-10",
    "lincolnshire, stage1, 2021-12-24, 2022-01-05",
    "constructive-challenge, drp1, 2024-03-28, 2024-04-08",
    "calderdale, stage3, 2022-06-01, 2022-06-13",
    "iro-alerts-five-stage, stage4, 2022-09-15, 2022-09-21"
  })
  void due_dates_skip_weekends_and_bank_holidays(String policy, String stage, String from, String due) {
    assertThat(DrpRun.of("due", "--policy", policy, "--stage", stage, "--from", from).out().trim()).isEqualTo(due);
  }

  @Test
  void an_iro_set_date_beyond_the_maximum_is_capped_and_explained() {
    DrpRun result =
        DrpRun.of("due", "--policy", "calderdale", "--stage", "informal", "--from", "2024-05-03", "--agreed-date", "2024-05-31", "--explain");
    assertThat(result.out()).startsWith("2024-05-20\n").contains("capped");
  }

  @Test
  void a_stage_with_no_timescale_has_no_due_date_and_says_why() {
    DrpRun result = DrpRun.of("due", "--policy", "iro-alerts-five-stage", "--stage", "stage5", "--from", "2024-05-03");
    assertThat(result.status()).isEqualTo(ExitCodes.NO_ANSWER);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("no response timescale");
  }

  @Test
  void an_unknown_stage_is_a_user_error_listing_the_ladder() {
    DrpRun result = DrpRun.of("due", "--policy", "lambeth", "--stage", "stage9", "--from", "2024-05-03");
    assertThat(result.status()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err()).contains("stage9").contains("stage1").contains("stage5").doesNotContain("Exception");
  }

  @Test
  void workdays_counts_the_working_days_after_the_first_date_up_to_the_second() {
    assertThat(DrpRun.of("workdays", "2024-05-03", "2024-05-10").out()).isEqualTo("4\n");
    assertThat(DrpRun.of("workdays", "2021-12-24", "2022-01-04").out()).isEqualTo("4\n");
    assertThat(DrpRun.of("workdays", "2024-05-10", "2024-05-03").out()).isEqualTo("-4\n");
  }

  @Test
  void policies_lists_the_five_presets_and_shows_a_ladder_a_calderdale_iro_would_recognise() {
    assertThat(DrpRun.of("policies").out())
        .contains("calderdale", "constructive-challenge", "iro-alerts-five-stage", "lambeth", "lincolnshire");
    String calderdale = DrpRun.of("policies", "calderdale").out();
    assertThat(calderdale)
        .contains("Stage One", "Stage Four", "set by IRO, at most 10 WD", "6 WD", "Formal process in total: 20 WD")
        .contains("after consulting IRO Team Manager")
        .contains("notice at least 2 WD before the referral");
  }

  @Test
  void generate_twice_with_the_same_arguments_gives_identical_files() throws Exception {
    Path a = temp.resolve("s1");
    Path b = temp.resolve("s2");
    assertThat(DrpRun.of("generate", "--authorities", "3", "--years", "2", "--seed", "7", "--out", a.toString()).status()).isZero();
    assertThat(DrpRun.of("generate", "--authorities", "3", "--years", "2", "--seed", "7", "--out", b.toString()).status()).isZero();
    Map<String, String> first = hashes(a);
    assertThat(first).containsKey("policy_bindings.csv").containsKey("101/ssda903/header.csv").containsKey("103/dispute_events.csv");
    assertThat(hashes(b)).isEqualTo(first);
  }

  @Test
  void the_same_generate_command_run_twice_in_the_same_folder_gives_the_same_files() throws Exception {
    Path out = temp.resolve("s1");
    String[] args = {"generate", "--authorities", "2", "--years", "1", "--seed", "7", "--out", out.toString()};
    assertThat(DrpRun.of(args).status()).isZero();
    Map<String, String> first = hashes(out);
    assertThat(DrpRun.of(args).status()).as("a rerun replaces its own earlier sample").isZero();
    assertThat(hashes(out)).isEqualTo(first);
    Files.writeString(out.resolve("my-notes.txt"), "mine");
    DrpRun refused = DrpRun.of(args);
    assertThat(refused.status()).as("a folder with a file of the user's is never cleared").isEqualTo(ExitCodes.USER_ERROR);
    assertThat(Files.readString(out.resolve("my-notes.txt"))).isEqualTo("mine");
  }

  @Test
  void generating_into_a_folder_with_files_is_refused() throws IOException {
    Files.writeString(Files.createDirectories(temp.resolve("busy")).resolve("x.txt"), "x");
    DrpRun result = DrpRun.of("generate", "--authorities", "1", "--years", "1", "--seed", "1", "--out", temp.resolve("busy").toString());
    assertThat(result.status()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err()).contains("busy");
  }

  @Test
  void a_settings_file_with_an_unknown_key_fails_naming_the_file_and_key() throws IOException {
    Path config = Files.writeString(temp.resolve("drp.properties"), "spark.mastr=local[2]\n");
    DrpRun result = DrpRun.of("--config", config.toString(), "workdays", "2024-05-03", "2024-05-10");
    assertThat(result.status()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err()).contains("drp.properties").contains("spark.mastr").contains("spark.master");
  }

  @Test
  void a_password_in_a_settings_file_is_refused() throws IOException {
    Path config = Files.writeString(temp.resolve("drp.properties"), "jobrepo.password=Tr0ub4dor-xyz\n");
    DrpRun result = DrpRun.of("--config", config.toString(), "workdays", "2024-05-03", "2024-05-10");
    assertThat(result.status()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err()).contains("environment").doesNotContain("Tr0ub4dor-xyz");
  }

  @Test
  void exporting_a_bronze_table_without_include_raw_is_refused_before_anything_is_read() {
    DrpRun result = DrpRun.of("--warehouse", temp.toString(), "export", "bronze.disputes", "--out", temp.resolve("d.csv").toString());
    assertThat(result.status()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err()).contains("raw identifiers").contains("--include-raw");
    assertThat(Files.exists(temp.resolve("d.csv"))).isFalse();
  }

  @Test
  void validate_reports_quarantine_reasons_without_values_unless_asked() throws IOException {
    Path extract = Files.createDirectories(temp.resolve("extract"));
    Files.writeString(extract.resolve("disputes.csv"),
        "authority,dispute_id,child_id,process,raised_by,identified_date,category,review_id,team\n"
            + "381,D-1,C-1,CLA,IRO-1,2024-05-01,DRIFT,,Team 1\n"
            + "381,D-2,C-2,CLA,IRO-1,2024-13-40,DRIFT,,Team 1\n");
    DrpRun quiet = DrpRun.of("validate", extract.toString());
    assertThat(quiet.status()).isZero();
    assertThat(quiet.out()).contains("line 3, column identified_date, rule type.date").doesNotContain("2024-13-40");
    assertThat(DrpRun.of("validate", extract.toString(), "--show-values").out()).contains("2024-13-40");
  }

  private static Map<String, String> hashes(Path root) throws Exception {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(root.relativize(file).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    return hashes;
  }
}
