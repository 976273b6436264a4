package org.drpwarehouse.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExtractManifestTest {
  private static ExtractManifest read(String yaml) {
    return ExtractManifest.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "381/drp-extract.yaml");
  }

  @Test
  void an_extract_only_adds_and_updates_records_unless_it_says_it_is_the_whole_record() {
    assertThat(read("authority: \"381\"\n").ssda903Snapshot()).isFalse();
    assertThat(read("authority: \"381\"\nssda903_snapshot: true\n").ssda903Snapshot()).isTrue();
    assertThat(read("authority: \"381\"\nssda903_snapshot: false\n").ssda903Snapshot()).isFalse();
  }

  @Test
  void a_snapshot_setting_that_is_not_true_or_false_is_refused_naming_the_file_and_key() {
    assertThatThrownBy(() -> read("authority: \"381\"\nssda903_snapshot: yes please\n"))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("381/drp-extract.yaml: ssda903_snapshot")
        .hasMessageContaining("'yes please' is not true or false");
  }

  @Test
  void a_written_manifest_reads_back_the_same() {
    ExtractManifest manifest = new ExtractManifest("381", "Calderdale", LocalDate.of(2025, 3, 31), true);
    StringWriter out = new StringWriter();
    manifest.write(out);
    assertThat(read(out.toString())).isEqualTo(manifest);
  }
}
