package org.drpwarehouse.app.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {
  private static final Path OUT = Path.of("sample");

  @Test
  void defaults_are_fixed_not_taken_from_the_clock() {
    GeneratorSettings s = GeneratorSettings.of(3, 2, 42L, OUT);
    assertThat(s.startYear()).isEqualTo(2022);
    assertThat(s.malformedRate()).isEqualTo(0.003);
    assertThat(s.recordingGapRate()).isEqualTo(0.03);
    assertThat(s.presetSwitchEvery()).isEqualTo(7);
    assertThat(s.periodStart()).isEqualTo(LocalDate.of(2022, 4, 1));
    assertThat(s.withStartYear(2022).withMalformedRate(0.003)).isEqualTo(s);
  }

  @Test
  void the_period_is_whole_financial_years() {
    GeneratorSettings s = GeneratorSettings.of(1, 3, 1L, OUT);
    assertThat(s.periodStart()).isEqualTo(LocalDate.of(2022, 4, 1));
    assertThat(s.periodEnd()).as("2022, 3 years: 2022-04-01 to 2025-03-31").isEqualTo(LocalDate.of(2025, 3, 31));
  }

  @Test
  void bad_values_are_named_in_the_message() {
    assertThatThrownBy(() -> GeneratorSettings.of(0, 1, 1L, OUT)).hasMessageContaining("0 authorities");
    assertThatThrownBy(() -> GeneratorSettings.of(900, 1, 1L, OUT)).hasMessageContaining("900 authorities");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 0, 1L, OUT)).hasMessageContaining("0 years");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 21, 1L, OUT)).hasMessageContaining("21 years");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 1, 1L, OUT).withMalformedRate(-0.1)).hasMessageContaining("-0.1");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 1, 1L, OUT).withMalformedRate(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 1, 1L, OUT).withRecordingGapRate(1.5)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 1, 1L, OUT).withStartYear(1066)).hasMessageContaining("1066");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 1, 1L, OUT).withPresetSwitchEvery(-1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 1, 1L, null)).hasMessageContaining("out");
  }
}
