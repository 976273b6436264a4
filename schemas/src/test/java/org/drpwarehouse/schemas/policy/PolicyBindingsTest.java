package org.drpwarehouse.schemas.policy;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drpwarehouse.schemas.policy.PolicyFixtures.stream;
import static org.drpwarehouse.schemas.policy.PolicyFixtures.write;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.drpwarehouse.schemas.DrpUserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyBindingsTest {
  private static final String HEADER = "authority,authority_name,policy_id,policy_version,effective_from\n";

  private final PolicyCatalog presets = PolicyCatalog.presets();

  @TempDir Path dir;

  private PolicyBindings read(String csv, PolicyCatalog catalog) {
    return PolicyBindings.read(stream(csv), PolicyBindings.FILE_NAME, catalog);
  }

  @Test
  void an_authority_that_changes_policy_is_judged_by_the_binding_in_force_when_the_dispute_was_first_opened() {
    PolicyBindings bindings = read(HEADER
        + "381,Calderdale,calderdale,,2015-01-01\n"
        + "381,Calderdale,lambeth,,2024-04-01\n"
        + "925,Lincolnshire,lincolnshire,1,2015-08-01\n", presets);

    assertThat(bindings.authorities()).containsExactly("381", "925");
    assertThat(bindings.bindingOn("381", parse("2014-12-31"))).as("before the first binding").isEmpty();
    assertThat(bindings.bindingOn("381", parse("2015-01-01"))).map(PolicyBinding::policyId).contains("calderdale");
    assertThat(bindings.bindingOn("381", parse("2024-03-31"))).map(PolicyBinding::policyId).contains("calderdale");
    assertThat(bindings.bindingOn("381", parse("2024-04-01"))).map(PolicyBinding::policyId).contains("lambeth");
    assertThat(bindings.bindingOn("999", parse("2024-04-01"))).as("unknown authority").isEmpty();
    assertThat(bindings.policyFor("381", parse("2020-05-05")).reference()).isEqualTo("calderdale v1");
    assertThat(bindings.policyFor("381", parse("2024-04-02")).reference()).isEqualTo("lambeth v1");
    assertThat(bindings.policyFor("925", parse("2024-04-02")).reference()).isEqualTo("lincolnshire v1");
  }

  @Test
  void an_unpinned_binding_follows_the_version_in_force_and_a_pinned_one_does_not() {
    PolicyCatalog catalog = presets.withFiles(List.of(write(dir, "calderdale-v2.yaml", PolicyFixtures.calderdaleV2())));
    PolicyBindings bindings = read(HEADER
        + "381,Calderdale,calderdale,,2015-01-01\n"
        + "382,Kirklees,calderdale,1,2015-01-01\n", catalog);

    assertThat(bindings.policyFor("381", parse("2025-03-31")).version()).as("v2 not yet in force").isEqualTo(1);
    assertThat(bindings.policyFor("381", parse("2025-04-01")).version()).as("v2 in force from 2025-04-01").isEqualTo(2);
    assertThat(bindings.policyFor("382", parse("2026-01-01")).version()).as("pinned to v1").isEqualTo(1);
  }

  @Test
  void a_binding_dated_before_its_policy_exists_says_so_when_a_dispute_is_judged() {
    PolicyBindings bindings = read(HEADER + "208,Lambeth,lambeth,,2020-01-01\n", presets);
    assertThatThrownBy(() -> bindings.policyFor("208", parse("2021-06-01")))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("authority 208")
        .hasMessageContaining("bound to lambeth from 2020-01-01")
        .hasMessageContaining("2021-06-01")
        .hasMessageContaining("2023-09-01");
  }

  @Test
  void an_authority_without_a_binding_is_told_how_to_add_one() {
    PolicyBindings bindings = read(HEADER + "381,Calderdale,calderdale,,2015-01-01\n", presets);
    assertThatThrownBy(() -> bindings.policyFor("999", parse("2024-01-10")))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("authority '999' has no policy binding")
        .hasMessageContaining("add a row to policy_bindings.csv")
        .hasMessageContaining("999,,calderdale,,2024-01-10");
    assertThatThrownBy(() -> bindings.policyFor("381", parse("2014-06-30")))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("no policy binding on 2014-06-30")
        .hasMessageContaining("first takes effect on 2015-01-01");
  }

  @Test
  void writing_and_reading_back_gives_the_same_bindings() {
    PolicyBindings original = PolicyBindings.of(List.of(
        new PolicyBinding("381", "Calderdale", "calderdale", null, parse("2015-01-01")),
        new PolicyBinding("314", "Kingston, \"Royal\" Borough", "lambeth", 1, parse("2023-09-01")),
        new PolicyBinding("925", null, "lincolnshire", null, parse("2015-08-01"))), presets);
    StringWriter out = new StringWriter();
    original.write(out);

    assertThat(out.toString())
        .startsWith("authority,authority_name,policy_id,policy_version,effective_from\r\n")
        .contains("314,\"Kingston, \"\"Royal\"\" Borough\",lambeth,1,2023-09-01\r\n")
        .contains("925,,lincolnshire,,2015-08-01\r\n");
    PolicyBindings back = read(out.toString(), presets);
    assertThat(back).isEqualTo(original);
    assertThat(back.bindings()).isEqualTo(original.bindings());
    assertThat(back.bindings()).extracting(PolicyBinding::authority).as("ordered by authority").containsExactly("314", "381", "925");
  }

  @Test
  void columns_may_come_in_any_order_and_the_optional_ones_may_be_left_out() {
    PolicyBindings bindings = read("\uFEFFeffective_from,policy_id,authority\r\n2015-01-01,calderdale,381\r\n\r\n", presets);
    PolicyBinding binding = bindings.bindings().get(0);
    assertThat(binding).isEqualTo(new PolicyBinding("381", null, "calderdale", null, parse("2015-01-01")));
    assertThat(binding.displayName()).as("no name: the code").isEqualTo("381");
  }

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        Arguments.of("an unknown policy id", HEADER + "381,Calderdale,calderdale,,2015-01-01\n381,Calderdale,calderdal,,2024-01-01\n",
            List.of("policy_bindings.csv line 3 column policy_id", "'calderdal' is not a known policy id",
                "calderdale, constructive-challenge, iro-alerts-five-stage, lambeth, lincolnshire")),
        Arguments.of("an unknown pinned version", HEADER + "381,Calderdale,calderdale,2,2015-01-01\n",
            List.of("line 2 column policy_version", "policy calderdale has no version 2", "[1]")),
        Arguments.of("a version that is not a number", HEADER + "381,Calderdale,calderdale,v1,2015-01-01\n",
            List.of("line 2 column policy_version", "'v1' is not a version number")),
        Arguments.of("an impossible date", HEADER + "381,Calderdale,calderdale,,2024-02-30\n",
            List.of("line 2 column effective_from", "'2024-02-30' is not a date", "YYYY-MM-DD")),
        Arguments.of("a date in UK order", HEADER + "381,Calderdale,calderdale,,01/04/2015\n",
            List.of("line 2 column effective_from", "'01/04/2015' is not a date")),
        Arguments.of("a missing date", HEADER + "381,Calderdale,calderdale,,\n",
            List.of("line 2 column effective_from", "is empty")),
        Arguments.of("two bindings of an authority from the same date",
            HEADER + "381,Calderdale,calderdale,,2015-01-01\n925,,lincolnshire,,2015-08-01\n381,Calderdale,lambeth,,2015-01-01\n",
            List.of("line 4 column effective_from", "authority 381 already has a binding from 2015-01-01 (line 2)")),
        Arguments.of("a header without effective_from", "authority,policy_id\n381,calderdale\n",
            List.of("policy_bindings.csv line 1", "the header has no effective_from column")),
        Arguments.of("a header without authority and policy_id", "authority_name,effective_from\nCalderdale,2015-01-01\n",
            List.of("line 1", "no authority, policy_id columns")),
        Arguments.of("no header row", "381,Calderdale,calderdale,,2015-01-01\n",
            List.of("line 1 column 1", "'381' is not a column of policy_bindings.csv", "header row")),
        Arguments.of("an unknown column", "authority,policy,effective_from\n381,calderdale,2015-01-01\n",
            List.of("line 1 column 2", "'policy' is not a column")),
        Arguments.of("a column named twice", "authority,policy_id,authority,effective_from\n",
            List.of("line 1 column 3", "column 'authority' appears twice")),
        Arguments.of("a row with too few fields", HEADER + "381,Calderdale,calderdale,2015-01-01\n",
            List.of("line 2", "has 4 fields but the header has 5")),
        Arguments.of("an unquoted comma in a name", HEADER + "314,Kingston, Royal Borough,lambeth,,2023-09-01\n",
            List.of("line 2", "has 6 fields", "quote values holding commas")),
        Arguments.of("an empty authority", HEADER + ",Calderdale,calderdale,,2015-01-01\n",
            List.of("line 2 column authority", "is empty")),
        Arguments.of("an empty policy id", HEADER + "381,Calderdale,,,2015-01-01\n",
            List.of("line 2 column policy_id", "is empty")),
        Arguments.of("a quote never closed", HEADER + "381,\"Calderdale,calderdale,,2015-01-01\n",
            List.of("line 2", "a quoted field is never closed")),
        Arguments.of("an empty file", "", List.of("policy_bindings.csv: is empty", "header row")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void an_invalid_bindings_file_names_the_line_the_column_the_reason_and_the_fix(
      String problem, String csv, List<String> expected) {
    assertThatThrownBy(() -> read(csv, presets))
        .as(problem)
        .isInstanceOf(DrpUserException.class)
        .hasMessageStartingWith("policy_bindings.csv")
        .hasMessageContaining("Fix:")
        .satisfies(e -> assertThat(e.getMessage()).contains(expected));
  }

  @Test
  void bindings_built_in_code_are_checked_against_the_catalog_too() {
    assertThatThrownBy(() -> PolicyBindings.of(List.of(new PolicyBinding("381", null, "nowhere", null, parse("2015-01-01"))), presets))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("'nowhere' is not a known policy id");
    assertThatThrownBy(() -> PolicyBindings.of(List.of(new PolicyBinding("381", null, "lambeth", 4, parse("2015-01-01"))), presets))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("policy lambeth has no version 4");
    assertThatThrownBy(() -> PolicyBindings.of(List.of(
            new PolicyBinding("381", null, "lambeth", null, parse("2015-01-01")),
            new PolicyBinding("381", "Calderdale", "calderdale", null, parse("2015-01-01"))), presets))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("authority 381 already has a binding from 2015-01-01");
  }

  @Test
  void a_binding_treats_a_blank_name_as_no_name() {
    assertThat(new PolicyBinding(" 381 ", "  ", "calderdale", null, parse("2015-01-01")))
        .isEqualTo(new PolicyBinding("381", null, "calderdale", null, parse("2015-01-01")));
    assertThatThrownBy(() -> new PolicyBinding("381", null, "calderdale", 0, parse("2015-01-01")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_quoted_name_over_two_lines_keeps_the_line_numbers_of_later_rows_right() {
    String csv = HEADER + "381,\"Calderdale\nMetropolitan Borough\",calderdale,,2015-01-01\n925,,lincolnshire,,2015-8-01\n";
    assertThatThrownBy(() -> read(csv, presets))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("policy_bindings.csv line 4 column effective_from");
    PolicyBindings ok = read(csv.replace("2015-8-01", "2015-08-01"), presets);
    assertThat(ok.bindings().get(0).authorityName()).isEqualTo("Calderdale\nMetropolitan Borough");
    StringWriter out = new StringWriter();
    ok.write(out);
    assertThat(read(out.toString(), presets)).isEqualTo(ok);
  }

  @Test
  void a_bindings_file_is_read_from_its_path_and_a_missing_one_is_named() throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve(PolicyBindings.FILE_NAME),
        "authority,authority_name,policy_id,policy_version,effective_from\n381,Calderdale,calderdale,,2015-01-01\n");
    assertThat(PolicyBindings.read(file, presets).policyFor("381", parse("2024-01-10")).id()).isEqualTo("calderdale");
    Path missing = dir.resolve("nowhere").resolve(PolicyBindings.FILE_NAME);
    assertThatThrownBy(() -> PolicyBindings.read(missing, presets))
        .isInstanceOf(DrpUserException.class).hasMessageStartingWith(missing.toString()).hasMessageContaining("cannot be read");
  }
}
