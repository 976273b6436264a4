package org.drpwarehouse.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The user documentation of the file formats is generated from the contracts and must match them. */
class ContractDocsTest {
  private static final Path DOC = repoRoot().resolve("docs/file-formats.md");

  private static Path repoRoot() {
    String fromBuild = System.getProperty("drp.repo.dir");
    return fromBuild != null ? Path.of(fromBuild) : Path.of("..").toAbsolutePath().normalize();
  }

  @Test
  void published_file_formats_match_the_contracts() throws IOException {
    String generated = ContractDocs.markdown();
    if (Boolean.getBoolean("drp.docs.write")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC)).as("docs/file-formats.md exists").isTrue();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/file-formats.md is stale: run ./mvnw -B -pl schemas test -Ddrp.docs.write=true")
        .isEqualTo(generated);
  }

  @Test
  void every_column_of_every_file_is_documented_with_its_type_and_example() {
    String doc = ContractDocs.markdown();
    for (RecordSpec spec : Contracts.all()) {
      assertThat(doc).contains("### `" + spec.csvFileName() + "`");
      for (Column column : spec.columns()) {
        assertThat(column.description()).as(spec.name() + "." + column.name() + " has a meaning").isNotBlank();
        assertThat(column.example()).as(spec.name() + "." + column.name() + " has an example").isNotBlank();
        assertThat(doc).contains("| `" + column.name() + "` | " + column.type().readable());
      }
    }
  }
}
