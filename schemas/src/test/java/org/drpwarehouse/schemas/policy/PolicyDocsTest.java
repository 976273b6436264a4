package org.drpwarehouse.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.drpwarehouse.schemas.DisputeProcess;
import org.junit.jupiter.api.Test;

/**
 * docs/policies.md is what IRO managers and inspectors read: its preset tables must say what the
 * preset files say, and its examples must load.
 */
class PolicyDocsTest {
  private final String docs = read();

  /** docs/policies.md of the repository the tests run in (the module's parent folder). */
  private static String read() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docs/policies.md"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("docs/policies.md above " + Path.of("").toAbsolutePath()).isNotNull();
    try {
      return Files.readString(dir.resolve("docs/policies.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void every_preset_is_documented_with_the_tables_its_file_gives() {
    for (Policy policy : PolicyCatalog.presets().all()) {
      assertThat(docs).as("a section for " + policy.id()).contains("### `" + policy.id() + "`");
      for (DisputeProcess process : DisputeProcess.values()) {
        if (policy.definesLadder(process)) {
          Ladder ladder = policy.ladder(process);
          assertThat(docs).as(policy.id() + " " + process + " stage table").contains(PolicyDocs.stageTable(ladder));
          assertThat(docs).as(policy.id() + " " + process + " limits").contains(PolicyDocs.limitsLine(ladder));
        }
      }
      assertThat(docs).as(policy.id() + " bypass, Cafcass, extensions and holds").contains(PolicyDocs.rulesLine(policy));
      assertThat(docs).as(policy.id() + " categories").contains(PolicyDocs.categoryTable(policy));
      assertThat(docs).as(policy.id() + " effective date").contains(policy.effectiveFrom().toString());
    }
  }

  @Test
  void the_theme_table_lists_the_canonical_taxonomy() {
    assertThat(docs).contains(PolicyDocs.themeTable(ThemeTaxonomy.canonical()));
  }

  @Test
  void the_full_example_policy_file_loads() {
    Policy example = PolicyCatalog.parse(PolicyFixtures.stream(block("### Full example", "```yaml")), "example-borough.yaml");
    assertThat(example.reference()).isEqualTo("example-borough v1");
    assertThat(example.definesLadder(DisputeProcess.CP)).isTrue();
    assertThat(example.ladder(DisputeProcess.CP).bypass().consultationRequired()).as("the CP ladder's own bypass rule").isFalse();
    assertThat(example.ladder(DisputeProcess.CLA).bypass().emergencyException()).isTrue();
    assertThat(example.clauses().keySet()).hasSize(9);
  }

  @Test
  void the_binding_file_example_loads_against_the_presets() {
    PolicyBindings bindings = PolicyBindings.read(
        PolicyFixtures.stream(block("## The binding file", "```csv")), PolicyBindings.FILE_NAME, PolicyCatalog.presets());
    assertThat(bindings.authorities()).containsExactlyInAnyOrder("381", "208", "925", "314");
    assertThat(bindings.policyFor("314", LocalDate.of(2024, 1, 8)).id()).isEqualTo("constructive-challenge");
    assertThat(bindings.bindings()).filteredOn(b -> b.authority().equals("314")).first()
        .extracting(PolicyBinding::authorityName).isEqualTo("Kingston upon Thames, Royal Borough of");
  }

  /** The first fenced block opened by {@code fence} after {@code heading}. */
  private String block(String heading, String fence) {
    int at = docs.indexOf(heading);
    assertThat(at).as("docs has " + heading).isGreaterThanOrEqualTo(0);
    int start = docs.indexOf(fence + "\n", at);
    assertThat(start).as(fence + " block after " + heading).isGreaterThan(at);
    start += fence.length() + 1;
    return docs.substring(start, docs.indexOf("```", start));
  }
}
