package org.drpwarehouse.schemas.policy;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drpwarehouse.schemas.policy.PolicyFixtures.MY_BOROUGH;
import static org.drpwarehouse.schemas.policy.PolicyFixtures.replace;
import static org.drpwarehouse.schemas.policy.PolicyFixtures.stream;
import static org.drpwarehouse.schemas.policy.PolicyFixtures.write;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyCatalogTest {
  private final PolicyCatalog presets = PolicyCatalog.presets();

  @TempDir Path dir;

  @Test
  void the_presets_are_the_five_seed_policies_each_at_version_1() {
    assertThat(presets.ids()).containsExactly(
        "calderdale", "constructive-challenge", "iro-alerts-five-stage", "lambeth", "lincolnshire");
    assertThat(presets.all()).extracting(Policy::version).containsOnly(1);
    assertThat(presets.all()).extracting(Policy::seed)
        .containsExactly("000_f879eff689d062f4.txt", "001_32f49c9246945118.txt", "002_bc9560d284c33bd1.txt",
            "003_91a418e0f1cc4e67.txt", "004_35d8af98f518fa56.txt");
    assertThat(PolicyCatalog.presets()).as("loaded once").isSameAs(presets);
  }

  @Test
  void every_preset_file_in_the_jar_is_listed_in_the_index_and_named_after_its_id()
      throws IOException, URISyntaxException {
    URL folder = getClass().getClassLoader().getResource(PolicyCatalog.PRESET_DIR);
    assertThat(folder).isNotNull();
    List<String> files;
    try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
      files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
    assertThat(PolicyCatalog.presetFiles()).as("index.txt lists every preset file").containsExactlyInAnyOrderElementsOf(files);
    for (Policy policy : presets.all()) {
      assertThat(presets.source(policy.id(), 1)).isEqualTo("preset " + policy.id() + ".yaml");
    }
  }

  @Test
  void a_user_file_adds_a_new_version_of_a_preset_and_the_version_in_force_follows_the_date() {
    PolicyCatalog catalog = presets.withFiles(List.of(write(dir, "calderdale-2025.yaml", PolicyFixtures.calderdaleV2())));

    assertThat(catalog.latest("calderdale").version()).isEqualTo(2);
    assertThat(catalog.inForce("calderdale", parse("2025-03-31")).version()).as("the day before v2").isEqualTo(1);
    assertThat(catalog.inForce("calderdale", parse("2025-04-01")).version()).as("v2's first day").isEqualTo(2);
    assertThat(catalog.inForce("calderdale", parse("2015-01-01")).version()).as("v1's first day").isEqualTo(1);
    assertThat(catalog.version("calderdale", 2).ladder(DisputeProcess.CLA).stage("stage3").orElseThrow().timescale())
        .isEqualTo(Timescale.fixed(5));
    assertThat(catalog.version("calderdale", 1).ladder(DisputeProcess.CLA).stage("stage3").orElseThrow().timescale())
        .as("v1 unchanged").isEqualTo(Timescale.fixed(6));
    assertThat(catalog.all()).extracting(Policy::reference).containsExactly(
        "calderdale v1", "calderdale v2", "constructive-challenge v1", "iro-alerts-five-stage v1", "lambeth v1",
        "lincolnshire v1");
    assertThat(presets.ids()).as("the presets catalog is not changed").hasSize(5);
    assertThat(presets.latest("calderdale").version()).isEqualTo(1);
  }

  @Test
  void a_user_file_adds_a_new_policy_id() {
    PolicyCatalog catalog = presets.withFiles(List.of(write(dir, "my-borough.yaml", MY_BOROUGH)));
    assertThat(catalog.ids()).contains("my-borough").hasSize(6);
    Policy mine = catalog.latest("my-borough");
    assertThat(mine.ladder(DisputeProcess.CLA).stages()).extracting(Stage::rank).containsExactly(0, 1, 2);
    assertThat(mine.ladder(DisputeProcess.CLA).stage("stage2").orElseThrow().response()).isEqualTo(ResponseKind.MEETING_CONVENED);
    assertThat(mine.ladder(DisputeProcess.CLA).stage("stage1").orElseThrow().response()).as("REPLY by default").isEqualTo(ResponseKind.REPLY);
    assertThat(mine.cafcass().mustInform()).containsExactly(Role.DCS);
    assertThat(mine.themeOf("DRIFT")).contains("drift_in_care_planning");
  }

  @Test
  void a_date_before_the_first_version_names_the_policy_the_date_and_the_earliest_effective_from() {
    assertThatThrownBy(() -> presets.inForce("lambeth", parse("2023-08-31")))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("lambeth")
        .hasMessageContaining("2023-08-31")
        .hasMessageContaining("2023-09-01")
        .hasMessageContaining("Fix:");
  }

  @Test
  void an_unknown_id_lists_the_known_ones() {
    assertThatThrownBy(() -> presets.latest("calderdal"))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("'calderdal'")
        .hasMessageContaining("calderdale, constructive-challenge, iro-alerts-five-stage, lambeth, lincolnshire");
    assertThatThrownBy(() -> presets.inForce("nowhere", parse("2024-01-01"))).isInstanceOf(DrpUserException.class)
        .hasMessageContaining("lincolnshire");
  }

  @Test
  void an_unknown_version_lists_the_known_versions() {
    assertThatThrownBy(() -> presets.version("calderdale", 3))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("calderdale version 3")
        .hasMessageContaining("[1]");
  }

  @Test
  void a_user_file_may_not_redefine_an_existing_version() {
    Path file = write(dir, "calderdale-copy.yaml", PolicyFixtures.presetText("calderdale"));
    assertThatThrownBy(() -> presets.withFiles(List.of(file)))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("calderdale v1 is already defined by preset calderdale.yaml")
        .hasMessageContaining("version 2");
  }

  @Test
  void a_later_version_must_take_effect_after_the_earlier_one() {
    String early = replace(PolicyFixtures.calderdaleV2(), "effective_from: 2025-04-01", "effective_from: 2015-01-01");
    Path file = write(dir, "calderdale-v2.yaml", early);
    assertThatThrownBy(() -> presets.withFiles(List.of(file)))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining(file + ": effective_from")
        .hasMessageContaining("calderdale v2 takes effect on 2015-01-01, not after calderdale v1");
  }

  @Test
  void a_missing_user_file_is_named() {
    Path missing = dir.resolve("no-such-policy.yaml");
    assertThatThrownBy(() -> presets.withFiles(List.of(missing)))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("cannot be read");
  }

  @Test
  void the_fixture_itself_is_valid() {
    assertThat(PolicyCatalog.parse(stream(MY_BOROUGH), "my-borough.yaml").reference()).isEqualTo("my-borough v1");
  }

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        Arguments.of("a required field is missing", "name: My Borough DRP\n", "",
            List.of("my-borough.yaml: name", "is required")),
        Arguments.of("a misspelt top-level key", "extensions_allowed: false", "extension_allowed: false",
            List.of("my-borough.yaml: extension_allowed", "unknown key 'extension_allowed'", "did you mean 'extensions_allowed'")),
        Arguments.of("a misspelt stage key", "    response: MEETING_CONVENED", "    respones: MEETING_CONVENED",
            List.of("ladders.CLA.stages[2].respones", "unknown key", "did you mean 'response'")),
        Arguments.of("a misspelt timescale key", "      working_days: 5", "      working_day: 5",
            List.of("my-borough.yaml: ladders.CLA.stages[2].timescale.working_day", "unknown key")),
        Arguments.of("an unknown process", "  CLA:", "  LAC:",
            List.of("ladders.LAC", "'LAC' is not a known process", "CLA, CP, PARTNER, REVERSE")),
        Arguments.of("an unknown responder role", "responder: SERVICE_MANAGER", "responder: SM",
            List.of("ladders.CLA.stages[2].responder", "'SM' is not a known role", "SOCIAL_WORKER, PRACTICE_MANAGER, TEAM_MANAGER")),
        Arguments.of("an unknown response kind", "response: MEETING_CONVENED", "response: MEETING",
            List.of("ladders.CLA.stages[2].response", "REPLY, MEETING_DATE_CONFIRMED, MEETING_CONVENED")),
        Arguments.of("an unknown timescale kind", "kind: FIXED\n", "kind: FIX\n",
            List.of("ladders.CLA.stages[2].timescale.kind", "'FIX' is not a known timescale kind", "FIXED, SET_BY_IRO, NONE")),
        Arguments.of("zero working days", "      working_days: 5", "      working_days: 0",
            List.of("my-borough.yaml: ladders.CLA.stages[2].timescale.working_days", "positive number of working days, not 0")),
        Arguments.of("working days in words", "      working_days: 5", "      working_days: five",
            List.of("ladders.CLA.stages[2].timescale.working_days", "whole number of working days, not 'five'")),
        Arguments.of("a negative informal limit", "informal_limit_wd: 10", "informal_limit_wd: -3",
            List.of("ladders.CLA.informal_limit_wd", "positive number of working days, not -3")),
        Arguments.of("a fixed timescale without working days", "kind: FIXED\n          working_days: 5\n", "kind: FIXED\n",
            List.of("ladders.CLA.stages[2].timescale", "a FIXED timescale needs working_days")),
        Arguments.of("no timescale with working days", "kind: FIXED\n", "kind: NONE\n",
            List.of("ladders.CLA.stages[2].timescale.working_days", "timescale kind NONE cannot have working days")),
        Arguments.of("a badly formed stage id", "id: stage1", "id: Stage 1",
            List.of("ladders.CLA.stages[1].id", "'Stage 1' is not a valid stage id")),
        Arguments.of("a stage id used twice", "id: stage2", "id: stage1",
            List.of("ladders.CLA.stages[2].id", "stage id 'stage1' is used twice in the CLA ladder")),
        Arguments.of("an informal stage after a formal one", "label: Stage 2\n        formal: true", "label: Stage 2\n        formal: false",
            List.of("ladders.CLA.stages[2].formal", "informal stage 'stage2' comes after a formal stage", "list informal stages first")),
        Arguments.of("a category mapped to an unknown theme", "DRIFT: drift_in_care_planning", "DRIFT: drift",
            List.of("my-borough.yaml: categories.DRIFT", "'drift' is not a theme of the canonical taxonomy", "drift_in_care_planning")),
        Arguments.of("a category mapped to the reserved unmapped theme", "DRIFT: drift_in_care_planning", "DRIFT: unmapped",
            List.of("categories.DRIFT", "reserved", "'other'")),
        Arguments.of("no categories", "categories:\n  DRIFT: drift_in_care_planning\n  OTHER: other\n", "categories: {}\n",
            List.of("my-borough.yaml: categories", "maps no categories")),
        Arguments.of("an unknown clause rule id", "timescale.total:", "timescale.totl:",
            List.of("clauses.timescale.totl", "not a rule id", "record.stage_on_file", "timescale.total")),
        Arguments.of("no CLA ladder", "  CLA:", "  CP:",
            List.of("my-borough.yaml: ladders", "has no CLA ladder")),
        Arguments.of("an impossible date", "effective_from: 2020-04-01", "effective_from: 2020-13-01",
            List.of("my-borough.yaml: effective_from", "'2020-13-01' is not a date", "YYYY-MM-DD")),
        Arguments.of("version 0", "version: 1", "version: 0",
            List.of("my-borough.yaml: version", "must be 1 or more, not 0")),
        Arguments.of("an upper-case policy id", "id: my-borough", "id: My Borough",
            List.of("my-borough.yaml: id", "'My Borough' is not a valid policy id")),
        Arguments.of("extensions allowed without a clause", "extensions_allowed: false", "extensions_allowed: true",
            List.of("my-borough.yaml: extensions_allowed", "clauses has no timescale.extensions")),
        Arguments.of("a flag that is not true or false", "holds_allowed: false", "holds_allowed: maybe",
            List.of("my-borough.yaml: holds_allowed", "must be true or false, not 'maybe'")),
        Arguments.of("consultation required with no one", "  consultation_required: false", "  consultation_required: true",
            List.of("my-borough.yaml: bypass", "consult_with is missing")),
        Arguments.of("a consultee without a consultation rule", "  consultation_required: false",
            "  consultation_required: false\n  consult_with: IRO_MANAGER",
            List.of("bypass.consult_with", "only read when consultation_required is true")),
        Arguments.of("a negative Cafcass notice lead", "notice_lead_wd: 0", "notice_lead_wd: -1",
            List.of("cafcass.notice_lead_wd", "must be 0 or more, not -1")),
        Arguments.of("an unknown role to inform", "must_inform: [DCS]", "must_inform: [DCSS]",
            List.of("cafcass.must_inform[0]", "'DCSS' is not a known role", "NOMINATED_OFFICER")),
        Arguments.of("no total limit", "    total_limit_wd: 20\n", "",
            List.of("ladders.CLA.total_limit_wd", "is required", "add 'total_limit_wd:'")),
        Arguments.of("a total limit in words", "total_limit_wd: 20", "total_limit_wd: twenty",
            List.of("ladders.CLA.total_limit_wd", "whole number of working days or none")),
        Arguments.of("a category code written twice", "  OTHER: other\n", "  OTHER: other\n  DRIFT: other\n",
            List.of("my-borough.yaml: line", "not valid YAML", "Duplicate field 'DRIFT'")),
        Arguments.of("broken YAML", "name: My Borough DRP", "name: [My Borough DRP",
            List.of("my-borough.yaml: line", "is not valid YAML")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void an_invalid_policy_file_names_the_file_the_field_the_reason_and_the_fix(
      String problem, String from, String to, List<String> expected) {
    String text = replace(MY_BOROUGH, from, to);
    assertThatThrownBy(() -> PolicyCatalog.parse(stream(text), "my-borough.yaml"))
        .as(problem)
        .isInstanceOf(DrpUserException.class)
        .hasMessageStartingWith("my-borough.yaml")
        .hasMessageContaining("Fix:")
        .satisfies(e -> assertThat(e.getMessage()).contains(expected));
  }

  @Test
  void a_ladder_without_a_formal_stage_is_rejected() {
    String informalOnly = MY_BOROUGH.substring(0, MY_BOROUGH.indexOf("      - id: stage1"))
        + MY_BOROUGH.substring(MY_BOROUGH.indexOf("categories:"));
    assertThatThrownBy(() -> PolicyCatalog.parse(stream(informalOnly), "my-borough.yaml"))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("my-borough.yaml: ladders.CLA.stages")
        .hasMessageContaining("has no formal stage");
  }

  @Test
  void an_informal_limit_on_a_ladder_without_an_informal_stage_is_rejected() {
    String noInformal = MY_BOROUGH.substring(0, MY_BOROUGH.indexOf("      - id: informal"))
        + MY_BOROUGH.substring(MY_BOROUGH.indexOf("      - id: stage1"));
    assertThatThrownBy(() -> PolicyCatalog.parse(stream(noInformal), "my-borough.yaml"))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("ladders.CLA.informal_limit_wd")
        .hasMessageContaining("no informal stage");
  }

  @Test
  void an_empty_file_is_rejected() {
    assertThatThrownBy(() -> PolicyCatalog.parse(stream(""), "empty.yaml"))
        .isInstanceOf(DrpUserException.class)
        .hasMessageStartingWith("empty.yaml: is empty");
  }

  @Test
  void a_total_of_none_means_no_total_limit() {
    Policy policy = PolicyCatalog.parse(stream(replace(MY_BOROUGH, "total_limit_wd: 20", "total_limit_wd: none")), "x.yaml");
    assertThat(policy.ladder(DisputeProcess.CLA).totalLimitWd()).isNull();
  }

  @Test
  void a_policy_lists_its_ladders_in_process_order_so_its_text_is_the_same_in_every_jvm() {
    // The gold build fingerprints the policies from their text: an order that changes with each JVM
    // start would make every incremental build fall back to a full one.
    List<Policy> withSeveralLadders = PolicyCatalog.presets().all().stream().filter(p -> p.ladders().size() > 1).toList();
    assertThat(withSeveralLadders).as("a preset defines more than one ladder").isNotEmpty();
    for (Policy policy : withSeveralLadders) {
      assertThat(List.copyOf(policy.ladders().keySet())).as(policy.id() + " ladders")
          .isSortedAccordingTo(java.util.Comparator.comparing(DisputeProcess::ordinal));
    }
  }
}
