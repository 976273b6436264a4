package org.drpwarehouse.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings table documents every setting the code accepts, with its variable and default. */
class ReadmeSettingsTest {
  @Test
  void every_setting_is_in_the_readme_with_its_environment_variable() throws IOException {
    String readme =
        Files.readString(Path.of(System.getProperty("drp.repo.dir", "..")).resolve("README.md"), StandardCharsets.UTF_8);
    for (Setting<?> setting : DrpSettings.DEFINITIONS) {
      assertThat(readme)
          .as("README documents " + setting.key())
          .contains("| `" + setting.key() + "` | `" + setting.environment() + "` |");
    }
  }
}
