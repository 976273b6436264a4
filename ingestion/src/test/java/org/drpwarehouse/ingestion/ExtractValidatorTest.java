package org.drpwarehouse.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.drpwarehouse.schemas.DrpUserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractValidatorTest {
  private static final String DISPUTES_HEADER =
      "authority,dispute_id,child_id,process,raised_by,identified_date,category,review_id,team\n";
  private static final String EVENTS_HEADER =
      "authority,event_id,dispute_id,event_date,event_type,stage,to_role,recorded_on_file,form_attached,agreed_date,outcome\n";

  @TempDir Path dir;
  private final ExtractValidator validator = new ExtractValidator(5);

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private Map<String, FileCheck> checks(String authority) {
    return validator.check(ExtractFolder.scan(dir, authority)).stream()
        .collect(Collectors.toMap(c -> c.source().name(), Function.identity()));
  }

  @Test
  void the_dfe_sample_loads_with_its_deliberate_errors_quarantined_and_nothing_lost() throws IOException {
    Path sample = SharedData.ssda903Sample();
    for (String file : List.of("header.csv", "episodes.csv", "reviews.csv", "uasc.csv", "missing.csv")) {
      Files.copy(sample.resolve(file), dir.resolve(file));
    }
    Map<String, FileCheck> checks = checks("999");
    assertThat(checks).containsKeys("header.csv", "episodes.csv", "reviews.csv", "uasc.csv", "missing.csv");
    for (FileCheck check : checks.values()) {
      assertThat(check.failed()).as(check.source().name() + " is readable").isFalse();
      assertThat(check.read()).as(check.source().name() + ": read = loaded + quarantined").isEqualTo(check.valid() + check.rejected());
    }
    assertThat(checks.get("header.csv").read()).isEqualTo(2675);
    assertThat(checks.get("episodes.csv").read()).isEqualTo(5050);
    assertThat(checks.get("reviews.csv").read()).isEqualTo(12582);
    assertThat(checks.get("header.csv").reasons())
        .as("MOTHER is written 1.0 on purpose in the sample")
        .containsEntry("code", 1L);
  }

  @Test
  void every_broken_rule_of_a_record_is_reported_with_its_line_and_column() throws IOException {
    write("disputes.csv", DISPUTES_HEADER
        + "381,D-1,C-1,CLA,IRO-1,2024-05-01,DRIFT,,Team 1\n"
        + "381,D-2,,XYZ,IRO-1,2024-13-40,DRIFT,,Team 1\n"
        + "381,D-3,C-3,CLA,IRO-1,,DRIFT,,\"Team, with comma\"\n");
    FileCheck check = checks(null).get("disputes.csv");
    assertThat(check.read()).isEqualTo(3);
    assertThat(check.valid()).isEqualTo(2);
    assertThat(check.rejected()).isEqualTo(1);
    FileCheck.Rejection rejection = check.examples().get(0);
    assertThat(rejection.line()).as("the header is line 1").isEqualTo(3);
    assertThat(rejection.violations())
        .extracting(Violation::column, Violation::ruleId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("child_id", "required"),
            org.assertj.core.groups.Tuple.tuple("identified_date", "type.date"),
            org.assertj.core.groups.Tuple.tuple("process", "code"));
    assertThat(rejection.text()).isEqualTo("381,D-2,,XYZ,IRO-1,2024-13-40,DRIFT,,Team 1");
  }

  @Test
  void conditional_requirements_of_events_are_checked() throws IOException {
    write("dispute_events.csv", EVENTS_HEADER
        + "381,E-1,D-1,2024-05-03,STAGE_OPENED,,TEAM_MANAGER,Y,Y,,\n"
        + "381,E-2,D-1,2024-05-06,EXTENSION_AGREED,stage1,,Y,,,\n"
        + "381,E-3,D-1,2024-05-07,RESOLVED,stage1,,Y,,,\n"
        + "381,E-4,D-1,2024-05-07,CHILD_INFORMED,,,maybe,,,\n");
    FileCheck check = checks(null).get("dispute_events.csv");
    assertThat(check.reasons())
        .containsEntry("required.stage", 1L)
        .containsEntry("required.agreed_date", 1L)
        .containsEntry("required.outcome", 1L)
        .containsEntry("type.flag", 1L);
  }

  @Test
  void json_lines_read_like_csv_and_a_line_that_is_not_json_is_quarantined() throws IOException {
    write("disputes.jsonl",
        "{\"authority\":\"381\",\"dispute_id\":\"D-1\",\"child_id\":\"C-1\",\"process\":\"CP\",\"raised_by\":\"IRO-1\",\"category\":\"DRIFT\",\"extra_field\":1}\n"
            + "not json at all\n"
            + "[1,2]\n");
    FileCheck check = checks(null).get("disputes.jsonl");
    assertThat(check.read()).isEqualTo(3);
    assertThat(check.valid()).isEqualTo(1);
    assertThat(check.reasons()).containsEntry("structure.json", 2L);
  }

  @Test
  void a_file_missing_a_required_header_column_fails_naming_the_column() throws IOException {
    write("disputes.csv", "authority,dispute_id,process,raised_by,category\n381,D-1,CLA,IRO-1,DRIFT\n");
    FileCheck check = checks(null).get("disputes.csv");
    assertThat(check.failed()).isTrue();
    assertThat(check.failure()).contains("disputes.csv: line 1").contains("child_id");
  }

  @Test
  void a_file_that_is_not_utf8_fails_and_says_how_to_save_it() throws IOException {
    Path file = dir.resolve("disputes.csv");
    byte[] head = DISPUTES_HEADER.getBytes(StandardCharsets.UTF_8);
    byte[] row = "381,D-1,C-1,CLA,IRO-1,2024-05-01,DRIFT,,Caf\u00e9 team\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + row.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(row, 0, all, head.length, row.length);
    Files.write(file, all);
    FileCheck check = checks(null).get("disputes.csv");
    assertThat(check.failure()).contains("disputes.csv").contains("not UTF-8").contains("CSV UTF-8");
  }

  @Test
  void a_truncated_file_fails_instead_of_quarantining_its_last_row() throws IOException {
    write("disputes.csv", DISPUTES_HEADER + "381,D-1,C-1,CLA,IRO-1,2024-05-01,DRIFT,,Team 1\n381,D-2,C-2,CL");
    FileCheck check = checks(null).get("disputes.csv");
    assertThat(check.failure()).contains("line 3").contains("truncated");
  }

  @Test
  void a_short_row_in_the_middle_is_quarantined_not_fatal() throws IOException {
    write("disputes.csv", DISPUTES_HEADER + "381,D-1,C-1\n381,D-2,C-2,CLA,IRO-1,2024-05-01,DRIFT,,Team 1\n");
    FileCheck check = checks(null).get("disputes.csv");
    assertThat(check.failed()).isFalse();
    assertThat(check.reasons()).containsEntry("structure.columns", 1L);
  }

  @Test
  void an_ssda903_file_without_an_authority_is_refused_saying_how_to_give_one() throws IOException {
    write("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2010,WBRI,,,\n");
    assertThatThrownBy(() -> ExtractFolder.scan(dir, null))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("header.csv")
        .hasMessageContaining("--authority")
        .hasMessageContaining("drp-extract.yaml");
  }

  @Test
  void sub_folders_hold_one_authority_each_named_by_their_manifest() throws IOException {
    write("a/drp-extract.yaml", "authority: \"101\"\n");
    write("a/ssda903/header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2010,WBRI,,,\n");
    write("b/drp-extract.yaml", "authority: \"102\"\n");
    write("b/disputes.csv", DISPUTES_HEADER);
    write("notes.txt", "ignored");
    ExtractFolder folder = ExtractFolder.scan(dir, null);
    assertThat(folder.files()).extracting(SourceFile::name, SourceFile::authority)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a/ssda903/header.csv", "101"),
            org.assertj.core.groups.Tuple.tuple("b/disputes.csv", "102"));
    assertThat(folder.ignored()).containsExactly("notes.txt");
  }
}
