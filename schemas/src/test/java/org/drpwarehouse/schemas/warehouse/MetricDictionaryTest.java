package org.drpwarehouse.schemas.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric dictionary is generated from the table contracts and must match them. */
class MetricDictionaryTest {
  private static final Path DOC = repoRoot().resolve("docs/metric-dictionary.md");

  private static Path repoRoot() {
    String fromBuild = System.getProperty("drp.repo.dir");
    return fromBuild != null ? Path.of(fromBuild) : Path.of("..").toAbsolutePath().normalize();
  }

  private static List<TableContract> documented() {
    List<TableContract> tables = new ArrayList<>(GoldTables.DERIVED);
    tables.addAll(SilverTables.DERIVED);
    tables.addAll(MartTables.ALL);
    return tables;
  }

  @Test
  void the_published_metric_dictionary_matches_the_contracts() throws IOException {
    String generated = MetricDictionary.markdown();
    if (Boolean.getBoolean("drp.docs.write")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC)).as("docs/metric-dictionary.md exists").isTrue();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/metric-dictionary.md is stale: run ./mvnw -B -pl schemas test -Dtest=MetricDictionaryTest -Ddrp.docs.write=true")
        .isEqualTo(generated);
  }

  @Test
  void every_table_has_its_grain_key_and_every_column_with_its_meaning() {
    String doc = MetricDictionary.markdown();
    for (TableContract table : documented()) {
      int at = doc.indexOf("### `" + table.qualifiedName() + "`");
      assertThat(at).as("a section for %s", table.qualifiedName()).isPositive();
      int end = doc.indexOf("### ", at + 4);
      String section = doc.substring(at, end < 0 ? doc.length() : end);
      assertThat(section).contains("**Grain**: " + table.grain());
      assertThat(section).contains("**Key**: `" + table.key().get(0) + "`");
      for (TableColumn column : table.columns()) {
        assertThat(section)
            .as("%s.%s with its type, requirement and meaning", table.qualifiedName(), column.name())
            .contains("| `" + column.name() + "` | " + column.type().simpleString() + " | " + (column.nullable() ? "no" : "yes")
                + " | " + column.description().replace("|", "\\|") + " |");
      }
    }
  }

  @Test
  void every_mart_says_which_date_a_record_counts_in() {
    String doc = MetricDictionary.markdown();
    for (TableContract mart : MartTables.ALL) {
      assertThat(mart.countsIn()).as("%s names its counting rule", mart.name()).isNotBlank();
      assertThat(doc).contains("**Counts in**: " + mart.countsIn());
    }
  }

  @Test
  void the_introduction_cites_the_shared_definitions_and_works_the_period_example_from_the_label_functions() {
    String doc = MetricDictionary.markdown();
    assertThat(doc).contains("shared metric definitions");
    assertThat(doc).contains("A record dated 2024-06-28 counts in `2024-06`, `2024-25 Q1` and `2024-25`.");
    assertThat(doc).doesNotContain("../shared").doesNotContainPattern("(?m)(^|\\s)/[a-z]+/[a-z]+/");
  }
}
